import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";
import { parseDocument } from "./parse";
import { ensureSource, storeItems, type StoreCounts } from "./store";

/** Options for importing local files. */
export interface FileImportOptions {
  /** Source for plain-text articles (feeds name their own source). */
  sourceName?: string;
  sourceUrl?: string | null;
  /** Link to the original, for a single plain-text article. */
  url?: string | null;
  /** Publication date for plain-text articles; without it the import time is used and marked estimated. */
  publishedAt?: Date;
  now?: () => Date;
}

/** The outcome for one file. */
export type FileReport =
  | { file: string; status: "imported"; source: string; counts: StoreCounts; skipped: string[] }
  | { file: string; status: "subscribed"; feeds: number; added: number }
  | { file: string; status: "rejected"; reason: string };

const MAX_FILE_BYTES = 20 * 1024 * 1024;
const HIDDEN = /^\./;

/** Expands files and folders (recursively, hidden entries skipped) into a sorted list of files. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) {
      files.push(p); // reported as rejected by importFile with a clear reason
    } else if (info.isDirectory()) {
      const entries = await readdir(p, { withFileTypes: true });
      const children = entries.filter((e) => !HIDDEN.test(e.name)).map((e) => path.join(p, e.name));
      files.push(...(await expandPaths(children.sort())));
    } else {
      files.push(p);
    }
  }
  return files;
}

function isPlainTextFile(file: string): boolean {
  return /\.(txt|text)$/i.test(file);
}

/** Imports one local file: a feed, an OPML list (its feeds become sources) or a plain-text article. */
export async function importFile(db: Db, file: string, opts: FileImportOptions = {}): Promise<FileReport> {
  const fetchedAt = (opts.now ?? (() => new Date()))();
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { file, status: "rejected", reason: "not a regular file" };
    if (info.size > MAX_FILE_BYTES)
      return { file, status: "rejected", reason: `larger than ${MAX_FILE_BYTES} bytes` };
    bytes = await readFile(file);
  } catch (error) {
    return {
      file,
      status: "rejected",
      reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error),
    };
  }

  const plainText = isPlainTextFile(file);
  const parsed = parseDocument(bytes, {
    fetchedAt,
    fileName: path.basename(file),
    // A link to the original and a date only make sense for a single plain-text article.
    url: plainText ? (opts.url ?? null) : null,
    publishedAt: plainText ? opts.publishedAt : undefined,
  });
  if (!parsed.ok) return { file, status: "rejected", reason: parsed.reason };
  if (parsed.doc.kind === "opml") {
    let added = 0;
    for (const entry of parsed.doc.feeds) {
      const before = await db.source.count({ where: { feedUrl: entry.feedUrl } });
      await ensureSource(db, {
        name: entry.title ?? new URL(entry.feedUrl).hostname,
        siteUrl: entry.siteUrl,
        feedUrl: entry.feedUrl,
      });
      if (before === 0) added++;
    }
    return { file, status: "subscribed", feeds: parsed.doc.feeds.length, added };
  }
  const feed = parsed.doc;
  if (feed.items.length === 0) {
    return { file, status: "rejected", reason: feed.skipped[0] ?? "no articles in the document" };
  }
  const sourceName =
    feed.kind === "text"
      ? (opts.sourceName ?? "Imported articles")
      : (feed.title ?? opts.sourceName ?? path.basename(file));
  const siteUrl = feed.kind === "text" ? (opts.sourceUrl ?? null) : (feed.siteUrl ?? opts.sourceUrl ?? null);
  const source = await ensureSource(db, { name: sourceName, siteUrl });
  const counts = await storeItems(db, source.id, feed.items, fetchedAt);
  return { file, status: "imported", source: source.name, counts, skipped: feed.skipped };
}
