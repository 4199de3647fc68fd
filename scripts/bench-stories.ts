import { bodyTextOf } from "@/lib/articles/body-text";
/**
 * Stories benchmark: `npx tsx --conditions=react-server scripts/bench-stories.ts [--articles 100000] [--runs 30]`.
 * Builds a fresh SQLite database through the real store path (`storeItems`, grouping included): generated
 * articles from 50 sources over twelve months, one batch per source and week (a feed polled weekly), one
 * article in ten an event that three to six sources report. Prints ingest throughput with grouping and the Top stories view's p50/p95 (lib call and
 * `GET /api/stories` handler in-process) for the default view and with filters.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { NextRequest } from "next/server";
import type { ArticleInput } from "@/lib/ingest/types";
import { seededRandom, syntheticArticle } from "@/lib/regions/synthetic-news";

const { values } = parseArgs({
  options: { articles: { type: "string", default: "100000" }, runs: { type: "string", default: "30" } },
});
const ARTICLES = Number(values.articles);
const RUNS = Number(values.runs);
const SOURCES = 50;
const DAY = 86_400_000;
const END = Date.UTC(2026, 9, 31, 12);

const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-bench-stories-"));
const url = `file:${path.join(dir, "bench.db")}`;
process.env.DATABASE_URL = url;

function item(title: string, body: string, at: number, key: string): ArticleInput {
  const bodyHtml = body
    .split("\n\n")
    .map((p) => `<p>${p}</p>`)
    .join("");
  return {
    guid: key,
    url: null,
    title,
    summary: null,
    bodyHtml,
    bodyText: bodyTextOf(bodyHtml),
    author: null,
    publishedAt: new Date(at),
    dateEstimated: false,
    language: "en",
  };
}

const SYLLABLES = [
  "ka",
  "lo",
  "mir",
  "ven",
  "tor",
  "sa",
  "bel",
  "dun",
  "ra",
  "qui",
  "zan",
  "pe",
  "hol",
  "vik",
];

/** A made-up proper name of three syllables, capitalised. */
function inventedWord(rand: () => number): string {
  const word = Array.from({ length: 3 }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join("");
  return word[0]!.toUpperCase() + word.slice(1);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main(): Promise<void> {
  execFileSync(path.join(process.cwd(), "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  // Imported only now: lib/db opens the database DATABASE_URL names when it loads.
  const { DEFAULT_LIST_PARAMS, parseListParams } = await import("@/lib/articles/params");
  const { db } = await import("@/lib/db");
  const { ensureSource, storeItems } = await import("@/lib/ingest/store");
  const { topStories } = await import("@/lib/stories");
  try {
    const rand = seededRandom(20261129);
    const sources: number[] = [];
    for (let s = 1; s <= SOURCES; s++)
      sources.push((await ensureSource(db, { name: `Source ${s}`, siteUrl: `https://s${s}.example/` })).id);
    // Articles per source and week; every tenth article is an event that three to six sources report.
    const days = 365;
    const batches = new Map<string, ArticleInput[]>();
    let made = 0;
    while (made < ARTICLES) {
      const day = Math.floor(rand() * days);
      const at = END - day * DAY - Math.floor(rand() * DAY);
      const generated = syntheticArticle(rand, 120 + Math.floor(rand() * 120));
      // The generator's vocabulary is small; real events have names of their own (here two invented words).
      const name = `${inventedWord(rand)} ${inventedWord(rand)}`;
      const a = { title: `${name}: ${generated.title}`, body: `${name}. ${generated.body}` };
      const reporters = rand() < 0.1 ? 3 + Math.floor(rand() * 4) : 1;
      for (let r = 0; r < reporters && made < ARTICLES; r++) {
        const source = sources[Math.floor(rand() * SOURCES)]!;
        const key = `${source}:${Math.floor(day / 7)}`;
        const body =
          r === 0 ? a.body : `${a.body.split("\n\n").slice(1).join("\n\n")}\n\n${a.body.split("\n\n")[0]}`;
        const list = batches.get(key) ?? [];
        list.push(item(a.title, body, at + r * 3_600_000, `a${made}`));
        batches.set(key, list);
        made++;
      }
    }
    // Oldest week first, as a poller would see them.
    const ordered = [...batches.entries()].sort(
      (x, y) => Number(y[0].split(":")[1]) - Number(x[0].split(":")[1]),
    );
    const started = performance.now();
    let done = 0;
    for (const [key, items] of ordered) {
      await storeItems(db, Number(key.split(":")[0]), items, new Date(END));
      done += items.length;
      if (done % 10_000 < items.length)
        process.stdout.write(`\rIngest: ${done.toLocaleString("en")} articles`);
    }
    const seconds = (performance.now() - started) / 1000;
    const stories = await db.story.count({ where: { mergedIntoId: null } });
    console.log(
      `\nIngest with grouping: ${ARTICLES.toLocaleString("en")} articles in ${seconds.toFixed(1)} s → ${Math.round(ARTICLES / seconds).toLocaleString("en")} articles/s (${ordered.length.toLocaleString("en")} batches of one source and week); ${stories.toLocaleString("en")} stories of two or more articles`,
    );

    const { GET } = await import("@/app/api/stories/route");
    const cases: [string, string][] = [
      ["default (week up to newest)", ""],
      ["+ region", "region=europe"],
      ["past 30 days", "from=2026-10-01&to=2026-10-31"],
      ["past 30 days + region", "from=2026-10-01&to=2026-10-31&region=europe"],
      ["6 months", "from=2026-05-01&to=2026-10-31"],
    ];
    console.log(
      `\n| View | Stories | lib p50 | lib p95 | API p50 | API p95 |\n| --- | ---: | ---: | ---: | ---: | ---: |`,
    );
    for (const [name, query] of cases) {
      const params = query ? parseListParams(new URLSearchParams(query)).params : DEFAULT_LIST_PARAMS;
      const result = await topStories(params, { db });
      const lib = await time(() => topStories(params, { db }));
      const api = await time(() => GET(new NextRequest(`http://localhost/api/stories?${query}`)));
      console.log(
        `| ${name} | ${result.total.toLocaleString("en")} | ${lib.p50.toFixed(1)} | ${lib.p95.toFixed(1)} | ${api.p50.toFixed(1)} | ${api.p95.toFixed(1)} |`,
      );
    }
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
