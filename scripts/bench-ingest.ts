/**
 * End-to-end ingest throughput: `npx tsx --conditions=react-server scripts/bench-ingest.ts [items] [--runs N] [--no-record]`.
 * Generates an RSS feed of realistic articles (default 10,000 items of 300–500 words naming countries),
 * serves it from a local HTTP server and imports it into a fresh, migrated SQLite database: fetch ->
 * parse -> normalize -> sanitize -> dedupe -> tag -> store, with whatever indexing triggers the
 * migrations define. Prints articles/s and phase timings (median run) and appends a dated section to
 * docs/benchmarks.md.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db";
import { fetchFeed } from "@/lib/ingest/fetch";
import { parseDocument } from "@/lib/ingest/parse";
import { ensureSource, storeItems } from "@/lib/ingest/store";
import { seededRandom, syntheticArticle } from "@/lib/regions/synthetic-news";

const TARGET_PER_SECOND = 2_000;
const root = process.cwd();
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An RSS 2.0 feed shaped like a news site's: tracked links, authors, summaries, HTML bodies with links, images and a script. */
function generateFeed(count: number): { xml: string; words: number } {
  const rand = seededRandom(20231027);
  const newest = Date.UTC(2023, 9, 27, 12);
  let words = 0;
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const article = syntheticArticle(rand, 300 + Math.floor(rand() * 200));
    const paragraphs = article.body.split("\n\n");
    words += article.body.split(/\s+/).length;
    const body = paragraphs
      .map((p, j) =>
        j === 1
          ? `<p>${escapeXml(p)} <a href="/world/related-${i}">Related coverage</a>.</p><figure><img src="/img/${i}.jpg" alt="Scene"><figcaption>File photo</figcaption></figure>`
          : `<p>${escapeXml(p)}</p>`,
      )
      .join("\n");
    items.push(`<item>
<title>${escapeXml(article.title)}</title>
<link>https://news.example/world/${i}-story?utm_source=rss&amp;utm_medium=feed</link>
<guid isPermaLink="false">news-example-${i}</guid>
<pubDate>${new Date(newest - i * 97_000).toUTCString()}</pubDate>
<dc:creator>Staff reporter ${i % 40}</dc:creator>
<category>World</category>
<description>${escapeXml(paragraphs[0]?.slice(0, 240) ?? "")}</description>
<content:encoded><![CDATA[${body}<script>track(${i})</script>]]></content:encoded>
</item>`);
  }
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Benchmark News</title><link>https://news.example/</link><description>Generated for scripts/bench-ingest.ts</description><language>en</language>
${items.join("\n")}
</channel></rss>`;
  return { xml, words: Math.round(words / count) };
}

interface Run {
  total: number;
  fetch: number;
  parse: number;
  store: number;
  articles: number;
}

/** One import into a fresh database, timed per phase (the same steps as `npm run ingest -- <url>`). */
async function importOnce(feedUrl: string): Promise<Run & { reimport: number; indexed: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-bench-ingest-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
    });
    const db = createDb(url);
    try {
      const triggers = await db.$queryRaw<
        { name: string }[]
      >`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Article'`;
      const t0 = performance.now();
      // Ten thousand full articles are far more than a real feed carries, hence the raised size limit.
      const fetched = await fetchFeed(feedUrl, {
        allowPrivateNetwork: true,
        maxBytes: 256 * 1024 * 1024,
        timeoutMs: 120_000,
      });
      if (fetched.status !== "ok")
        throw new Error(`fetch failed: ${fetched.status === "error" ? fetched.reason : fetched.status}`);
      const t1 = performance.now();
      const parsed = parseDocument(fetched.bytes, {
        contentType: fetched.contentType,
        url: fetched.finalUrl,
        fetchedAt: new Date(),
      });
      if (!parsed.ok || parsed.doc.kind === "opml")
        throw new Error(`parse failed: ${parsed.ok ? "OPML" : parsed.reason}`);
      const t2 = performance.now();
      const source = await ensureSource(db, {
        name: parsed.doc.title ?? "Benchmark",
        siteUrl: parsed.doc.siteUrl,
        feedUrl,
      });
      const counts = await storeItems(db, source.id, parsed.doc.items, new Date());
      const t3 = performance.now();
      // Importing the same feed again: every item is found and left alone (the dedupe path).
      const again = await storeItems(db, source.id, parsed.doc.items, new Date());
      const t4 = performance.now();
      if (again.unchanged !== counts.new)
        throw new Error(`re-import changed things: ${JSON.stringify(again)}`);
      return {
        total: t3 - t0,
        fetch: t1 - t0,
        parse: t2 - t1,
        store: t3 - t2,
        articles: counts.new,
        reimport: t4 - t3,
        indexed:
          triggers.length > 0 ? `yes (${triggers.map((t) => t.name).join(", ")})` : "no Article triggers",
      };
    } finally {
      await db.$disconnect();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;
const rate = (count: number, millis: number) => Math.round(count / (millis / 1000)).toLocaleString("en-US");

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: "string", default: "3" }, "no-record": { type: "boolean", default: false } },
  });
  const count = Number(positionals[0] ?? 10_000);
  const runs = Number(values.runs);
  if (!Number.isInteger(count) || count < 1) throw new Error(`bad item count: ${positionals[0]}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`bad --runs: ${values.runs}`);

  const { xml, words } = generateFeed(count);
  const body = Buffer.from(xml);
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      "content-type": "application/rss+xml; charset=utf-8",
      "content-length": body.length,
      etag: '"bench"',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  console.log(
    `feed: ${count.toLocaleString("en-US")} items, ${(body.length / 1e6).toFixed(1)} MB, ~${words} words per article`,
  );

  const results: Awaited<ReturnType<typeof importOnce>>[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const run = await importOnce(feedUrl);
      results.push(run);
      console.log(`run ${i + 1}: ${rate(run.articles, run.total)} articles/s (${ms(run.total)})`);
    }
  } finally {
    server.close();
  }
  results.sort((a, b) => a.total - b.total);
  const median = results[Math.floor(results.length / 2)];
  if (!median) return;
  const perSecond = Math.round(median.articles / (median.total / 1000));
  const lines = [
    `articles:  ${median.articles.toLocaleString("en-US")} stored (fresh SQLite database; indexing: ${median.indexed})`,
    `total:     ${ms(median.total)} → ${perSecond.toLocaleString("en-US")} articles/s (median of ${runs} runs)`,
    `fetch:     ${ms(median.fetch)}`,
    `parse:     ${ms(median.parse)} (${rate(median.articles, median.parse)}/s; decode, parse, normalize, sanitize)`,
    `store:     ${ms(median.store)} (${rate(median.articles, median.store)}/s; dedupe, tag, write, index, one transaction)`,
    `re-import: ${ms(median.reimport)} (${rate(median.articles, median.reimport)}/s; every item found unchanged)`,
  ];
  for (const line of lines) console.log(line);
  const ok = perSecond >= TARGET_PER_SECOND;
  console.log(
    ok
      ? `OK (target ${TARGET_PER_SECOND.toLocaleString("en-US")}/s)`
      : `BELOW TARGET (${TARGET_PER_SECOND.toLocaleString("en-US")}/s)`,
  );

  if (!values["no-record"]) {
    const file = path.join(root, "docs", "benchmarks.md");
    const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
    const command = [
      "npx tsx --conditions=react-server scripts/bench-ingest.ts",
      ...process.argv.slice(2),
    ].join(" ");
    const section = [
      `## Ingest — ${new Date().toISOString().slice(0, 10)}`,
      "",
      `\`${command}\` on ${cpu} (${os.cpus().length} cores), Node ${process.version}.`,
      `A generated RSS feed (${count.toLocaleString("en-US")} items, ${(body.length / 1e6).toFixed(1)} MB, ~${words} words each) served over local HTTP.`,
      "",
      "```",
      ...lines,
      "```",
      "",
    ].join("\n");
    if (!existsSync(file))
      writeFileSync(
        file,
        "# Benchmarks\n\nMeasured figures, newest last. Each section says how to reproduce it.\n\n",
      );
    appendFileSync(file, section);
    console.log(`appended to ${path.relative(root, file)}`);
  }
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench-ingest: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
