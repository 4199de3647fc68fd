import { isoNamePhrases } from "./countries";
import {
  GEONAMES_CITIES,
  GEONAMES_HOMONYMS,
  IMPLICIT,
  LANGUAGE_DATA,
  SUBDIVISIONS,
  TAGGED_LANGUAGES,
  type LanguageData,
} from "./data";
import { demonymForms, inflections } from "./inflect";
import { packageAdjectives } from "./nationalities";
import {
  AREAS,
  BLOCKED,
  CITIES,
  CUES,
  DEMONYMS,
  METONYMS,
  NAMES,
  PEOPLE,
  SUBNATIONAL,
  US_STATE_ABBREVIATIONS,
} from "./gazetteer-data";
import { phraseNorms } from "./tokenize";

export type Kind =
  "name" | "demonym" | "city" | "area" | "subnational" | "metonym" | "block" | "person" | "cue" | "us-abbr";

/** Context rules for names with a second, non-country reading (see rules.ts). */
export type Rule =
  | "georgia"
  | "georgia-adj"
  | "turkey"
  | "common-word"
  | "amazon"
  | "congo"
  | "korea"
  | "jersey"
  | "given-name"
  | "geo-city"
  | "weak"
  | "prefix";

export interface Entry {
  phrase: string;
  code: string | null;
  kind: Kind;
  rule: Rule | null;
  /** Must be written in capitals ("US", not "Us"). */
  acronym: boolean;
  cue: string | null;
  /** For people: the place word of the name ("jordan" in "Michael Jordan"). */
  personKey: string | null;
  /** The uninflected adjective that is also the language's name ("español", "Deutsch", "Nederlands"). */
  languageForm: boolean;
  /** Officeholders: the years they stand for the country, as [from, to] pairs (to = 9999 when open). */
  years: readonly number[] | null;
  /** Taken from the English lists into another language's gazetteer ("Moscow", "Georgia" in German). */
  english: boolean;
  /** A city whose name other countries' cities share: each country's largest namesake's population. */
  namesakes: ReadonlyMap<string, number> | null;
}

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  entry: Entry | null;
}

const RULES: Readonly<Record<string, Rule>> = {
  georgia: "georgia",
  georgian: "georgia-adj",
  georgians: "georgia-adj",
  turkey: "turkey",
  nice: "common-word",
  reading: "common-word",
  bath: "common-word",
  hull: "common-word",
  tyre: "common-word",
  amazon: "amazon",
  congo: "congo",
  congolese: "congo",
  korea: "korea",
  korean: "korea",
  koreans: "korea",
  jersey: "jersey",
};

// Rules about English words ("nice", "reading", "turkey", "jersey"): in other languages these are plain names.
const ENGLISH_ONLY_RULES: ReadonlySet<Rule> = new Set(["common-word", "turkey", "jersey"]);

/** How a place name that is also a first name or surname is checked (rules.ts). */
export interface NameLike {
  /** "Chad Smith": a following capitalized word that is no place or institution makes it a person. */
  followedBySurname: boolean;
  /** "Michael Jordan": any capitalized word before it mid-sentence, not only a listed first name. */
  anyPrecedingName: boolean;
  /** Once seen as a person, bare mentions in the same article are the person too. */
  wholeDocument: boolean;
}

const nl = (followedBySurname: boolean, anyPrecedingName: boolean, wholeDocument: boolean): NameLike => ({
  followedBySurname,
  anyPrecedingName,
  wholeDocument,
});

