// Context rules for names that also mean something else. Each takes a candidate and its neighbours
// and returns a country code or null; the article-level evidence is computed once by the tagger.
import { DATELINE, docHasAny, zoneOf, type Doc } from "./document";
import { GIVEN_NAME_LIST, LANGUAGE_DATA } from "./data";
import { NAME_LIKE, type Entry, type NameLike, type TrieNode } from "./gazetteer";
import { ALLCAPS, CAP, POSSESSIVE, SENT_START, WORD, flagsAt, normAt, phraseNorms } from "./tokenize";

export interface Candidate {
  /** Token range [start, end). */
  start: number;
  end: number;
  entry: Entry;
  code: string | null;
  /** Decided by the "City, Region" rule; no further checks. */
  forced: boolean;
  /** Second half of "City, Region": counted with the first half. */
  absorbed: boolean;
  /** Waiting for article-level evidence (second pass). */
  pending: boolean;
}

/** Returned by rules that need the whole article; settled in the tagger's second pass. */
export const PENDING: unique symbol = Symbol("pending");
export type RuleResult = string | null | typeof PENDING;

export interface Evidence {
  /** Accepted unambiguous mentions per code. */
  byCode: Map<string, number>;
  /** Cue words per cue name (gazetteer-data CUES). */
  cues: Map<string, number>;
  /** US cities, states and areas (not "Washington", which is also Washington-the-government). */
  usPlaces: number;
  /** Place words seen used as a person's name in this article. */
  persons: Set<string>;
}

const words = (s: string): ReadonlySet<string> => new Set(s.split(" "));

const MONTHS_DAYS = words(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday",
);

// Capitalized words that follow a country or city in institution names, never a surname.
const FOLLOWERS = words(
  "president presidents presidential prime premier minister ministers ministry government army armed air airways airlines " +
    "airport navy naval defense defence forces force police parliament parliamentary senate congress assembly national " +
    "nationals state states central bank football soccer cricket rugby olympic olympics games foreign interior embassy " +
    "ambassador consulate supreme court constitutional electoral election elections commission valley river basin lake sea " +
    "gulf coast desert republic kingdom crown prince king queen sultan emir royal times post herald today telecom " +
    "petroleum oil gas power electric railways railway rail metro city fc united saint st fashion week marathon open " +
    "masters grand prix university college institute museum zoo opera council mayor harbour harbor bridge port station " +
    "hospital cathedral peace conference summit forum festival film expo fair stock exchange tourism border borders " +
    "security intelligence health education trade finance treasury customs refugee refugees mission red crescent " +
    "international global limited ltd group holdings company investment development agency authority broadcasting " +
    "television tv radio news press daily tribune journal party front movement democrats republicans governor gov " +
    "chamber house legislature attorney team squad coach captain weather telegraph observer gazette monitor " +
    "ii iii federation union committee office department cabinet junta military regime rebels opposition " +
    "catholic orthodox muslim jewish christian church mosque diaspora telecoms energy water food aid relief " +
    "highlands lowlands plains mountains islands island region province district county metropolitan area carnival",
);

// Capitalized words before a place that do not make it a surname ("Southern Chad", "Lake Chad").
const PRE_MODIFIERS = words(
  "north south east west northern southern eastern western central upper lower greater inner outer mount lake " +
    "kingdom republic hashemite neighbouring neighboring rural downtown metropolitan coastal occupied independent " +
    "modern ancient old new free united democratic federal post pre pro anti official visit visits visited",
);

const TITLE_WORDS = words(
  "president king queen prince princess minister ambassador envoy sheikh emir sultan general gen colonel col " +
    "governor gov mayor senator sen rep representative chancellor premier pope lord lady sir dame judge justice " +
    "coach captain officer agent detective professor prof dr mr mrs ms",
);

// First names that make a following place a surname even at the start of a sentence or in a headline.
const GIVEN_NAMES = words(
  "michael jim vernon eddie denzel george whitney sam joaquin joe hannah tom jools booker harriet kerry sean lewis " +
    "french john james david robert mary barbara lisa jennifer sarah emma chris ryan kevin brian mark paul " +
    "holly anna laura emily olivia sophie lucy kate katie amy rachel rebecca jessica charlotte " +
    "daniel matthew andrew william richard thomas steven peter simon ben adam luke jack harry oliver",
);

const ENGLISH_LOCATIVE = words(
  "in to from into across throughout near toward towards via inside outside visit visited visiting visits " +
    "neighbouring neighboring of at around between",
);
const LOCATIVE: ReadonlySet<string> = new Set([
  ...ENGLISH_LOCATIVE,
  // The prepositions of the other tagged languages ("nach", "à", "em", "naar"…), accent-folded.
  ...Object.values(LANGUAGE_DATA).flatMap((l) => foldAll(l.locatives)),
]);

const LOCATIVE_BY_LANGUAGE: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.values(LANGUAGE_DATA).map((l) => [
    l.language,
    new Set([...ENGLISH_LOCATIVE, ...foldAll(l.locatives)]),
  ]),
);

function foldAll(list: string): string[] {
  return list
    .split("|")
    .filter(Boolean)
    .map((w) => w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
}

// Words around a water body or a treaty in the other languages: "mer Noire", "Golf von Mexiko",
// "accord de Paris", "Vertrag von Lissabon", "Tratado de Lisboa". A place right after WATER/TREATY + a
// preposition names the sea or the treaty, not the country.
const FOREIGN_WATER = words(
  "mer golfe ocean detroit meer golf ozean meerenge see mar golfo oceano estrecho estreito mare stretto zee oceaan zeestraat baai bahia baia " +
    "delta fleuve riviere fluss rio fiume rivier",
);
const FOREIGN_TREATY = words(
  "abkommen abkommens vertrag vertrags vertrage konvention konventionen protokoll accord accords traite convention " +
    "conventions protocole acuerdo acuerdos tratado tratados convenio convencion convenciones protocolo acordo acordos " +
    "convencao convencoes trattato trattati accordo accordi protocollo convenzione convenzioni verdrag verdragen akkoord " +
    "akkoorden conventie conventies protocol",
);
// EU regulations named after a city ("Dublin-Verordnung", "règlement de Dublin") read like treaties.
const FOREIGN_REGULATION = words(
  "verordnung verordnungen reglement reglements reglamento reglamentos regolamento regolamenti regulamento " +
    "regulamentos verordening verordeningen",
);
// Coalitions named after flags ("Kenia-Koalition", "coalition Arizona", "Jamaika-Bündnis"): no country.
const COALITION = words(
  "koalition koalitionen bundnis bundnisse coalition coalitions coalicion coaliciones coalizione coalizioni " +
    "coligacao coligacoes coalitie coalities",
);
// A government named after its coalition, right before the name: "le gouvernement Arizona" (tagger v14); not
// "le gouvernement de la France".
const GOVERNMENT_NAMED = words("gouvernement regering regierung");
// A river word right before the name: "fleuve Niger", "Fluss Jordan", "río Congo".
const RIVER_BEFORE = words("fleuve riviere fluss rio fiume rivier");
// French determiners and the adjectives that come before a noun: a lower-case nationality word right after
// them is a noun, and French writes the people with a capital ("les Français"), so it is a thing: "au
// chinois" (a sieve), "une simple canadienne" (a jacket), "les suisses" (chipmunks in Quebec).
const FR_DETERMINERS = words(
  "le la les l un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs",
);
const FR_PRENOMINAL = words(
  "petit petite petits petites grand grande grands grandes vieux vieil vieille vieilles jeune jeunes nouveau " +
    "nouvel nouvelle nouvelles beau bel belle belles bon bonne bons bonnes mauvais mauvaise simple simples vrai " +
    "vraie vrais vraies gros grosse long longue autre autres meme memes seul seule",
);
// Articles, prepositions and conjunctions before a language in a list ("lo spagnolo", "da francese e
// inglese", "para inglês", "del alemán al español").
const LANGUAGE_LIST_BEFORE = words(
  "il lo l la i gli le dal dallo dall al allo all del dello dell nel nello nell da di in e ed o el los en y " +
    "o do ao no em para e ou de",
);
// Languages that write nationality words, nouns included, in lower case: a capitalized one mid-sentence
// is a surname ("arrestati Russo e Greco", "Francés").
const LOWER_DEMONYM_LANGUAGES = new Set(["es", "it", "pt"]);
// "lingua italiana", "langue française", "língua portuguesa": after the noun, any form is the language.
const LANGUAGE_NOUNS = words(
  "lingua lingue langue langues lengua lenguas idioma idiomas idiomi sprache sprachen taal talen",
);
const QUOTES = new Set(["'", '"', "„", "“", "”", "«", "»", "‘", "’", "‹", "›"]);
const OPENING_QUOTES = new Set(['"', "„", "“", "«", "‹"]);
const CLOSING_QUOTES = new Set(['"', "“", "”", "»", "›"]);
// A title may also stand in single quotation marks ("hits als 'Parijs bij nacht'"): the tokenizer keeps an
// apostrophe inside a word ("dell'India") out of the tokens, so a lone ' is a quotation mark (or the rare
// "'s-Hertogenbosch", which no noun for a work precedes).
const TITLE_OPENING = new Set([...OPENING_QUOTES, "'", "‘"]);
const TITLE_CLOSING = new Set([...CLOSING_QUOTES, "'", "’"]);
// Nouns for a work before its title in quotation marks: "il film «Un americano a Roma»", "die Oper „Der
// Barbier von Sevilla“", "la película «Lejos de Colombia»": the places inside are the title's.
const WORK_WORDS = words(
  "film films filme filmes pelicula peliculas opera opere oper opern operette roman romans romanzo romanzi novela " +
    "novelas romance romances libro libri livre livres buch buches bucher serie series serien canzone canzoni " +
    "chanson chansons cancion canciones cancao lied lieder song songs album albums disco spettacolo spectacle piece " +
    "stuck musical musicals titolo titre titel titulo documentaire documentario documental dokumentarfilm " +
    "komodie commedia comedie comedia tragedie tragedia drama dramma ballett balletto ballet sinfonie sinfonia symphonie " +
    "hit hits single singles nummer nummers liedje liedjes plaat platen boek boeken voorstelling toneelstuk " +
    "klassieker klassiekers schlager book books novel novels play plays track tracks livro livros cancoes musica " +
    "balada baladas ballade balladen ballata ballate ballad ballads " +
    "musicas peca pecas brano brani singolo singoli tema temas tube tubes morceau morceaux " +
    // Sung titles: "renditions of 'Jerusalem'", "the anthem 'Advance Australia Fair'" (tagger v14).
    "hymn hymns anthem anthems rendition renditions hymne hymnen hino hinos inno inni himno himnos",
);
const TITLE_SPAN = 8;
// Between the noun for a work and its title: "hits als 'X'", "des chansons comme « X »", "songs like 'X'".
const TITLE_INTRO = words(
  "als zoals wie like such as including comme como come tels telles tales quali dont waaronder darunter of",
);
// Words that join the titles of a list: "'X' en 'Y'", "« X », « Y » et « Z »".
const TITLE_LINKS = words(", en and und et e y o ou of or oder");
// Words for a saying: in an article about sayings, a place inside a short quotation is the saying's ("« boire
// en Suisse »", "«más se perdió en Cuba»"), not a place the article is about (tagger v7).
const SAYING_WORDS = words(
  "expression expressions locution locutions tournure tournures dicton dictons proverbe proverbes " +
    "frase frases refran refranes modismo modismos expresion expresiones " +
    "espressione espressioni proverbio proverbi " +
    "expressao expressoes ditado ditados proverbios " +
    "redewendung redewendungen redensart redensarten sprichwort sprichworter " +
    "uitdrukking uitdrukkingen gezegde gezegden spreekwoord spreekwoorden zegswijze",
);
const OF_WORDS = words("von vom de du des d di del della da do dos van of der");
// Colours and pigments named after places: "bleu de Prusse", "jaune de Naples", "rosso di Venezia",
// "azul de Prusia", "Pruisisch blauw" is an adjective (STYLE rules), so these are the genitive forms.
const COLOUR_WORDS = words(
  "bleu jaune rouge vert noir blanc brun gris violet pourpre ocre terre blu giallo rosso verde nero bianco " +
    "bruno grigio viola porpora ocra terra azul amarillo rojo negro blanco marron purpura tierra amarelo " +
    "vermelho preto branco roxo blau gelb rot grun schwarz weiss braun blauw geel rood groen zwart wit bruin",
);
const NO_WORDS: ReadonlySet<string> = new Set();
const STREET_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["fr", words("rue avenue boulevard quai impasse allee place square porte pont lycee")],
  ["it", words("via viale piazza piazzale corso largo vicolo lungomare")],
  ["es", words("calle avenida paseo plaza")],
  ["pt", words("rua avenida travessa praca alameda largo")],
]);
// "Russland-Straße", "Amerika-Allee", "Frankrijk-plein": a street hyphenated with its head (de, nl).
const STREET_HEADS = words(
  "strasse platz allee weg ring gasse ufer damm chaussee brucke steig straat plein laan kade gracht dreef singel",
);
// Stops of a transit line ("la station Argentine", "la estación de República Argentina", "l'arrêt à Rome",
// "fermata Spagna", "Haltestelle Polen"): named after places elsewhere, they place nothing (tagger v7).
const STATION_WORDS = words(
  "station stations arret arrets estacion estaciones stazione stazioni fermata fermate estacao estacoes " +
    "paragem paragens haltestelle haltestellen halte haltes metrostation metrostations",
);
const PROVINCE_WORDS = words("province provincia provincie provinz");
const ISLAND_WORDS = words("ilha ilhas ile iles isla islas isola isole eiland eilanden insel inseln");
// "las calles México, Chile y Estados Unidos": streets listed after their plural head, named like stops (v13).
const PLURAL_STREETS = words(
  "calles avenidas rues avenues boulevards vie viali piazze ruas pracas straten pleinen",
);
const RESTAURANT_BEFORE = words("beim zum");
const STYLE_BEFORE = words(
  "restaurant restaurants cuisine traiteur epicerie plat plats recette recettes specialite specialites " +
    "gastronomie pizzeria brasserie style accent ristorante ristoranti cucina piatto piatti ricetta ricette trattoria " +
    "stile accento restaurante restaurantes cocina plato platos receta recetas estilo acento cozinha culinaria prato " +
    "pratos receita receitas sotaque",
);
const STYLE_AFTER = words(
  "restaurant restaurants kuche kueche gerichte gericht spezialitat spezialitaten rezept rezepte imbiss lokal art stil " +
    "akzent keuken gerecht gerechten recept stijl accent eethuis",
);
// Breeds, products and landmarks named after a nationality: "Französische Bulldoggen", "berger allemand",
// "Schweizer Uhrwerk", "orologio svizzero", "caffè marocchino", "Chinesischer Turm", "jardin japonais".
// The head noun comes after the word in German and Dutch, before it in the Romance languages.
// Breed names borrowed from English stand on either side.
const BREED_LOANS =
  "bulldog bulldogs terrier terriers setter setters mastiff mastiffs spaniel spaniels pointer pointers collie collies ";
