import "server-only";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { fetchFeed } from "./fetch";
import { expandPaths, importFile, type FileImportOptions, type FileReport } from "./import-files";
import { parseDocument } from "./parse";
import { subscribeFeeds } from "./sources";
import { ensureSource, storeItems } from "./store";

/** Totals over one ingest run. */
export interface IngestCounts {
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  subscribed: number;
}

export interface IngestSummary {
  counts: IngestCounts;
  reports: FileReport[];
}

export interface IngestOptions extends FileImportOptions {
  /** Lets URL inputs reach loopback and private addresses; defaults to DISPATCH_ALLOW_PRIVATE_NETWORK. */
  allowPrivateNetwork?: boolean;
  /** Limit for fetching each URL input. */
  timeoutMs?: number;
  onStart?: (total: number) => void;
  onResult?: (report: FileReport, counts: IngestCounts) => void;
}

/** Adds one input's outcome to the running totals. */
export function addReport(counts: IngestCounts, report: FileReport): void {
  if (report.status === "imported") {
    counts.new += report.counts.new;
    counts.updated += report.counts.updated;
    counts.unchanged += report.counts.unchanged;
  } else if (report.status === "subscribed") {
    counts.subscribed += report.added;
  } else {
    counts.failed++;
  }
}

/** True for inputs that name a URL (`scheme://…`) rather than a file; only http(s) ones are then fetched. */
export function isUrlInput(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

/**
 * Imports one feed URL: fetched (SSRF guard unless allowed), parsed with the response's content type and
 * final address, stored under the source whose feed URL it is (created on first import, then polled like
 * any other). An OPML list subscribes its feeds.
 */
export async function importUrl(db: Db, url: string, opts: IngestOptions = {}): Promise<FileReport> {
  const fetched = await fetchFeed(url, {
    allowPrivateNetwork: opts.allowPrivateNetwork ?? env.DISPATCH_ALLOW_PRIVATE_NETWORK,
    timeoutMs: opts.timeoutMs,
  });
  if (fetched.status === "error") return { file: url, status: "rejected", reason: fetched.reason };
  // Unconditional request: no validators are sent, so this branch cannot happen; kept for the type.
  if (fetched.status === "not-modified") return { file: url, status: "rejected", reason: "not modified" };

  const fetchedAt = (opts.now ?? (() => new Date()))();
  const parsed = parseDocument(fetched.bytes, {
    contentType: fetched.contentType,
    url: fetched.finalUrl,
    fetchedAt,
  });
  if (!parsed.ok) return { file: url, status: "rejected", reason: parsed.reason };
  if (parsed.doc.kind === "opml") {
    const added = await subscribeFeeds(db, parsed.doc.feeds);
    return { file: url, status: "subscribed", feeds: parsed.doc.feeds.length, added };
  }
  const feed = parsed.doc;
  const feedUrl = fetched.permanentRedirect ?? new URL(url).href;
  const source = await ensureSource(db, {
    name: feed.title ?? new URL(feedUrl).hostname,
    siteUrl: feed.siteUrl,
    feedUrl,
  });
  const counts = await storeItems(db, source.id, feed.items, fetchedAt);
  // The validators let the poller's next request for this feed be a conditional one.
  await db.source.update({
    where: { id: source.id },
    data: {
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastFetchedAt: fetchedAt,
      failureCount: 0,
      lastError: null,
    },
  });
  return { file: url, status: "imported", source: source.name, counts, skipped: feed.skipped };
}

/** Imports files, folders and feed URLs once, reporting each input; a bad input never stops the run. */
export async function runIngest(
  db: Db,
  inputs: readonly string[],
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const targets: { kind: "url" | "file"; value: string }[] = [];
  for (const input of inputs) {
    if (isUrlInput(input)) targets.push({ kind: "url", value: input });
    else for (const file of await expandPaths([input])) targets.push({ kind: "file", value: file });
  }
  const counts: IngestCounts = { new: 0, updated: 0, unchanged: 0, failed: 0, subscribed: 0 };
  const reports: FileReport[] = [];
  opts.onStart?.(targets.length);
  for (const target of targets) {
    const report =
      target.kind === "url"
        ? await importUrl(db, target.value, opts)
        : await importFile(db, target.value, opts);
    addReport(counts, report);
    reports.push(report);
    opts.onResult?.(report, counts);
  }
  return { counts, reports };
}
