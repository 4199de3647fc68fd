import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";
import { readInput, writeInput } from "./input";
import type { StoreCounts } from "./store";

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

/** Imports one local file: a feed, an OPML list (its feeds become sources) or a plain-text article. */
export async function importFile(db: Db, file: string, opts: FileImportOptions = {}): Promise<FileReport> {
  return writeInput(db, await readInput({ kind: "file", value: file }, opts));
}
