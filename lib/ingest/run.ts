import "server-only";
import type { Db } from "@/lib/db";
import { groupingMemo } from "@/lib/stories/store";
import { expandPaths, type FileReport } from "./import-files";
import { readInput, writeInput, type IngestTarget, type ReadInput, type ReadOptions } from "./input";
import { isUrlInput } from "./targets";

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

export interface IngestOptions extends ReadOptions {
  onStart?: (total: number) => void;
  onResult?: (report: FileReport, counts: IngestCounts) => void;
  /**
   * Reads an input (fetch or read, parse, prepare) apart from the writes, e.g. on a worker thread
   * (read-thread.ts); default: readInput in this thread. Reading runs ahead of writing either way.
   */
  reader?: (target: IngestTarget) => Promise<ReadInput>;
}

/** Inputs read ahead of the one being written: parsing the next feeds overlaps storing this one. */
const READ_AHEAD = 2;

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

/**
 * Imports files, folders and feed URLs once, reporting each input; a bad input never stops the run.
 * Inputs are written one at a time, in order, while the next ones are read.
 */
export async function runIngest(
  db: Db,
  inputs: readonly string[],
  opts: IngestOptions = {},
): Promise<IngestSummary> {
  const targets: IngestTarget[] = [];
  for (const input of inputs) {
    if (isUrlInput(input)) targets.push({ kind: "url", value: input });
    else for (const file of await expandPaths([input])) targets.push({ kind: "file", value: file });
  }
  const read = opts.reader ?? ((target: IngestTarget) => readInput(target, opts));
  const counts: IngestCounts = { new: 0, updated: 0, unchanged: 0, failed: 0, subscribed: 0 };
  const reports: FileReport[] = [];
  const reading: Promise<ReadInput>[] = [];
  let started = 0;
  const readAhead = () => {
    while (started < targets.length && reading.length <= READ_AHEAD) {
      const pending = read(targets[started++]!);
      // Awaited in turn below; if a write fails first, the run ends and these outcomes are not wanted.
      pending.catch(() => undefined);
      reading.push(pending);
    }
  };
  opts.onStart?.(targets.length);
  const memo = groupingMemo();
  readAhead();
  while (reading.length > 0) {
    const input = await reading.shift()!;
    readAhead();
    const report = await writeInput(db, input, memo);
    addReport(counts, report);
    reports.push(report);
    opts.onResult?.(report, counts);
  }
  return { counts, reports };
}
