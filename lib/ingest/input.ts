// One input of an import (a feed URL or a local file) in two steps: reading it (fetch or read, parse, key
// and hash its items, and optionally enrich them) touches no database, so it can run ahead of the writes,
// on another thread (`npm run ingest` reads the next inputs in a worker while it stores the current one);
// writing it (its source, its items, the feed's validators) is the database's part.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { fetchFeed } from "./fetch";
import type { FileImportOptions, FileReport } from "./import-files";
import { parseDocument } from "./parse";
import { subscribeFeeds } from "./sources";
import { ensureSource, prepareItems, storeFeed, type PreparedFeed } from "./store";
import type { ParsedOpml } from "./types";
import type { GroupingMemo } from "@/lib/stories/store";

/** An input of `npm run ingest`: a feed URL, or a file (feed, OPML list or plain-text article). */
export interface IngestTarget {
  kind: "url" | "file";
  value: string;
}

export interface ReadOptions extends FileImportOptions {
  /** Lets URL inputs reach loopback and private addresses; defaults to DISPATCH_ALLOW_PRIVATE_NETWORK. */
  allowPrivateNetwork?: boolean;
  /** Limit for fetching each URL input. */
  timeoutMs?: number;
  /** Enrich every item while reading (a reader off the main thread); else only what is new, at write. */
  enrichAll?: boolean;
  /** With enrichAll: also stem the texts for SQLite's word index (lib/search/stem.ts), off the writer. */
  stems?: boolean;
}

/** What reading an input gave: a refusal, an OPML list, or a feed with its items prepared. */
export type ReadInput =
  | { kind: "rejected"; report: FileReport }
  | { kind: "opml"; target: IngestTarget; feeds: ParsedOpml["feeds"] }
  | {
      kind: "feed";
      target: IngestTarget;
      source: { name: string; siteUrl: string | null; feedUrl: string | null };
      feed: PreparedFeed;
      skipped: string[];
      /** For a URL: the validators that make the poller's next request a conditional one. */
      validators: { etag: string | null; lastModified: string | null } | null;
    };

const MAX_FILE_BYTES = 20 * 1024 * 1024;

const rejected = (file: string, reason: string): ReadInput => ({
  kind: "rejected",
  report: { file, status: "rejected", reason },
});

/** Reads one input; never throws for bad input (a refusal says why). */
export async function readInput(target: IngestTarget, opts: ReadOptions = {}): Promise<ReadInput> {
  return target.kind === "url" ? readUrl(target, opts) : readLocalFile(target, opts);
}

/**
 * A feed URL: fetched (SSRF guard unless allowed), parsed with the response's content type and final
 * address, for the source whose feed URL it is (created on first import, then polled like any other).
 */
async function readUrl(target: IngestTarget, opts: ReadOptions): Promise<ReadInput> {
  const url = target.value;
  const fetched = await fetchFeed(url, {
    allowPrivateNetwork: opts.allowPrivateNetwork ?? env.DISPATCH_ALLOW_PRIVATE_NETWORK,
    timeoutMs: opts.timeoutMs,
  });
  if (fetched.status === "error") return rejected(url, fetched.reason);
  // Unconditional request: no validators are sent, so this branch cannot happen; kept for the type.
  if (fetched.status === "not-modified") return rejected(url, "not modified");

  const fetchedAt = (opts.now ?? (() => new Date()))();
  const parsed = parseDocument(fetched.bytes, {
    contentType: fetched.contentType,
    url: fetched.finalUrl,
    fetchedAt,
  });
  if (!parsed.ok) return rejected(url, parsed.reason);
  if (parsed.doc.kind === "opml") return { kind: "opml", target, feeds: parsed.doc.feeds };
  const feedUrl = fetched.permanentRedirect ?? new URL(url).href;
  return {
    kind: "feed",
    target,
    source: { name: parsed.doc.title ?? new URL(feedUrl).hostname, siteUrl: parsed.doc.siteUrl, feedUrl },
    feed: prepareItems(parsed.doc.items, fetchedAt, { enrichAll: opts.enrichAll, stems: opts.stems }),
    skipped: parsed.doc.skipped,
    validators: { etag: fetched.etag, lastModified: fetched.lastModified },
  };
}

/** A local file: a feed, an OPML list (its feeds become sources) or a plain-text article. */
async function readLocalFile(target: IngestTarget, opts: ReadOptions): Promise<ReadInput> {
  const file = target.value;
  const fetchedAt = (opts.now ?? (() => new Date()))();
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return rejected(file, "not a regular file");
    if (info.size > MAX_FILE_BYTES) return rejected(file, `larger than ${MAX_FILE_BYTES} bytes`);
    bytes = await readFile(file);
  } catch (error) {
    return rejected(
      file,
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error),
    );
  }

  const plainText = /\.(txt|text)$/i.test(file);
  const parsed = parseDocument(bytes, {
    fetchedAt,
    fileName: path.basename(file),
    // A link to the original and a date only make sense for a single plain-text article.
    url: plainText ? (opts.url ?? null) : null,
    publishedAt: plainText ? opts.publishedAt : undefined,
  });
  if (!parsed.ok) return rejected(file, parsed.reason);
  if (parsed.doc.kind === "opml") return { kind: "opml", target, feeds: parsed.doc.feeds };
  const feed = parsed.doc;
  if (feed.items.length === 0) return rejected(file, feed.skipped[0] ?? "no articles in the document");
  const name =
    feed.kind === "text"
      ? (opts.sourceName ?? "Imported articles")
      : (feed.title ?? opts.sourceName ?? path.basename(file));
  const siteUrl = feed.kind === "text" ? (opts.sourceUrl ?? null) : (feed.siteUrl ?? opts.sourceUrl ?? null);
  return {
    kind: "feed",
    target,
    source: { name, siteUrl, feedUrl: null },
    feed: prepareItems(feed.items, fetchedAt, { enrichAll: opts.enrichAll, stems: opts.stems }),
    skipped: feed.skipped,
    validators: null,
  };
}

/**
 * Writes what reading an input gave: its source and items, or the feeds of an OPML list. `memo`: the story
 * grouping's memory over the run (lib/stories/store.ts), when several inputs are written.
 */
export async function writeInput(db: Db, input: ReadInput, memo?: GroupingMemo): Promise<FileReport> {
  if (input.kind === "rejected") return input.report;
  const file = input.target.value;
  if (input.kind === "opml") {
    const added = await subscribeFeeds(db, input.feeds);
    return { file, status: "subscribed", feeds: input.feeds.length, added };
  }
  const source = await ensureSource(db, input.source);
  const counts = await storeFeed(db, source.id, input.feed, memo);
  if (input.validators) {
    await db.source.update({
      where: { id: source.id },
      data: {
        ...input.validators,
        lastFetchedAt: input.feed.fetchedAt,
        failureCount: 0,
        lastError: null,
      },
    });
  }
  return { file, status: "imported", source: source.name, counts, skipped: input.skipped };
}
