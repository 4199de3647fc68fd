import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { E2E_PORT } from "./helpers";
import { CANARY, hostileRss, SEARCH_VECTORS } from "./xss-vectors";

// Script execution from hostile content must be impossible in a real browser. Every case of the feedparser
// sanitizer corpus and our own vectors are ingested; then every article page, every article's card in a
// list and a search snippet of every searchable article are opened in Chromium. A test fails if a dialog
// opens, window.__xss is set, or the DOM holds an event-handler attribute, a javascript:/vbscript:/data:html
// URL, or active elements inside article HTML.

const run = promisify(execFile);
const CORPUS = path.resolve("../shared/fixtures/feedparser-corpus/wellformed/sanitize");
const haveCorpus = existsSync(CORPUS);
const TABS = 6;

interface Listed {
  id: number;
  path: string;
  title: string;
  snippet: string | null;
}

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const before = new Set<number>();
let server: Server;
let feedUrl: string;

async function ingest(args: string[]): Promise<void> {
  await run("npm", ["run", "--silent", "ingest", "--", ...args], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, DISPATCH_ALLOW_PRIVATE_NETWORK: "1" },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!haveCorpus && process.env.CI === "true")
    throw new Error(`The feedparser corpus is required under CI=true: ${CORPUS} is missing`);
  server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(hostileRss());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The feed's own address carries markup and a javascript: URL in its query string.
  const query = new URLSearchParams({ x: `"><script>window.__xss=1</script>`, y: "javascript:alert(1)" });
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml?${query}`;
  // Other specs' articles are in the database too: only the ones ingested here need their own pages.
  for (let n = 1; ; n++) {
    const response = await fetch(`${BASE}/api/articles?pageSize=100&page=${n}`);
    const body = (await response.json()) as { items: { id: number }[]; pageCount: number };
    for (const item of body.items) before.add(item.id);
    if (n >= body.pageCount) break;
  }
  await ingest([feedUrl]);
  if (haveCorpus) await ingest([CORPUS]);
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs in the page: everything in the DOM that could run script. */
function domProblems(): string[] {
  const problems: string[] = [];
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}>`;
  // Attributes whose value a browser loads or navigates to.
  const urlAttributes = new Set([
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "cite",
    "ping",
    "codebase",
    "lowsrc",
    "dynsrc",
    "longdesc",
    "usemap",
    "to",
    "values",
    "from",
    "by",
  ]);
  for (const el of Array.from(document.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`${describe(el)} has ${name}="${attr.value.slice(0, 60)}"`);
      if (name === "srcdoc") problems.push(`${describe(el)} has srcdoc`);
      const refresh = name === "content" && el.getAttribute("http-equiv")?.toLowerCase() === "refresh";
      if (!urlAttributes.has(name) && !refresh) continue;
      // Browsers skip whitespace and control characters inside a URL's scheme.
      const value = attr.value
        .replace(/[\u0000-\u0020]+/g, "")
        .toLowerCase()
        .replace(/^\d*;url=/, "");
      if (
        /(^|,)(javascript|vbscript|livescript):/.test(value) ||
        /^data:(text\/html|[^,]*script)/.test(value)
      )
        problems.push(`${describe(el)} has ${name}="${attr.value.slice(0, 60)}"`);
    }
  }
  const active =
    "script, iframe, frame, object, embed, applet, base, meta, link, style, form, input, button, textarea, select, svg, math, template";
  for (const root of Array.from(
    document.querySelectorAll('[data-testid="article-body"], [data-testid="snippet"]'),
  ))
    for (const el of Array.from(root.querySelectorAll(active)))
      problems.push(`article HTML holds ${describe(el)}`);
  if ((window as unknown as { __xss?: unknown }).__xss !== undefined) problems.push("window.__xss was set");
  return problems;
}

/** Opens every URL in a few tabs at once and returns what was wrong on each (empty when all is well). */
async function visitAll(
  context: BrowserContext,
  urls: string[],
  afterLoad?: (page: Page, url: string) => Promise<void>,
): Promise<string[]> {
  const failures: string[] = [];
  const queue = [...urls];
  // Nothing leaves the machine: off-site requests (article images) fail at once, which also fires the
  // error events an injected onerror would wait for.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  const worker = async () => {
    const page = await context.newPage();
    let current = "";
    page.on("dialog", (dialog) => {
      failures.push(`${current}: a ${dialog.type()} dialog opened (${dialog.message()})`);
      void dialog.dismiss();
    });
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        failures.push(`${current}: CSP violation: ${message.text().slice(0, 200)}`);
    });
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      current = url;
      const response = await page.goto(url, { waitUntil: "load" });
      const status = response?.status() ?? 0;
      if (status >= 500) failures.push(`${url}: status ${status}`);
      for (const problem of await page.evaluate(domProblems)) failures.push(`${url}: ${problem}`);
      await afterLoad?.(page, url);
    }
    await page.close();
  };
  await Promise.all(Array.from({ length: TABS }, worker));
  return failures;
}

