/**
 * `DATABASE_URL=postgresql://…|file:… npx tsx --conditions=react-server scripts/profile-search.ts [--runs N]
 *  [--source ID] [--baseline FILE] [--explain] [--only TEXT]`
 *
 * Where a search request spends its time, on an existing database: calls `searchPostgres` or `searchSqlite`
 * (by the URL) for a few list states (one item per article, as GET /api/articles does, unless the state
 * says "by story", as list pages do) and prints, per state, p50 and p95 of the whole call and the median
 * of each statement it sends (Prisma's query events; on PostgreSQL concurrent statements overlap). The client is the app's (`createDb`). `--baseline` also
 * times the search function of another module (say, an older version saved with
 * `git show main:lib/search/postgres.ts`), alternating call by call so both see the same load. `--explain`
 * prints EXPLAIN (ANALYZE, BUFFERS) of each statement of the last call (PostgreSQL; without SET LOCAL).
 * `--only` runs the states whose name contains the text.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_LIST_PARAMS, type ListParams } from "@/lib/articles/params";
import { DATE_FROM, DATE_TO } from "@/lib/bench/cases";
import { createDb } from "@/lib/db";
import { providerOf } from "@/lib/env";
import { searchPostgres } from "@/lib/search/postgres";
import { searchSqlite } from "@/lib/search/sqlite";

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "15" },
    explain: { type: "boolean", default: false },
    source: { type: "string", default: "36" },
    baseline: { type: "string" },
    only: { type: "string" },
  },
});
const url = process.env.DATABASE_URL ?? "";
const provider = providerOf(url);
let log: Logged[] = [];
const db = createDb(url, {
  onQuery: (e) => log.push({ query: e.query, params: e.params, ms: e.duration }),
});

interface Logged {
  query: string;
  params: string;
  ms: number;
}

const cases: [string, Partial<ListParams>][] = [
  ["q=quixotically", { q: "quixotically" }],
  [`q=quixotically&source=${args.source}`, { q: "quixotically", sources: [Number(args.source)] }],
  ["q=ceasefire&region=europe", { q: "ceasefire", regions: ["europe"] }],
  ["q=ceasefire&region=europe, by story", { q: "ceasefire", regions: ["europe"], all: false }],
  ["q=people", { q: "people" }],
  ["q=people&from..to", { q: "people", from: DATE_FROM, to: DATE_TO }],
  ["q=people&region=europe", { q: "people", regions: ["europe"] }],
  [`q=people&source=${args.source}`, { q: "people", sources: [Number(args.source)] }],
  ['q="interest rates"', { q: '"interest rates"' }],
  [`q="interest rates"&source=${args.source}`, { q: '"interest rates"', sources: [Number(args.source)] }],
  ['q="interest rates"&region=europe', { q: '"interest rates"', regions: ["europe"] }],
  ["q=election -inflation", { q: "election -inflation" }],
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
const name = provider === "sqlite" ? "searchSqlite" : "searchPostgres";
const engines: [string, Search][] = [["current", provider === "sqlite" ? searchSqlite : searchPostgres]];
if (args.baseline) {
  const baseline = (await import(path.resolve(args.baseline))) as Record<string, Search>;
  const search = baseline[name];
  if (!search) throw new Error(`${args.baseline} exports no ${name}`);
  engines.unshift(["baseline", search]);
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
  if (args.only && !name.includes(args.only)) continue;
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
  if (args.explain && provider === "postgresql") {
    for (const l of last) {
      const values = JSON.parse(l.params) as unknown[];
      const plan = await db
        .$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN (ANALYZE, BUFFERS) ${l.query.trim()}`,
          ...values,
        )
        .catch((e: unknown) => [{ "QUERY PLAN": String(e).slice(0, 200) }]);
      console.log(`\n-- ${label(l.query)}\n${plan.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
}
await db.$disconnect();
