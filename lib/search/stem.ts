// Per-language stemming for the SQLite word index (docs/search.md, docs/language.md). FTS5 cannot call a
// JavaScript tokenizer, so the index holds a stemmed copy of each article: every word of the text replaced
// by its stem in the article's language, everything between words left as it is. The FTS5 table reads the
// original text as its content; since each word becomes exactly one word, token positions agree and
// snippet() marks the original words. Stemmers: @orama/stemmers (Snowball, Apache-2.0), the same
// algorithms as PostgreSQL's text search configurations (its English stemmer is Porter's original, as
// FTS5's own `porter` tokenizer was).
import { stemmer as danish } from "@orama/stemmers/danish";
import { stemmer as dutch } from "@orama/stemmers/dutch";
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as finnish } from "@orama/stemmers/finnish";
import { stemmer as french } from "@orama/stemmers/french";
import { stemmer as german } from "@orama/stemmers/german";
import { stemmer as greek } from "@orama/stemmers/greek";
import { stemmer as hungarian } from "@orama/stemmers/hungarian";
import { stemmer as indonesian } from "@orama/stemmers/indonesian";
import { stemmer as italian } from "@orama/stemmers/italian";
import { stemmer as norwegian } from "@orama/stemmers/norwegian";
import { stemmer as portuguese } from "@orama/stemmers/portuguese";
import { stemmer as romanian } from "@orama/stemmers/romanian";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as spanish } from "@orama/stemmers/spanish";
import { stemmer as swedish } from "@orama/stemmers/swedish";
import { stemmer as turkish } from "@orama/stemmers/turkish";

/**
 * Stemmers by ISO 639-1 code: the languages PostgreSQL stems (prisma/postgresql/migrations/
 * 20261129220000_places) less Catalan, which has no stemmer in the package. Other languages are indexed
 * unstemmed (lower-cased), as PostgreSQL's 'simple' configuration does.
 */
const STEMMERS: Record<string, (word: string) => string> = {
  en: english,
  de: german,
  fr: french,
  es: spanish,
  pt: portuguese,
  it: italian,
  nl: dutch,
  sv: swedish,
  da: danish,
  no: norwegian,
  fi: finnish,
  ru: russian,
  hu: hungarian,
  ro: romanian,
  tr: turkish,
  id: indonesian,
  el: greek,
};

/** The stemming an article or a query word gets: a stemmer's language code, or "" for none. */
export type Stemming = string;

/** The stemming for an article's language: English for unknown languages (as on PostgreSQL), none without a stemmer. */
export function stemmingOf(language: string | null | undefined): Stemming {
  if (!language) return "en";
  return language in STEMMERS ? language : "";
}

// A word as unicode61 sees it: it starts with a letter, digit or private-use character and goes on through
// those and combining marks (which unicode61 folds away inside a word). Checked against FTS5 in stem.test.ts.
const WORD = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;
const ONE_WORD = /^[\p{L}\p{N}\p{Co}]+$/u;
// Only runs of these characters are stemmed (Basic Latin to Latin Extended-B, combining accents, Greek,
// Cyrillic, Latin Extended Additional, Greek Extended). SQLite's Unicode tables know them all as word
// characters, and a run is replaced by letters and digits only, so the word it belongs to stays exactly one
// FTS5 token. Text in other scripts is indexed and looked up as it is. The runs are found by a table of
// these characters (below U+2000, the end of Greek Extended) rather than a regular expression: every word
// of every article passes here, and a replace() calling back per word took twice as long.
const STEMMABLE_RANGES: readonly [number, number][] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xaa, 0xaa],
  [0xb5, 0xb5],
  [0xba, 0xba],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x24f],
  [0x300, 0x36f],
  [0x370, 0x3ff],
  [0x400, 0x52f],
  [0x1e00, 0x1fff],
];
const STEMMABLE = new Uint8Array(0x2000);
for (const [from, to] of STEMMABLE_RANGES) STEMMABLE.fill(1, from, to + 1);
const stemmable = (code: number) => code < 0x2000 && STEMMABLE[code] === 1;
/** Longer runs are not stemmed (FTS5's porter tokenizer also left long tokens alone). */
const MAX_STEMMED_LENGTH = 64;
/** Runs stemmed per language before the memo is cleared; news vocabulary repeats, so hits are the rule. */
const MEMO_SIZE = 50_000;
const memos = new Map<Stemming, Map<string, string>>();

// Accents on Latin letters are removed before stemming, as PostgreSQL's configurations run unaccent before
// the stemmer: both engines then agree on stems ("élection" is "election" to the English stemmer too).
const ACCENTED_LATIN = /[\u00C0-\u024F]/g;
const foldLatin = (c: string) => c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

/** The memo of one stemming's runs. */
function memoOf(stemming: Stemming): Map<string, string> {
  let memo = memos.get(stemming);
  if (!memo) memos.set(stemming, (memo = new Map<string, string>()));
  return memo;
}