export const NAME_LIKE: ReadonlyMap<string, NameLike> = new Map([
  ["jordan", nl(true, true, true)],
  ["chad", nl(true, true, true)],
  ["niger", nl(true, true, true)],
  ["kenya", nl(true, true, true)],
  ["cuba", nl(true, true, true)],
  ["india", nl(true, true, true)],
  ["jamaica", nl(true, true, true)],
  ["georgia", nl(true, true, true)],
  ["israel", nl(true, false, true)],
  ["holland", nl(false, true, false)],
  ["paris", nl(true, false, true)],
  ["sydney", nl(true, false, true)],
  ["florence", nl(true, false, true)],
  ["charlotte", nl(true, false, true)],
  ["savannah", nl(true, false, true)],
  ["austin", nl(true, false, true)],
  ["orlando", nl(true, false, true)],
  ["brooklyn", nl(true, false, true)],
  ["alexandria", nl(true, false, true)],
  ["sofia", nl(true, false, true)],
  ["victoria", nl(true, false, true)],
  ["santiago", nl(true, false, true)],
  ["virginia", nl(false, false, true)],
  ["montana", nl(false, false, true)],
  ["tennessee", nl(false, false, true)],
  ["medina", nl(false, true, false)],
  ["rio", nl(true, false, false)],
  ["houston", nl(false, true, false)],
  ["phoenix", nl(false, true, false)],
  ["washington", nl(false, true, false)],
  ["kingston", nl(false, true, false)],
  ["wellington", nl(false, true, false)],
  // The club is also a given name: "Chelsea Dumont" skips for Manitoba (tagger v14).
  ["chelsea", nl(true, false, false)],
  // Given names and surnames in the other tagged languages ("Maurice Ravel", "Salvador Illa", "Frans
  // Timmermans", "Nísia Trindade Lima", "Chico Buarque de Holanda", "Porto Empedocle").
  ["maurice", nl(true, false, true)],
  ["salvador", nl(true, false, true)],
  ["frans", nl(true, false, false)],
  ["lima", nl(false, true, false)],
  ["holanda", nl(false, true, false)],
  ["franca", nl(false, true, false)],
  ["braga", nl(false, true, false)],
  ["porto", nl(true, false, false)],
  ["lorraine", nl(true, false, false)],
  ["virginie", nl(true, false, true)],
  // "Francia Márquez" (Colombia's vice-president); "Francia Insumisa" is listed as the party.
  ["francia", nl(true, false, false)],
]);

// When two lists give one phrase to different countries, the first list wins only if the phrase is
// listed here; anything else is reported by gazetteerConflicts() and fails a test.
const SHARED_ON_PURPOSE = new Set(["congo"]);

// Kind precedence when the same phrase and country come from two lists.
const KIND_RANK: Readonly<Record<Kind, number>> = {
  block: 9,
  person: 8,
  subnational: 7,
  name: 6,
  city: 5,
  area: 4,
  metonym: 3,
  demonym: 2,
  cue: 1,
  "us-abbr": 0,
};

function variants(norms: string[]): string[][] {
  const out = [norms];
  const noDots = norms.filter((t) => t !== ".");
  const noHyphens = norms.filter((t) => t !== "-");
  const neither = norms.filter((t) => t !== "." && t !== "-");
  for (const v of [noDots, noHyphens, neither]) {
    if (v.length > 0 && !out.some((o) => o.join(" ") === v.join(" "))) out.push(v);
  }
  return out;
}

interface Index {
  language: string;
  root: TrieNode;
  /** Phrases that count written in lower case too (adjectives and demonyms in languages that do not capitalize them). */
  lower: TrieNode;
  conflicts: string[];
  size: number;
}

interface InsertOptions {
  cue?: string | null;
  years?: readonly number[] | null;
  rule?: Rule | null;
  /** Also index the phrase in the lower-case trie. */
  lower?: boolean;
  languageForm?: boolean;
  /** Generated data (GeoNames, ISO 3166-2): never replaces or conflicts with an entry already there. */
  generated?: boolean;
  /** From the English lists (only marked in the other languages' gazetteers). */
  english?: boolean;
}

/**
 * A blocked phrase and, in German, its other adjective endings: "englische Woche" also blocks "englischer
 * Woche" and "englischen Woche", "Chinesischer Turm" also "Chinesischen Turm".
 */
function blockedForms(language: string, phrase: string): string[] {
  if (!phrase) return [];
  const m = /^(\S{3,}?)(e|er|es|en|em)(\s.+)$/u.exec(phrase);
  if (language !== "de" || !m) return [phrase];
  return [...new Set([phrase, ...["e", "er", "es", "en", "em"].map((e) => `${m[1]}${e}${m[3]}`)])];
}

/** Combining forms of countries' names, used only before a hyphen and a nationality word. */
const COMBINING_FORMS: Readonly<Record<string, string>> = {
  franco: "FR",
  italo: "IT",
  anglo: "GB",
  germano: "DE",
  hispano: "ES",
  luso: "PT",
  sino: "CN",
  russo: "RU",
  nippo: "JP",
  israelo: "IL",
  belgo: "BE",
  austro: "AT",
  greco: "GR",
  turco: "TR",
};