const THING_AFTER = words(
  BREED_LOANS +
    "bulldogge bulldoggen dogge doggen pinscher spitz windhund windhunde vorstehhund laufhund wasserhund " +
    "wasserhunde vollblut vollbluter vollblutern warmblut kaltblut katze katzen kurzhaar langhaar uhrwerk uhrwerks " +
    "taschenmesser kase welle turm turms garten gartens tor teehaus pavillon brunnen viertel herder herders " +
    "herdershond windhond windhonden volbloed kat katten uurwerk",
);
// German compounds end in the head noun: "Irischer Wolfshund", "Russischer Zupfkuchen", "Britische Kurzhaarkatze".
const THING_AFTER_TAILS = [
  "hund",
  "hunde",
  "hunden",
  "hundes",
  "katze",
  "katzen",
  "kuchen",
  "torte",
  "salat",
];
const THING_BEFORE = words(
  BREED_LOANS +
    "bouledogue bouledogues berger bergers braque braques epagneul epagneuls levrier levriers dogue dogues chat " +
    "chats cheval chevaux sang pastore pastori mastino mastini levriero levrieri alano alani segugio segugi bracco " +
    "bracchi gatto gatti cavallo cavalli purosangue pastor pastores mastin mastines galgo galgos gran perro perros " +
    "gato gatos caballo caballos sangre cao caes cavalo cavalos sangue " +
    "orologio orologi coltellino coltellini caffe cafe formaggio formaggi montre montres fromage reloj relojes " +
    "queso navaja navajas relogio omelette omelettes tortilla tortillas frittata salade salades insalata ensalada " +
    "sauce salsa soupe zuppa sopa tarte torta tarta crema creme pain pan pane pao ola onda " +
    "jardin jardins giardino giardini torre torri pavillon padiglione pagode pagoda quartier quartiere barrio " +
    // "filet américain" (Belgian steak tartare), "filete ruso" (tagger v14).
    "filet filets filete filetes",
);
// Taking on a role: "fanno i portoghesi" (dodge the fare), "fa l'indiano" (plays dumb), "se hizo la sueca":
// a form of "fare"/"hacer" and an article before a lower-case nationality word is an idiom.
const ROLE_VERBS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    "it",
    words(
      "fare farsi fa fai fanno facciamo fate faccio faceva facevano facevo fece fecero fatto fatta fatti facendo " +
        "faccia facciano fara faranno",
    ),
  ],
  [
    "es",
    words(
      "hacer hacerse hacerte hacerme hace hacen hago haces hacemos hizo hicieron hacia hacian haciendo haciendose " +
        "hecho haga hagan hara haran",
    ),
  ],
  ["fr", words("faire fait font fais faisait faisaient")],
  ["pt", words("fazer faz fazem fez fizeram fazia faziam feito fazendo faca facam fara farao")],
]);
const ROLE_ARTICLES = words("il lo l i gli la le el los las o a os as");
// An indefinite article before a country's name makes it a measure or a metaphor, not the place: "vale un
// Perù" (worth a fortune), "ein zweites Vietnam" is left alone (an adjective comes between).
const INDEFINITE = words("un uno una ein eine einen einem einer une um uma een");
// Spanish patronymic surnames end in -ez ("India Martínez", "Chile González"): after a place name they make it
// a given name.
const SURNAME_ENDING = /^[a-z]{3,}ez$/;
const SURNAME_ENDING_LANGUAGES = new Set(["es", "pt"]);
// "San Antonio del Táchira": a city followed by "del"/"dos" and a capitalized word names another town.
const LONGER_NAME_LANGUAGES = new Set(["es", "it", "pt"]);
const LONGER_NAME_LINKS = words("de del dello della do da dos das");

const foldedSet = (list: string | undefined): ReadonlySet<string> =>
  new Set(foldAll(list ?? "").flatMap((w) => w.split(" ")));
const keyed = (
  table: Readonly<Record<string, string>> | undefined,
): ReadonlyMap<string, ReadonlySet<string>> =>
  new Map(
    Object.entries(table ?? {}).map(([phrase, list]) => [phraseNorms(phrase).join(" "), foldedSet(list)]),
  );

/** Per-language data for the trap rules: homographs and their cue words, names after a word, language topics. */
const TRAPS = new Map(
  Object.values(LANGUAGE_DATA).map((l) => [
    l.language,
    {
      homographs: keyed(l.homographs),
      notAfter: keyed(l.notAfter),
      languageTopic: foldedSet(l.languageTopic),
      givenNames: foldedSet(l.givenNames),
    },
  ]),
);

/** Per language, the place names its `rules` list as given names or surnames. */
const PERSON_NAMES = new Map(
  Object.values(LANGUAGE_DATA).map((l) => [
    l.language,
    new Set(
      Object.entries(l.rules ?? {})
        .filter(([, rule]) => rule === "given-name")
        .flatMap(([phrase]) => phraseNorms(phrase)),
    ),
  ]),
);

/** Language words per tagged language: before/after a nationality adjective that make it a language. */
const LANGUAGE_CONTEXT = new Map(
  Object.values(LANGUAGE_DATA).map((l) => [
    l.language,
    { before: new Set(foldAll(l.languageBefore)), after: new Set(foldAll(l.languageAfter)) },
  ]),
);

const BIRD_WORDS = words(
  "roast roasted roasting carve carved carving stuffing stuffed gravy thanksgiving dinner bird birds feathers oven " +
    "brine brined fried deep fryer sandwich sandwiches leftovers drumstick drumsticks gobble pardon pardoned pardons " +
    "pardoning butterball farm farms farmer farmers flock poultry avian hunting hunters hunter wild frozen thaw thawing " +
    "feast meal cranberry cranberries basting baste plucked meat bacon breast legs wishbone recipe recipes cook cooking " +
    "cooked grill grilled smoked",
);

const TREATY_WORDS = words(
  "agreement agreements accord accords convention conventions protocol protocols pact club principles process format " +
    "declaration consensus communique charter statute memorandum cooperation",
);

const LANGUAGE_BEFORE = words(
  "speak speaks spoke speaking spoken learn learning learned learnt fluent teach taught translated translate translating dubbed",
);
const LANGUAGE_AFTER = words(
  "language languages speaker speakers speaking translation translations subtitles subtitled lessons classes course " +
    "courses teacher teachers dialect dialects grammar dictionary vocabulary literature-language",
);

const AMAZON_GEO = words(
  "rainforest rainforests rain basin river jungle forest forests region deforestation fires biome tribe tribes " +
    "indigenous wildfires wildfire drought ecosystem",
);
const AMAZON_CORPORATE = words(
  "warehouse warehouses workers employees founder deal deals app store stores delivery deliveries driver drivers " +
    "package packages listing listings account accounts seller sellers device devices review reviews spokesperson " +
    "spokesman spokeswoman executive executives boss union facility facilities fulfillment fulfilment order orders " +
    "shares stock website platform subscription subscribers cloud service services",
);
const FUNCTION_WORDS = words(
  "in and is was has have had of to for where which that at on or as by with could would will may might are were its",
);

const GEORGIA_US_NEXT = words(
  "gov governor governors republican republicans democrat democrats democratic gop senate senator senators " +
    "legislature house tech bulldogs county counties secretary voters",
);
const GEORGIA_GE_BEFORE = words("republic country nation");
const GEORGIAN_NOT_PEOPLE = words(
  "architecture era period house houses terrace terraces townhouse townhouses style building buildings mansion square",
);

const PLACE_SUFFIX = words(
  "fc festival airport station university council cathedral borough town crown court",
);

const JERSEY_NOT_PLACE = words(
  "cow cows cattle milk cream shirt shirts number dairy herd herds heifer heifers bull bulls calf calves breed " +
    "breeds crossbred crossbreds animals",
);

function flag(doc: Doc, i: number): number {
  return flagsAt(doc.t, i);
}

function norm(doc: Doc, i: number): string {
  return normAt(doc.t, i);
}

function caseless(doc: Doc, i: number): boolean {
  return i < doc.titleEnd && doc.titleCaseless;
}

function startsEntry(doc: Doc, word: string): boolean {
  const node = doc.gaz.root.next?.get(word);
  // GeoNames-only cities ("Vista", "Mesa") do not make a word a place: they need context themselves.
  return node !== undefined && (node.next !== null || node.entry?.rule !== "geo-city");
}

/** Does no two-word phrase that continues from this node name an officeholder or a person ("Javier Milei")? */
function startsPlaceOnly(node: TrieNode): boolean {
  for (const child of node.next?.values() ?? [])
    if (child.entry && (child.entry.years !== null || child.entry.kind === "person")) return false;
  return true;
}

function isCapWord(doc: Doc, i: number): boolean {
  const f = flag(doc, i);
  return (f & WORD) !== 0 && (f & CAP) !== 0;
}

/** True when the word before the candidate is a locative preposition ("in Jordan", "to Nice"). */
export function locativeBefore(doc: Doc, c: Candidate): boolean {
  return LOCATIVE.has(norm(doc, c.start - 1));
}

// Genitive prepositions of the other languages ("a defesa de Israel"): they say nothing about a place.
const GENITIVES = words("de do da dos das di del della dello dei degli delle van von vom du des d dell");

/** A locative that is not merely a genitive ("em Israel", "nach Israel", not "de Israel"). */
export function strictLocativeBefore(doc: Doc, c: Candidate): boolean {
  const prev = norm(doc, c.start - 1);
  // The article's own prepositions only: Dutch "na Maastricht" is "after", not Portuguese "na" ("in the").
  const own = LOCATIVE_BY_LANGUAGE.get(doc.gaz.language) ?? LOCATIVE;
  return own.has(prev) && (doc.gaz.language === "en" || !GENITIVES.has(prev));
}

/** Index of the word before token i, skipping apostrophes and quotation marks ("l'anglaise", "der „Moldau“"). */
function wordBefore(doc: Doc, i: number): number {
  let k = i - 1;
  while (k >= 0 && QUOTES.has(norm(doc, k))) k--;
  return k;
}

/**
 * A place name used for a treaty, a regulation or a coalition ("accord de Paris", "Dublin-Verordnung",
 * "Kenia-Koalition", "coalition Arizona"), which then keeps that sense in the article (tagger.ts).
 */
