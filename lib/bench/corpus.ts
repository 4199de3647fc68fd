// The benchmark corpus: deterministic news articles from about 50 sources over two years, rendered as
// RSS feeds. Every article is a pure function of (seed, source, position), so a feed can be generated
// when it is requested and the bare engine load can regenerate the same articles without keeping
// 100,000 of them in memory. Pure: no I/O.
import { seededRandom, syntheticArticle } from "@/lib/regions/synthetic-news";

export const SOURCE_COUNT = 50;
const DEFAULT_SEED = 20261129;
/** Newest article date: fixed, so the date filters of the search mix select the same articles every run. */
export const CORPUS_END = Date.UTC(2026, 10, 1);
export const CORPUS_DAYS = 730;
/** A word in a dozen articles, whatever the corpus size: the "rare word" of the search mix. */
export const RARE_WORD = "quixotically";
const RARE_COUNT = 12;

/** Terms the search mix relies on, with the share of articles they are injected into. */
const TERMS: readonly { text: string; share: number }[] = [
  { text: "people", share: 0.2 },
  { text: "ceasefire", share: 0.08 },
  { text: "interest rates", share: 0.04 },
  { text: "earthquake", share: 0.1 },
  { text: "flood", share: 0.1 },
  { text: "election", share: 0.15 },
  { text: "inflation", share: 0.1 },
  { text: "inflationary", share: 0.03 },
];

const COMMON =
  `the of and to in a for on that with as by at from is was has have will be were are it its this an their
they not but after more over government year new also about than who which officials state week two told could would
city police percent million president country since market report last first public security health company plan
workers court law support during while under before talks group three national data water power region local growth
prices energy price trade bank policy service official leaders meeting economy parliament campaign protest military
forces attack aid border agreement deal vote voters party budget tax schools hospital doctors patients rain storm fire
crops farmers oil gas climate emissions industry factory jobs unemployment wages strike union investors shares stocks
bonds debt loans housing rent transport rail airport flights ship port exports imports tariffs sanctions diplomats
summit council treaty troops soldiers civilians refugees camp relief food supplies medicine vaccine outbreak disease
research university students teachers science space launch satellite internet phone technology software users privacy
judge ruling appeal trial prison sentence charges investigation corruption scandal`
    .split(/\s+/)
    .filter(Boolean);

const SITE_TOWNS = [
  "Lisbon", "Harbour", "Northern", "Valley", "Capital", "Coastal", "Lagos", "Nairobi", "Delhi", "Cairo",
  "Madrid", "Berlin", "Warsaw", "Toronto", "Sydney", "Manila", "Jakarta", "Seoul", "Dublin", "Athens",
  "Prague", "Vienna", "Lima", "Bogota", "Santiago",
]; // prettier-ignore
const SITE_KINDS = ["Herald", "Courier", "Post", "Tribune", "Gazette", "Observer", "Chronicle", "Wire"];

/** One feed of the corpus: a news site. `index` is 0-based. */
interface BenchSource {
  index: number;
  name: string;
  slug: string;
  siteUrl: string;
}

/** One feed item as the feed carries it. */
export interface BenchItem {
  guid: string;
  link: string;
  title: string;
  summary: string;
  paragraphs: string[];
  author: string;
  publishedAt: Date;
  /** Another source's article republished here (a wire copy): a different guid and link, the same text. */
  wireCopy: boolean;
  /** The previous item of the same feed again (same guid): the dedupe keeps one. */
  repeat: boolean;
}

export interface BenchCorpus {
  seed: number;
  /** Feed items in total (including repeats). */
  size: number;
  perFeed: number;
  sources: BenchSource[];
  /** Global positions (source * perFeed + position) holding the rare word. */
  rare: ReadonlySet<number>;
  vocabulary: { words: string[]; table: Uint16Array };
}

