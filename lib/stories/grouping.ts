// The grouping decision, one implementation for both databases (pure; lib/stories/store.ts feeds it from
// SQL). An arriving article joins the story of the most similar earlier article from another source
// within the time window, if the similarity (TF-IDF cosine over title and lead, names weighted up,
// adjusted for countries and time) clears LINK_THRESHOLD; otherwise it starts a story. An article that
// clears MERGE_THRESHOLD with two stories shows that they are one: they merge. A near-identical text
// (SimHash) from another source is a syndicated copy: it joins its original's story and is marked so.

import { isCopy } from "./simhash";
import { allTerms, type StoryFeatures } from "./features";

/** Articles further apart than this are never one story (two earthquakes three weeks apart are two). */
export const WINDOW_MS = 4 * 24 * 3_600_000;
/** Cosine similarity from which an article joins a story. */
export const LINK_THRESHOLD = 0.11;
/** Similarity to a second story from which the two are merged. */
export const MERGE_THRESHOLD = 0.3;
/** Terms stored per article in the candidate index. */
export const KEYS_PER_ARTICLE = 8;
/** Terms of an arriving article looked up in the candidate index. */
export const LOOKUP_TERMS = 12;
/** Candidates compared per arriving article, the most recent first (bounds the cost of common keys). */
const MAX_CANDIDATES = 300;

/** An article as the grouping sees it. */
export interface GroupingArticle {
  id: number;
  sourceId: number;
  publishedAt: number;
  simhash: string | null;
  features: StoryFeatures;
  /** Its story; for arriving articles, set by `assign` (negative: a story created in this batch). */
  storyId: number | null;
  /** The original this article is a copy of. */
  duplicateOfId: number | null;
}

/** Document frequencies: how many grouped articles contain a term, and how many there are. */
export interface DocumentFrequencies {
  total: number;
  df: (term: number) => number;
}

/** What `assign` decided for the arriving articles. */
export interface Assignment {
  /** Stories created in this batch, by their temporary (negative) id, with their first article. */
  created: Map<number, number>;
  /** Pairs (from, into) of stories that turned out to be one; `into` is the older (smaller) id. */
  merges: [number, number][];
}

interface Vector {
  weights: Map<number, number>;
  norm: number;
  keys: number[];
}

/** Inverse document frequency, smoothed so that a tiny corpus still weighs rare terms above common ones. */
export function idf(freq: DocumentFrequencies, term: number): number {
  return Math.log(1 + (freq.total + 1) / (Math.max(1, freq.df(term)) + 0.5));
}

/** The TF-IDF vector of an article: title terms count double, names half as much again. */
export function vectorOf(f: StoryFeatures, freq: DocumentFrequencies): Vector {
  const names = new Set(f.n);
  const weights = new Map<number, number>();
  const add = (term: number, part: number) =>
    weights.set(term, (weights.get(term) ?? 0) + part * idf(freq, term) * (names.has(term) ? 1.5 : 1));
  for (const t of f.t) add(t, 2);
  for (const t of f.l) add(t, 1);
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  const keys = [...weights.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, LOOKUP_TERMS)
    .map(([t]) => t);
  return { weights, norm: Math.sqrt(sum) || 1, keys };
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small.weights) {
    const other = large.weights.get(t);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}

/**
 * How likely two articles report one event, 0..1: the cosine of their vectors, halved when both name
 * primary countries and share none, and lowered by up to 30% as their time gap nears the window.
 */
export function articleSimilarity(a: GroupingArticle, av: Vector, b: GroupingArticle, bv: Vector): number {
  const gap = Math.abs(a.publishedAt - b.publishedAt);
  if (gap > WINDOW_MS) return 0;
  let score = cosine(av, bv);
  if (
    a.features.c.length > 0 &&
    b.features.c.length > 0 &&
    !a.features.c.some((c) => b.features.c.includes(c))
  )
    score *= 0.5;
  return score * (1 - 0.3 * (gap / WINDOW_MS));
}

/** The terms an article is stored under in the candidate index. */
export function keysOf(f: StoryFeatures, freq: DocumentFrequencies): number[] {
  return vectorOf(f, freq).keys.slice(0, KEYS_PER_ARTICLE);
}