export function namesAgreement(doc: Doc, c: Candidate): boolean {
  if (doc.gaz.language === "en" || c.entry.kind === "demonym") return false;
  const prev = norm(doc, c.start - 1);
  // "coalition « Arizona »": the name in quotation marks.
  if (COALITION.has(prev) || COALITION.has(norm(doc, wordBefore(doc, c.start)))) return true;
  if (GOVERNMENT_NAMED.has(prev) && !(flag(doc, c.start - 1) & CAP)) return true;
  if (OF_WORDS.has(prev) || prev === "'") {
    const before = norm(doc, c.start - 2);
    if (FOREIGN_TREATY.has(before) || FOREIGN_REGULATION.has(before) || COALITION.has(before)) return true;
  }
  // "Maastricht-Vertrag", "Dayton-Abkommen", "Dublin-Verordnung", "Kenia-Koalition".
  if (norm(doc, c.end) !== "-") return false;
  const head = norm(doc, c.end + 1);
  return FOREIGN_TREATY.has(head) || FOREIGN_REGULATION.has(head) || COALITION.has(head);
}

/**
 * A capitalized nationality word in a language that writes them in lower case: a surname mid-sentence
 * ("arrestati Russo e Greco") or after a common given name ("Giovanni Tedesco").
 */
export function isSurnameUse(doc: Doc, c: Candidate): boolean {
  if (isNamePart(doc, c)) return true;
  if (c.entry.kind !== "demonym" || !LOWER_DEMONYM_LANGUAGES.has(doc.gaz.language)) return false;
  const f = flag(doc, c.start);
  if (!(f & CAP) || f & ALLCAPS || caseless(doc, c.start)) return false;
  const k = wordBefore(doc, c.start);
  if (isCapWord(doc, k) && TRAPS.get(doc.gaz.language)?.givenNames.has(norm(doc, k))) return true;
  // "A Portuguesa venceu", "la Española": after an article a capitalized one is a club or a firm (v7).
  if (DEFINITE.has(norm(doc, k)) && !(flag(doc, c.start) & SENT_START)) return true;
  // "Federazione Russa", "Croce Rossa Italiana": part of a longer capitalized name, left to the country.
  return !(f & SENT_START) && !isCapWord(doc, k);
}

/** German writes nationality adjectives in lower case: the capitalized base form is the language ("lernt Chinesisch"). */
function isGermanLanguageName(doc: Doc, c: Candidate): boolean {
  if (doc.gaz.language !== "de" || c.entry.kind !== "demonym" || !c.entry.languageForm) return false;
  // "Deutsch-französische Gespräche": a capitalized compound at the start of a sentence.
  return (flag(doc, c.start) & CAP) !== 0 && norm(doc, c.end) !== "-";
}

/** A phrase listed as a homograph whose other meaning's cue words are in the article ("Amerikaner" at the baker's). */
function isHomographUse(doc: Doc, c: Candidate): boolean {
  const traps = TRAPS.get(doc.gaz.language);
  if (!traps || traps.homographs.size === 0) return false;
  const parts: string[] = [];
  for (let k = c.start; k < c.end; k++) parts.push(norm(doc, k));
  const cues = traps.homographs.get(parts.join(" "));
  if (cues && docHasAny(doc, cues)) return true;
  const before = traps.notAfter.get(parts.join(" "));
  return before !== undefined && before.has(norm(doc, wordBefore(doc, c.start)));
}

/** A lower-case nationality word used as a noun for a thing or a style, or as a language in a list. */
function isNounUse(doc: Doc, c: Candidate): boolean {
  const language = doc.gaz.language;
  if (c.entry.kind !== "demonym" || flag(doc, c.start) & CAP || namedByNationality(doc, c)) return false;
  const k1 = wordBefore(doc, c.start);
  const p1 = norm(doc, k1);
  const p2 = norm(doc, wordBefore(doc, k1));
  // "à l'anglaise", "a la francesa", "all'italiana": in that style.
  if ((language === "fr" || language === "es") && (p1 === "la" || p1 === "l") && p2 === "a") return true;
  if (language === "it" && (p1 === "alla" || p1 === "all")) return true;
  if (language === "fr" && (FR_DETERMINERS.has(p1) || (FR_PRENOMINAL.has(p1) && FR_DETERMINERS.has(p2))))
    return true;
  // In an article about languages, the bare masculine form after an article or in a list is the language.
  const topic = TRAPS.get(language)?.languageTopic;
  return (
    c.entry.languageForm &&
    topic !== undefined &&
    topic.size > 0 &&
    LANGUAGE_LIST_BEFORE.has(p1) &&
    docHasAny(doc, topic)
  );
}

/** "fanno i portoghesi", "se hizo la sueca": a role taken on, after a form of "fare"/"hacer" and an article. */
function isRoleIdiom(doc: Doc, c: Candidate): boolean {
  const verbs = ROLE_VERBS.get(doc.gaz.language);
  if (!verbs || flag(doc, c.start) & CAP) return false;
  const k = wordBefore(doc, c.start);
  if (!ROLE_ARTICLES.has(norm(doc, k))) return false;
  // One lower-case word may come between: "fanno ancora i portoghesi", "se hace siempre el sueco".
  const v = wordBefore(doc, k);
  if (verbs.has(norm(doc, v))) return true;
  const v2 = wordBefore(doc, v);
  return (flag(doc, v) & (WORD | CAP)) === WORD && verbs.has(norm(doc, v2));
}

/** "San Antonio del Táchira", "San José del Guaviare": a city name that begins a longer one (es, it, pt). */
function beginsLongerName(doc: Doc, c: Candidate): boolean {
  if (!LONGER_NAME_LANGUAGES.has(doc.gaz.language) || c.entry.kind !== "city") return false;
  // "do Porto Grande" (Mindelo's harbour): these languages write common nouns in lower case, so a capitalized
  // word right after a city that names nothing itself makes a longer name (tagger v13).
  const next = c.end;
  if (isCapWord(doc, next) && !(flag(doc, next) & (SENT_START | ALLCAPS))) {
    const after = doc.gaz.root.next?.get(norm(doc, next))?.entry;
    if (!after?.code && zoneOf(doc, c.start) !== DATELINE) return true;
  }
  return LONGER_NAME_LINKS.has(norm(doc, c.end)) && isCapWord(doc, c.end + 1);
}

/**
 * The quotation mark that opens the quotation token i stands in, at most `span` tokens back, or -1 (also
 * when a closing mark, or with `wordsOnly` anything but a word, comes first).
 */
function openingQuoteBefore(doc: Doc, i: number, span: number, wordsOnly = false): number {
  for (let k = i - 1; k >= Math.max(0, i - span); k--) {
    const w = norm(doc, k);
    if (TITLE_OPENING.has(w)) return k;
    if (TITLE_CLOSING.has(w) || (wordsOnly && !(flag(doc, k) & WORD))) return -1;
  }
  return -1;
}

/** Inside a quoted title right after a noun for a work: "il film «Un americano a Roma»". */
function inWorkTitle(doc: Doc, c: Candidate): boolean {
  const open = openingQuoteBefore(doc, c.start, TITLE_SPAN);
  if (open < 0 || !afterWorkWord(doc, open)) return false;
  for (let k = c.end; k < Math.min(doc.t.count, c.end + TITLE_SPAN); k++) {
    if (TITLE_CLOSING.has(norm(doc, k))) return true;
  }
  return false;
}

/** Word tokens at most in a short title in quotation marks ("'Noches de Tokio'", "« Nova Iorque »"). */
const SHORT_TITLE_WORDS = 4;

/**
 * Inside a short capitalized quotation, whatever precedes it: "publicó 'Noches de Tokio', su cuarto álbum",
 * "o primeiro single, 'Marrakech'": a place that is the bulk of a few quoted words names a work, a venue or
 * a nickname, not the place itself (tagger v12).
 */
function inShortQuotedName(doc: Doc, c: Candidate): boolean {
  const open = openingQuoteBefore(doc, c.start, SHORT_TITLE_WORDS, true);
  // "naar 'Spanje'": a place in quotation marks after a locative is still the place.
  if (open < 0 || LOCATIVE.has(norm(doc, open - 1))) return false;
  for (let k = open + 1; k <= open + SHORT_TITLE_WORDS + 1 && k < doc.t.count; k++) {
    const w = norm(doc, k);
    if (TITLE_CLOSING.has(w)) return k > open + 1;
    // A name's words are capitalized but for its links ("Noches de Tokio"); a lower-case word makes it a
    // quoted saying or speech ("«La Francia ha sbagliato», ha detto"), whose places keep their sense.
    if (!(flag(doc, k) & WORD) || (!isCapWord(doc, k) && !GENITIVES.has(w))) return false;
  }
  return false;
}

// Nouns for a band or an act before its name: "la banda argentina Camboya", "le groupe Texas", "de band Portland".
const BAND_WORDS = words(
  "band bands banda bandas groupe groupes grupo grupos gruppo gruppi gruppe duo trio quartet quartetto " +
    "rapper rappeur rappeuse rapero rapera cantante zanger zangeres sanger sangerin chanteur chanteuse cantor " +
    "cantora rockband popgroep popband formatie formation dj",
);

/** A place right after a noun for a band, or after that noun and a nationality: the band's name (tagger v12). */
function isBandName(doc: Doc, c: Candidate): boolean {
  if (!isCapWord(doc, c.start) || c.entry.kind === "demonym") return false;
  const prev = norm(doc, c.start - 1);
  if (BAND_WORDS.has(prev)) return true;
  // "la banda argentina Camboya", "le groupe écossais Texas": a lower-case nationality between them.
  const before = doc.gaz.root.next?.get(prev)?.entry;
  return !!before?.code && !(flag(doc, c.start - 1) & CAP) && BAND_WORDS.has(norm(doc, c.start - 2));
}

// Words that introduce a name: "eine Sennenhündin namens Kenia", "a colt called Jersey", "un cheval nommé Chili".
const NAMING_WORDS = words(
  "namens genannt getauft named called dubbed nicknamed appele appelee appeles nomme nommee baptise baptisee " +
    "surnomme surnommee llamado llamada denominado denominada bautizado bautizada apodado apodada chiamato " +
    "chiamata denominato denominata battezzato battezzata soprannominato chamado chamada batizado batizada " +
    "apelidado apelidada genaamd genaamde genoemd gedoopt",
);

/** A place right after a word that introduces a name is that name (tagger v13). */
export function afterNamingWord(doc: Doc, c: Candidate): boolean {
  const k = wordBefore(doc, c.start);
  const w = norm(doc, k);
  if (!isCapWord(doc, c.start) || !NAMING_WORDS.has(w) || flag(doc, c.end - 1) & POSSESSIVE) return false;
  // Dutch "namens Nederland" is "on behalf of"; "was named Spain's coach", "has been called" appoint.
  if (doc.gaz.language === "nl" && w === "namens") return false;
  return !NAMING_AUXILIARIES.has(norm(doc, k - 1));
}
const NAMING_AUXILIARIES = words("be been being was were is are has have had who which that");

/** A place used as the name of a band or of a short quoted work ("le groupe Texas", "'Nova Iorque'"). */
function namesSomething(doc: Doc, c: Candidate): boolean {
  if (afterNamingWord(doc, c)) return true;
  return doc.gaz.language !== "en" && (inShortQuotedName(doc, c) || isBandName(doc, c));
}

/**
 * The places that name a band or a work somewhere in the article: one sense per article, so "Indochine et
 * Texas électrisent la plaine" in a headline is the bands the body calls "le groupe Texas" (tagger v12).
 */
export function namesInArticle(doc: Doc, cands: readonly Candidate[]): ReadonlySet<Entry> {
  const named = new Set<Entry>();
  for (const c of cands) if (!c.forced && namesSomething(doc, c)) named.add(c.entry);
  return named;
}

/**
 * Whether the quotation opening at `open` follows a noun for a work: right after it, after a word that
 * introduces examples ("hits als"), or after earlier titles of the same list ("'X' en 'Y'").
 */
function afterWorkWord(doc: Doc, open: number): boolean {
  let k = open - 1;
  for (let titles = 0; k >= 0 && titles < 4; titles++) {
    while (k >= 0 && TITLE_INTRO.has(norm(doc, k))) k--;
    if (WORK_WORDS.has(norm(doc, k))) return true;
    // An earlier title of a list: a link, its closing mark, then back to its opening mark.
    if (!TITLE_LINKS.has(norm(doc, k)) || !TITLE_CLOSING.has(norm(doc, k - 1))) return false;
    let before = -1;
    for (let j = k - 2; j >= Math.max(0, k - 2 - TITLE_SPAN); j--) {
      if (TITLE_OPENING.has(norm(doc, j))) {
        before = j;
        break;
      }
    }
    if (before < 0) return false;
    k = before - 1;
  }
  return false;
}

