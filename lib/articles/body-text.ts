import { htmlToText, sanitizedHtmlToText } from "../ingest/sanitize";

/**
 * An article's plain text: the text of its sanitized HTML, the one rule for it. The import derives it so,
 * PostgreSQL stores it (its word index's trigger reads it), and SQLite computes its `bodyText` column from
 * `bodyHtml` with it whenever a statement reads the column (`dispatch_text`, lib/sqlite-functions.ts)
 * instead of storing the text twice.
 */
export function bodyTextOf(bodyHtml: string): string {
  // Stored bodies are the sanitizer's output, which is read without a parser; anything else is parsed.
  return bodyHtml === "" ? "" : (sanitizedHtmlToText(bodyHtml) ?? htmlToText(bodyHtml));
}