function lookup(trie: TrieNode, norms: readonly string[]): Entry | null {
  let node: TrieNode | undefined = trie;
  for (const t of norms) node = node?.next?.get(t);
  return node?.entry ?? null;
}

function buildIndex(language: string): Index {
  const root: TrieNode = { next: new Map(), entry: null };
  const lower: TrieNode = { next: new Map(), entry: null };
  const conflicts: string[] = [];
  let size = 0;
  const lang: LanguageData | undefined = LANGUAGE_DATA[language];
  const notPlaces = new Set(
    (lang?.notPlaces ?? "")
      .split("|")
      .filter(Boolean)
      .map((p) => phraseNorms(p).join(" ")),
  );
  // English conflicts are errors in hand-written data (a test); in other languages, the language's own data is
  // inserted first and wins over the English lists it is merged with.
  const reportConflicts = language === "en";

  const insert = (raw: string, code: string | null, kind: Kind, options: InsertOptions = {}): void => {
    // "~Bundesrat": an institution several countries have; it counts only beside other evidence (rules.ts).
    const weak = raw.startsWith("~");
    const phrase = weak ? raw.slice(1) : raw;
    const base = phraseNorms(phrase);
    if (base.length === 0) return;
    const key = base.join(" ");
    if (code !== null && notPlaces.has(key)) return;
    const shared = RULES[key];
    const rule: Rule | null =
      options.rule ??
      (weak ? "weak" : null) ??
      (shared && (language === "en" || !ENGLISH_ONLY_RULES.has(shared)) ? shared : null) ??
      (base.length === 1 && NAME_LIKE.has(key) ? "given-name" : null);
    const entry: Entry = {
      phrase,
      code,
      kind,
      rule,
      acronym: /^[A-Z.]+$/.test(phrase) && phrase.replace(/\./g, "").length >= 2,
      cue: options.cue ?? null,
      personKey: null,
      languageForm: options.languageForm ?? false,
      years: options.years ?? null,
      english: (options.english ?? false) && language !== "en",
      namesakes: null,
    };
    if (kind === "person") entry.personKey = base.find((t) => NAME_LIKE.has(t)) ?? null;
    const roots = options.lower ? [root, lower] : [root];
    for (const trie of roots) {
      for (const norms of variants(base)) {
        let node = trie;
        for (const t of norms) {
          node.next ??= new Map();
          let child = node.next.get(t);
          if (!child) {
            child = { next: null, entry: null };
            node.next.set(t, child);
          }
          node = child;
        }
        const prev = node.entry;
        if (prev && options.generated) continue;
        if (!prev) {
          node.entry = entry;
          if (trie === root) size++;
        } else if (prev.code !== code) {
          if (reportConflicts && !SHARED_ON_PURPOSE.has(key))
            conflicts.push(`${phrase}: ${prev.code ?? "-"}/${prev.kind} vs ${code ?? "-"}/${kind}`);
        } else if (KIND_RANK[kind] > KIND_RANK[prev.kind]) {
          node.entry = { ...entry, rule: prev.rule ?? entry.rule };
        }
      }
    }
  };

  const addAll = (
    table: Readonly<Record<string, string>> | undefined,
    kind: Kind,
    options: InsertOptions = {},
  ): void => {
    for (const [code, list] of Object.entries(table ?? {})) {
      for (const phrase of list.split("|")) if (phrase) insert(phrase, code, kind, options);
    }
  };
  // Names, cities and regions of the language with their inflected forms ("Russlands", "Moskaus").
  const addInflected = (table: Readonly<Record<string, string>> | undefined, kind: Kind): void => {
    for (const [code, list] of Object.entries(table ?? {})) {
      for (const phrase of list.split("|")) {
        if (!phrase) continue;
        for (const form of inflections(language, phrase, "name")) insert(form, code, kind);
      }
    }
  };

  // Blocks and people first: they must win over any country reading of the same words. A language's blocks
  // go into the lower-case trie too ("montagne russe", "bagno turco").
  for (const phrase of BLOCKED.split("|"))
    for (const form of englishPlurals(phrase)) insert(form, null, "block");
  if (lang)
    for (const phrase of lang.blocked.split("|"))
      for (const form of blockedForms(language, phrase)) insert(form, null, "block", { lower: true });
  for (const phrase of PEOPLE.split("|")) insert(phrase, null, "person");
  if (lang) {
    for (const [phrase, rule] of Object.entries(lang.rules ?? {})) {
      const code = lang.ruleCodes?.[phrase] ?? null;
      if (!code) continue;
      // A nationality word that is also a given name (Dutch "Frans") stays a nationality word, so that the
      // language checks ("vloeiend Frans sprak") still apply to it.
      const adjective = (lang.adjectives?.[code] ?? "").split("|").includes(phrase);
      for (const form of inflections(language, phrase, "name"))
        insert(form, code, adjective ? "demonym" : "name", { rule, languageForm: adjective });
    }
    addInflected(lang.names, "name");
    // The language's cities before the ISO names: Spanish "Granada" is the Andalusian city, not Grenada.
    addInflected(lang.cities, "city");
    for (const [code, phrase] of isoNamePhrases(language)) {
      for (const form of inflections(language, phrase, "name")) insert(form, code, "name");
    }
    addInflected(lang.subdivisions, "subnational");
    addAll(lang.institutions, "metonym");
    // Adjectives ("französische", "brasileira") are written in lower case in these languages.
    for (const [code, list] of Object.entries(lang.adjectives ?? {})) {
      for (const phrase of list.split("|")) {
        if (!phrase) continue;
        const forms = inflections(language, phrase, "adjective");
        forms.forEach((form, i) =>
          insert(form, code, "demonym", { lower: lang.lowerCaseDemonyms, languageForm: i === 0 }),
        );
      }
    }
    for (const [code, list] of Object.entries(lang.demonyms ?? {})) {
      for (const phrase of list.split("|")) {
        if (!phrase) continue;
        for (const form of demonymForms(language, phrase))
          insert(form, code, "demonym", { lower: lang.lowerCaseDemonyms && language !== "de" });
      }
    }
    // The package's adjectives for the countries the language file has none for (nationalities.ts).
    const described = new Set([...Object.keys(lang.adjectives ?? {}), ...Object.keys(lang.demonyms ?? {})]);
    for (const [code, phrase] of packageAdjectives(language)) {
      if (described.has(code)) continue;
      for (const form of inflections(language, phrase, "adjective"))
        insert(form, code, "demonym", { lower: lang.lowerCaseDemonyms, generated: true });
    }
  }
  // "franco-suisse", "italo-argentino", "Sino-Japanese": a country's combining form before a hyphen and a
  // nationality word (tagger v13). Never over an entry already there ("russo", "greco" are adjectives); in
  // lower case only where nationality words are (an empty lower-case trie spares English a lookup per word).
  for (const [form, code] of Object.entries(COMBINING_FORMS))
    insert(form, code, "demonym", {
      rule: "prefix",
      lower: lang?.lowerCaseDemonyms === true,
      generated: true,
    });
  const english = { english: true };
  addAll(NAMES, "name", english);
  insert("Congo", "CD", "name");
  for (const [code, phrase] of isoNamePhrases("en")) insert(phrase, code, "name", english);
  addAll(SUBNATIONAL, "subnational", english);
  addAll(CITIES, "city", english);
  addAll(AREAS, "area", english);
  addAll(METONYMS, "metonym");
  addAll(DEMONYMS, "demonym", english);
  for (const group of IMPLICIT.institutions) {
    if (group.languages && !group.languages.includes(language)) continue;
    for (const phrase of group.phrases.split("|")) insert(phrase, group.code, "metonym");
  }
  for (const person of IMPLICIT.officeholders) {
    if (person.languages && !person.languages.includes(language)) continue;
    const years = person.years.flatMap(([from, to]) => [from, to ?? 9999]);
    for (const phrase of person.names.split("|")) insert(phrase, person.code, "metonym", { years });
  }
  // AP-style state abbreviations are English usage; elsewhere "La", "Pa", "Mo" are ordinary words.
  if (language === "en") for (const abbr of US_STATE_ABBREVIATIONS.split("|")) insert(abbr, "US", "us-abbr");
  for (const [cue, list] of Object.entries(CUES)) {
    for (const phrase of list.split("|")) insert(phrase, null, "cue", { cue });
  }
  // Generated data last, so that every hand-written reading of the same words wins: first-level divisions of
  // every country (ISO 3166-2), the language's names before the English ones, then GeoNames cities.
  // Division names that are common words or people's names need the GeoNames cities' context ("geo-city").
  // English names only, in every gazetteer: the other languages' generated names cost precision on the
  // Spanish and Italian blind sets (docs/regions.md); those languages keep their hand-written divisions.
  // Outside English a generated division is a foreign word that may be a common one ("Kanal", Slovenia, in
  // a German text about the Suez Canal): like a shared institution it needs its country named otherwise, or
  // no country at all, to count (tagger v7).
  const clearRule: Rule | null = language === "en" ? null : "weak";
  for (const [code, list] of Object.entries(SUBDIVISIONS.clear)) {
    for (const phrase of list.split("|"))
      insert(phrase, code, "subnational", { generated: true, rule: clearRule });
  }
  for (const [code, list] of Object.entries(SUBDIVISIONS.context)) {
    for (const phrase of list.split("|"))
      insert(phrase, code, "subnational", { rule: "geo-city", generated: true });
  }
  for (const [code, list] of Object.entries(GEONAMES_CITIES)) {
    for (const phrase of list.split("|")) insert(phrase, code, "city", { rule: "geo-city", generated: true });
  }
  // A city's namesakes abroad (GeoNames): "San José" is Costa Rica's where the story places Costa Rica only.
  for (const [name, list] of Object.entries(GEONAMES_HOMONYMS)) {
    const entry = lookup(root, phraseNorms(name));
    if (!entry || (entry.kind !== "city" && entry.kind !== "subnational")) continue;
    const namesakes = new Map(list.split("|").map((p) => [p.slice(0, 2), Number(p.slice(3))] as const));
    if (entry.code && namesakes.has(entry.code)) entry.namesakes = namesakes;
  }
  return { language, root, lower, conflicts, size };
}

