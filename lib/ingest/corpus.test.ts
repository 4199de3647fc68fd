import { describe, expect, it } from "vitest";
import { CORPUS_DIR, corpusFiles, haveCorpus, pythonString, type CorpusFile } from "./corpus-files";
import { parseDocument } from "./parse";
import type { ParseResult } from "./types";

const fetchedAt = new Date("2024-01-01T00:00:00Z");
// feedparser's own tests serve the corpus from this address; relative-URL expectations assume it.
const SERVED_FROM = "http://127.0.0.1:8097/";

/** Where the file would have been fetched from: Content-Location when the test sets one, as feedparser does. */
function documentUrl(file: CorpusFile): string {
  const own = SERVED_FROM + file.name;
  if (file.contentLocation === null) return own;
  try {
    return new URL(file.contentLocation, own).href;
  } catch {
    return own;
  }
}

if (!haveCorpus && process.env.CI === "true") {
  describe("feedparser corpus", () => {
    it("is present under CI", () => {
      expect.fail(`CI needs ../shared beside the repo: ${CORPUS_DIR} is missing`);
    });
  });
}

describe.skipIf(!haveCorpus)(
  `feedparser corpus${haveCorpus ? "" : ` (skipped: ${CORPUS_DIR} not found)`}`,
  () => {
    const files = haveCorpus ? corpusFiles() : [];
    const results = new Map<string, ParseResult>();

    it("parses every file without throwing, well under a minute, each with items or a one-line reason", () => {
      const counts = {
        files: files.length,
        withItems: 0,
        items: 0,
        onlySkippedItems: 0,
        emptyFeeds: 0,
        opml: 0,
        refused: 0,
      };
      const reasons = new Map<string, number>();
      let slowest = { name: "", ms: 0 };
      const started = performance.now();
      for (const file of files) {
        const t0 = performance.now();
        const result = parseDocument(file.bytes, {
          contentType: file.contentType,
          url: documentUrl(file),
          fetchedAt,
        });
        const ms = performance.now() - t0;
        if (ms > slowest.ms) slowest = { name: file.name, ms };
        results.set(file.name, result);

        if (!result.ok) {
          counts.refused++;
          expect(result.reason, file.name).toMatch(/^[^\n]{1,300}$/);
          reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
        } else if (result.doc.kind === "opml") {
          counts.opml++;
        } else if (result.doc.items.length > 0) {
          counts.withItems++;
          counts.items += result.doc.items.length;
        } else if (result.doc.skipped.length > 0) {
          counts.onlySkippedItems++;
          for (const reason of result.doc.skipped) expect(reason, file.name).toMatch(/^item \d+: [^\n]+$/);
        } else {
          counts.emptyFeeds++;
        }
      }
      const elapsed = performance.now() - started;
      console.info(
        "feedparser corpus:",
        { ...counts, ms: Math.round(elapsed), slowest },
        Object.fromEntries(reasons),
      );

      expect(files.length).toBeGreaterThan(2000);
      expect(elapsed).toBeLessThan(30_000);
      // Every refusal is a document feedsmith cannot read at all (CDF, an empty file, a broken CDATA).
      expect(counts.refused).toBeLessThan(25);
      for (const reason of reasons.keys()) expect(reason).not.toMatch(/^parse failed/);
      expect(counts.withItems).toBeGreaterThan(400);
    }, 60_000);

    it("yields well-formed articles", () => {
      for (const [name, result] of results) {
        if (!result.ok || result.doc.kind === "opml") continue;
        for (const item of result.doc.items) {
          expect(item.title, name).toMatch(/^\S(?:[^\n]*\S)?$/);
          expect(Number.isNaN(item.publishedAt.getTime()), name).toBe(false);
          expect(item.publishedAt.getTime(), name).toBeLessThanOrEqual(fetchedAt.getTime() + 86_400_000);
          if (item.url !== null) expect(item.url, name).toMatch(/^https?:\/\//);
          if (item.language !== null) expect(item.language, name).toMatch(/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/);
          expect(item.bodyText, name).not.toMatch(/\n{3,}/);
        }
      }
    });

    it("decodes every named and numeric entity in a title exactly once (entities/)", () => {
      // HTML5 moved &lang; and &rang; from U+2329/U+232A to U+27E8/U+27E9; the corpus predates that.
      const html5 = new Map([
        ["\u2329", "\u27e8"],
        ["\u232a", "\u27e9"],
      ]);
      let checked = 0;
      for (const file of files.filter((f) => f.name.startsWith("entities/"))) {
        const match = /^feed\['title'\] == '(.*)'$/.exec(file.expect ?? "");
        if (!match?.[1]) continue;
        const expected = pythonString(match[1])
          .replace(/[\u2329\u232a]/g, (c) => html5.get(c) ?? c)
          .replace(/\s+/g, " ");
        const result = results.get(file.name);
        expect(result?.ok && result.doc.kind !== "opml" ? result.doc.title : null, file.name).toBe(expected);
        checked++;
      }
      expect(checked).toBeGreaterThan(200);
    });

    it("turns every spelling of an ampersand in a title into one '&' (wellformed/amp/)", () => {
      const amp = files.filter((f) => f.name.startsWith("wellformed/amp/"));
      expect(amp.length).toBeGreaterThan(60);
      for (const file of amp) {
        const result = results.get(file.name);
        expect(result?.ok && result.doc.kind !== "opml" ? result.doc.items[0]?.title : null, file.name).toBe(
          "&",
        );
      }
    });

    it("resolves relative links against xml:base and the document URL (wellformed/base/)", () => {
      let checked = 0;
      for (const file of files.filter((f) => f.name.startsWith("wellformed/base/"))) {
        const result = results.get(file.name);
        if (!result?.ok || result.doc.kind === "opml") continue;
        const item = result.doc.items[0];
        const body = /entries\[0\]\['(?:content'\]\[0\]\['value|description|summary)'\] == '(.*)'$/.exec(
          file.expect ?? "",
        );
        const href = /href="([^"]+)"/.exec(pythonString(body?.[1] ?? ""))?.[1];
        // feedsmith has no xhtml:body / fullitem support, so those items have no body to check.
        if (href !== undefined && item !== undefined && item.bodyHtml.includes("<a ")) {
          // WHATWG URL serialisation percent-encodes non-ASCII paths where feedparser kept the IRI.
          expect(item.bodyHtml, file.name).toContain(`href="${new URL(href).href}"`);
          checked++;
        }
        const link = /entries\[0\]\['link'\] == '(.*)'$/.exec(file.expect ?? "")?.[1];
        if (link !== undefined) {
          expect(item?.url, file.name).toBe(pythonString(link));
          checked++;
        }
        const feedLink = /feed\['link'\] == '(.*)'$/.exec(file.expect ?? "")?.[1];
        if (feedLink !== undefined) {
          expect(result.doc.siteUrl, file.name).toBe(pythonString(feedLink));
          checked++;
        }
      }
      expect(checked).toBeGreaterThanOrEqual(15);
    });
  },
);
