import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import { regionsForTags, tagCountries, TAGGER_VERSION } from "@/lib/regions";
import { normalizeLink } from "./normalize";
import type { ArticleInput } from "./types";

/** What storing a batch of items did. */
export interface StoreCounts {
  new: number;
  updated: number;
  unchanged: number;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const CHUNK = 400;
const WORDS_PER_MINUTE = 220;
const EXCERPT_CHARS = 320;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * An item's identity within its source: its guid, else its normalized link, else its title and date
 * (title alone when the date was estimated, so a re-import on another day still matches).
 */
export function dedupKey(item: ArticleInput): string {
  if (item.guid) return `guid:${item.guid}`;
  if (item.url) return `url:${normalizeLink(item.url)}`;
  const date = item.dateEstimated ? "" : item.publishedAt.toISOString();
  return `td:${sha256(`${item.title.toLowerCase()}\u0000${date}`).slice(0, 32)}`;
}

/** Hash of what a reader sees; a changed hash means the item was edited at the source. */
export function contentHash(item: ArticleInput): string {
  return sha256([item.title, item.summary ?? "", item.bodyText, item.url ?? "", item.author ?? ""].join("\u0000"));
}

/** A plain-text excerpt for cards when the feed gave no summary: whole words, at most EXCERPT_CHARS. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), EXCERPT_CHARS - 40)).trimEnd()}…`;
}

/** Estimated reading time in whole minutes, at least one. */
export function readingMinutes(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

function articleData(item: ArticleInput, fetchedAt: Date) {
  return {
    guid: item.guid,
    url: item.url,
    title: item.title,
    summary: item.summary ?? (excerpt(item.bodyText) || null),
    bodyHtml: item.bodyHtml,
    bodyText: item.bodyText,
    author: item.author,
    publishedAt: item.publishedAt,
    dateEstimated: item.dateEstimated,
    fetchedAt,
    language: item.language,
    readingMinutes: readingMinutes(item.bodyText),
    contentHash: contentHash(item),
    taggerVersion: TAGGER_VERSION,
  };
}

/** Tags articles with countries and regions, replacing any earlier tags, inside the caller's transaction. */
export async function writeTags(tx: Tx, articles: { id: number; title: string; bodyText: string }[]): Promise<void> {
  if (articles.length === 0) return;
  const ids = articles.map((a) => a.id);
  await tx.articleCountry.deleteMany({ where: { articleId: { in: ids } } });
  await tx.articleRegion.deleteMany({ where: { articleId: { in: ids } } });
  const countries: { articleId: number; code: string; salience: number; primary: boolean; mentions: number }[] = [];
  const regions: { articleId: number; region: string }[] = [];
  for (const article of articles) {
    const tags = tagCountries({ title: article.title, body: article.bodyText });
    for (const t of tags) {
      countries.push({ articleId: article.id, code: t.code, salience: t.salience, primary: t.primary, mentions: t.mentions });
    }
    for (const region of regionsForTags(tags)) regions.push({ articleId: article.id, region });
  }
  for (let i = 0; i < countries.length; i += CHUNK) await tx.articleCountry.createMany({ data: countries.slice(i, i + CHUNK) });
  for (let i = 0; i < regions.length; i += CHUNK) await tx.articleRegion.createMany({ data: regions.slice(i, i + CHUNK) });
}

/**
 * Stores one feed's items for a source in a single transaction: new items are inserted, changed items
 * are updated in place, identical ones are left alone. Killing the process mid-way leaves the database as
 * it was before the call, so running it again completes without duplicates.
 */
export async function storeItems(db: Db, sourceId: number, items: readonly ArticleInput[], fetchedAt: Date): Promise<StoreCounts> {
  const byKey = new Map<string, ArticleInput>();
  for (const item of items) {
    const key = dedupKey(item);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  const counts: StoreCounts = { new: 0, updated: 0, unchanged: 0 };
  if (byKey.size === 0) return counts;

  await db.$transaction(
    async (tx) => {
      const keys = [...byKey.keys()];
      const existing = new Map<string, { id: number; contentHash: string }>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        const rows = await tx.article.findMany({
          where: { sourceId, dedupKey: { in: keys.slice(i, i + CHUNK) } },
          select: { id: true, dedupKey: true, contentHash: true },
        });
        for (const row of rows) existing.set(row.dedupKey, row);
      }

      const toTag: { id: number; title: string; bodyText: string }[] = [];
      const fresh: ReturnType<typeof articleData>[] = [];
      const freshKeys: string[] = [];
      for (const [key, item] of byKey) {
        const data = articleData(item, fetchedAt);
        const found = existing.get(key);
        if (!found) {
          fresh.push(data);
          freshKeys.push(key);
        } else if (found.contentHash !== data.contentHash) {
          await tx.article.update({ where: { id: found.id }, data });
          toTag.push({ id: found.id, title: data.title, bodyText: data.bodyText });
          counts.updated++;
        } else {
          counts.unchanged++;
        }
      }
      for (let i = 0; i < fresh.length; i += CHUNK) {
        const batch = fresh.slice(i, i + CHUNK).map((data, j) => ({ ...data, sourceId, dedupKey: freshKeys[i + j] ?? "" }));
        const created = await tx.article.createManyAndReturn({ data: batch, select: { id: true, title: true, bodyText: true } });
        toTag.push(...created);
        counts.new += created.length;
      }
      await writeTags(tx, toTag);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return counts;
}

/** Finds or creates the source an import belongs to: by feed URL when there is one, else by name and site. */
export async function ensureSource(
  db: Db,
  source: { name: string; siteUrl?: string | null; feedUrl?: string | null; country?: string | null },
): Promise<{ id: number; name: string }> {
  const name = source.name.trim() || "Untitled source";
  if (source.feedUrl) {
    return db.source.upsert({
      where: { feedUrl: source.feedUrl },
      update: {},
      create: {
        name,
        siteUrl: source.siteUrl ?? null,
        feedUrl: source.feedUrl,
        country: source.country ?? null,
      },
      select: { id: true, name: true },
    });
  }
  const found = await db.source.findFirst({
    where: { feedUrl: null, name, siteUrl: source.siteUrl ?? null },
    select: { id: true, name: true },
  });
  return (
    found ??
    db.source.create({
      data: { name, siteUrl: source.siteUrl ?? null, country: source.country ?? null },
      select: { id: true, name: true },
    })
  );
}
