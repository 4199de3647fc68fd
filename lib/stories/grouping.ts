// The grouping decision, one implementation for both databases (pure; lib/stories/store.ts feeds it from
// SQL). An arriving article joins the story of the most similar earlier article from another source
// within the time window, if the similarity (TF-IDF cosine over title and lead, names weighted up, place
// names counting at most PLACE_CAP times the other shared terms, adjusted for countries and time) clears
// LINK_THRESHOLD; otherwise it starts a story. An article that clears MERGE_THRESHOLD with two stories
// shows that they are one: they merge. A near-identical text (SimHash) from another source is a
// syndicated copy: it joins its original's story and is marked so.

import { isCopy } from "./simhash";
import { allTerms, type StoryFeatures } from "./features";

/** Articles further apart than this are never one story (two earthquakes three weeks apart are two). */
export const WINDOW_MS = 4 * 24 * 3_600_000;
/** Cosine similarity from which an article joins a story. */
export const LINK_THRESHOLD = 0.11;
/** Similarity to a second story from which the two are merged. */
export const MERGE_THRESHOLD = 0.3;
/** Shared place names count at most this many times the other shared terms (at most 60% of a match). */
export const PLACE_CAP = 1.5;
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
  /** Its story (a story's id is the id of the article that started it); for arrivals, set by `assign`. */
  storyId: number | null;
  /** The original this article is a copy of. */
  duplicateOfId: number | null;
}

/** Document frequencies: how many grouped articles contain a term, and how many there are. */
export interface DocumentFrequencies {
  total: number;
  df: (term: number) => number;
}

/** What `assign` decided besides each arrival's story. */
export interface Assignment {
  /** Pairs (from, into) of stories that turned out to be one; `into` is the older (smaller) id. */
  merges: [number, number][];
}

export interface Vector {
  /** The terms in ascending order, their weights in the same order, and which of them name a place. */
  sorted: readonly number[];
  weights: readonly number[];
  placeMask: readonly boolean[] | null;
  norm: number;
  /** The LOOKUP_TERMS heaviest terms, made by `keysOf` when first asked (most vectors are only compared). */
  keys: number[] | null;
}

/** What of an article's vector does not depend on the document frequencies (see `vectorOf`). */
interface VectorShape {
  /** The terms in ascending order; per term, its boost (2 for the title, 1 for the lead, half as much again
   * for a name), its number in `termNumbers` (of `generation`), and whether it names a place. */
  sorted: number[];
  boosts: number[];
  numbers: number[];
  generation: number;
  placeMask: boolean[] | null;
  /** Where each term of the features' own order (title, then lead) is in `sorted`: the norm is summed in
   * that order, as it always was, so that scores do not change in their last bit. */
  positions: number[];
}

/**
 * Terms numbered 0, 1, 2… as shapes first see them, so that a batch's inverse document frequencies are an
 * array read by number rather than a map read by hash (an import compares each candidate with the
 * arrivals of every feed, and weighs its terms again per feed). Bounded: past TERM_NUMBERS the numbering
 * starts again, and a shape numbered before renumbers its terms when next used.
 */
const termNumbers = new Map<number, number>();
const TERM_NUMBERS = 1 << 20;
let generation = 0;

function numbersOf(terms: readonly number[]): number[] {
  if (termNumbers.size + terms.length > TERM_NUMBERS) {
    termNumbers.clear();
    generation++;
  }
  return terms.map((term) => {
    let n = termNumbers.get(term);
    if (n === undefined) termNumbers.set(term, (n = termNumbers.size));
    return n;
  });
}

/**
 * Shapes by features object, kept on the object itself (see shapeOf). An import run keeps each candidate's
 * features for the whole run (lib/stories/store.ts, GroupingMemo) and compares it with the arrivals of many
 * feeds, each feed with its own frequencies: the shape is made once, and only the weights again per feed
 * (building the whole vector per candidate and feed was a tenth of the writer's time at 100,000 articles).
 */