/** A transit stop named after a place: "la station Argentine", "estación de Colombia", "l'arrêt à Rome". */
export function isStationName(doc: Doc, c: Candidate): boolean {
  if (doc.gaz.language === "en" || c.entry.kind === "demonym") return false;
  let k = wordBefore(doc, c.start);
  if (STATION_WORDS.has(norm(doc, k)) || PLURAL_STREETS.has(norm(doc, k))) return true;
  // A city's name after a word for an island, or later in that list, is the island's: "as ilhas do Sal e da
  // Boa Vista" (v13).
  if (c.entry.kind === "city") {
    let before = k;
    for (let items = 0; items < 3; items++) {
      if (OF_WORDS.has(norm(doc, before))) before = wordBefore(doc, before);
      if (ISLAND_WORDS.has(norm(doc, before))) return true;
      if (!LIST_LINKS.has(norm(doc, before)) || !isCapWord(doc, before - 1)) break;
      before = wordBefore(doc, before - 1);
    }
  }
  // The stop's name may begin with another capitalized word: "estación de República Argentina".
  if (isCapWord(doc, k) && !(flag(doc, k) & SENT_START)) k = wordBefore(doc, k);
  if (STATION_WORDS.has(norm(doc, k))) return true;
  const p = norm(doc, k);
  return (OF_WORDS.has(p) || LOCATIVE.has(p)) && STATION_WORDS.has(norm(doc, wordBefore(doc, k)));
}

/** Inside a short quotation in an article about sayings: "comme « boire en Suisse »". */
function inQuotedSaying(doc: Doc, c: Candidate): boolean {
  let open = false;
  for (let k = c.start - 1; k >= Math.max(0, c.start - TITLE_SPAN); k--) {
    const w = norm(doc, k);
    if (OPENING_QUOTES.has(w)) {
      open = true;
      break;
    }
    if (CLOSING_QUOTES.has(w) || CLAUSE_ENDS.has(w)) return false;
  }
  if (!open) return false;
  let closed = false;
  for (let k = c.end; k < Math.min(doc.t.count, c.end + TITLE_SPAN); k++) {
    if (CLOSING_QUOTES.has(norm(doc, k))) {
      closed = true;
      break;
    }
  }
  return closed && docHasAny(doc, SAYING_WORDS);
}

// Capitalized words that may stand right before a place in the other languages without making it a name:
// titles, saints, "New", "Great", parts and kinds of place.
const NAME_PREFIX_OK = words(
  "san santa santo sao saint sainte sint st nueva nuevo nouvelle nouveau nova novo nuova nuovo nieuw nieuwe " +
    "gran grande grand grote groot alto alta bajo baja baixo baixa haute haut basse bas alt neu costa cidade " +
    "ciudad citta ville stad provincia province provincie region regione regiao republica republique repubblica " +
    "reino royaume regno koninkrijk estado etat stato staat presidente president presidenta ministro ministre " +
    "ministra papa pape paus rei rey roi re koning reina rainha reine regina koningin principe prince prins " +
    "princesa princesse principessa infante don dona dom zuid noord oost west sud nord est ouest sur norte este " +
    "oeste ovest leste centro olympique stade racing sporting real atletico athletic inter dynamo dinamo " +
    "deportivo club union uniao unione seleccion selecao selezione selection equipe equipo squadra banco " +
    "banque banca bank",
);

// English titles written before a person's name (tagger v13).
const HONORIFICS = words(
  "mr mrs ms dr cllr coun councillor councilor councilman councilwoman alderman sen rep gov prof sir dame lord " +
    "lady rev",
);

/** Is there an honorific at token i ("Mr", "Coun." with its full stop)? */
function honorificAt(doc: Doc, i: number): boolean {
  const k = norm(doc, i) === "." ? i - 1 : i;
  return HONORIFICS.has(norm(doc, k)) && isCapWord(doc, k);
}

// Given names of many languages from a kept package (data/given-names.json, tagger v14): "Labor's Ali France".
const PACKAGED_GIVEN_NAMES: ReadonlySet<string> = new Set(GIVEN_NAME_LIST.split("|"));

/** A common given name in English or in the article's language ("Holly", "Jannik", "Giovanni")? */
function isGivenName(w: string, language: string): boolean {
  return GIVEN_NAMES.has(w) || PACKAGED_GIVEN_NAMES.has(w) || TRAPS.get(language)?.givenNames.has(w) === true;
}

// Words that name a place after them: "Universiteit Leiden", "Stadt Zürich", "Kanton Bern", "Ville de".
const PLACE_HEADS = words(
  "universiteit universitat universite universidad universita universidade university hogeschool hochschule " +
    "gemeente gemeinde stad stadt ville ciudad citta cidade city provincie provinz kanton canton cantone",
);

/** Does "first second" stand somewhere in the article with "first" capitalized mid-sentence? */
function namedMidSentence(doc: Doc, first: string, second: string): boolean {
  for (let j = 0; j + 1 < doc.t.count; j++) {
    if (
      norm(doc, j) === first &&
      norm(doc, j + 1) === second &&
      !(flag(doc, j) & SENT_START) &&
      isCapWord(doc, j)
    )
      return true;
  }
  return false;
}

/**
 * "Marina Lisboa", "Diego Portugal", "Guaraná Antarctica", "Karin Engelsman": a place or nationality word
 * right after a capitalized word that is no place, title or part of a place name is the end of a person's or
 * a brand's name (French, Spanish, Italian, Portuguese, Dutch; tagger v7). German capitalizes every noun.
 */
export function isNamePart(doc: Doc, c: Candidate): boolean {
  const language = doc.gaz.language;
  if (c.entry.kind === "metonym") return false;
  const f = flag(doc, c.start);
  if (!(f & CAP) || f & ALLCAPS || caseless(doc, c.start)) return false;
  // English and German capitalize too much to read any capitalized word before as a name; a known given
  // name is one ("Stürmer Jannik Holland", "Pflegerin Sabine Irland", "Holly England"; tagger v10).
  if (language === "en" || language === "de") {
    const k = c.start - 1;
    const w = norm(doc, k);
    // "Mr Jordan", "Cllr Helen Brazil", "Richterin Anke Schweizer": a title, and perhaps a name, before it.
    if (language === "en" && c.entry.kind !== "demonym") {
      if (honorificAt(doc, k) || (isCapWord(doc, k) && honorificAt(doc, k - 1))) return true;
    }
    // A word that begins only people's names ("Ali" of "Ali Khamenei") is still a given name: "Ali France".
    const node = doc.gaz.root.next?.get(w);
    const place = node !== undefined && startsEntry(doc, w) && (node.entry !== null || startsPlaceOnly(node));
    return isGivenName(w, language) && isCapWord(doc, k) && !(flag(doc, k) & ALLCAPS) && !place;
  }
  let k = c.start - 1;
  // "Peter de Deen": a nationality word after a particle and a name.
  if (c.entry.kind === "demonym" && PERSON_PARTICLES.has(norm(doc, k)) && !(flag(doc, k) & CAP)) k--;
  if (!isCapWord(doc, k) || flag(doc, k) & ALLCAPS || caseless(doc, k)) return false;
  const w = norm(doc, k);
  // At the start of a sentence the word before may be a preposition or an article ("En Honduras").
  if (LOCATIVE.has(w) || DEFINITE.has(w) || GENITIVES.has(w) || INDEFINITE.has(w) || LIST_LINKS.has(w))
    return false;
  // A place before it ("Guatemala Honduras" in a headline list) is no name; "Diego" of "Diego Garcia" is.
  const entry = doc.gaz.root.next?.get(w)?.entry;
  if (entry && entry.kind !== "person" && entry.rule !== "geo-city") return false;
  // "Universiteit Leiden", "Buurland Guyana": an institution or a word for a country names the place.
  if (PLACE_HEADS.has(w) || /(?:land|staat)$/.test(w)) return false;
  // At the start of a sentence any word is capitalized ("Anche Hong Kong", "Ook Frankrijk"): only a known
  // given name, or the same two words mid-sentence elsewhere in the article ("A cantora Marina Lisboa …
  // Marina Lisboa, de 24 anos"), make the place a surname there (tagger v11).
  if (flag(doc, k) & SENT_START && !isGivenName(w, language) && !namedMidSentence(doc, w, norm(doc, c.start)))
    return false;
  return !NAME_PREFIX_OK.has(w) && !PRE_MODIFIERS.has(w) && !TITLE_WORDS.has(w);
}

/**
 * "Moscow Mule", "Singapore Sling", "Georgia Winter", "Irish Coffee": outside English, an English form of a
 * name followed by a capitalized word that is no place and no institution word is a name of a thing or a
 * person (tagger v7); "Singapore Airlines" keeps its place.
 */
export function isEnglishNamePart(doc: Doc, c: Candidate): boolean {
  // "Chad" in a German novel's title: the English form of a country that is also a given name is the
  // person, unless a locative makes it a place.
  if (c.entry.english && c.entry.rule === "given-name" && c.entry.kind === "name")
    return !strictLocativeBefore(doc, c) && zoneOf(doc, c.start) !== DATELINE;
  if (!c.entry.english || c.entry.kind === "metonym" || !isCapWord(doc, c.end) || caseless(doc, c.start))
    return false;
  const next = norm(doc, c.end);
  if (flag(doc, c.end) & ALLCAPS || FOLLOWERS.has(next) || MONTHS_DAYS.has(next)) return false;
  const entry = doc.gaz.root.next?.get(next)?.entry;
  return !entry || entry.kind === "person" || entry.rule === "geo-city";
}

/** A word alone in quotation marks is used in another sense: "stretta sui «portoghesi»" (fare dodgers). */
export function isScareQuoted(doc: Doc, c: Candidate): boolean {
  if (doc.gaz.language === "en") return false;
  return OPENING_QUOTES.has(norm(doc, c.start - 1)) && CLOSING_QUOTES.has(norm(doc, c.end));
}

/** "l'US Orléans", "US Lecce": a country's acronym before a town's name begins a sports club's name. */
export function isClubAcronym(doc: Doc, c: Candidate): boolean {
  if (doc.gaz.language === "en" || !c.entry.acronym || !isCapWord(doc, c.end)) return false;
  if (flag(doc, c.end) & ALLCAPS) return false;
  const next = doc.gaz.root.next?.get(norm(doc, c.end))?.entry;
  return next !== null && next !== undefined && next.code !== null && next.kind === "city";
}

/** "India Martínez": a place name before a capitalized -ez surname is a given name (es, pt). */
function isSurnamedPlace(doc: Doc, c: Candidate): boolean {
  if (!SURNAME_ENDING_LANGUAGES.has(doc.gaz.language) || c.entry.kind === "demonym") return false;
  if (!isCapWord(doc, c.end) || flag(doc, c.end) & ALLCAPS) return false;
  return SURNAME_ENDING.test(norm(doc, c.end));
}

const DUTCH_LANGUAGE_FOLLOWERS = words(
  "of en maar dan als wint winnen groeit daalt blijft is zijn was waren wordt worden werd op in voor met bij " +
    "naast na tot aan",
);

/** "in Duits of Frans", "Spaans wint terrein": an uninflected Dutch nationality word used as the language's name. */
function isDutchLanguageUse(doc: Doc, c: Candidate): boolean {
  const w = norm(doc, c.end - 1);
  if (!/s$/.test(w) || w.endsWith("se") || isInstitutionWord(norm(doc, c.end), "nl")) return false;
  return !(flag(doc, c.end) & WORD) || DUTCH_LANGUAGE_FOLLOWERS.has(norm(doc, c.end));
}

const STYLE_ARTICLES = new Map<string, ReadonlySet<string>>([
  ["fr", words("la l")],
  ["es", words("la lo")],
  ["pt", words("a")],
  ["it", words("alla all")],
]);

/** "à la lyonnaise", "à l'anglaise", "a la española", "a lo loco", "à grega", "alla milanese", "all'italiana". */
function inStyleOf(doc: Doc, c: Candidate): boolean {
  const language = doc.gaz.language;
  const articles = STYLE_ARTICLES.get(language);
  if (!articles || isCapWord(doc, c.end)) return false;
  const p1 = norm(doc, c.start - 1);
  if (language === "it") return articles.has(p1);
  // Portuguese contracts "a a" into "à"; the tokenizer folds accents, so "à grega" reads "a grega".
  if (language === "pt") return p1 === "a" && firstChar(doc, c.start - 1) === "à";
  return articles.has(p1) && norm(doc, c.start - 2) === "a";
}

