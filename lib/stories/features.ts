// What the story grouping compares, computed once per article at ingest (pure, no database): the
// distinctive words of title and lead as 31-bit term hashes, which of them are names and which name a
// place, and the article's primary countries. Terms are hashed so that the candidate index and the
// document frequencies hold integers only (they are written as checked literals, like the tag rows in
// lib/ingest/store.ts).

/** Stored on Article.storyFeatures as JSON. */
export interface StoryFeatures {
  /** Terms of the title (unique). */
  t: number[];
  /** Terms of the lead that are not in the title (unique). */
  l: number[];
  /** Terms written as names (capitalised inside a sentence): people, places, organisations. */
  n: number[];
  /** Primary countries (ISO codes) from the region tagger. */
  c: string[];
  /**
   * Terms of place names: the phrases that placed a country ("Aqaba", "Norway's") and named seas, gulfs,
   * lakes and the like ("Red Sea", "Gulf of Aqaba"). Missing in features stored before places counted apart.
   */
  p: number[];
}

/** Words of the lead that count: the summary, or the start of the body. */
const LEAD_WORDS = 60;

// Function words and newsroom filler: they say nothing about which event an article reports.
const STOPWORDS = new Set(
  (
    "a about above after again against all almost also although am among amid an and another any are around as at " +
    "back be became because been before being below between both but by can could did do does doing done down " +
    "during each early either even ever every few for from further get gets got had has have having he her here " +
    "hers him his how however i if in into is it its itself just last late later least less like made make makes " +
    "many may me might more most much must my near nearly new next no nor not now of off often on once one only " +
    "or other others our out over own per put said say saying says see seen several she should since so some " +
    "still such than that the their them then there these they this those though three through thus to told " +
    "too two under until up upon us very via was we week weeks well were what when where whether which while who " +
    "whom whose why will with within without would year years yet you your " +
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning evening " +
    "night day days month months according report reports reported reporting statement news update live " +
    "percent people official officials time first second third since including told according"
  ).split(" "),
);

const WORD_RE = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

// Named geographic features the region tagger does not know (a sea shared by four countries places none):
// a capitalised name with a feature word after it ("Red Sea", "Lyngen Alps") or before it ("Gulf of Aqaba"),
// and the regions below.
const FEATURE =
  "Sea|Ocean|Gulf|Bay|Strait|Straits|Channel|Canal|River|Lake|Reef|Island|Islands|Isles|Peninsula|Coast|" +
  "Mountains|Alps|Valley|Desert|Delta|Basin|Plateau|Fjord";
const NAME = "\\p{Lu}[\\p{L}'’-]*";
// Continents, oceans and large regions, named on their own ("the Baltic", "Arctic oil"): as common in the
// news as a country.
const REGION =
  "Africa|African|Asia|Asian|Europe|European|Americas|Middle East|Baltic|Mediterranean|Arctic|Antarctic|" +
  "Antarctica|Atlantic|Pacific|Caribbean|Sahel|Balkans|Caucasus|Scandinavia|Scandinavian|Nordic|Gulf";
