/**
 * `DATABASE_URL=postgresql://… npx tsx --conditions=react-server scripts/profile-search.ts [--runs N]
 *  [--source ID] [--baseline FILE] [--explain]`
 *
 * Where a PostgreSQL search request spends its time, on an existing database: calls `searchPostgres` for a
 * few list states (one item per article, as GET /api/articles does) and prints, per state, p50 and p95 of
 * the whole call and the median of each statement it sends (Prisma's query events; concurrent statements
 * overlap). `--baseline` also times the `searchPostgres` of another module (say, an older version saved
 * with `git show main:lib/search/postgres.ts`), alternating call by call so both see the same load.
 * `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of each statement of the last call (without SET LOCAL).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_LIST_PARAMS, type ListParams } from "@/lib/articles/params";
import type { Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/postgresql/client";
import { searchPostgres } from "@/lib/search/postgres";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    explain: { type: "boolean", default: false },
    source: { type: "string", default: "36" },
    baseline: { type: "string" },
  },
});
const url = process.env.DATABASE_URL ?? "";
if (!url.startsWith("postgres")) throw new Error("DATABASE_URL must name a PostgreSQL database");

const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: url, max: 10 }),
  log: [{ emit: "event", level: "query" }],
});
interface Logged {
  query: string;
  params: string;
  ms: number;
}
let log: Logged[] = [];
client.$on("query", (e) => log.push({ query: e.query, params: e.params, ms: e.duration }));
const db = client as unknown as Db;

const cases: [string, Partial<ListParams>][] = [
  ["q=quixotically", { q: "quixotically" }],
  [`q=quixotically&source=${args.source}`, { q: "quixotically", sources: [Number(args.source)] }],
  ["q=ceasefire&region=europe", { q: "ceasefire", regions: ["europe"] }],
  ["q=people", { q: "people" }],
  ["browse", {}],
  ["browse region=europe", { regions: ["europe"] }],
];

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;
const median = (xs: number[]) => pct(xs, 0.5);
const label = (q: string) =>
  q
    .replace(/\s+/g, " ")
    .replace(/ts_headline.*/, "ts_headline …")
    .slice(0, 110);

type Search = typeof searchPostgres;
const engines: [string, Search][] = [["current", searchPostgres]];
if (args.baseline) {
  const baseline = (await import(path.resolve(args.baseline))) as { searchPostgres: Search };
  engines.unshift(["baseline", baseline.searchPostgres]);
}

/** Per statement (by its text and its occurrence among equal texts), the time of each run. */
function byStatement(entries: Logged[], into: Map<string, number[]>) {
  const seen = new Map<string, number>();
  for (const l of entries) {
    const k = seen.get(label(l.query)) ?? 0;
    seen.set(label(l.query), k + 1);
    const key = `${label(l.query)}#${k}`;
    into.set(key, [...(into.get(key) ?? []), l.ms]);
  }
}

const now = new Date();
for (const [name, partial] of cases) {
  const params: ListParams = { ...DEFAULT_LIST_PARAMS, all: true, ...partial };
  const totals = engines.map((): number[] => []);
  const statements = engines.map(() => new Map<string, number[]>());
  let last: Logged[] = [];
  for (const [, search] of engines) await search(db, params, now); // warm-up
  // Engines alternate call by call, so both see the same load on a shared machine.
  for (let i = 0; i < Number(args.runs); i++) {
    for (const [e, [, search]] of engines.entries()) {
      log = [];
      const t0 = performance.now();
      await search(db, params, now);
      totals[e]?.push(performance.now() - t0);
      if (statements[e]) byStatement(log, statements[e]);
      last = log;
    }
  }
  for (const [e, [engine]] of engines.entries()) {
    const t = totals[e] ?? [];
    console.log(
      `\n## ${name} (${engine}): p50 ${median(t).toFixed(1)} ms, p95 ${pct(t, 0.95).toFixed(1)} ms per call (${t.length} calls)`,
    );
    for (const [key, ms] of statements[e] ?? [])
      console.log(`  ${median(ms).toFixed(1).padStart(6)} ms  ${key.replace(/#0$/, "")}`);
  }
  if (args.explain) {
    for (const l of last) {
      const values = JSON.parse(l.params) as unknown[];
      const plan = await client
        .$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN (ANALYZE, BUFFERS) ${l.query.trim()}`,
          ...values,
        )
        .catch((e: unknown) => [{ "QUERY PLAN": String(e).slice(0, 200) }]);
      console.log(`\n-- ${label(l.query)}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
}
await client.$disconnect();