/** The first character of token i as written. */
function firstChar(doc: Doc, i: number): string {
  const text = i < doc.titleEnd ? doc.title : doc.body;
  return text[doc.t.start[i] ?? 0] ?? "";
}

/** Words for a large number after its digits ("100 Millionen", "2 milliards", "3 mln"). */
const MAGNITUDES = words(
  "tausend millionen million millions milliarde milliarden mio mrd milliard milliards mln md mds millon millones " +
    "milione milioni miliardo miliardi milhao milhoes milhar bilhao bilhoes mil miljoen miljard duizend",
);

const ENGLISH_IDIOMS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["dutch", words("double go going went")],
  ["french", words("my")],
]);

// Small numbers written out before a magnitude: "vier Millionen Franken", "deux milliards de rands" (v13).
const NUMBER_WORDS = words(
  "ein eine zwei drei vier funf sechs sieben acht neun zehn un une deux trois quatre cinq six sept huit neuf " +
    "dix uno dos tres cuatro cinco seis siete ocho nueve diez due tre quattro sei sette otto nove dieci um uma " +
    "duas quatro oito nove dez een twee drie vijf zes zeven negen tien",
);

/** Bodies of water and treaties named after places; language names; the traps of the other languages. */
export function failsGenericChecks(doc: Doc, c: Candidate): boolean {
  const next = norm(doc, c.end);
  const kind = c.entry.kind;
  // "Holly England": a place right after a known given name is the surname (other languages: isSurnameUse).
  if (doc.gaz.language === "en" && isNamePart(doc, c)) return true;
  // "renditions of 'Jerusalem'", "the song 'Georgia'": a title in quotation marks (English since v14).
  if (doc.gaz.language === "en" && inWorkTitle(doc, c)) return true;
  if (doc.gaz.language !== "en") {
    const prev = norm(doc, c.start - 1);
    if (OF_WORDS.has(prev) || prev === "'") {
      const before = norm(doc, c.start - 2);
      if (FOREIGN_WATER.has(before)) return true;
      // "jaune de Naples", "terre de Sienne", "blu di Prussia": a colour (tagger v8).
      if (COLOUR_WORDS.has(before) && kind !== "demonym") return true;
    }
    if (
      namesAgreement(doc, c) ||
      isSurnameUse(doc, c) ||
      isHomographUse(doc, c) ||
      isNounUse(doc, c) ||
      isGermanLanguageName(doc, c)
    )
      return true;
    if (RIVER_BEFORE.has(prev) && kind !== "demonym") return true;
    // "Río Culiacán", "Rio Minho": a river's name, not the city Rio (tagger v13).
    if (c.end - c.start === 1 && RIVER_BEFORE.has(norm(doc, c.start)) && isCapWord(doc, c.end)) return true;
    // "rue de Rome", "via Roma", "Avenida Brasil", "calle de Francia": a street, not the place.
    const streets = STREET_WORDS.get(doc.gaz.language) ?? NO_WORDS;
    if (
      kind !== "demonym" &&
      (streets.has(prev) || (OF_WORDS.has(prev) && streets.has(norm(doc, c.start - 2))))
    )
      return true;
    if (next === "-" && STREET_HEADS.has(norm(doc, c.end + 1))) return true;
    // "beim Italiener", "zum Griechen", "bij de Chinees": the restaurant.
    if (
      kind === "demonym" &&
      (RESTAURANT_BEFORE.has(prev) || (prev === "de" && norm(doc, c.start - 2) === "bij"))
    )
      return true;
    if (kind === "demonym" && LANGUAGE_NOUNS.has(prev)) return true;
    if (kind === "demonym" && c.entry.languageForm) {
      const context = LANGUAGE_CONTEXT.get(doc.gaz.language);
      // "het Nederlands" is the language, "het Nederlands elftal" (a name kept uninflected) the country's team.
      if (
        context &&
        (context.before.has(prev) || context.after.has(next)) &&
        !isInstitutionWord(next, doc.gaz.language)
      )
        return true;
      // "in het Nederlands", "nel francese"
      if (prev === "het" && norm(doc, c.start - 2) === "in") return true;
      // Dutch inflects an adjective before its noun except after "een"/no article with a neuter noun: an
      // uninflected form before no word, a link or a verb is the language ("examen in Duits of Frans",
      // "Spaans wint terrein"; tagger v10).
      if (doc.gaz.language === "nl" && isDutchLanguageUse(doc, c)) return true;
      // French writes nationality nouns with a capital ("les Français"): "le français", "l'anglais" is the language.
      if (
        doc.gaz.language === "fr" &&
        (prev === "le" || prev === "l") &&
        !(flag(doc, c.start) & CAP) &&
        !namedByNationality(doc, c)
      )
        return true;
    }
    // "pommes de terre à la lyonnaise", "risotto alla milanese", "tortilla a la española", "arroz à grega":
    // in the style of, not the place (tagger v10).
    if (kind === "demonym" && !(flag(doc, c.start) & CAP) && inStyleOf(doc, c)) return true;
    // "restaurant italien", "cucina giapponese", "italienisches Restaurant", "Franse kaas": cuisine and
    // style, not the country.
    if (kind === "demonym" && !(flag(doc, c.start) & CAP) && STYLE_BEFORE.has(prev)) return true;
    if (kind === "demonym" && STYLE_AFTER.has(next)) return true;
    if (kind === "demonym" && (THING_AFTER.has(next) || THING_BEFORE.has(prev))) return true;
    // "Französische Straße", "Englischer Platz": a street named after a nationality (German, Dutch).
    if (kind === "demonym" && STREET_HEADS.has(next)) return true;
    if (kind === "demonym" && doc.gaz.language === "de" && THING_AFTER_TAILS.some((t) => next.endsWith(t)))
      return true;
    if (kind === "demonym" && isRoleIdiom(doc, c)) return true;
    if (kind === "name" && INDEFINITE.has(prev)) return true;
    // "la province de Luxembourg", "a província do Zaire": a province named like a country (v13).
    if (kind === "name" && OF_WORDS.has(prev) && PROVINCE_WORDS.has(norm(doc, c.start - 2))) return true;
    if (isSurnamedPlace(doc, c) || beginsLongerName(doc, c) || inWorkTitle(doc, c)) return true;
    if (namesSomething(doc, c)) return true;
    if (isStationName(doc, c) || inQuotedSaying(doc, c) || isClubAcronym(doc, c)) return true;
    if (isEnglishNamePart(doc, c) || isScareQuoted(doc, c)) return true;
    // "200 Franken", "30 Rand", "100 Millionen Franken": after a number (and its magnitude) a region's name
    // is a currency or a unit (tagger v7).
    const amount = (w: string): boolean => /^\d/.test(w) || NUMBER_WORDS.has(w);
    if (kind !== "city" && (/^\d/.test(prev) || (MAGNITUDES.has(prev) && amount(norm(doc, c.start - 2)))))
      return true;
  }
  if ((next === "sea" || next === "ocean") && isCapWord(doc, c.end)) return true;
  if (doc.gaz.language === "en" && kind !== "demonym" && ENGLISH_STREETS.has(next) && isCapWord(doc, c.end))
    return true;
  if (norm(doc, c.start - 1) === "of" && /^(gulf|sea|bay|strait|straits)$/.test(norm(doc, c.start - 2)))
    return true;
  if ((kind === "city" || kind === "area" || kind === "metonym") && !(flag(doc, c.end - 1) & POSSESSIVE)) {
    if (TREATY_WORDS.has(next)) return true;
    if (next === "climate" && TREATY_WORDS.has(norm(doc, c.end + 1))) return true;
  }
  if (kind === "demonym") {
    const prev = norm(doc, c.start - 1);
    if (LANGUAGE_BEFORE.has(prev) || LANGUAGE_AFTER.has(next)) return true;
    // "double Dutch", "let's go Dutch", "pardon my French": English idioms (tagger v13).
    const idiom = ENGLISH_IDIOMS.get(norm(doc, c.start));
    if (doc.gaz.language === "en" && idiom?.has(norm(doc, wordBefore(doc, c.start)))) return true;
    if (next === "-" && /^(speaking|language|speaker|speakers)$/.test(norm(doc, c.end + 1))) return true;
    // "written in French." / "in Russian and English": a language when nothing follows it.
    if ((prev === "in" || prev === "into") && (!(flag(doc, c.end) & WORD) || next === "and" || next === "or"))
      return true;
  }
  return false;
}

/** Is this place name used as part of a person's name here ("Chad Smith", "Michael Jordan")? */
export function isPersonUse(doc: Doc, c: Candidate, rule: NameLike): boolean {
  const i = c.start;
  if (zoneOf(doc, i) === DATELINE) return false;
  const j = c.end;
  const fi = flag(doc, i);
  if (rule.followedBySurname && !(fi & POSSESSIVE) && !caseless(doc, i) && isCapWord(doc, j)) {
    const fj = flag(doc, j);
    const w = norm(doc, j);
    const acronym = (fj & ALLCAPS) !== 0 && w.length > 1;
    if (!acronym && !FOLLOWERS.has(w) && !MONTHS_DAYS.has(w) && !startsEntry(doc, w)) return true;
  }
  let k = i - 1;
  if (k < 0) return false;
  // "Chico Buarque de Holanda", "Rebelo de Sousa": a surname after a name particle (other languages only).
  if (rule.anyPrecedingName && doc.gaz.language !== "en" && norm(doc, k) === "de" && isCapWord(doc, k - 1)) {
    const fp = flag(doc, k - 1);
    const p = norm(doc, k - 1);
    if (!(fp & (SENT_START | ALLCAPS)) && !startsEntry(doc, p) && !TITLE_WORDS.has(p)) return true;
    k = -1;
  }
  if (k < 0) return false;
  // "Booker T. Washington": an initial right before.
  if (
    norm(doc, k) === "." &&
    norm(doc, k - 1).length === 1 &&
    isCapWord(doc, k - 1) &&
    norm(doc, k - 2) !== "."
  ) {
    return isCapWord(doc, k - 2);
  }
  if (!isCapWord(doc, k)) return false;
  const p = norm(doc, k);
  if (isGivenName(p, doc.gaz.language)) return true;
  if (!rule.anyPrecedingName || caseless(doc, i)) return false;
  const fk = flag(doc, k);
  if (fk & (SENT_START | ALLCAPS | POSSESSIVE)) return false;
  return !PRE_MODIFIERS.has(p) && !TITLE_WORDS.has(p) && !MONTHS_DAYS.has(p) && !startsEntry(doc, p);
}

/** Name-like rule for a candidate; records people in evidence, returns the code, null, or PENDING. */
export function resolveGivenName(doc: Doc, c: Candidate, ev: Evidence): RuleResult {
  const key = norm(doc, c.start);
  const shared = NAME_LIKE.get(key);
  // A name listed as a given name in the article's language ("Virginia Raggi", "Marcelo Portugal"): a
  // following surname makes it a person even where the English rule does not look at the next word.
  const rule = PERSON_NAMES.get(doc.gaz.language)?.has(key)
    ? { ...(shared ?? { anyPrecedingName: false, wholeDocument: false }), followedBySurname: true }
    : shared;
  if (!rule) return c.entry.code;
  if (isPersonUse(doc, c, rule)) {
    ev.persons.add(key);
    return null;
  }
  return rule.wholeDocument ? PENDING : c.entry.code;
}

/** Second pass for name-like places: drop bare mentions once the article has used the name for a person. */
export function settleGivenName(doc: Doc, c: Candidate, ev: Evidence, code: string): string | null {
  const key = norm(doc, c.start);
  if (!ev.persons.has(key)) return code;
  if (zoneOf(doc, c.start) === DATELINE || strictLocativeBefore(doc, c)) return code;
  return (ev.byCode.get(code) ?? 0) > 0 ? code : null;
}

/** US state or country for "Georgia"/"Georgian", from the words around it, then from the article. */
export function resolveGeorgia(doc: Doc, c: Candidate, ev: Evidence): string | null {
  const i = c.start;
  const adjective = c.entry.rule === "georgia-adj";
  const next = norm(doc, c.end);
  if (adjective) {
    if (GEORGIAN_NOT_PEOPLE.has(next)) return null;
  } else {
    const rule = NAME_LIKE.get("georgia");
    if (rule && isPersonUse(doc, c, rule)) {
      ev.persons.add("georgia");
      return null;
    }
    // Once "Georgia" has been a person's name (in a language without the US state's other cues), bare
    // mentions are that person too.
    if (doc.gaz.language !== "en" && ev.persons.has("georgia") && !strictLocativeBefore(doc, c)) return null;
    if (GEORGIA_US_NEXT.has(next) && !(flag(doc, c.end - 1) & POSSESSIVE)) return "US";
    if (norm(doc, i - 1) === "of") {
      const before = norm(doc, i - 2);
      if (before === "state") return "US";
      if (GEORGIA_GE_BEFORE.has(before)) return "GE";
    }
    if (norm(doc, c.end) === "," && (norm(doc, c.end + 1) === "us" || norm(doc, c.end + 1) === "usa"))
      return "US";
  }
  return georgiaSide(ev);
}

