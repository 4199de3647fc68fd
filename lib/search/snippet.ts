// Snippets are HTML: the article text escaped, with <mark> around matching words and nothing else.
import { escapeHtml } from "@/lib/html/escape";

/** Private markers the engines put around matches; they never survive into the output. */
export const MARK_OPEN = "\u0002";
export const MARK_CLOSE = "\u0003";

/**
 * Turns engine output (text with MARK_OPEN/MARK_CLOSE around matches) into safe HTML: everything is escaped,
 * markers become <mark></mark>, always balanced, whatever stray marker characters the text contained.
 */
export function markedToHtml(marked: string): string {
  let html = "";
  let open = false;
  for (const part of marked.split(/([\u0002\u0003])/)) {
    if (part === MARK_OPEN) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_CLOSE) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(part.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ""));
    }
  }
  return open ? `${html}</mark>` : html;
}

/** How many distinct strings an engine marked in a snippet (to pick the better of two). */
export function markedTermCount(marked: string): number {
  const terms = new Set<string>();
  for (const m of marked.matchAll(/\u0002([^\u0002\u0003]*)\u0003/g)) terms.add((m[1] ?? "").toLowerCase());
  return terms.size;
}

/**
 * Highlights terms in plain text by substring (for scripts without word spacing, where the engine's own
 * highlighter cannot be used): a window of about `maxChars` around the first match, escaped, with <mark>.
 * Null when no term occurs.
 */
export function highlightSubstrings(text: string, terms: readonly string[], maxChars = 220): string | null {
  const flat = text.replace(/\s+/g, " ").trim();
  const lower = flat.toLowerCase();
  const wanted = terms.map((t) => t.toLowerCase()).filter(Boolean);
  const hits: [number, number][] = [];
  for (const term of wanted) {
    for (
      let at = lower.indexOf(term);
      at !== -1 && hits.length < 200;
      at = lower.indexOf(term, at + term.length)
    ) {
      hits.push([at, at + term.length]);
    }
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const start = Math.max(0, hits[0]![0] - Math.floor(maxChars / 4));
  const end = Math.min(flat.length, start + maxChars);
  let marked = "";
  let at = start;
  for (const [from, to] of hits) {
    if (from < at || to > end) continue;
    marked += flat.slice(at, from) + MARK_OPEN + flat.slice(from, to) + MARK_CLOSE;
    at = to;
  }
  marked += flat.slice(at, end);
  return `${start > 0 ? "…" : ""}${markedToHtml(marked)}${end < flat.length ? "…" : ""}`;
}

/** Of an engine's two highlighted extracts (summary and body, matches between markers), the one with more matches, as HTML. */
export function betterSnippet(summary: string | null, body: string | null): string | null {
  const best = markedTermCount(body ?? "") > markedTermCount(summary ?? "") ? body : summary;
  return best ? markedToHtml(best) : null;
}
