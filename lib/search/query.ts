// The search box's query language, parsed once into a small AST and translated per engine:
//   words            all must match (stemmed, accents folded)
//   "a phrase"       the words in this order; an unclosed quote runs to the end of the input
//   a OR b           either (binds tighter than the implicit AND: `a b OR c` is a AND (b OR c))
//   -word, -"a b"    must not match (also NOT word)
//   infla*           prefix (at least MIN_PREFIX letters before the star)
// Anything else is text: punctuation, column syntax, stray operators and FTS5 keywords never reach the
// engine unquoted, so no input can produce a syntax error.
import { stemText, type Stemming } from "./stem";

/** One searchable unit: a word, a prefix or a phrase. `text` is what the user typed, cleaned up. */
export interface Atom {
  text: string;
  phrase: boolean;
  prefix: boolean;
}

/** A parsed query: every group must match (a group matches when any of its atoms does), no exclusion may. */
export interface SearchQuery {
  groups: Atom[][];
  exclude: Atom[];
}

/** Atoms beyond this many are ignored (a pasted article is not a query). */
export const MAX_ATOMS = 32;
/** Longest atom kept, in characters; longer ones are cut. */
export const MAX_ATOM_LENGTH = 200;
/** A prefix needs this many word characters; shorter ones (`a*`) search the word itself. */
export const MIN_PREFIX = 3;

const WORD_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const NON_WORD_EDGES = /^[^\p{L}\p{N}\p{Co}]+|[^\p{L}\p{N}\p{Co}]+$/gu;

/**
 * Scripts written without spaces between words. unicode61 makes one token of a whole run of them, so
 * their words are found through the substring (trigram) index instead. Keep in sync with the GLOB class
 * in prisma/sqlite/migrations/20261125100000_search/migration.sql.
 */
export const UNSEGMENTED =
  /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF66-\uFF9F]/u;

/** True when the query has nothing to search for (browse). */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.groups.length === 0 && query.exclude.length === 0;
}

/** True when the atom contains text from a script without word spacing (Chinese, Japanese, Thai, …). */
export function isUnsegmented(atom: Atom): boolean {
  return UNSEGMENTED.test(atom.text);
}

/** True when some atom of the query needs the substring index. */
export function hasUnsegmented(query: SearchQuery): boolean {
  return query.groups.some((g) => g.some(isUnsegmented)) || query.exclude.some(isUnsegmented);
}

type Item = { kind: "atom"; atom: Atom; negated: boolean } | { kind: "or" | "and" | "not" };

/** Cleans one atom; null when it has no word characters (punctuation, emoji) and so cannot match. */
function makeAtom(raw: string, phrase: boolean, prefix: boolean): Atom | null {
  let text = raw.replace(/\s+/g, " ").trim();
  if (!phrase) text = text.replace(NON_WORD_EDGES, "");
  if (!WORD_CHAR.test(text)) return null;
  text = [...text].slice(0, MAX_ATOM_LENGTH).join("").trim();
  const wordChars = [...text].filter((c) => WORD_CHAR.test(c)).length;
  const canPrefix = prefix && wordChars >= MIN_PREFIX && !UNSEGMENTED.test(text);
  return { text, phrase, prefix: canPrefix };
}

/** Splits the input into atoms and operators, honouring quotes. */
function lex(input: string): Item[] {
  const items: Item[] = [];
  const n = input.length;
  let i = 0;
  let negateNext = false;
  while (i < n && items.length < MAX_ATOMS * 3) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let negated = negateNext;
    negateNext = false;
    while (i < n && (input[i] === "-" || input[i] === "+")) {
      if (input[i] === "-") negated = true;
      i++;
    }
    const signed = i > start;
    let atom: Atom | null;
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      const text = input.slice(i + 1, close === -1 ? n : close);
      i = close === -1 ? n : close + 1;
      const prefix = input[i] === "*";
      while (input[i] === "*") i++;
      atom = makeAtom(text, true, prefix);
    } else {
      const from = i;
      while (i < n && !/\s/.test(input[i]!) && input[i] !== '"') i++;
      const token = input.slice(from, i);
      if (!signed && !negated && (token === "OR" || token === "|")) {
        items.push({ kind: "or" });
        continue;
      }
      if (!signed && !negated && (token === "AND" || token === "NOT")) {
        negateNext = token === "NOT";
        items.push({ kind: token === "NOT" ? "not" : "and" });
        continue;
      }
      atom = makeAtom(token.replace(/\*+$/, ""), false, token.endsWith("*"));
    }
    if (atom) items.push({ kind: "atom", atom, negated });
  }
  return items;
}

/**
 * Parses what the user typed. Never throws; every string gives a (possibly empty) query. Upper-case OR,
 * AND and NOT are operators, never words: one with nothing to join (a trailing OR while typing) is dropped.
 */