/** Which Georgia the article is about when nothing local decides it. */
export function georgiaSide(ev: Evidence): "US" | "GE" {
  const us = 2 * ev.usPlaces + 2 * (ev.cues.get("us-georgia") ?? 0);
  let ge = 2 * (ev.byCode.get("GE") ?? 0) + 2 * (ev.cues.get("georgia") ?? 0);
  for (const neighbour of ["AM", "AZ", "RU", "UA", "TR", "MD", "BY"]) {
    if ((ev.byCode.get(neighbour) ?? 0) > 0) ge++;
  }
  return us > ge ? "US" : "GE";
}

/** Turkey the country unless the bird is on the table. */
export function resolveTurkey(doc: Doc, c: Candidate): RuleResult {
  if (zoneOf(doc, c.start) === DATELINE) return "TR";
  const para = doc.t.para[c.start];
  for (let k = Math.max(0, c.start - 6); k < Math.min(doc.t.count, c.end + 6); k++) {
    if (doc.t.para[k] === para && BIRD_WORDS.has(norm(doc, k))) return null;
  }
  return PENDING;
}

/** Second pass for Turkey: a Thanksgiving article without Turkish context is about the bird. */
export function settleTurkey(doc: Doc, c: Candidate, ev: Evidence): string | null {
  if ((ev.cues.get("bird") ?? 0) === 0) return "TR";
  if ((ev.byCode.get("TR") ?? 0) > 0 || locativeBefore(doc, c)) return "TR";
  return null;
}

/** "Nice" and "Reading": the town only where the sentence shape says so. */
export function resolveCommonWord(doc: Doc, c: Candidate, followedByPlace: boolean): RuleResult {
  const i = c.start;
  const code = c.entry.code;
  if (zoneOf(doc, i) === DATELINE) return code;
  if (caseless(doc, i)) return PENDING;
  if (locativeBefore(doc, c) || followedByPlace) return code;
  const f = flag(doc, i);
  if (f & SENT_START) return null;
  if (f & POSSESSIVE) return code;
  const j = c.end;
  if (!isCapWord(doc, j) || PLACE_SUFFIX.has(norm(doc, j))) return code;
  return null;
}

/** Amazon the rainforest (Brazil) rather than the company. */
export function resolveAmazon(doc: Doc, c: Candidate): string | null {
  const next = norm(doc, c.end);
  if (AMAZON_GEO.has(next)) return "BR";
  if (norm(doc, c.start - 1) !== "the") return null;
  if (flag(doc, c.end - 1) & POSSESSIVE) return "BR";
  if (!(flag(doc, c.end) & WORD) || FUNCTION_WORDS.has(next)) return "BR";
  // "the Amazon burned": a lower-case verb or noun that is not about the company.
  return flag(doc, c.end) & CAP || AMAZON_CORPORATE.has(next) ? null : "BR";
}

/** "Congo" alone means DR Congo unless only Republic of the Congo evidence is present. */
export function resolveCongo(ev: Evidence): string {
  const cg = (ev.byCode.get("CG") ?? 0) + (ev.cues.get("congo-brazzaville") ?? 0);
  const cd = (ev.byCode.get("CD") ?? 0) + (ev.cues.get("congo-kinshasa") ?? 0);
  return cg > 0 && cd === 0 ? "CG" : "CD";
}

/** "Korea"/"Korean" means South Korea unless the article is only about the North. */
export function resolveKorea(ev: Evidence): string {
  const north = (ev.byCode.get("KP") ?? 0) + (ev.cues.get("north-korea") ?? 0);
  const south = (ev.byCode.get("KR") ?? 0) + (ev.cues.get("south-korea") ?? 0);
  return north > 0 && south === 0 ? "KP" : "KR";
}

/** Jersey the island, New Jersey shorthand, or a cow/shirt. */
export function resolveJersey(doc: Doc, c: Candidate, ev: Evidence): string | null {
  // One sense per article: once "Jersey herds" names the breed, "the smaller Jersey" is the cow too (v13).
  for (let k = 0; k + 1 < doc.t.count; k++)
    if (norm(doc, k) === "jersey" && JERSEY_NOT_PLACE.has(norm(doc, k + 1))) return null;
  if ((ev.byCode.get("GG") ?? 0) > 0 || (ev.cues.get("channel-islands") ?? 0) > 0) return "JE";
  return ev.usPlaces > 0 ? "US" : "JE";
}

// Foreign cities with a US namesake that US copy often names without the state ("Athens" for the
// University of Georgia town, "Cambridge" for Harvard's).
const US_HOMONYMS = words("athens moscow cambridge birmingham alexandria");

/** A US namesake in an article full of US places and with nothing else from the foreign country. */
export function isUsHomonym(c: Candidate, ev: Evidence, sameCityMentions: number): boolean {
  if (c.entry.kind !== "city" || !c.code || !US_HOMONYMS.has(c.entry.phrase.toLowerCase())) return false;
  return ev.usPlaces >= 2 && (ev.byCode.get(c.code) ?? 0) <= sameCityMentions;
}

/**
 * A city known only from GeoNames (no hand-written entry): its name may be a word, a brand or a person in
 * some language, so it counts only in a dateline or right after a locative preposition ("in Sanremo",
 * "à Clermont-Ferrand"); "City, Region" is settled earlier by the comma rule.
 */
export function resolveGeoCity(doc: Doc, c: Candidate): string | null {
  if (zoneOf(doc, c.start) === DATELINE) return c.entry.code;
  // Outside English a genitive is no locative: "los cultivadores de Santa Elena" (tagger v7).
  // "aus dem italienischen Bergamo", "the Italian Bergamo": the country's nationality word right before.
  const before =
    doc.gaz.lower.next?.get(norm(doc, c.start - 1))?.entry ??
    doc.gaz.root.next?.get(norm(doc, c.start - 1))?.entry;
  if (before?.kind === "demonym" && before.code === c.entry.code && !isCapWord(doc, c.end))
    return c.entry.code;
  if (!(doc.gaz.language === "en" ? locativeBefore(doc, c) : strictLocativeBefore(doc, c))) return null;
  // "in Van Gogh's", "in Toluca Lake": another capitalized word right after makes it a longer name.
  return isCapWord(doc, c.end) ? null : c.entry.code;
}

/**
 * An institution several countries have ("Bundesrat": Germany, Austria, Switzerland; "Assemblée nationale"):
 * it counts when the article names its country otherwise, or names no country at all.
 */
export function settleWeak(code: string, ev: Evidence): string | null {
  if ((ev.byCode.get(code) ?? 0) > 0) return code;
  return ev.byCode.size === 0 ? code : null;
}

// The evidence rule (tagger v6; English since v9, see weakAnchor). A country placed only by weak mentions (a
// nationality word, a name inside a noun phrase: "point de Hongrie", "palais du Luxembourg", "fichi d'India",
// or any place as the first part of a hyphenated compound: "Japan-Knöterich", "Dublin-Regeln") needs two
// independent ones; a strong mention (dateline, "City, Region", a city, region, institution or officeholder,
// a name after a locative, a name standing on its own as subject or object, a member of a list of
// countries, a nationality word beside an institution or a person's name) places it alone.
const ARTICLES = words("der die das dem den des la le les l los las el il lo gli i het o a os as");
// Words that join the countries of a list: "Frankreich und Großbritannien", "des États-Unis et de la France",
// "da Colômbia e do Vietnã", "deutsch-französisch".
const LIST_LINKS = words(", - / und oder sowie et ou e ed y o u ni en of and or");
// "in der Ukraine", "en la India", "in de Verenigde Staten", "nos Estados Unidos": a locative and an article.
const LOCATIVE_ARTICLES = words("der dem den die la las los el het de l le les il lo gli i");
// German genitive articles after a noun: "die Regierung der Ukraine".
const GERMAN_GENITIVE_ARTICLES = words("der des");
// Inflected German adjectives (not the articles and pronouns, which are listed in ARTICLES).
const GERMAN_ADJECTIVE = /[a-z]{3,}(?:e|er|es|em)$/;
// Heads that make a nationality word or a genitive name about the state, its people in office or its
// territory: "die französische Regierung", "le président de la France", "l'esercito russo". Prefixes of
// accent-folded words.
const GERMANIC_STEMS = (
  "regier prasident minister kanzler botschaft armee militar parlament behord polizei konig truppe soldat " +
  "diplomat streitkraft staat hauptstadt grenze wahl justiz geheimdienst kabinet premier leger politie ambassad " +
  "autoriteit hoofdstad verkiezing troepen marine angriff aanval offensiv invasi krieg oorlog sanktion sanctie " +
  "mannschaft elftal nationalelf ploeg team politik politiek beleid parlement regering krise crisis wirtschaft " +
  "economie export import zukunft toekomst geschichte geschiedenis lage situatie " +
  // Money of a state (tagger v11): "US-Zölle", "Amerikaanse heffingen", "Bundeshaushalt", "staatsfonds".
  "zoll heffing haushalt begroting fonds foderal federaal budget " +
  // Associations, municipalities, drones, networks and players' positions (tagger v13): "des Schweizer
  // Fleisch-Fachverbands", "der oberösterreichischen Welterbegemeinde", "Russische drones", "een Albanees
  // netwerk", "de Noorse middenvelder" (the players, not a chess "Verteidigung" or "verdediging").
  "verband gemeinde drone drohne raket netwerk netzwerk middenveld verdediger aanvaller doelman sturmer " +
  "verteidiger torhuter " +
  // A country's side of a border (tagger v14): "auf italienischer Seite", "aan Belgische kant".
  "seite kant"
).split(" ");
const ROMANCE_STEMS = (
  "gouvern gobiern govern president presidenc ministr ministe chancel cancill cancell parlement parlament " +
  "congres senat armee ejercit esercit exercit militai militar polic polizi embaj ambasc ambassad embaix autorit " +
  "troupe tropa trupp soldat soldad frontier fronter fronteir confin capital etat estad regime regimen electio " +
  "elector elecc elezion eleic justic giustiz roi reine rey reina regina rainha monarc opposi oposic nazional " +
  "seleccion selecao selection delegat delegac delegaz marine marina armada premier diplomat attacc attaqu " +
  "ataque offensiv ofensiv invasi invas bombard guerr sanction sancion sanzion sancao equip squadr politi " +
  "cris econom export import futur avenir histoir histor storia situa territor " +
  "douan arancel dazi tarif feder budget presupuest orcament bilanci fonds fondo fundo legislat " +
  // Weapons, troops, support, investment, networks and players' positions (tagger v13): "droni russi", "o
  // contingente ruandês", "l'attaccante brasiliano".
  "drone droni missil misil contingent apoio apoyo aiuto investiment investiss inversion reseau attaquant " +
  "defenseur gardien centrocamp delanter portero portier attaccant difensor atacant zagueir goleir avancad"
).split(" ");
// People and organisations of a country: "Nederlandse studenten", "chercheurs français", "empresas chinas".
const PEOPLE_STEMS = (
  "student etudiant estudiant tourist turist urlauber burger citoyen ciudadan cittadin cidada spieler joueur jugador " +
  "giocator jogador speler arbeiter travailleur trabajador lavorator trabalhador werknemer unternehm " +
  "entreprise empres aziend bedrijv konzern banken banque bancos banche expert forscher chercheur investigador " +
  "ricercator pesquisador onderzoeker medien media medios zeitung journal periodic giornal jornal krant fans " +
  "tifos aficionad torcedor wissenschaftler scientifi cientific bevolker population poblacion popolazion " +
  "populacao bevolking volk peuple pueblo popolo povo hersteller fabricant fabrikant productor produttor produtor " +
  "maire sindac alcald prefeit burgermeister burgemeester " +
  // Professions and works (tagger v10): "un autore messicano", "il pilota britannico", "um drama sul-coreano".
  "autor auteur autric schriftstell schrijver scrittor escritor ecrivain regist realisat cineast filmemach " +
  "attor attric acteur actric schauspiel cantant cantor chanteu sanger zanger musicist musicien musico musiker " +
  "muzikant kunstler kunstenaar artist pilot atlet athlet ciclist cycliste radprofi wielrenner tennist " +
  "calciat futbolist futebolist footballeu fussballer voetballer allenat entraineu entrenador treinador " +
  "cheftrainer bondscoach operator transitair medic medecin arzt arts diplomac diplomaz diplomatie opera " +
  "film drama romanzo roman novela pelicul critic kritik critiqu golead " +
  // Envoys, referees, companies and their brands, meddling and citizenship (tagger v12): "émissaires
  // américains", "árbitro uruguayo", "groupe britannique", "marchi cinesi", "ingerenze russe", "de nacionalidade venezuelana".
  "emissair emisari emissar envoy enviad inviat gezant gesandt arbitr schiedsricht scheidsrecht groupe grupo " +
  "gruppo colosso gigant multinacional multinazional multinational petrolier petroler petrolif industri " +
  "marque marcas marchi marchio merk ingeren injerenc einmisch inmenging interferen nacionalid nazionalit " +
  "nationalit staatsangehor " +
  // Consortia, partners, agencies and foundations (tagger v13): "el consorcio chino", "un partenaire chinois",
  // "l'agenzia spaziale canadese", "een Amerikaanse stichting".
  "consorci konsorti consortium consorc partenair partner parceir agenzi agenc agentur agentsch stichting " +
  "stiftung fondation fundacion fondazion fundacao ressortiss client emploi empleo impieg emprego " +
  // Painters and families (tagger v13): "de Antwerpse schilderes", "een Britse adellijke familie".
  "schilder peintre pintor pittor maler famil " +
  // Business people (tagger v14): "eines brasilianischen Geschäftsmanns", "un imprenditore cinese", "een
  // Turkse zakenman" (Spanish and Portuguese "empresario" begin like "empresa").
  "geschaft imprenditor zakenm zakenvrouw"
).split(" ");
// Towns and markets, right before the nationality word (tagger v13): "la localidad portuguesa de Elvas", "el
// mercado estadounidense"; not "l'ospedale saudita della città".
const TOWN_STEMS = "localid ciudad ville citta cidade municip comune mercad marche mercat".split(" ");
// Where in a country: "l'ouest de l'Ukraine", "nel sud della Francia", "im Norden Italiens".
const PART_OF_COUNTRY = words(
  "nord sud est ouest norden suden osten westen noord zuid oost west norte sur este oeste ovest centro centre " +
    "zentrum midden nordeste noreste nordest sudeste sureste sudest noroeste nordoeste nordovest sudoeste " +
    "suroeste sudovest territoire territorio territorium grondgebied region regione regiao regio province " +
    "provincia provinz provincie interieur interior interno binnenland coste costa costas cote cotes kuste kust " +
    "litoral littoral localidades localidad ciudades pueblos municipios villes localites cidades citta comuni " +
    "proveniente provenientes provenant provenants provenienti procedente procedentes oriundo oriundos " +
    "steden gemeenten stadte orte noorden zuiden oosten westen occidentale orientale settentrionale " +
    "meridionale occidental oriental septentrional meridional centrale provenance procedencia provenienza " +
    // "du côté français", "dal lato italiano", "del lado español" (tagger v14).
    "cote lato lado",
);
const PERSON_PARTICLES = words("du de da di van von der den le la dos del");
const CLAUSE_ENDS = new Set([".", ";", "!", "?", "\n", ":"]);
const INSTITUTION_SPAN = 4;

