import { bodyTextOf } from "@/lib/articles/body-text";
import type { ArticleInput, ParsedFeed } from "./types";
import { escapeHtml } from "@/lib/html/escape";

/**
 * Lines that news aggregators append to copied wire stories. They are never part of the article;
 * matched case-insensitively against a whole line (after trimming), or as a line's prefix where noted.
 */
const BOILERPLATE: readonly RegExp[] = [
  /^this news has been collected from (reliable|trusted) news (agencies|sources)\b.*$/i,
  /^source link\.?$/i,
  /^click (here )?to (enter|visit|view|read) (the )?(source|original|full (story|article))\.?$/i,
  /^read (the )?(full|original) (story|article)( here| at the source)?\.?$/i,
  /^(originally published|first published) (at|on|by) .*$/i,
];

/** True when a line is aggregator boilerplate rather than article text. */
export function isBoilerplate(line: string): boolean {
  const text = line.trim();
  return text !== "" && BOILERPLATE.some((re) => re.test(text));
}

/** Splits a trailing "...text. Click to enter the source." style sentence off a paragraph, when present. */
function stripTrailingBoilerplate(paragraph: string): string {
  const sentences = paragraph.split(/(?<=[.!?])\s+/);
  while (sentences.length > 0 && isBoilerplate(sentences[sentences.length - 1] ?? "")) sentences.pop();
  if (sentences.length > 0 && isBoilerplate(sentences.join(" "))) return "";
  return sentences.join(" ");
}

export interface PlainTextOptions {
  fetchedAt: Date;
  /** Publication date given by the importer; without it the fetch time is used and marked estimated. */
  publishedAt?: Date;
  url?: string | null;
}

/**
 * Parses the plain-text article format: the first non-empty line is the title, paragraphs are
 * separated by blank lines, and aggregator boilerplate lines are dropped.
 */
export function parsePlainText(text: string, opts: PlainTextOptions): ParsedFeed {
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = normalized.split("\n");
  const titleIndex = lines.findIndex((line) => line.trim() !== "");
  const empty: ParsedFeed = {
    kind: "text",
    title: null,
    siteUrl: null,
    language: null,
    items: [],
    skipped: [],
  };
  if (titleIndex < 0) return { ...empty, skipped: ["empty document"] };

  const title = (lines[titleIndex] ?? "").trim().replace(/\s+/g, " ");
  const paragraphs = lines
    .slice(titleIndex + 1)
    .join("\n")
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split("\n")
        .filter((line) => !isBoilerplate(line))
        .join(" ")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .map(stripTrailingBoilerplate)
    .filter((p) => p !== "");

  const bodyHtml = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const item: ArticleInput = {
    guid: null,
    url: opts.url ?? null,
    title,
    summary: paragraphs[0] ?? null,
    bodyHtml,
    bodyText: bodyTextOf(bodyHtml),
    author: null,
    publishedAt: opts.publishedAt ?? opts.fetchedAt,
    dateEstimated: opts.publishedAt === undefined,
    language: null,
  };
  return { ...empty, items: [item] };
}