const SHAPE = Symbol("vector shape");
type Shaped = StoryFeatures & { [SHAPE]?: VectorShape };

function shapeOf(f: Shaped): VectorShape {
  // Kept on the features object under a symbol (JSON.stringify leaves it out): a property read costs less
  // than a WeakMap's lookup, which was a twentieth of the grouping's time at 100,000 articles.
  let shape = f[SHAPE];
  if (!shape) {
    // A few names and places each: a list reads faster than a set made for one use.
    const { n: names, p: places } = f;
    // Title and lead terms are disjoint (features.ts), so each term is weighed once.
    const terms = [...f.t, ...f.l];
    const order = terms.map((_, i) => i).sort((x, y) => terms[x]! - terms[y]!);
    const sorted = order.map((i) => terms[i]!);
    const positions = new Array<number>(terms.length);
    order.forEach((i, position) => (positions[i] = position));
    shape = {
      sorted,
      boosts: order.map((i) => (i < f.t.length ? 2 : 1) * (names.includes(terms[i]!) ? 1.5 : 1)),
      numbers: numbersOf(sorted),
      generation,
      placeMask: places.length > 0 ? sorted.map((t) => places.includes(t)) : null,
      positions,
    };
    // Not enumerable: the features stay equal, as data, to what they were.
    Object.defineProperty(f, SHAPE, { value: shape, writable: true });
  } else if (shape.generation !== generation) {
    shape.numbers = numbersOf(shape.sorted);
    shape.generation = generation;
  }
  return shape;
}

/** Inverse document frequency, smoothed so that a tiny corpus still weighs rare terms above common ones. */
export function idf(freq: DocumentFrequencies, term: number): number {
  return Math.log(1 + (freq.total + 1) / (Math.max(1, freq.df(term)) + 0.5));
}

/**
 * Memoised inverse document frequencies for one batch (the frequencies do not change within it): `of` by
 * term, and for vectors by the terms' numbers (NaN: not yet computed).
 */
export class IdfCache {
  private readonly byTerm = new Map<number, number>();
  private byNumber = new Float64Array(0);
  private generation = -1;

  constructor(private readonly freq: DocumentFrequencies) {}

  of(term: number): number {
    let v = this.byTerm.get(term);
    if (v === undefined) this.byTerm.set(term, (v = idf(this.freq, term)));
    return v;
  }

  /** The weights of a shape's terms (in its sorted order), and their norm. */
  weigh(shape: VectorShape): { weights: number[]; norm: number } {
    if (this.generation !== generation) {
      this.byNumber = new Float64Array(0);
      this.generation = generation;
    }
    if (this.byNumber.length < termNumbers.size) {
      const grown = new Float64Array(Math.max(termNumbers.size, 2 * this.byNumber.length)).fill(NaN);
      grown.set(this.byNumber);
      this.byNumber = grown;
    }
    const { sorted, boosts, numbers, positions } = shape;
    const table = this.byNumber;
    const weights = new Array<number>(sorted.length);
    for (let i = 0; i < sorted.length; i++) {
      let v = table[numbers[i]!]!;
      if (v !== v) table[numbers[i]!] = v = idf(this.freq, sorted[i]!);
      weights[i] = boosts[i]! * v;
    }
    let sum = 0;
    for (let i = 0; i < positions.length; i++) {
      const w = weights[positions[i]!]!;
      sum += w * w;
    }
    return { weights, norm: Math.sqrt(sum) || 1 };
  }
}

/** The TF-IDF vector of an article: title terms count double, names half as much again. */
export function vectorOf(f: StoryFeatures, idfs: IdfCache): Vector {
  const shape = shapeOf(f);
  const { weights, norm } = idfs.weigh(shape);
  return { sorted: shape.sorted, weights, placeMask: shape.placeMask, norm, keys: null };
}