// English nouns that a nationality word names a thing with, not its country's ("Danish pastry", "Turkish
// delight", "Chinese whispers", "Japanese knotweed", "German shepherd"): lexicalized compounds of food, plants,
// breeds, idioms and crafts. English news uses the adjective for the country before any other noun ("Iranian
// nuclear talks", "the Japanese yen", "Colombian coffee prices"), so this list is the exception (tagger v9).
const ENGLISH_THING_NOUNS = words(
  "pastry pastries roll rolls delight delights toast fries dressing omelette omelettes omelet rarebit muffin " +
    "muffins breakfast mustard fudge trifle custard crumpet crumpets meatballs whispers courage leave standoff " +
    "practices roulette kiss kisses twins auction uncle treat oven ovens flu measles horn horns windows polish " +
    "checkers lantern lanterns knotweed maple maples iris irises violet violets evergreen evergreens fern ferns " +
    "shield ivy shepherd shepherds setter setters terrier terriers hound hounds bulldog bulldogs poodle poodles " +
    "mastiff mastiffs spaniel spaniels cat cats bath baths exit burn braid braids manicure blinds accent " +
    "accents blue red chalet chalets chard wolfhound wolfhounds " +
    // Species (tagger v13): "German wasps", "Argentine ants", "Australian magpies", "Spanish heath".
    "wasp wasps ant ants hornet hornets beetle beetles moth moths slug slugs snail snails magpie magpies heath " +
    "grass grasses thistle thistles elm elms spruce crab crabs carp stand myna mynas mynah",
);
// The same for a country's name: "Canada geese", "Norway spruce", "Singapore noodles", "Brazil nuts" (v13).
const ENGLISH_NAME_THING_NOUNS = words(
  "geese goose thistle thistles spruce maple maples rat rats nut nuts noodles duck hat hats fern ferns red " +
    "cake cakes gateau",
);
// Heads of a dish, a plant or a breed that may stand a few words after the nationality word: "Mexican chilli
// beef pie", "Thai green chicken curry", "Danish apple slice", "Mexican orange blossom", "Jersey and Guernsey
// cows" (tagger v14). Only these: "Russian red lines" and "Iranian nuclear talks" are the countries'.
const ENGLISH_DISTANT_HEADS = words(
  "pie pies curry curries slice slices tart tarts cake cakes pastry pastries bun buns blossom blossoms bluebell " +
    "bluebells knotweed ivy cow cows cattle herd herds heifer heifers",
);
const ENGLISH_LINKS = words("and or");

/**
 * The thing noun an English nationality word or name is part of: the next word ("Danish pastry", "Dutch
 * Courage"), or a dish, plant or breed head up to three lower-case words on ("Thai green chicken curry"),
 * also across a coordination of such words ("Jersey and Guernsey cows").
 */
function englishThingHead(doc: Doc, c: Candidate, nouns: ReadonlySet<string>): string | null {
  const next = norm(doc, c.end);
  // The noun may be capitalized in a name or a headline: "Dutch Courage storms home", "Turkish Delight".
  if (flag(doc, c.end) & WORD && (nouns.has(next) || ENGLISH_DISTANT_HEADS.has(next))) return next;
  let i = c.end;
  if (ENGLISH_LINKS.has(next) && isCapWord(doc, i + 1)) i += 2;
  for (let n = 0; n < 4; n++, i++) {
    const f = flag(doc, i);
    if (!(f & WORD) || f & CAP) return null;
    const w = norm(doc, i);
    if (ENGLISH_DISTANT_HEADS.has(w)) return w;
  }
  return null;
}

// "Liverpool Street", "Camden Road": an English street named after a place is no place (tagger v13).
const ENGLISH_STREETS = words("street road avenue lane square boulevard");

function isInstitutionWord(w: string, language: string): boolean {
  if (w.length < 3) return false;
  // German compounds end in their head: "Außenminister", "Staatschef", "Bundesregierung".
  if (language === "de")
    return (
      GERMANIC_STEMS.some((stem) => w.includes(stem)) ||
      PEOPLE_STEMS.some((stem) => w.includes(stem)) ||
      // A country's gas ("russisches Pipelinegas", "norwegisches Erdgas"), not its guests ("Gäste").
      w.endsWith("gas")
    );
  const stems = language === "nl" ? GERMANIC_STEMS : ROMANCE_STEMS;
  return stems.some((stem) => w.startsWith(stem)) || PEOPLE_STEMS.some((stem) => w.startsWith(stem));
}

/** "der Südafrikaner Dricus du Plessis", "lo spagnolo Carlos Alcaraz": a nationality before a person's name. */
function beforePersonName(doc: Doc, i: number): boolean {
  if (!isCapWord(doc, i) || flag(doc, i) & (SENT_START | ALLCAPS)) return false;
  // A word that is a place itself ("der Brite London") is no given name; one that begins an officeholder's
  // name is ("der Spanier Javier Ortega", beside "Javier Milei"; tagger v13).
  const own = doc.gaz.root.next?.get(norm(doc, i));
  if (own?.entry?.code || (own?.next && !own.entry && startsPlaceOnly(own))) return false;
  if (isCapWord(doc, i + 1) && !(flag(doc, i + 1) & ALLCAPS)) return true;
  return PERSON_PARTICLES.has(norm(doc, i + 1)) && isCapWord(doc, i + 2);
}

/**
 * "le britannique BP", "la norueguesa Equinor", "het Franse TotalEnergies", "l'argentina Lucía Ferrer": a
 * nationality word between a definite article and a name is the nationality of that company, place or person
 * (tagger v13). Not in German, which capitalizes every noun, nor in English ("the British Museum").
 */
function namedByNationality(doc: Doc, c: Candidate): boolean {
  const language = doc.gaz.language;
  if (language === "de" || language === "en") return false;
  const next = c.end;
  if (!isCapWord(doc, next) || flag(doc, next) & SENT_START) return false;
  const k = wordBefore(doc, c.start);
  const isArticle = (i: number) => DEFINITE.has(norm(doc, i)) || ELIDED_ARTICLES.has(norm(doc, i));
  if (isArticle(k)) return true;
  // "a farmacêutica japonesa Takeda", "le constructeur français Renault": a noun between them (not in Dutch,
  // which capitalizes the adjective: "het bedrijventerrein Spaanse Polder" is one name).
  if (flag(doc, c.start) & CAP) return false;
  return (flag(doc, k) & (WORD | CAP)) === WORD && isArticle(wordBefore(doc, k));
}

/**
 * "le CNRS français", "la SNCF française", "la ENI italiana": a lower-case nationality word right after an
 * acronym is the nationality of the body it names (tagger v13; Romance languages, where it follows its noun).
 */
function afterAcronym(doc: Doc, c: Candidate): boolean {
  const language = doc.gaz.language;
  if (language === "de" || language === "nl" || language === "en" || flag(doc, c.start) & CAP) return false;
  const k = c.start - 1;
  return (flag(doc, k) & (WORD | ALLCAPS)) === (WORD | ALLCAPS) && !(flag(doc, k) & SENT_START);
}

/**
 * "le sud tunisien", "il nord italiano", "l'Himalaya népalais", "le Sahel malien": a lower-case nationality
 * word after a part of a country or after a capitalized name qualifies that place (tagger v13; Romance
 * languages, where the adjective follows; a place the tagger knows is settled in resolve).
 */
function qualifiesPlace(doc: Doc, c: Candidate, k1: number): boolean {
  const language = doc.gaz.language;
  if (language === "de" || language === "nl" || language === "en" || flag(doc, c.start) & CAP) return false;
  if (PART_OF_COUNTRY.has(norm(doc, k1))) return true;
  const w = norm(doc, k1);
  if (DEFINITE.has(w) || INDEFINITE.has(w) || ARTICLES.has(w) || w.length < 3) return false;
  return isCapWord(doc, k1) && !(flag(doc, k1) & (SENT_START | ALLCAPS)) && k1 === c.start - 1;
}

// Italian articles elided before a vowel, as the tokenizer leaves them ("all'argentina", "dell'italiano").
const ELIDED_ARTICLES = words("all dell dall nell sull");

const DEFINITE = words(
  "der die das dem den des de het le la les l el los las lo il i gli o a os as al del au aux du allo alla ai " +
    "agli alle dello della dei degli delle dal dallo dalla dai dagli dalle ao aos do da dos das pelo pela",
);
// Dutch adjectives end in -s or -se ("Nederlands", "Nederlandse", "Belgische"); the nouns do not ("Nederlander",
// "Sloveen", "Belgen"), except plurals in -ers ("Nederlanders").
const DUTCH_ADJECTIVE = /(?:s|se|sche)$/;

/**
 * A nationality word used as a noun for a person or the people: "les Français", "die Franzosen" (capitalized
 * mid-sentence in French and German), "De Sloveen plaatste" (Dutch noun form after an article), "los
 * españoles" (right after an article in Spanish, Italian, Portuguese).
 */