/** The corpus of `size` feed items (rounded down to a multiple of the number of sources). */
export function createCorpus(size: number, seed = DEFAULT_SEED): BenchCorpus {
  if (!Number.isInteger(size) || size < SOURCE_COUNT)
    throw new Error(`corpus size must be ≥ ${SOURCE_COUNT}`);
  const perFeed = Math.floor(size / SOURCE_COUNT);
  const sources: BenchSource[] = [];
  for (let s = 0; s < SOURCE_COUNT; s++) {
    const name = `${SITE_TOWNS[s % SITE_TOWNS.length]} ${SITE_KINDS[(s * 3 + Math.floor(s / SITE_TOWNS.length)) % SITE_KINDS.length]}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    sources.push({ index: s, name, slug, siteUrl: `https://${slug}.example/` });
  }
  const rare = new Set<number>();
  const rareRand = seededRandom(seed ^ 7);
  while (rare.size < Math.min(RARE_COUNT, perFeed * SOURCE_COUNT))
    rare.add(Math.floor(rareRand() * perFeed * SOURCE_COUNT));
  return { seed, size: perFeed * SOURCE_COUNT, perFeed, sources, rare, vocabulary: buildVocabulary(seed) };
}

/** Common words plus 6,000 invented ones, drawn with Zipf-like frequencies through a lookup table. */
function buildVocabulary(seed: number): BenchCorpus["vocabulary"] {
  const rand = seededRandom(seed ^ 0x5eed);
  const syllables =
    "ka lo mi ne ru sa te vo zi pa do fe gu hi ja ke li mo nu po ri su ta vu wa yo za bre cla dri fro".split(
      " ",
    );
  const words = [...COMMON];
  for (let i = 0; i < 6000; i++) {
    let w = "";
    for (let j = 0; j < 2 + (i % 3); j++) w += syllables[Math.floor(rand() * syllables.length)];
    words.push(w);
  }
  const table = new Uint16Array(1 << 18);
  const weights = words.map((_, i) => 1 / Math.pow(i + 1, 0.95));
  const sum = weights.reduce((a, b) => a + b, 0);
  let at = 0;
  weights.forEach((w, i) => {
    const n = Math.round((w / sum) * table.length);
    table.fill(i, at, Math.min(table.length, at + n));
    at += n;
  });
  table.fill(words.length - 1, Math.min(at, table.length));
  return { words, table };
}

