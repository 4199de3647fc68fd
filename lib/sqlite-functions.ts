import { bodyTextOf } from "./articles/body-text";
import { stemBodyForIndex, stemForIndex } from "./search/stem";

// The JavaScript functions that SQLite's schema calls (prisma/sqlite/migrations): every connection that
// reads or writes articles registers them (the app's, the tests', the schema engine's).

/**
 * Texts derived ahead of a write, by HTML (an import's reading thread derives every body's text). SQLite
 * computes a virtual generated column for every row an INSERT or UPDATE writes, even when no statement
 * reads it: without these, the writer would parse each new article's HTML again (about 65 µs a body).
 */
const textsAhead = new Map<string, string>();

/** Makes `dispatch_text` answer these bodies from their texts; `forgetTextsAhead` once they are written. */
export function deriveTextsAhead(articles: Iterable<{ bodyHtml: string; bodyText: string }>): void {
  for (const { bodyHtml, bodyText } of articles) textsAhead.set(bodyHtml, bodyText);
}

export function forgetTextsAhead(): void {
  textsAhead.clear();
}

/** The part of a better-sqlite3 connection that registers SQL functions. */
interface FunctionHost {
  function(
    name: string,
    options: { deterministic: boolean },
    fn: (...args: unknown[]) => string | null,
  ): unknown;
}

const asLanguage = (language: unknown) => (typeof language === "string" ? language : null);

/**
 * Registers on a SQLite connection:
 * - `dispatch_text(bodyHtml)`: an article's plain text (lib/articles/body-text.ts), which the generated
 *   column `Article.bodyText` is;
 * - `dispatch_stem(text, language)`: a text as the word index holds it (lib/search/stem.ts), for titles
 *   and summaries;
 * - `dispatch_body_stems(bodyHtml, language)`: the same for the text of a body, from its HTML, so that an
 *   import's writer neither parses the HTML again nor passes the text through JavaScript twice (the
 *   reading thread's stems are found by the HTML).
 */
export function registerSqliteFunctions(database: FunctionHost): void {
  database.function("dispatch_text", { deterministic: true }, (html) =>
    typeof html === "string" ? (textsAhead.get(html) ?? bodyTextOf(html)) : null,
  );
  database.function("dispatch_stem", { deterministic: true }, (text, language) =>
    typeof text === "string" ? stemForIndex(text, asLanguage(language)) : null,
  );
  database.function("dispatch_body_stems", { deterministic: true }, (html, language) =>
    typeof html === "string" ? stemBodyForIndex(html, asLanguage(language), bodyTextOf) : null,
  );
}