export function parseQuery(input: string): SearchQuery {
  // Control characters (NUL ends an FTS5 string early) separate words like spaces do.
  const items = lex(input.replace(/[\u0000-\u001f\u007f]/g, " "));
  const groups: Atom[][] = [];
  const exclude: Atom[] = [];
  let atoms = 0;
  for (let i = 0; i < items.length && atoms < MAX_ATOMS; i++) {
    const item = items[i]!;
    if (item.kind !== "atom") continue;
    atoms++;
    const previous = items[i - 2];
    const joinsGroup = items[i - 1]?.kind === "or" && previous?.kind === "atom" && !previous.negated;
    if (item.negated) exclude.push(item.atom);
    else if (joinsGroup && groups.length > 0) groups[groups.length - 1]!.push(item.atom);
    else groups.push([item.atom]);
  }
  return { groups: dedupeGroups(groups), exclude: dedupeAtoms(exclude) };
}

function atomKey(atom: Atom): string {
  return `${atom.phrase ? "p" : "w"}${atom.prefix ? "*" : ""}:${atom.text.toLowerCase()}`;
}

function dedupeAtoms(atoms: Atom[]): Atom[] {
  const seen = new Set<string>();
  return atoms.filter((a) => !seen.has(atomKey(a)) && Boolean(seen.add(atomKey(a))));
}

function dedupeGroups(groups: Atom[][]): Atom[][] {
  const seen = new Set<string>();
  const out: Atom[][] = [];
  for (const group of groups) {
    const atoms = dedupeAtoms(group);
    const key = atoms.map(atomKey).sort().join("|");
    if (!seen.has(key)) {
      seen.add(key);
      out.push(atoms);
    }
  }
  return out;
}

/**
 * An FTS5 string literal: the tokenizer splits it into words, so punctuation inside is harmless. With
 * stemmings (lib/search/stem.ts), the text is stemmed as the word index holds it, once per stemming, and
 * the forms are ORed: a phrase is stemmed as a whole in each language, a prefix's last word too (as
 * PostgreSQL's to_tsquery does).
 */
function fts5Atom(atom: Atom, stemmings: readonly Stemming[]): string {
  const star = atom.prefix ? " *" : "";
  if (stemmings.length === 0) return `"${atom.text.replaceAll('"', '""')}"${star}`;
  const forms = [...new Set(stemmings.map((s) => stemText(atom.text, s)!))];
  const parts = forms.map((form) => `"${form.replaceAll('"', '""')}"${star}`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`;
}

function fts5Group(group: Atom[], stemmings: readonly Stemming[]): string {
  return group.length === 1
    ? fts5Atom(group[0]!, stemmings)
    : `(${group.map((a) => fts5Atom(a, stemmings)).join(" OR ")})`;
}

/**
 * The FTS5 MATCH expression for a query, or null when it has no positive part (nothing to match on).
 * Every atom is a quoted string, so the result is always valid FTS5 syntax. Without stemmings the words
 * are matched as typed.
 */
export function toFts5Match(query: SearchQuery, stemmings: readonly Stemming[] = []): string | null {
  if (query.groups.length === 0) return null;
  const positive = query.groups.map((g) => fts5Group(g, stemmings)).join(" AND ");
  if (query.exclude.length === 0) return positive;
  return `(${positive}) NOT (${query.exclude.map((a) => fts5Atom(a, stemmings)).join(" OR ")})`;
}

/** An FTS5 expression matching any of the atoms (for exclusion-only queries), or null for none. */
export function toFts5Any(atoms: readonly Atom[], stemmings: readonly Stemming[] = []): string | null {
  return atoms.length === 0 ? null : atoms.map((a) => fts5Atom(a, stemmings)).join(" OR ");
}

/**
 * The query as it applies to articles without unsegmented text: atoms in such scripts cannot match
 * there, so a group made only of them fails (null: nothing matches) and exclusions of them always hold.
 */
export function withoutUnsegmented(query: SearchQuery): SearchQuery | null {
  const groups: Atom[][] = [];
  for (const group of query.groups) {
    const kept = group.filter((a) => !isUnsegmented(a));
    if (kept.length === 0) return null;
    groups.push(kept);
  }
  return { groups, exclude: query.exclude.filter((a) => !isUnsegmented(a)) };
}

/** The words to highlight: every positive atom's text, longest first. */
export function highlightTerms(query: SearchQuery): string[] {
  const terms = new Set(query.groups.flat().map((a) => a.text.toLowerCase()));
  return [...terms].sort((a, b) => b.length - a.length);
}

/** The query written back in its own syntax (for logs, feed titles and tests). */
export function formatQuery(query: SearchQuery): string {
  const atom = (a: Atom) => (a.phrase ? `"${a.text}"` : a.text) + (a.prefix ? "*" : "");
  return [
    ...query.groups.map((g) => g.map(atom).join(" OR ")),
    ...query.exclude.map((a) => `-${atom(a)}`),
  ].join(" ");
}
