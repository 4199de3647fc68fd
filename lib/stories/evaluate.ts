// Measures the story grouping on the labelled set (lib/stories/eval-set.json) through the real ingest
// path: each article, in publication order, arrives in its own outlet's RSS feed and goes through parse,
// normalize, sanitize, tag, store and group. Scores are pairwise: a pair of articles is a true positive
// when both the labels and the grouping put them together.
//
// Honesty split: events whose id sorts into the first 60% are the development part (their errors may be
// looked at to fix general problems); the rest are held out and only ever scored. The same-place set
// (lib/stories/eval-places.json: events in one city or country a few days apart) was written before the
// grouper ever ran on it and is only ever scored, never split.
import type { Db } from "@/lib/db";
import { parseDocument } from "@/lib/ingest/parse";
import { ensureSource, storeItems } from "@/lib/ingest/store";
import evalSet from "./eval-set.json";
import placesSet from "./eval-places.json";

export interface EvalArticle {
  id: string;
  event: string;
  source: string;
  sourceUrl: string;
  url: string;
  publishedAt: string;
  title: string;
  body: string;
  syndicatedOf?: string;
}

export interface PairScores {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalReport {
  dev: PairScores;
  heldOut: PairScores;
  all: PairScores;
  /** Syndicated copies recognised as copies of their labelled original. */
  copies: { found: number; total: number };
  /** Development-part errors only: pairs split apart or joined wrongly (article ids and titles). */
  devErrors: string[];
}

export const EVAL_ARTICLES: readonly EvalArticle[] = evalSet.articles;
/** The same-place set: hard negatives that share only a place, and same-event pairs worded differently. */
export const PLACE_ARTICLES: readonly EvalArticle[] = placesSet.articles;

/** The development events: the first 60% of event ids in sorted order. */
export function devEvents(): Set<string> {
  const ids = evalSet.events.map((e) => e.id).sort();
  return new Set(ids.slice(0, Math.floor(ids.length * 0.6)));
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function rssOf(a: EvalArticle): string {
  const body = a.body
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeXml(p.trim())}</p>`)
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeXml(a.source)}</title><link>${escapeXml(a.sourceUrl)}</link>
<item><guid isPermaLink="false">${escapeXml(a.id)}</guid><title>${escapeXml(a.title)}</title><link>${escapeXml(a.url)}</link>
<pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate><description><![CDATA[${body}]]></description></item></channel></rss>`;
}

/** Ingests the set, in publication order, into `db` (an empty, migrated database); eval id -> article id. */
export async function ingestEvalSet(db: Db, articles: readonly EvalArticle[] = EVAL_ARTICLES) {
  const ids = new Map<string, number>();
  const ordered = [...articles].sort(
    (a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id),
  );
  for (const a of ordered) {
    const parsed = parseDocument(new TextEncoder().encode(rssOf(a)), {
      contentType: "application/rss+xml",
      url: a.sourceUrl,
      fetchedAt: new Date(a.publishedAt),
    });
    if (!parsed.ok || parsed.doc.kind === "opml") throw new Error(`${a.id}: feed did not parse`);
    const source = await ensureSource(db, { name: a.source, siteUrl: a.sourceUrl });
    await storeItems(db, source.id, parsed.doc.items, new Date(a.publishedAt));
    const row = await db.article.findFirst({
      where: { sourceId: source.id, guid: a.id },
      select: { id: true },
    });
    if (!row) throw new Error(`${a.id}: not stored`);
    ids.set(a.id, row.id);
  }
  return ids;
}

function scores(tp: number, fp: number, fn: number): PairScores {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

/**
 * Pairwise precision and recall of the stored grouping against the labels, per part of the split
 * (`dev`: the development events; every other event counts as held out).
 */
export async function scoreGrouping(
  db: Db,
  ids: ReadonlyMap<string, number>,
  articles: readonly EvalArticle[] = EVAL_ARTICLES,
  dev: ReadonlySet<string> = devEvents(),
): Promise<EvalReport> {
  const rows = await db.article.findMany({
    where: { id: { in: [...ids.values()] } },
    select: { id: true, storyId: true, duplicateOfId: true },
  });
  const byArticle = new Map(rows.map((r) => [r.id, { ...r, storyId: r.storyId ?? r.id }]));
  const count = { dev: [0, 0, 0], heldOut: [0, 0, 0], all: [0, 0, 0] };
  const devErrors: string[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!;
      const b = articles[j]!;
      const same = a.event === b.event;
      const sa = byArticle.get(ids.get(a.id)!)?.storyId ?? null;
      const sb = byArticle.get(ids.get(b.id)!)?.storyId ?? null;
      const together = sa !== null && sa === sb;
      const slot = same && together ? 0 : !same && together ? 1 : same ? 2 : -1;
      if (slot < 0) continue;
      count.all[slot]!++;
      const aDev = dev.has(a.event);
      const bDev = dev.has(b.event);
      // A pair counts towards a part when both articles belong to it; mixed pairs count only in `all`.
      if (aDev && bDev) {
        count.dev[slot]!++;
        if (slot > 0)
          devErrors.push(
            `${slot === 1 ? "JOINED" : "SPLIT "} ${a.id} [${a.event}] "${a.title}" <> ${b.id} [${b.event}] "${b.title}"`,
          );
      } else if (!aDev && !bDev) {
        count.heldOut[slot]!++;
      }
    }
  }
  let found = 0;
  const copies = articles.filter((a) => a.syndicatedOf);
  for (const c of copies) {
    const row = byArticle.get(ids.get(c.id)!);
    if (row?.duplicateOfId === ids.get(c.syndicatedOf!)) found++;
  }
  const s = (c: number[]) => scores(c[0]!, c[1]!, c[2]!);
  return {
    dev: s(count.dev),
    heldOut: s(count.heldOut),
    all: s(count.all),
    copies: { found, total: copies.length },
    devErrors,
  };
}