const GEOGRAPHIC_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${NAME}\\s+)+(?:${FEATURE})|(?:Gulf|Bay|Sea|Strait|Lake|Isle|Mount)\\s+(?:of\\s+(?:the\\s+)?)?${NAME}|${REGION})(?![\\p{L}\\p{N}])`,
  "gu",
);

/** A 31-bit FNV-1a hash of a term, never 0 (term 0 holds the article count in StoryTerm). */
export function termHash(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    h ^= term.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1 || 1;
}

/** A light English suffix stripper: enough that "talks"/"talk" and "killed"/"kills" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.endsWith("'s") || w.endsWith("’s")) w = w.slice(0, -2);
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  return w;
}

interface Token {
  term: string;
  name: boolean;
}

/** Terms of a text: lower-cased, accents kept, stop words and one-letter words dropped, stemmed. */
function tokens(text: string, limit: number, headline: boolean): Token[] {
  const out: Token[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const match of text.matchAll(WORD_RE)) {
    const gap = text.slice(last, match.index);
    last = match.index + match[0].length;
    if (/[.!?:;]\s|\n/.test(gap)) sentenceStart = true;
    const raw = match[0];
    const lower = raw.toLowerCase();
    const startsUpper = raw[0] !== lower[0];
    // Headlines are often written in title case, where capitals say nothing; inside a sentence they do.
    const name = startsUpper && !sentenceStart && !headline;
    sentenceStart = false;
    if (lower.length < 2 || STOPWORDS.has(lower)) continue;
    out.push({ term: stem(lower), name });
    if (out.length >= limit) break;
  }
  return out;
}

/** The lead a reader sees first: the summary when the feed gave one, else the start of the body. */
export function leadOf(summary: string | null, bodyText: string): string {
  const text = summary?.trim() ? summary : bodyText.slice(0, 1_200);
  return text;
}

/** Term hashes of the words of place names, as the grouping hashes words. */
export function placeTermsOf(phrases: readonly string[]): Set<number> {
  const terms = new Set<number>();
  for (const phrase of phrases)
    for (const word of phrase.toLowerCase().match(WORD_RE) ?? [])
      if (word.length > 1 && !STOPWORDS.has(word)) terms.add(termHash(stem(word)));
  return terms;
}

/** A headline in title case ("Storm Hits The Coast"), where capitals do not mark names. */
function titleCase(text: string): boolean {
  const words = (text.match(WORD_RE) ?? []).filter((w) => w.length > 3);
  return words.length >= 3 && words.filter((w) => w[0] !== w[0]!.toLowerCase()).length / words.length > 0.6;
}

/** Features of an article for grouping (`places`: the phrases that placed its countries). */
export function storyFeatures(input: {
  title: string;
  summary: string | null;
  bodyText: string;
  countries: readonly string[];
  places: readonly string[];
}): StoryFeatures {
  const title = new Set<number>();
  const lead = new Set<number>();
  const names = new Set<number>();
  const leadText = leadOf(input.summary, input.bodyText);
  for (const t of tokens(input.title, 40, true)) title.add(termHash(t.term));
  for (const t of tokens(leadText, LEAD_WORDS, false)) {
    const h = termHash(t.term);
    if (t.name) names.add(h);
    if (!title.has(h)) lead.add(h);
  }
  const geographic = [
    ...(titleCase(input.title) ? [] : (input.title.match(GEOGRAPHIC_RE) ?? [])),
    ...(leadText.match(GEOGRAPHIC_RE) ?? []),
  ];
  const places = placeTermsOf([...input.places, ...geographic]);
  const p = [...title, ...lead].filter((t) => places.has(t));
  return { t: [...title], l: [...lead], n: [...names], c: [...input.countries].sort(), p };
}

/** The phrases of stored country evidence (JSON written at ingest), read defensively. */
export function evidencePhrases(json: string | null): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((e: unknown) => {
      const phrase = typeof e === "object" && e !== null ? (e as { phrase?: unknown }).phrase : undefined;
      return typeof phrase === "string" ? [phrase] : [];
    });
  } catch {
    return [];
  }
}

/** Parses stored features; null when missing or malformed (the article then takes no part in grouping). */
export function parseFeatures(json: string | null): StoryFeatures | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<StoryFeatures>;
    if (!Array.isArray(v.t) || !Array.isArray(v.l) || !Array.isArray(v.n) || !Array.isArray(v.c)) return null;
    return { t: v.t, l: v.l, n: v.n, c: v.c, p: Array.isArray(v.p) ? v.p : [] };
  } catch {
    return null;
  }
}

/** Every distinct term of an article (each counts once towards its document frequency). */
export function allTerms(f: StoryFeatures): number[] {
  return [...f.t, ...f.l];
}