/** One language's phrase index: the trie of capitalized phrases and the trie of lower-case ones. */
export interface Gazetteer {
  language: string;
  root: TrieNode;
  lower: TrieNode;
  /** True when the lower-case trie has entries (only then is a lower-case word looked up). */
  hasLower: boolean;
}

const INDEXES = new Map<string, Index>();

function indexFor(language: string): Index {
  const key = TAGGED_LANGUAGES.includes(language) ? language : "en";
  let index = INDEXES.get(key);
  if (!index) {
    index = buildIndex(key);
    INDEXES.set(key, index);
  }
  return index;
}

/** The gazetteer for an article's language (English for unknown or untagged languages); built once per language. */
export function gazetteerFor(language: string | null | undefined): Gazetteer {
  const index = indexFor(language ?? "en");
  return {
    language: index.language,
    root: index.root,
    lower: index.lower,
    hasLower: (index.lower.next?.size ?? 0) > 0,
  };
}

const INDEX = indexFor("en");

/** Phrases two lists give to different countries without being marked as shared on purpose. */
export function gazetteerConflicts(): string[] {
  return [...INDEX.conflicts];
}

/** Number of phrase variants in the index. */
export function gazetteerSize(): number {
  return INDEX.size;
}

/** The entry for an exact phrase in a language's gazetteer (English by default), if any (tests and tools). */
export function lookupPhrase(phrase: string, language = "en"): Entry | null {
  let node: TrieNode | undefined = indexFor(language).root;
  for (const t of phraseNorms(phrase)) {
    node = node?.next?.get(t);
    if (!node) return null;
  }
  return node.entry;
}

/** A blocked English phrase ending in a lower-case noun, with its plural: "Jerusalem artichoke(s)", "Danish pastr(y|ies)". */
function englishPlurals(phrase: string): string[] {
  const last = phrase.slice(phrase.lastIndexOf(" ") + 1);
  if (!/^[a-z]{3,}$/.test(last) || last.endsWith("s")) return [phrase];
  const plural = /[^aeiou]y$/.test(last)
    ? `${phrase.slice(0, -1)}ies`
    : /(?:ch|sh|x)$/.test(last)
      ? `${phrase}es`
      : `${phrase}s`;
  return [phrase, plural];
}