/**
 * The terms an article is found by in the candidate index, heaviest first (LOOKUP_TERMS of them; the index
 * stores the first KEYS_PER_ARTICLE). Sorting every vector's terms was a third of the vectors' cost at
 * ingest, and only arrivals need it: the candidates loaded for them are only compared.
 */
export function keysOf(v: Vector): number[] {
  if (!v.keys) {
    const { sorted, weights } = v;
    const order = sorted
      .map((_, i) => i)
      .sort((a, b) => weights[b]! - weights[a]! || sorted[a]! - sorted[b]!);
    v.keys = order.slice(0, LOOKUP_TERMS).map((i) => sorted[i]!);
  }
  return v.keys;
}

/** Cosine similarity of two TF-IDF vectors, 0..1. */
export function cosine(a: Vector, b: Vector): number {
  const [event, place] = sharedWeight(a, b);
  return (event + place) / (a.norm * b.norm);
}

/**
 * The dot product of two vectors, split into the terms that name a place (in either) and the others: a
 * merge of their sorted terms (every arrival is compared with up to a hundred candidates).
 */
function sharedWeight(a: Vector, b: Vector): [event: number, place: number] {
  const { sorted: as, weights: aw, placeMask: ap } = a;
  const { sorted: bs, weights: bw, placeMask: bp } = b;
  let event = 0;
  let place = 0;
  let i = 0;
  let j = 0;
  while (i < as.length && j < bs.length) {
    const x = as[i]!;
    const y = bs[j]!;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      const w = aw[i]! * bw[j]!;
      if ((ap !== null && ap[i]!) || (bp !== null && bp[j]!)) place += w;
      else event += w;
      i++;
      j++;
    }
  }
  return [event, place];
}

/**
 * Cosine similarity in which shared place names count at most PLACE_CAP times the other shared terms:
 * where something happened supports a match, but two articles need common words about what happened to be
 * one event (in a small archive a shared place name alone weighs as much as a rare event word).
 */
function eventSimilarity(a: Vector, b: Vector): number {
  const [event, place] = sharedWeight(a, b);
  return (event + Math.min(place, PLACE_CAP * event)) / (a.norm * b.norm);
}

/** Whether two short lists have an element in common (plain loops: this runs for every comparison). */
function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/**
 * How likely two articles report one event, 0..1: the similarity of their vectors (place names counting
 * at most PLACE_CAP times the other shared terms), halved when both name primary countries and share
 * none, and lowered by up to 30% as their time gap nears the window.
 */
export function articleSimilarity(a: GroupingArticle, av: Vector, b: GroupingArticle, bv: Vector): number {
  const gap = Math.abs(a.publishedAt - b.publishedAt);
  if (gap > WINDOW_MS) return 0;
  let score = eventSimilarity(av, bv);
  if (a.features.c.length > 0 && b.features.c.length > 0 && !sharesAny(a.features.c, b.features.c))
    score *= 0.5;
  return score * (1 - 0.3 * (gap / WINDOW_MS));
}

/**
 * Stored articles an arrival may join, chosen for it (by the database's candidate index): with these,
 * `assign` compares each arrival with its own candidates and the arrivals before it, and nothing else.
 */
export type KnownByArrival = ReadonlyMap<GroupingArticle, readonly GroupingArticle[]>;

function byArrival(known: readonly GroupingArticle[] | KnownByArrival): known is KnownByArrival {
  return known instanceof Map;
}

/** Time buckets of the candidate index, one window long (see `assign`); kept within 13 bits per term. */
const bucketOf = (publishedAt: number) => Math.floor(publishedAt / WINDOW_MS) & 0x1fff;
/** A term (a 31-bit hash) and a bucket as one number (below 2^44, an exact integer). */
const indexKey = (term: number, bucket: number) => term * 0x2000 + (bucket & 0x1fff);