async function listAll(page: Page, query = ""): Promise<{ items: Listed[]; pages: string[] }> {
  const items: Listed[] = [];
  const pages: string[] = [];
  for (let n = 1; ; n++) {
    // all=1: every article as a card of its own (lists group syndicated copies and stories otherwise).
    const search = new URLSearchParams({ pageSize: "100", page: String(n), all: "1" });
    if (query) search.set("q", query);
    const response = await page.request.get(`/api/articles?${search}`);
    expect(response.status(), `API ${search}`).toBe(200);
    const body = (await response.json()) as { items: Listed[]; pageCount: number };
    items.push(...body.items);
    pages.push(`/?${search}`);
    if (n >= body.pageCount) break;
  }
  return { items, pages };
}

test("hostile feeds, titles, links, names and queries never run script in Chromium", async ({
  page,
  context,
}) => {
  test.setTimeout(600_000);
  if (!haveCorpus)
    test.info().annotations.push({ type: "skipped-part", description: "no feedparser corpus" });

  const { items: all, pages: listPages } = await listAll(page);
  const fresh = all.filter((a) => !before.has(a.id));
  const hostile = fresh.filter((a) => a.title.includes(CANARY));
  expect(hostile.length, "our own vectors were all stored").toBeGreaterThanOrEqual(60);
  if (haveCorpus) expect(fresh.length - hostile.length).toBeGreaterThan(400);

  // Every article's card (other specs' too), in lists of 100.
  const seenCards = new Set<string>();
  const listFailures = await visitAll(context, listPages, async (p) => {
    for (const href of await p
      .locator('[data-testid="article-card"] h2 a')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "")))
      // A card's link carries its list (`?list=`, for Previous/Next); the article is the path.
      seenCards.add(href.split("?")[0]!);
  });
  expect(listFailures).toEqual([]);
  // Syndicated copies have no card of their own (the original's card says "also published by"); their text
  // is the original's, so a card with the same title stands for them.
  const seenTitles = new Set(all.filter((a) => seenCards.has(a.path)).map((a) => a.title));
  expect(all.filter((a) => !seenCards.has(a.path) && !seenTitles.has(a.title)).map((a) => a.path)).toEqual(
    [],
  );

  // A search snippet for every article with searchable words: OR-queries of words chosen greedily.
  const words = new Map<number, Set<string>>();
  const pageFor = new Map<string, string>();
  for (const article of fresh) {
    const detail = (await (await page.request.get(`/api/articles/${article.id}`)).json()) as {
      bodyText: string;
      bodyHtml: string;
      author: string | null;
      url: string | null;
      source: { name: string };
    };
    const { title, url, author, bodyHtml, source } = { ...detail, title: article.title };
    // The article page shows the same markup for the same stored fields: one page per distinct article.
    // Most corpus cases differ only in their source name (the file name), which is rendered as text exactly
    // as on the card checked above; a name with markup characters gets its own page all the same.
    const hostileName = /[<>"'&:]/.test(source.name) ? source.name : "";
    const key = JSON.stringify([title, url, author, bodyHtml, hostileName]);
    if (!pageFor.has(key)) pageFor.set(key, article.path);
    const text = detail.bodyText.toLowerCase();
    words.set(article.id, new Set(text.match(/\b[a-z]{4,12}\b/g) ?? []));
  }
  // Snippets come from the body: articles whose body has no words show their excerpt instead.
  const uncovered = new Set([...words].filter(([, w]) => w.size > 0).map(([id]) => id));
  const tried = new Set<string>();
  const searchPages: string[] = [];
  // Later rounds try other words for the articles that the earlier words did not find.
  for (let round = 0; round < 4 && uncovered.size > 0; round++) {
    const unassigned = new Set(uncovered);
    const chosen: string[] = [];
    while (unassigned.size > 0) {
      const counts = new Map<string, number>();
      for (const id of unassigned)
        for (const w of words.get(id)!) if (!tried.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
      const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
      if (best === undefined) break;
      chosen.push(best);
      tried.add(best);
      for (const id of [...unassigned]) if (words.get(id)!.has(best)) unassigned.delete(id);
    }
    for (let i = 0; i < chosen.length; i += 25) {
      const { items, pages } = await listAll(page, chosen.slice(i, i + 25).join(" OR "));
      searchPages.push(...pages);
      for (const item of items) if (item.snippet) uncovered.delete(item.id);
    }
  }
  expect(
    [...uncovered].map((id) => fresh.find((a) => a.id === id)?.path),
    "articles without a snippet",
  ).toEqual([]);
  const searchFailures = await visitAll(context, searchPages);
  expect(searchFailures).toEqual([]);

  // Hostile search terms: echoed in the page and highlighted in snippets.
  const queryFailures = await visitAll(
    context,
    SEARCH_VECTORS.map((q) => `/?${new URLSearchParams({ q })}`),
  );
  expect(queryFailures).toEqual([]);

  // Every distinct article page.
  const articleFailures = await visitAll(context, [...pageFor.values()]);
  expect(articleFailures).toEqual([]);
});