function isPeopleNoun(doc: Doc, c: Candidate): boolean {
  const language = doc.gaz.language;
  const f = flag(doc, c.start);
  let k = wordBefore(doc, c.start);
  const next = norm(doc, c.end);
  // "ein Engländer oder ein Franzose" (tools) may be anything; "Ein Amerikaner wurde festgenommen" is a man.
  const acting = (flag(doc, c.end) & (WORD | CAP)) === WORD && !LIST_LINKS.has(next);
  if (INDEFINITE.has(norm(doc, k)) && !(language === "de" && acting)) return false;
  // A capitalized word right before (not opening the sentence) is a given name: "Mathis Allemand".
  const givenName = isCapWord(doc, k) && !(flag(doc, k) & SENT_START);
  if (language === "fr" || language === "de") {
    if (!(f & CAP) || f & SENT_START || caseless(doc, c.start) || givenName) return false;
    if (language === "fr") return true;
    // "aus dem Portugiesischen ins Deutsche": a nominalized adjective is the language; "Japanischer
    // Garten", "Schweizer Banken": a capitalized adjective before a noun.
    const w = norm(doc, c.end - 1);
    return !w.includes("isch") && norm(doc, k) !== "ins" && !isCapWord(doc, c.end);
  }
  // The article may stand a few lower-case words or numbers before: "de 78-jarige Nederlander".
  for (let n = 0; n < 3 && k >= 0 && !DEFINITE.has(norm(doc, k)); n++) {
    if (isCapWord(doc, k) || CLAUSE_ENDS.has(norm(doc, k)) || norm(doc, k) === ",") return false;
    k--;
  }
  if (!DEFINITE.has(norm(doc, k))) return false;
  if (language === "nl") {
    const w = norm(doc, c.end - 1);
    return !DUTCH_ADJECTIVE.test(w) || w.endsWith("ers");
  }
  return k === wordBefore(doc, c.start);
}

/** The words a weak mention attaches to; two weak mentions sharing one are the same thing named twice. */
export interface WeakAnchor {
  left: string;
  right: string;
  /** Part of a proper name ("die Spanische Partie"): names of things do not add up to evidence (v7). */
  named?: boolean;
}

function contentWord(doc: Doc, i: number): string {
  const w = norm(doc, i);
  return flag(doc, i) & WORD && !ARTICLES.has(w) && !GENITIVES.has(w) ? w : "";
}

/** Is token i a hyphen written between two words, without spaces ("Dublin-Regeln", not "Valladolid - Los")? */
function compoundHyphen(doc: Doc, i: number): boolean {
  if (norm(doc, i) !== "-") return false;
  const text = i < doc.titleEnd ? doc.title : doc.body;
  const at = doc.t.start[i] ?? 0;
  return at > 0 && !/\s/.test(text[at - 1] ?? " ") && !/\s/.test(text[at + 1] ?? " ");
}

/** Does an institution word stand within a few words of token range [from, to), in the same clause? */
function institutionNear(doc: Doc, from: number, to: number): boolean {
  const language = doc.gaz.language;
  // German and Dutch adjectives stand before their noun: in "raadt de expert de Turkse klaproos aan" the
  // expert is not Turkish (tagger v7).
  const left = language === "de" || language === "nl" ? from : Math.max(0, from - INSTITUTION_SPAN);
  for (let k = from - 1; k >= left; k--) {
    const w = norm(doc, k);
    if (CLAUSE_ENDS.has(w)) break;
    if (isInstitutionWord(w, language)) return true;
  }
  for (let k = to; k < Math.min(doc.t.count, to + INSTITUTION_SPAN); k++) {
    const w = norm(doc, k);
    if (CLAUSE_ENDS.has(w)) break;
    if (isInstitutionWord(w, language)) return true;
  }
  return false;
}

/**
 * Null when the mention places its country on its own (strong), else the words it attaches to (weak):
 * a nationality word away from any institution, a name inside a noun phrase ("point de Hongrie", "aus
 * Jersey"), a place opening a compound ("Dublin-Regeln"). Otherwise cities, regions, institutions,
 * officeholders and datelines are strong.
 */
export function weakAnchor(doc: Doc, c: Candidate): WeakAnchor | null {
  const kind = c.entry.kind;
  if (kind === "metonym" || c.forced || zoneOf(doc, c.start) === DATELINE) return null;
  const language = doc.gaz.language;
  // English: only a nationality word before a noun it names a thing with is weak (ENGLISH_THING_NOUNS).
  if (language === "en") {
    const head = englishThingHead(
      doc,
      c,
      kind === "demonym" ? ENGLISH_THING_NOUNS : ENGLISH_NAME_THING_NOUNS,
    );
    return head ? { left: contentWord(doc, wordBefore(doc, c.start)), right: head } : null;
  }
  const k1 = wordBefore(doc, c.start);
  const p1 = norm(doc, k1);
  // "Chelsea-Boots", "Dublin-Regeln", "Japan-Knöterich": the first part of a compound.
  if (compoundHyphen(doc, c.end) && flag(doc, c.end + 1) & WORD) {
    const head = norm(doc, c.end + 1);
    // "Brussel-Zuid": a part of the place is the place (v13).
    if (isInstitutionWord(head, language) || PART_OF_COUNTRY.has(head)) return null;
    return { left: "", right: head };
  }
  const thing = listedWithThing(doc, c);
  if (thing) return { left: "", right: thing };
  // A city or region in a genitive ("haven van Antwerpen", "Metro de Lisboa") is where the thing is.
  if (kind !== "name" && kind !== "demonym") return null;
  if (kind === "demonym") {
    if (
      institutionNear(doc, c.start, c.end) ||
      beforePersonName(doc, c.end) ||
      isPeopleNoun(doc, c) ||
      namedByNationality(doc, c) ||
      afterAcronym(doc, c) ||
      TOWN_STEMS.some((stem) => p1.startsWith(stem)) ||
      qualifiesPlace(doc, c, k1)
    )
      return null;
    const left = contentWord(doc, k1) || contentWord(doc, wordBefore(doc, k1));
    // German capitalizes an adjective only inside a name: "die Katalanische Eröffnung", "Französische
    // Verteidigung"; several such names are one piece of evidence, not several.
    const f = flag(doc, c.start);
    const named = language === "de" && (f & (CAP | SENT_START)) === CAP && isCapWord(doc, c.end);
    return { left, right: contentWord(doc, c.end), named };
  }
  const own = LOCATIVE_BY_LANGUAGE.get(language) ?? LOCATIVE;
  // "weite Bermudas": a German adjective before the name makes it a thing.
  if (
    language === "de" &&
    (flag(doc, k1) & (WORD | CAP)) === WORD &&
    GERMAN_ADJECTIVE.test(p1) &&
    !own.has(p1)
  )
    return { left: p1, right: contentWord(doc, c.end) };
  if (strictLocativeBefore(doc, c)) return null;
  const p2 = norm(doc, k1 - 1);
  if (LOCATIVE_ARTICLES.has(p1) && own.has(p2) && !GENITIVES.has(p2)) return null;
  // "misiles de Corea del Norte", "die Zölle der USA": a country's name of several words or an acronym names
  // no dish, plant or pattern, so a noun before it is the country's (tagger v10).
  // Not when a name goes on ("i corridori della UAE Team Emirates").
  if (kind === "name" && (c.end - c.start > 1 || c.entry.acronym) && !isCapWord(doc, c.end)) return null;
  return placeInPhrase(doc, c, k1);
}

/** Is token i a single lower-case word standing as a list item (not an article, a preposition or a verb's object)? */
function loneLowerItem(doc: Doc, i: number, before: number, after: number): boolean {
  const w = norm(doc, i);
  if ((flag(doc, i) & (WORD | CAP)) !== WORD || w.length < 4 || /\d/.test(w)) return false;
  if (DEFINITE.has(w) || LOCATIVE.has(w) || GENITIVES.has(w) || LIST_LINKS.has(w)) return false;
  const edge = (k: number): boolean => !(flag(doc, k) & WORD) || LIST_LINKS.has(norm(doc, k));
  return edge(before) && edge(after);
}

/**
 * "Damas, madras et nankin", "mantones de Manila y bermudas": outside German (which capitalizes every noun), a
 * place listed with single lower-case nouns is a thing named after it; the noun it is listed with, else null.
 */
function listedWithThing(doc: Doc, c: Candidate): string | null {
  if (doc.gaz.language === "de" || doc.gaz.language === "en" || strictLocativeBefore(doc, c)) return null;
  if (LIST_LINKS.has(norm(doc, c.end)) && loneLowerItem(doc, c.end + 1, c.end, c.end + 2))
    return norm(doc, c.end + 1);
  if (LIST_LINKS.has(norm(doc, c.start - 1)) && loneLowerItem(doc, c.start - 2, c.start - 3, c.start - 1))
    return norm(doc, c.start - 2);
  return null;
}

const PRONOUN_HEADS = words(
  "celui celle ceux celles quello quella quelli quelle aquel aquella aquellos aquellas aquele aquela aqueles " +
    "aquelas",
);

/** A name after a genitive that hangs on a noun: "point de Hongrie", "palais du Luxembourg" (weak). */
function placeInPhrase(doc: Doc, c: Candidate, k1: number): WeakAnchor | null {
  const language = doc.gaz.language;
  const own = LOCATIVE_BY_LANGUAGE.get(language) ?? LOCATIVE;
  const p1 = norm(doc, k1);
  const p2 = norm(doc, k1 - 1);
  // "point de Hongrie", "palais du Luxembourg", "fichi d'India", "le président de la France" (strong).
  let link = k1;
  if (ARTICLES.has(p1) && GENITIVES.has(p2)) link = k1 - 1;
  const genitive = GENITIVES.has(norm(doc, link)) || (language === "de" && GERMAN_GENITIVE_ARTICLES.has(p1));
  if (!genitive || !(flag(doc, link - 1) & WORD)) return null;
  const head = norm(doc, link - 1);
  // German nouns are capitalized: "unterstützt von den USA" is no noun phrase.
  if (language === "de" && !isCapWord(doc, link - 1)) return null;
  if (isInstitutionWord(head, language) || PART_OF_COUNTRY.has(head) || own.has(head)) return null;
  // "celui du Ghana voisin": a pronoun stands for a noun said before; the name is no part of a thing's (v13).
  if (PRONOUN_HEADS.has(head)) return null;
  return { left: head, right: contentWord(doc, c.end) };
}

function sameWord(a: string, b: string): boolean {
  if (a === "" || b === "") return false;
  if (a === b) return true;
  // Inflections of one word: "Staudenknöterich" / "Staudenknöterichs", "japonais" / "japonaise".
  const n = Math.min(a.length, b.length);
  if (n < 4) return false;
  let k = 0;
  while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k >= Math.max(4, n - 2);
}

/** "franco" of "franco-suisse": a combining form counts only joined by a hyphen to the next nationality word. */
export function resolvePrefix(doc: Doc, c: Candidate, startsAt: ReadonlySet<number>): string | null {
  return compoundHyphen(doc, c.end) && startsAt.has(c.end + 1) ? c.entry.code : null;
}

/** Are two weak mentions independent (neither attaches to the same word as the other)? */
export function independentAnchors(a: WeakAnchor, b: WeakAnchor): boolean {
  if (a.named === true && b.named === true) return false;
  return !sameWord(a.left, b.left) && !sameWord(a.right, b.right);
}

/** Are two place mentions (a before b) joined as members of one list ("Rome ni à Anvers", "Argentine et Rome")? */
export function listJoined(doc: Doc, a: Candidate, b: Candidate): boolean {
  // The rest of a's name first: "Singapore Sling und Manhattan".
  let from = a.end;
  while (from < b.start && isCapWord(doc, from) && !startsEntry(doc, norm(doc, from))) from++;
  if (b.start - from > 3 || b.start <= from) return false;
  let joined = false;
  for (let k = from; k < b.start; k++) {
    const w = norm(doc, k);
    if (LIST_LINKS.has(w)) joined = true;
    else if (!ARTICLES.has(w) && !GENITIVES.has(w) && !LOCATIVE.has(w)) return false;
  }
  return joined;
}

/**
 * Are two mentions (a before b) members of one list of countries? Names joined by a comma or a conjunction
 * ("Kenia und Uganda"), nationality words by a hyphen ("deutsch-polnische") or by links alone ("britânicos,
 * alemães e portugueses"): "ein Engländer oder ein Franzose" are tools.
 */
export function inCountryList(doc: Doc, a: Candidate, b: Candidate): boolean {
  if (b.start - a.end > 4 || b.start < a.end) return false;
  if (a.entry.kind === "demonym" && b.entry.kind === "demonym") {
    // "deutsch-polnische"; "britânicos, alemães e portugueses", "américains et allemands" (tagger v11).
    if (b.start === a.end + 1 && norm(doc, a.end) === "-") return true;
    const between = [];
    for (let k = a.end; k < b.start; k++) between.push(norm(doc, k));
    return between.length >= 1 && between.length <= 2 && between.every((w) => w !== "-" && LIST_LINKS.has(w));
  }
  if (a.entry.kind !== "name" || b.entry.kind !== "name") return false;
  let joined = false;
  for (let k = a.end; k < b.start; k++) {
    const w = norm(doc, k);
    if (LIST_LINKS.has(w)) joined = true;
    else if (!ARTICLES.has(w) && !GENITIVES.has(w) && !LOCATIVE.has(w)) return false;
  }
  return joined;
}
