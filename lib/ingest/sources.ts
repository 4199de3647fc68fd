import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { ensureSource } from "./store";

/** Bad input to a sources command (a malformed URL or interval, an unknown id); the message says what to fix. */
export class SourceInputError extends Error {
  override name = "SourceInputError";
}

/** Shortest and longest accepted poll intervals, in seconds. */
export const MIN_INTERVAL_SECONDS = 60;
export const MAX_INTERVAL_SECONDS = 7 * 24 * 60 * 60;
/** What a new source gets without --interval (the schema's default). */
export const DEFAULT_INTERVAL_SECONDS = 1800;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Reads a poll interval: bare seconds (`900`) or units (`90s`, `15m`, `1h`, `1h30m`, `1d`); throws SourceInputError. */
export function parseInterval(text: string): number {
  return parseWith(intervalSchema, text);
}

/** Formats seconds the way parseInterval reads them: `15m`, `1h30m`, `90s`, `1d`. */
export function formatInterval(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  if (rest === 0) return "0s";
  let out = "";
  for (const [unit, size] of [
    ["d", 86_400],
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ] as const) {
    if (rest >= size) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return out;
}

// The schemas below are the one definition of valid source input: the CLI (scripts/sources.ts) and the
// admin area's Server Actions both parse through them, so a value one accepts the other accepts too.

/** A poll interval as text (`900`, `15m`, `1h30m`), parsed to seconds within the allowed range. */
export const intervalSchema = z.string().transform((text, ctx): number => {
  const raw = text.toLowerCase().replace(/\s+/g, "");
  let seconds: number;
  if (/^\d{1,9}$/.test(raw)) {
    seconds = Number(raw);
  } else if (/^(\d{1,6}[smhd])+$/.test(raw)) {
    seconds = 0;
    for (const [, amount, unit] of raw.matchAll(/(\d+)([smhd])/g))
      seconds += Number(amount) * (UNIT_SECONDS[unit ?? "s"] ?? 1);
  } else {
    ctx.addIssue({
      code: "custom",
      message: `interval "${text.slice(0, 40)}" is not a duration: give seconds (900) or a number with s, m, h or d (90s, 15m, 1h, 1h30m)`,
    });
    return z.NEVER;
  }
  if (seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
    ctx.addIssue({
      code: "custom",
      message: `interval "${text.slice(0, 40)}" is out of range: between ${formatInterval(MIN_INTERVAL_SECONDS)} and ${formatInterval(MAX_INTERVAL_SECONDS)}`,
    });
    return z.NEVER;
  }
  return seconds;
});

/** A feed (or site) address: absolute http(s), in canonical form. */
export const feedUrlSchema = z.string().transform((text, ctx): string => {
  let url: URL | null = null;
  try {
    if (text.length <= 2048) url = new URL(text.trim());
  } catch {
    url = null;
  }
  if (url === null) {
    ctx.addIssue({
      code: "custom",
      message: `"${text.slice(0, 100)}" is not an absolute URL (e.g. https://example.com/feed.xml)`,
    });
    return z.NEVER;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    ctx.addIssue({ code: "custom", message: `"${text.slice(0, 100)}" is not an http(s) URL` });
    return z.NEVER;
  }
  return url.href;
});

/** A source id as typed (CLI argument or form field). */
export const sourceIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/, { message: "not a source id (a positive whole number)" })
  .transform(Number)
  .refine((id) => id >= 1, { message: "not a source id (a positive whole number)" });

/** A source's display name: trimmed, 1–200 characters. */
export const sourceNameSchema = z
  .string()
  .trim()
  .min(1, { message: "the name is empty" })
  .max(200, { message: "the name is longer than 200 characters" });

/** Parses with a schema; throws SourceInputError with the first problem's message. */
export function parseWith<T>(schema: z.ZodType<T, string>, text: string): T {
  const result = schema.safeParse(text);
  if (result.success) return result.data;
  throw new SourceInputError(result.error.issues[0]?.message ?? "invalid input");
}

/** Checks a feed address: absolute http(s), returned in canonical form; throws SourceInputError. */
export function parseFeedUrl(text: string): string {
  return parseWith(feedUrlSchema, text);
}

/** Reads a source id as given on the command line; throws SourceInputError. */
export function parseSourceId(text: string): number {
  const result = sourceIdSchema.safeParse(text);
  if (result.success) return result.data;
  throw new SourceInputError(`"${text}" is not a source id (a positive whole number; see "sources list")`);
}

/** A source as `sources list` shows it. */
export interface SourceListing {
  id: number;
  name: string;
  feedUrl: string | null;
  pollInterval: number;
  lastFetchedAt: Date | null;
  nextFetchAt: Date | null;
  failureCount: number;
  lastError: string | null;
  articles: number;
}

/** Subscribes to a feed; its first poll is due at once. Throws SourceInputError when the URL is taken. */
export async function addSource(
  db: Db,
  input: { feedUrl: string; name?: string | null; pollInterval?: number },
): Promise<SourceListing> {
  const feedUrl = parseFeedUrl(input.feedUrl);
  const existing = await db.source.findUnique({ where: { feedUrl }, select: { id: true, name: true } });
  if (existing)
    throw new SourceInputError(
      `already subscribed to ${feedUrl} as source ${existing.id} ("${existing.name}")`,
    );
  const created = await db.source.create({
    data: {
      name: input.name?.trim() || new URL(feedUrl).hostname,
      feedUrl,
      pollInterval: input.pollInterval ?? DEFAULT_INTERVAL_SECONDS,
    },
  });
  return { ...created, articles: 0 };
}

/** Every source, polled feeds and file-import origins alike, by id. */
export async function listSources(db: Db): Promise<SourceListing[]> {
  const rows = await db.source.findMany({
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      feedUrl: true,
      pollInterval: true,
      lastFetchedAt: true,
      nextFetchAt: true,
      failureCount: true,
      lastError: true,
      _count: { select: { articles: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, articles: _count.articles }));
}

/** Deletes a source and, with it, its articles and their tags; throws SourceInputError for an unknown id. */
export async function removeSource(
  db: Db,
  id: number,
): Promise<{ id: number; name: string; articles: number }> {
  return db.$transaction(async (tx) => {
    const source = await tx.source.findUnique({
      where: { id },
      select: { id: true, name: true, _count: { select: { articles: true } } },
    });
    if (!source) throw new SourceInputError(`no source with id ${id} (see "sources list")`);
    // Articles, their countries and regions go by the schema's ON DELETE CASCADE.
    await tx.source.delete({ where: { id } });
    return { id: source.id, name: source.name, articles: source._count.articles };
  });
}

/** Subscribes to the feeds of an OPML list; returns how many were new. Feeds already present are left as they are. */
export async function subscribeFeeds(
  db: Db,
  feeds: readonly { title: string | null; feedUrl: string; siteUrl: string | null }[],
): Promise<number> {
  let added = 0;
  for (const entry of feeds) {
    const before = await db.source.count({ where: { feedUrl: entry.feedUrl } });
    await ensureSource(db, {
      name: entry.title ?? new URL(entry.feedUrl).hostname,
      siteUrl: entry.siteUrl,
      feedUrl: entry.feedUrl,
    });
    if (before === 0) added++;
  }
  return added;
}