/** A 32-bit mix of the seed and a position, so each article has its own random stream. */
function mix(seed: number, a: number, b: number): number {
  let h = (seed ^ Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The text of the article first published by `source` at `position`: title, summary, paragraphs. */
function articleText(corpus: BenchCorpus, source: number, position: number) {
  const rand = seededRandom(mix(corpus.seed, source, position));
  const { words, table } = corpus.vocabulary;
  const word = () => words[table[Math.floor(rand() * table.length)] ?? 0] ?? "the";
  const sentence = (list: string[]) => {
    const text = list.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  // Real datelines, people, institutions and place names (the tagger's input) lead the story.
  const lead = syntheticArticle(rand, 20 + Math.floor(rand() * 25));
  const present = TERMS.filter((t) => rand() < t.share).map((t) => t.text);
  if (present.includes("ceasefire") ? rand() < 0.2 : rand() < 0.03) present.push("gaza");
  if (corpus.rare.has(source * corpus.perFeed + position)) present.push(RARE_WORD);

  // Body lengths are log-normal around 300 words (about 450 with the lead) (briefs of 80, long reads of 1,500), as on news sites;
  // 2,000 items of that size keep a feed under the fetcher's 10 MB limit.
  const gauss = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const target = Math.min(1500, Math.max(80, Math.round(Math.exp(Math.log(300) + 0.5 * gauss))));
  const paragraphs = lead.body.split("\n\n");
  let count = paragraphs.reduce((n, p) => n + p.split(" ").length, 0);
  while (count < target) {
    const length = 40 + Math.floor(rand() * 80);
    const sentences: string[] = [];
    for (let done = 0; done < length;) {
      const n = 8 + Math.floor(rand() * 18);
      sentences.push(sentence(Array.from({ length: n }, word)));
      done += n;
    }
    paragraphs.push(sentences.join(" "));
    count += length;
  }
  for (const term of present) {
    for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
      const p = 1 + Math.floor(rand() * Math.max(1, paragraphs.length - 1));
      const at = paragraphs[p] ?? paragraphs[0] ?? "";
      const cut = at.indexOf(" ", Math.floor(rand() * at.length));
      paragraphs[Math.min(p, paragraphs.length - 1)] =
        cut < 0 ? `${at} ${term}` : `${at.slice(0, cut)} ${term}${at.slice(cut)}`;
    }
  }
  const titleWords = 6 + Math.floor(rand() * 9);
  const inTitle = present.filter(() => rand() < 0.25);
  const title =
    rand() < 0.4
      ? lead.title
      : sentence([...inTitle, ...Array.from({ length: Math.max(2, titleWords - inTitle.length) }, word)])
          .slice(0, -1)
          .replace(/\b(\w+)$/, (w) => `${w} in ${lead.title.split(" ")[0] ?? "Paris"}`);
  const summaryWords = Array.from({ length: 25 + Math.floor(rand() * 30) }, word);
  if (present[0] && rand() < 0.35) summaryWords.splice(3, 0, present[0]);
  return {
    title,
    summary: sentence(summaryWords),
    paragraphs,
    author: `Staff reporter ${Math.floor(rand() * 40)}`,
  };
}

/** Publication time of a global position: newest first within each feed, feeds interleaved, ±3 hours. */
function publishedAt(corpus: BenchCorpus, source: number, position: number): Date {
  const span = CORPUS_DAYS * 86_400_000;
  const rank = (position * SOURCE_COUNT + source + 0.5) / corpus.size;
  const jitter = ((mix(corpus.seed ^ 0xda7e, source, position) % 21_600_001) - 10_800_000) | 0;
  return new Date(Math.round(CORPUS_END - rank * span + jitter));
}

const rollOf = (corpus: BenchCorpus, source: number, position: number) =>
  mix(corpus.seed ^ 0xd0b1e, source, position) % 1000;

/**
 * Whether the item at `position` of `source`'s feed repeats its predecessor (about 1%; never after a
 * repeat, so every repeat is a duplicate) or is another source's story republished (about 3%).
 */
export function itemKind(corpus: BenchCorpus, source: number, position: number) {
  const roll = rollOf(corpus, source, position);
  const repeat = position > 0 && roll < 10 && rollOf(corpus, source, position - 1) >= 10;
  return { roll, repeat, wireCopy: !repeat && roll >= 10 && roll < 40 };
}

/** The item at `position` of `source`'s feed (0 = newest). */
export function feedItem(corpus: BenchCorpus, source: number, position: number): BenchItem {
  const { roll, repeat, wireCopy } = itemKind(corpus, source, position);
  const origin = repeat ? position - 1 : position;
  const textSource = wireCopy ? (source + 1 + (roll % (SOURCE_COUNT - 1))) % SOURCE_COUNT : source;
  const text = articleText(corpus, textSource, origin);
  const site = corpus.sources[source];
  if (!site) throw new Error(`no source ${source}`);
  return {
    guid: `${site.slug}-${origin}`,
    link: `${site.siteUrl}news/${origin}-${text.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60)}`,
    ...text,
    publishedAt: publishedAt(corpus, source, origin),
    wireCopy,
    repeat,
  };
}

/** Every item of one feed, newest first. */
export function* feedItems(corpus: BenchCorpus, source: number): Generator<BenchItem> {
  for (let position = 0; position < corpus.perFeed; position++) yield feedItem(corpus, source, position);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The article body as a news site's feed carries it: paragraphs, a related link, a figure, a script. */
export function itemHtml(item: BenchItem): string {
  return item.paragraphs
    .map((p, i) =>
      i === 1
        ? `<p>${escapeXml(p)} <a href="/related/${item.guid}">Related coverage</a>.</p><figure><img src="/img/${item.guid}.jpg" alt="Scene"><figcaption>File photo</figcaption></figure>`
        : `<p>${escapeXml(p)}</p>`,
    )
    .join("\n")
    .concat(`<script>track("${item.guid}")</script>`);
}

/** RSS 2.0 for one source's feed. */
export function renderFeed(corpus: BenchCorpus, source: number): string {
  const site = corpus.sources[source];
  if (!site) throw new Error(`no source ${source}`);
  const items: string[] = [];
  for (const item of feedItems(corpus, source)) {
    items.push(`<item>
<title>${escapeXml(item.title)}</title>
<link>${escapeXml(`${item.link}?utm_source=rss&utm_medium=feed`)}</link>
<guid isPermaLink="false">${item.guid}</guid>
<pubDate>${item.publishedAt.toUTCString()}</pubDate>
<dc:creator>${escapeXml(item.author)}</dc:creator>
<description>${escapeXml(item.summary)}</description>
<content:encoded><![CDATA[${itemHtml(item)}]]></content:encoded>
</item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${escapeXml(site.name)}</title><link>${site.siteUrl}</link><description>Generated for npm run bench</description><language>en</language>
${items.join("\n")}
</channel></rss>`;
}
