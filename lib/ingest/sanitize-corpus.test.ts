import { parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { CORPUS_DIR, corpusFiles, haveCorpus, pythonString, type CorpusFile } from "./corpus-files";
import { parseDocument } from "./parse";
import { htmlToText, sanitizedHtmlToText } from "./sanitize";
import type { ParsedFeed } from "./types";

const fetchedAt = new Date("2024-01-01T00:00:00Z");

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

// prettier-ignore
const BANNED_ELEMENTS = new Set([
  "script", "style", "iframe", "object", "embed", "form", "input", "base", "meta", "link", "frame",
  "frameset", "applet", "textarea", "select", "button", "svg", "math", "template",
]);
// prettier-ignore
const URL_ATTRIBUTES = new Set([
  "href", "src", "action", "formaction", "poster", "cite", "background", "data", "lowsrc", "dynsrc",
  "longdesc", "usemap", "xlink:href", "codebase", "srcset", "ping",
]);

/** Problems a real HTML parser (parse5, not the sanitizer's htmlparser2) finds in a fragment. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const walk = (node: Node): void => {
    if (node.attrs !== undefined) {
      if (BANNED_ELEMENTS.has(node.nodeName)) problems.push(`<${node.nodeName}>`);
      for (const { name, value } of node.attrs) {
        const attr = name.toLowerCase();
        if (attr.startsWith("on")) problems.push(`${node.nodeName}[${attr}]`);
        if (attr === "style") problems.push(`${node.nodeName}[style]`);
        if (URL_ATTRIBUTES.has(attr)) {
          // Browsers ignore whitespace and control characters inside a scheme.
          const compact = value.replace(/[\u0000-\u0020]+/g, "").toLowerCase();
          if (/^(javascript|vbscript|livescript):/.test(compact))
            problems.push(`${node.nodeName}[${attr}=${compact.slice(0, 20)}]`);
          if (
            compact.startsWith("data:") &&
            !(node.nodeName === "img" && attr === "src" && /^data:image\//.test(compact))
          ) {
            problems.push(`${node.nodeName}[${attr}=data:]`);
          }
        }
      }
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parseFragment(html));
  return problems;
}

/** Files that exercise the sanitizer: the sanitize/ folder plus any document carrying active content. */
function sanitizeCases(files: CorpusFile[]): CorpusFile[] {
  const active =
    /<script|javascript:|vbscript:|\son[a-z]+\s*=|&lt;script|on[a-z]+=&quot;|<iframe|&lt;iframe|<object|<embed|<form|&lt;form|<base|style=/i;
  return files.filter(
    (f) => f.name.startsWith("wellformed/sanitize/") || active.test(f.bytes.toString("latin1")),
  );
}

if (!haveCorpus && process.env.CI === "true") {
  describe("sanitize corpus", () => {
    it("is present under CI", () => {
      expect.fail(`CI needs ../shared beside the repo: ${CORPUS_DIR} is missing`);
    });
  });
}

describe.skipIf(!haveCorpus)(
  `sanitizer over the feedparser corpus${haveCorpus ? "" : ` (skipped: ${CORPUS_DIR} not found)`}`,
  () => {
    const cases = haveCorpus ? sanitizeCases(corpusFiles()) : [];
    const parsed = new Map<string, ParsedFeed>();
    for (const file of cases) {
      const result = parseDocument(file.bytes, {
        contentType: file.contentType,
        url: `http://127.0.0.1:8097/${file.name}`,
        fetchedAt,
      });
      if (result.ok && result.doc.kind !== "opml") parsed.set(file.name, result.doc);
    }

    it("covers the sanitize folder and the other documents with active content", () => {
      expect(cases.filter((f) => f.name.startsWith("wellformed/sanitize/")).length).toBeGreaterThan(700);
      expect(parsed.size).toBeGreaterThan(700);
      console.info(
        `sanitize corpus: ${cases.length} files, ${[...parsed.values()].reduce((n, d) => n + d.items.length, 0)} items`,
      );
    });

    it("leaves no script, event handler, style, dangerous URL or active element in any body, title or summary", () => {
      const failures: string[] = [];
      for (const [name, doc] of parsed) {
        const fields: [string, string | null][] = [["feed title", doc.title]];
        for (const item of doc.items) {
          fields.push(
            ["bodyHtml", item.bodyHtml],
            ["title", item.title],
            ["summary", item.summary],
            ["author", item.author],
          );
        }
        for (const [field, value] of fields) {
          if (value === null) continue;
          const problems = unsafeParts(value);
          if (problems.length > 0) failures.push(`${name} ${field}: ${problems.join(", ")}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it("produces feedparser's expected safe text where it expects 'safe description'", () => {
      let checked = 0;
      const failures: string[] = [];
      for (const file of cases) {
        const match =
          /(entries\[0\]\['(?:description|summary|title)'\]|entries\[0\]\['content'\]\[0\]\['value'\]|feed\['(?:title|subtitle|tagline|description|info)'\]) == 'safe description'/.exec(
            file.expect ?? "",
          );
        const doc = parsed.get(file.name);
        // Deliberate difference: an iframe's children are dropped, since no browser displays them.
        if (!match?.[1] || doc === undefined || file.name.includes("iframe")) continue;
        const field = match[1];
        const item = doc.items[0];
        let got: (string | null | undefined)[];
        if (field === "feed['title']") got = [doc.title];
        else if (field === "entries[0]['title']") got = [item?.title];
        else if (field.startsWith("entries") && item !== undefined) got = [item.bodyText, item.summary];
        else continue;
        if (!got.includes("safe description")) failures.push(`${file.name}: ${JSON.stringify(got)}`);
        checked++;
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThanOrEqual(50);
    });

    it("reads every sanitized body of the corpus without a parser to htmlToText's text, or leaves it to htmlToText", () => {
      let bodies = 0;
      let read = 0;
      const failures: string[] = [];
      for (const file of corpusFiles()) {
        const result = parseDocument(file.bytes, {
          contentType: file.contentType,
          url: `http://127.0.0.1:8097/${file.name}`,
          fetchedAt,
        });
        if (!result.ok || result.doc.kind === "opml") continue;
        for (const item of result.doc.items) {
          if (item.bodyHtml === "") continue;
          bodies++;
          const fast = sanitizedHtmlToText(item.bodyHtml);
          if (fast === null) continue;
          read++;
          if (fast !== htmlToText(item.bodyHtml)) failures.push(file.name);
        }
      }
      expect(failures).toEqual([]);
      // The sanitizer's output is the form the fast path reads: nearly every body takes it.
      expect(read).toBeGreaterThan(bodies * 0.95);
    });

    it("matches feedparser's exact output for the <img> cases", () => {
      let checked = 0;
      for (const file of cases) {
        const match = /entries\[0\]\['(?:description|summary)'\] == '(<img src="[^"']+" \/>)'$/.exec(
          file.expect ?? "",
        );
        const item = parsed.get(file.name)?.items[0];
        if (!match?.[1] || item === undefined) continue;
        // Dispatch adds its own loading and referrer attributes to every image.
        const expected = pythonString(match[1]).replace(
          / \/>$/,
          ' loading="lazy" referrerpolicy="no-referrer" />',
        );
        expect(item.bodyHtml, file.name).toBe(expected);
        checked++;
      }
      expect(checked).toBeGreaterThan(20);
    });
  },
);
