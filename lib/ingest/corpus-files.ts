// Test helper (imported only by corpus.test.ts and sanitize-corpus.test.ts): reads the feedparser corpus.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The feedparser test corpus, beside the repository (../shared/fixtures/feedparser-corpus). */
export const CORPUS_DIR = fileURLToPath(
  new URL("../../../shared/fixtures/feedparser-corpus/", import.meta.url),
);

/** Whether the corpus is present; under CI it must be. */
export const haveCorpus = existsSync(CORPUS_DIR);

/** One corpus document with what its leading comment says about it. */
export interface CorpusFile {
  /** Path relative to the corpus root, with "/" separators. */
  name: string;
  bytes: Buffer;
  /** The "Header: Content-type: ..." line, if the test sets one. */
  contentType: string | null;
  /** The "Header: Content-Location: ..." line: the document's own URL, if the test sets one. */
  contentLocation: string | null;
  /** The feedparser "Expect:" expression, if any. */
  expect: string | null;
}

/** Every document in the corpus (or under one of its folders), in a stable order. */
export function corpusFiles(under = ""): CorpusFile[] {
  const files: CorpusFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (!["LICENSE", "SOURCE"].includes(entry)) {
        const bytes = readFileSync(full);
        // The comment is ASCII in every ASCII-compatible file; UTF-16/32 files carry no Header line.
        const head = bytes.subarray(0, 2048).toString("latin1");
        files.push({
          name: path.relative(CORPUS_DIR, full).split(path.sep).join("/"),
          bytes,
          contentType: /^Header:\s*Content-type:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null,
          contentLocation: /^Header:\s*Content-Location:\s*(.+)$/im.exec(head)?.[1]?.trim() ?? null,
          expect:
            /^Expect:\s*(.+)$/m.exec(head)?.[1]?.trim() ??
            /Expect:\s*(.+?)\s*-->/.exec(head)?.[1]?.trim() ??
            null,
        });
      }
    }
  };
  walk(path.join(CORPUS_DIR, under));
  return files;
}

/** Decodes a Python string literal body ('...' contents): \xNN, \uNNNN, \n, \t, \\ and \'. */
export function pythonString(literal: string): string {
  return literal.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nt'"\\])/g,
    (_, esc: string) => {
      if (esc === "n") return "\n";
      if (esc === "t") return "\t";
      if (esc.length === 1) return esc;
      return String.fromCodePoint(parseInt(esc.slice(1), 16));
    },
  );
}
