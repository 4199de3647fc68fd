import { isoNamePhrases } from "./countries";
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
  | "given-name";

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
  ["israel", nl(true, false, false)],
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
  root: TrieNode;
  conflicts: string[];
  size: number;
}

function buildIndex(): Index {
  const root: TrieNode = { next: new Map(), entry: null };
  const conflicts: string[] = [];
  let size = 0;

  const insert = (phrase: string, code: string | null, kind: Kind, cue: string | null = null): void => {
    const base = phraseNorms(phrase);
    if (base.length === 0) return;
    const key = base.join(" ");
    const rule: Rule | null = RULES[key] ?? (base.length === 1 && NAME_LIKE.has(key) ? "given-name" : null);
    const entry: Entry = {
      phrase,
      code,
      kind,
      rule,
      acronym: /^[A-Z.]+$/.test(phrase) && phrase.replace(/\./g, "").length >= 2,
      cue,
      personKey: null,
    };
    if (kind === "person") entry.personKey = base.find((t) => NAME_LIKE.has(t)) ?? null;
    for (const norms of variants(base)) {
      let node = root;
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
      if (!prev) {
        node.entry = entry;
        size++;
      } else if (prev.code !== code) {
        if (!SHARED_ON_PURPOSE.has(key))
          conflicts.push(`${phrase}: ${prev.code ?? "-"}/${prev.kind} vs ${code ?? "-"}/${kind}`);
      } else if (KIND_RANK[kind] > KIND_RANK[prev.kind]) {
        node.entry = { ...entry, rule: prev.rule ?? entry.rule };
      }
    }
  };

  const addAll = (table: Readonly<Record<string, string>>, kind: Kind): void => {
    for (const [code, list] of Object.entries(table)) {
      for (const phrase of list.split("|")) insert(phrase, code, kind);
    }
  };

  // Blocks and people first: they must win over any country reading of the same words.
  for (const phrase of BLOCKED.split("|")) insert(phrase, null, "block");
  for (const phrase of PEOPLE.split("|")) insert(phrase, null, "person");
  addAll(NAMES, "name");
  insert("Congo", "CD", "name");
  for (const [code, phrase] of isoNamePhrases()) insert(phrase, code, "name");
  addAll(SUBNATIONAL, "subnational");
  addAll(CITIES, "city");
  addAll(AREAS, "area");
  addAll(METONYMS, "metonym");
  addAll(DEMONYMS, "demonym");
  for (const abbr of US_STATE_ABBREVIATIONS.split("|")) insert(abbr, "US", "us-abbr");
  for (const [cue, list] of Object.entries(CUES)) {
    for (const phrase of list.split("|")) insert(phrase, null, "cue", cue);
  }
  return { root, conflicts, size };
}

const INDEX = buildIndex();

/** Root of the phrase trie (token norms -> child); built once per process. */
export const GAZETTEER_ROOT: TrieNode = INDEX.root;

/** Phrases two lists give to different countries without being marked as shared on purpose. */
export function gazetteerConflicts(): string[] {
  return [...INDEX.conflicts];
}

/** Number of phrase variants in the index. */
export function gazetteerSize(): number {
  return INDEX.size;
}

/** The entry for an exact phrase, if any (tests and tools). */
export function lookupPhrase(phrase: string): Entry | null {
  let node: TrieNode | undefined = INDEX.root;
  for (const t of phraseNorms(phrase)) {
    node = node?.next?.get(t);
    if (!node) return null;
  }
  return node.entry;
}
