// Scoring of the evaluation sets: micro precision and recall over country labels. The multilingual and
// implicit sets (lib/regions/eval/*.json, written blind by other people) are split in file order: the
// first 60% is the development part (its misses may be read to find general gaps), the rest is held out
// (scored only; its misses are never printed). docs/regions.md records the figures.
import { tagCountries } from "./tagger";

export interface EvalItem {
  id: string;
  date?: string;
  title: string;
  body: string;
  expected: string[];
}

export interface EvalFile {
  language: string;
  items: EvalItem[];
}

export interface Score {
  texts: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** "id: extra [..] missing [..]" per imperfect text. */
  misses: string[];
}

/** Index where the held-out part of a file begins (the first 60% of items, rounded down, are development). */
export function heldOutStart(items: readonly unknown[]): number {
  return Math.floor(items.length * 0.6);
}

/** Micro precision/recall of the tagger on items, tagging each in the file's language and at its date. */
export function score(items: readonly EvalItem[], language: string): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const item of items) {
    const date = item.date ? new Date(`${item.date}T12:00:00Z`) : null;
    const got = new Set(
      tagCountries({ title: item.title, body: item.body, language, date }).map((t) => t.code),
    );
    const expected = new Set(item.expected);
    const extra = [...got].filter((c) => !expected.has(c));
    const missing = [...expected].filter((c) => !got.has(c));
    tp += got.size - extra.length;
    fp += extra.length;
    fn += missing.length;
    if (extra.length > 0 || missing.length > 0)
      misses.push(`${item.id}: extra [${extra.join(",")}] missing [${missing.join(",")}]`);
  }
  return {
    texts: items.length,
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    misses,
  };
}