/**
 * Assigns each arriving article (in publication order) to a story, against the earlier articles it may
 * join (`known`, with their stories: one list for all arrivals, or each arrival's own) and the arrivals
 * before it. Sets `storyId` and `duplicateOfId` of
 * the arriving articles; an article that starts a story gives it its own id. `vectors` may hold
 * vectors computed earlier with the same frequencies.
 */
export function assign(
  arriving: GroupingArticle[],
  known: readonly GroupingArticle[] | KnownByArrival,
  freq: DocumentFrequencies,
  vectors: Map<GroupingArticle, Vector> = new Map(),
): Assignment {
  const merges: [number, number][] = [];
  const idfs = new IdfCache(freq);
  const vector = (a: GroupingArticle) => {
    let v = vectors.get(a);
    if (!v) vectors.set(a, (v = vectorOf(a.features, idfs)));
    return v;
  };
  // Arrivals from one source (a feed) cannot join each other's stories: they need not be indexed.
  const oneSource = arriving.every((a) => a.sourceId === arriving[0]?.sourceId);
  // Inverted index over stored keys: (term, window-long time bucket) -> articles, the candidates an
  // arrival is compared with. An arrival reads its own bucket and the two beside it, which hold every
  // article within the window: with a term per list, a batch spanning months (a feed's first import into
  // a large archive) walked every article with a common term for each arrival (most of a 100,000-article
  // import's time).
  const index = new Map<number, GroupingArticle[]>();
  const addToIndex = (a: GroupingArticle) => {
    const bucket = bucketOf(a.publishedAt);
    for (const term of keysOf(vector(a)).slice(0, KEYS_PER_ARTICLE)) {
      const key = indexKey(term, bucket);
      const list = index.get(key);
      if (list) list.push(a);
      else index.set(key, [a]);
    }
  };
  const own = byArrival(known) ? known : null;
  if (!byArrival(known)) known.forEach(addToIndex);
  // Stories merged during this batch: follow to the surviving id.
  const mergedInto = new Map<number, number>();
  const resolve = (id: number) => {
    let s = id;
    while (mergedInto.has(s)) s = mergedInto.get(s)!;
    return s;
  };
  const ordered = [...arriving].sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id);

  for (const article of ordered) {
    const av = vector(article);
    const seen = new Set<GroupingArticle>();
    const candidates: GroupingArticle[] = [];
    const consider = (c: GroupingArticle) => {
      if (seen.has(c) || c.sourceId === article.sourceId || c.storyId === null) return;
      if (Math.abs(c.publishedAt - article.publishedAt) > WINDOW_MS) return;
      seen.add(c);
      candidates.push(c);
    };
    own?.get(article)?.forEach(consider);
    const bucket = bucketOf(article.publishedAt);
    for (const term of keysOf(av)) {
      for (let b = bucket - 1; b <= bucket + 1; b++) {
        index.get(indexKey(term, b))?.forEach(consider);
      }
    }
    candidates.sort(
      (x, y) =>
        Math.abs(x.publishedAt - article.publishedAt) - Math.abs(y.publishedAt - article.publishedAt) ||
        x.id - y.id,
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
      story = article.id;
    }
    // Another story this article matches strongly: the two are one event.
    for (const [other, score] of ranked) {
      if (other === story || score < MERGE_THRESHOLD) continue;
      const [from, into] = story < other ? [other, story] : [story, other];
      mergedInto.set(from, into);
      merges.push([from, into]);
      story = into;
    }
    article.storyId = story;
    if (!oneSource) addToIndex(article);
  }
  for (const a of ordered) a.storyId = resolve(a.storyId!);
  return { merges };
}

/** Every term of the arriving articles (for loading their document frequencies). */
export function termsOf(articles: readonly { features: StoryFeatures }[]): number[] {
  const terms = new Set<number>();
  for (const a of articles) for (const t of allTerms(a.features)) terms.add(t);
  return [...terms];
}