/**
 * Assigns each arriving article (in publication order) to a story, against the earlier articles it may
 * join (`known`, with their stories) and the arrivals before it. Sets `storyId` and `duplicateOfId` of
 * the arriving articles; stories created here are numbered -1, -2, … until stored.
 */
export function assign(
  arriving: GroupingArticle[],
  known: readonly GroupingArticle[],
  freq: DocumentFrequencies,
): Assignment {
  const created = new Map<number, number>();
  const merges: [number, number][] = [];
  const vectors = new Map<GroupingArticle, Vector>();
  const vector = (a: GroupingArticle) => {
    let v = vectors.get(a);
    if (!v) vectors.set(a, (v = vectorOf(a.features, freq)));
    return v;
  };
  // Inverted index over stored keys: term -> articles, the candidates an arrival is compared with.
  const index = new Map<number, GroupingArticle[]>();
  const addToIndex = (a: GroupingArticle) => {
    for (const term of vector(a).keys.slice(0, KEYS_PER_ARTICLE)) {
      const list = index.get(term);
      if (list) list.push(a);
      else index.set(term, [a]);
    }
  };
  known.forEach(addToIndex);
  // Stories merged during this batch: follow to the surviving id.
  const mergedInto = new Map<number, number>();
  const resolve = (id: number) => {
    let s = id;
    while (mergedInto.has(s)) s = mergedInto.get(s)!;
    return s;
  };
  const ordered = [...arriving].sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id);
  let nextTemp = -1;

  for (const article of ordered) {
    const av = vector(article);
    const seen = new Set<GroupingArticle>();
    const candidates: GroupingArticle[] = [];
    for (const term of av.keys) {
      for (const c of index.get(term) ?? []) {
        if (seen.has(c) || c.sourceId === article.sourceId || c.storyId === null) continue;
        if (Math.abs(c.publishedAt - article.publishedAt) > WINDOW_MS) continue;
        seen.add(c);
        candidates.push(c);
      }
    }
    candidates.sort(
      (x, y) => Math.abs(x.publishedAt - article.publishedAt) - Math.abs(y.publishedAt - article.publishedAt),
    );

    const best = new Map<number, number>();
    let original: GroupingArticle | null = null;
    for (const c of candidates.slice(0, MAX_CANDIDATES)) {
      const story = resolve(c.storyId!);
      if (!original && isCopy(article.simhash, c.simhash)) original = c;
      const score = articleSimilarity(article, av, c, vector(c));
      if (score > (best.get(story) ?? 0)) best.set(story, score);
    }

    const ranked = [...best.entries()].sort((x, y) => y[1] - x[1]);
    let story: number;
    if (original) {
      article.duplicateOfId = original.duplicateOfId ?? original.id;
      story = resolve(original.storyId!);
    } else if (ranked[0] && ranked[0][1] >= LINK_THRESHOLD) {
      story = ranked[0][0];
    } else {
      story = nextTemp--;
      created.set(story, article.id);
    }
    // Another story this article matches strongly: the two are one event.
    for (const [other, score] of ranked) {
      if (other === story || score < MERGE_THRESHOLD) continue;
      const [from, into] = olderLast(story, other);
      mergedInto.set(from, into);
      merges.push([from, into]);
      story = into;
    }
    article.storyId = story;
    addToIndex(article);
  }
  for (const a of ordered) a.storyId = resolve(a.storyId!);
  // Stories of this batch that merged into another were never stored: only stored ones need merging.
  for (const temp of mergedInto.keys()) created.delete(temp);
  return { created, merges: merges.filter(([from]) => from > 0) };
}

/** Of two story ids, [the one to retire, the one to keep]: stored stories (positive, older first) win. */
function olderLast(a: number, b: number): [number, number] {
  const rank = (id: number) => (id > 0 ? id : 1e15 - id);
  return rank(a) < rank(b) ? [b, a] : [a, b];
}

/** Every term of the arriving articles (for loading their document frequencies). */
export function termsOf(articles: readonly { features: StoryFeatures }[]): number[] {
  const terms = new Set<number>();
  for (const a of articles) for (const t of allTerms(a.features)) terms.add(t);
  return [...terms];
}
