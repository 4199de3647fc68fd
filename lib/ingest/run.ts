import "server-only";
import type { Db } from "@/lib/db";
import { expandPaths, importFile, type FileImportOptions, type FileReport } from "./import-files";

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

/** Imports files, folders and feed URLs once, reporting each input; a bad input never stops the run. */
export async function runIngest(db: Db, inputs: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const files = await expandPaths(inputs);
  const counts: IngestCounts = { new: 0, updated: 0, unchanged: 0, failed: 0, subscribed: 0 };
  const reports: FileReport[] = [];
  opts.onStart?.(files.length);
  for (const file of files) {
    const report = await importFile(db, file, opts);
    addReport(counts, report);
    reports.push(report);
    opts.onResult?.(report, counts);
  }
  return { counts, reports };
}
