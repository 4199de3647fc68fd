// Context rules for names that also mean something else. Each takes a candidate and its neighbours
// and returns a country code or null; the article-level evidence is computed once by the tagger.
import { DATELINE, docHasAny, zoneOf, type Doc } from "./document";
import { LANGUAGE_DATA } from "./data";
import { NAME_LIKE, type Entry, type NameLike } from "./gazetteer";
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
    "french john james david robert mary barbara lisa jennifer sarah emma chris ryan kevin brian mark paul",
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
const OF_WORDS = words("von vom de du des d di del della da do dos van of der");
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

const JERSEY_NOT_PLACE = words("cow cows cattle milk cream shirt shirts number dairy");

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
  if (COALITION.has(prev)) return true;
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
  if (c.entry.kind !== "demonym" || !LOWER_DEMONYM_LANGUAGES.has(doc.gaz.language)) return false;
  const f = flag(doc, c.start);
  if (!(f & CAP) || f & ALLCAPS || caseless(doc, c.start)) return false;
  const k = wordBefore(doc, c.start);
  if (isCapWord(doc, k) && TRAPS.get(doc.gaz.language)?.givenNames.has(norm(doc, k))) return true;
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
  if (c.entry.kind !== "demonym" || flag(doc, c.start) & CAP) return false;
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

/** Bodies of water and treaties named after places; language names; the traps of the other languages. */
export function failsGenericChecks(doc: Doc, c: Candidate): boolean {
  const next = norm(doc, c.end);
  const kind = c.entry.kind;
  if (doc.gaz.language !== "en") {
    const prev = norm(doc, c.start - 1);
    if (OF_WORDS.has(prev) || prev === "'") {
      const before = norm(doc, c.start - 2);
      if (FOREIGN_WATER.has(before)) return true;
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
      if (context && (context.before.has(prev) || context.after.has(next))) return true;
      // "in het Nederlands", "nel francese"
      if (prev === "het" && norm(doc, c.start - 2) === "in") return true;
      // French writes nationality nouns with a capital ("les Français"): "le français", "l'anglais" is the language.
      if (doc.gaz.language === "fr" && (prev === "le" || prev === "l") && !(flag(doc, c.start) & CAP))
        return true;
    }
    // "restaurant italien", "cucina giapponese", "italienisches Restaurant", "Franse kaas": cuisine and
    // style, not the country.
    if (kind === "demonym" && !(flag(doc, c.start) & CAP) && STYLE_BEFORE.has(prev)) return true;
    if (kind === "demonym" && STYLE_AFTER.has(next)) return true;
  }
  if ((next === "sea" || next === "ocean") && isCapWord(doc, c.end)) return true;
  if (norm(doc, c.start - 1) === "of" && /^(gulf|sea|bay|strait|straits)$/.test(norm(doc, c.start - 2)))
    return true;
  if ((kind === "city" || kind === "area" || kind === "metonym") && !(flag(doc, c.end - 1) & POSSESSIVE)) {
    if (TREATY_WORDS.has(next)) return true;
    if (next === "climate" && TREATY_WORDS.has(norm(doc, c.end + 1))) return true;
  }
  if (kind === "demonym") {
    const prev = norm(doc, c.start - 1);
    if (LANGUAGE_BEFORE.has(prev) || LANGUAGE_AFTER.has(next)) return true;
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
  if (GIVEN_NAMES.has(p) || TRAPS.get(doc.gaz.language)?.givenNames.has(p)) return true;
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
  if (JERSEY_NOT_PLACE.has(norm(doc, c.end))) return null;
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
  if (!locativeBefore(doc, c)) return null;
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