/** One run of stemmable characters not in the memo, stemmed (lower-cased, Latin accents removed, then the language's stemmer) and remembered. */
function stemRun(run: string, stemming: Stemming, memo: Map<string, string>): string {
  const lower = run.toLowerCase().replace(ACCENTED_LATIN, foldLatin);
  const stem = STEMMERS[stemming];
  let out = stem && lower.length <= MAX_STEMMED_LENGTH ? stem(lower) : lower;
  // A stem that is empty or not made of word characters would move every later position (and snippets).
  if (!ONE_WORD.test(out)) out = run;
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(run, out);
  return out;
}

/**
 * Text with every word stemmed in one stemming and everything between words kept: what the word index is
 * built from, and what a query's words are looked up as. Words in other scripts are kept as they are.
 * (The memo is looked up once per text, not per word: this runs for every word of every article.)
 */
export function stemText(text: string | null, stemming: Stemming): string | null {
  if (text === null) return null;
  const memo = memoOf(stemming);
  let out = "";
  // The end of what `out` holds of the text; a run that is its own stem is not copied piecewise.
  let copied = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!stemmable(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length && stemmable(text.charCodeAt(end))) end++;
    const run = text.slice(i, end);
    const stem = memo.get(run) ?? stemRun(run, stemming, memo);
    if (stem !== run) {
      out += text.slice(copied, i) + stem;
      copied = end;
    }
    i = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The words of a text in the order unicode61 finds them. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The stemmings to look a query word up in for articles in these languages (deduplicated, in order). */
export function stemmingsFor(languages: readonly (string | null)[]): Stemming[] {
  return [...new Set(languages.map(stemmingOf))];
}

/** An article's indexed texts (title, summary, body), stemmed in its language ahead of its write (null: no text). */
export interface IndexStems {
  stemming: Stemming;
  /** In the order of the texts given to `indexStems`; the texts themselves are not repeated here. */
  stemmed: (string | null)[];
}

/** Stems computed ahead of the write (on a reading thread), by stemming, then by text. */
const ahead = new Map<Stemming, Map<string, string>>();
/** The same for bodies, by the body's HTML (SQLite derives a body's text from its HTML: lib/sqlite-functions.ts). */
const bodiesAhead = new Map<Stemming, Map<string, string>>();

function aheadFor(maps: Map<Stemming, Map<string, string>>, stemming: Stemming): Map<string, string> {
  let known = maps.get(stemming);
  if (!known) maps.set(stemming, (known = new Map<string, string>()));
  return known;
}

/** The index's stems of an article's texts, to hand to `stemsAhead` with the same texts at its write. */
export function indexStems(language: string | null, texts: readonly (string | null)[]): IndexStems {
  const stemming = stemmingOf(language);
  return { stemming, stemmed: texts.map((text) => stemText(text, stemming)) };
}

/**
 * Makes `dispatch_stem` answer these texts from what was stemmed ahead instead of stemming them again: the
 * writer calls it before the statements that index them, then `forgetStemsAhead` (a thread that reads
 * and tags while another writes can so take the stemming off the writer). Each article's `texts` are the
 * ones its `stems` were made from, in the same order (a reading thread sends only the stems, so that the
 * texts cross to the writer once).
 */
export function stemsAhead(
  articles: readonly { texts: readonly (string | null)[]; bodyHtml?: string; stems: IndexStems }[],
): void {
  for (const { texts, bodyHtml, stems } of articles) {
    const known = aheadFor(ahead, stems.stemming);
    // The last text is the body's. Given its HTML, the body's stems are found by that HTML
    // (`dispatch_body_stems`), and only by it: nothing looks a body up by its text, a long key to hash.
    const byText = bodyHtml === undefined ? texts.length : texts.length - 1;
    for (let i = 0; i < byText; i++) {
      const text = texts[i];
      const stemmed = stems.stemmed[i];
      if (text !== null && text !== undefined && typeof stemmed === "string") known.set(text, stemmed);
    }
    const body = stems.stemmed[texts.length - 1];
    if (bodyHtml !== undefined && typeof body === "string")
      aheadFor(bodiesAhead, stems.stemming).set(bodyHtml, body);
  }
}

/** Drops the stems handed over by `stemsAhead`. */
export function forgetStemsAhead(): void {
  ahead.clear();
  bodiesAhead.clear();
}

/**
 * What `dispatch_stem(text, language)` returns (lib/sqlite-functions.ts): the stems handed over ahead when
 * there are some, else the text stemmed now.
 */
export function stemForIndex(text: string, language: string | null): string | null {
  const stemming = stemmingOf(language);
  return ahead.get(stemming)?.get(text) ?? stemText(text, stemming);
}

/**
 * What `dispatch_body_stems(bodyHtml, language)` returns (lib/sqlite-functions.ts): the stems of the body's
 * text (`textOf(bodyHtml)`), from those handed over ahead by HTML when there are some.
 */
export function stemBodyForIndex(
  bodyHtml: string,
  language: string | null,
  textOf: (bodyHtml: string) => string,
): string | null {
  const stemming = stemmingOf(language);
  return bodiesAhead.get(stemming)?.get(bodyHtml) ?? stemForIndex(textOf(bodyHtml), language);
}
