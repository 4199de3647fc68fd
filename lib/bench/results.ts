// The results file of one `npm run bench` run, the targets of issue #13, and BENCHMARKS.md generated from
// every results file. Pure: the caller reads and writes the files.
import type { Timing } from "./stats";

export type BenchDb = "sqlite" | "postgres";

/** One autocannon run against one page. */
export interface PageLoad {
  concurrency: number;
  /** Mean requests per second over the run (every answer, whatever its status). */
  rps: number;
  /** Latency in ms. */
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface PageResult {
  name: string;
  path: string;
  /** Bytes of one answer's body. */
  bytes: number;
  loads: PageLoad[];
  /** At c=16 with a new address per request, so that every answer is rendered (no page micro-cache). */
  rendered?: PageLoad;
}

export interface SearchResultRow {
  label: string;
  type: string;
  filter: string;
  page: number;
  /** Total the API reported ("≈" prefix when estimated). */
  matches: string;
  api: Timing;
  engine: Timing | null;
}

export interface BenchResult {
  version: 1;
  /** ISO time the run started. */
  startedAt: string;
  durationSeconds: number;
  db: BenchDb;
  /** Feed items generated (articles stored are fewer: repeats are deduplicated). */
  size: number;
  quick: boolean;
  command: string;
  commit: string;
  /** Uncommitted changes in the work tree when the run started. */
  dirty: boolean;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    node: string;
    os: string;
    engine: string;
    loadAverage: { before: number; after: number };
  };
  /** Other work shared the CPU during the run: figures are lower bounds. */
  sharedCpu: boolean;
  notes: string[];
  corpus: { items: number; sources: number; repeats: number; wireCopies: number; feedBytes: number };
  ingest: { articles: number; seconds: number; perSecond: number; command: string };
  bareLoad: { articles: number; seconds: number; perSecond: number; what: string };
  storage: { articles: number; appBytes: number; bareBytes: number; how: string };
  search: SearchResultRow[];
  pages: PageResult[];
  ceilingPage: PageResult & { what: string };
  memory: { serverPeakRssBytes: number; ceilingPeakRssBytes: number };
}

type Status = "met" | "missed" | "";

/** One line of the summary table. */
export interface SummaryRow {
  figure: string;
  value: string;
  ceiling: string;
  ratio: string;
  target: string;
  status: Status;
}

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n >= 100 ? int(n) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const ratio = (a: number, b: number) =>
  Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×` : "–";
const statusOf = (ok: boolean): Status => (ok ? "met" : "missed");

const PAGE_TARGETS: Record<string, { rps?: number; noErrorsAt64?: boolean }> = {
  "front page": { rps: 200, noErrorsAt64: true },
  "filtered list": { rps: 200, noErrorsAt64: true },
  "search page": { rps: 60 },
};

function load(page: PageResult, concurrency: number): PageLoad | undefined {
  return page.loads.find((l) => l.concurrency === concurrency);
}
const failures = (l: PageLoad | undefined) => (l ? l.errors + l.timeouts + l.non2xx : 0);

/** The search API target for a query type: p95 bound, and on SQLite the p50 bound against the engine. */
function searchTarget(db: BenchDb, type: string): { p95: number; p50Factor?: number; p50Max?: number } {
  if (db === "postgres") return { p95: 100 };
  return type === "rare word" ? { p95: 50, p50Max: 5 } : { p95: 50, p50Factor: 3 };
}

/** The summary rows of one run: figure, ceiling, ratio, target, met or missed. */
export function summaryRows(r: BenchResult): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const ceiling = r.ceilingPage;
  const rates = (p: PageResult) =>
    [1, 16, 64].map((c) => (load(p, c) ? int(load(p, c)?.rps ?? 0) : "–")).join(" / ");
  for (const page of r.pages) {
    const at16 = load(page, 16);
    const target = PAGE_TARGETS[page.name];
    const bad64 = failures(load(page, 64));
    const parts = [`p50 at c=16: ${ms(at16?.p50 ?? Number.NaN)} ms`, `failed at c=64: ${int(bad64)}`];
    let status: Status = "";
    let targetText = "–";
    if (target?.rps) {
      const rpsOk = (at16?.rps ?? 0) >= target.rps;
      status = statusOf(rpsOk && (!target.noErrorsAt64 || bad64 === 0));
      targetText = `≥ ${target.rps} req/s at c=16${target.noErrorsAt64 ? ", no errors at c=64" : ""}`;
    }
    rows.push({
      figure: `${page.name} (\`${page.path.length > 40 ? `${page.path.slice(0, 40)}…` : page.path}\`), req/s at c=1 / 16 / 64`,
      value: `${rates(page)} (${parts.join("; ")})`,
      ceiling: rates(ceiling),
      ratio: ratio(at16?.rps ?? 0, load(ceiling, 16)?.rps ?? 0),
      target: targetText,
      status,
    });
  }
  if (r.pages.every((p) => p.rendered))
    rows.push({
      figure: `every request rendered (a new address each, no page micro-cache), req/s at c=16: ${r.pages.map((p) => p.name).join(" / ")}`,
      value: r.pages.map((p) => int(p.rendered?.rps ?? 0)).join(" / "),
      ceiling: ceiling.rendered ? int(ceiling.rendered.rps) : "–",
      ratio: ceiling.rendered ? ratio(r.pages[0]?.rendered?.rps ?? 0, ceiling.rendered.rps) : "–",
      target: "–",
      status: "",
    });
  rows.push({
    figure: "HTML per answer, KB: " + r.pages.map((p) => p.name).join(" / "),
    value: r.pages.map((p) => (p.bytes / 1024).toFixed(0)).join(" / "),
    ceiling: (ceiling.bytes / 1024).toFixed(1),
    ratio: "–",
    target: "–",
    status: "",
  });

  const types = [...new Set(r.search.filter((s) => s.engine).map((s) => s.type))];
  for (const type of types) {
    const cases = r.search.filter((s) => s.type === type);
    const worst = (pick: (t: Timing) => number, of: (s: SearchResultRow) => Timing | null) =>
      Math.max(
        ...cases
          .map((s) => of(s))
          .filter((t): t is Timing => t !== null)
          .map(pick),
      );
    const target = searchTarget(r.db, type);
    const ok = cases.every((s) => {
      if (s.api.p95 > target.p95) return false;
      if (target.p50Max !== undefined && s.api.p50 > target.p50Max) return false;
      if (target.p50Factor !== undefined && s.engine && s.api.p50 > target.p50Factor * s.engine.p50)
        return false;
      return true;
    });
    const worstRatio = Math.max(
      ...cases.map((s) => (s.engine ? s.api.p50 / Math.max(s.engine.p50, 0.01) : 0)),
    );
    const targetText = [
      `p95 ≤ ${target.p95} ms`,
      target.p50Max !== undefined ? `p50 ≤ ${target.p50Max} ms` : "",
      target.p50Factor !== undefined ? `p50 ≤ ${target.p50Factor}× engine` : "",
    ]
      .filter(Boolean)
      .join(", ");
    rows.push({
      figure: `Search API p50 / p95 ms, ${type} (worst of ${cases.length})`,
      value: `${ms(
        worst(
          (t) => t.p50,
          (s) => s.api,
        ),
      )} / ${ms(
        worst(
          (t) => t.p95,
          (s) => s.api,
        ),
      )}`,
      ceiling: `${ms(
        worst(
          (t) => t.p50,
          (s) => s.engine,
        ),
      )} / ${ms(
        worst(
          (t) => t.p95,
          (s) => s.engine,
        ),
      )}`,
      ratio: `${worstRatio.toFixed(worstRatio >= 10 ? 0 : 1)}× (p50, worst)`,
      target: targetText,
      status: statusOf(ok),
    });
  }
  const browse = r.search.filter((s) => s.type === "browse");
  if (browse.length > 0)
    rows.push({
      figure: `List API p50 / p95 ms, browsing (worst of ${browse.length})`,
      value: `${ms(Math.max(...browse.map((s) => s.api.p50)))} / ${ms(Math.max(...browse.map((s) => s.api.p95)))}`,
      ceiling: "–",
      ratio: "–",
      target: "–",
      status: "",
    });

  // Issue 11: the Top stories view answers within the search targets (the p95 of the search API).
  const top = r.search.filter((s) => s.type === "top stories");
  if (top.length > 0) {
    const p95Max = searchTarget(r.db, "top stories").p95;
    rows.push({
      figure: `Top stories API p50 / p95 ms (worst of ${top.length})`,
      value: `${ms(Math.max(...top.map((s) => s.api.p50)))} / ${ms(Math.max(...top.map((s) => s.api.p95)))}`,
      ceiling: "–",
      ratio: "–",
      target: `p95 ≤ ${p95Max} ms`,
      status: statusOf(top.every((s) => s.api.p95 <= p95Max)),
    });
  }

  const ingestTarget = r.db === "sqlite" ? 2000 : 1000;
  rows.push({
    figure: "Ingest, articles/s end to end",
    value: `${int(r.ingest.perSecond)} (${int(r.ingest.articles)} in ${r.ingest.seconds.toFixed(1)} s)`,
    ceiling: `${int(r.bareLoad.perSecond)} (bare load)`,
    ratio: ratio(r.ingest.perSecond, r.bareLoad.perSecond),
    target: `≥ ${int(ingestTarget)}/s`,
    status: statusOf(r.ingest.perSecond >= ingestTarget),
  });
  const per1000 = (bytes: number) => bytes / (r.storage.articles / 1000);
  const sizeRatio = r.storage.appBytes / r.storage.bareBytes;
  rows.push({
    figure: "Database size per 1,000 articles, MB",
    value: mb(per1000(r.storage.appBytes)),
    ceiling: mb(per1000(r.storage.bareBytes)),
    ratio: ratio(r.storage.appBytes, r.storage.bareBytes),
    target: "≤ 1.3× bare engine",
    status: statusOf(sizeRatio <= 1.3),
  });
  rows.push({
    figure: "Server peak memory (RSS of the process tree), MB",
    value: mb(r.memory.serverPeakRssBytes),
    ceiling: `${mb(r.memory.ceilingPeakRssBytes)} (trivial app)`,
    ratio: ratio(r.memory.serverPeakRssBytes, r.memory.ceilingPeakRssBytes),
    target: "–",
    status: "",
  });
  return rows;
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** The markdown section of one run. */
function renderRun(r: BenchResult): string {
  const rows = summaryRows(r);
  const missed = rows.filter((row) => row.status === "missed").map((row) => row.figure);
  const m = r.machine;
  const out: string[] = [];
  out.push(
    `## ${r.startedAt.slice(0, 10)}, ${r.db === "sqlite" ? "SQLite" : "PostgreSQL"}, ${int(r.size)} articles${r.quick ? " (quick)" : ""}`,
    "",
  );
  if (r.sharedCpu)
    out.push(
      "> **Other work shared the CPU during this run** (load average " +
        `${m.loadAverage.before.toFixed(1)} before, ${m.loadAverage.after.toFixed(1)} after, on ${m.cores} cores): ` +
        "the figures are lower bounds and the ratios are noisy.",
      "",
    );
  out.push(
    `- Command: \`${r.command}\``,
    `- Commit: \`${r.commit.slice(0, 12)}\`${r.dirty ? " (with uncommitted changes)" : ""}; run took ${int(r.durationSeconds)} s`,
    `- Machine: ${m.cores} × ${m.cpu}, ${m.memoryGb} GB RAM, Node.js ${m.node}, ${m.os}; ${m.engine}`,
    `- Corpus: ${int(r.corpus.items)} feed items from ${r.corpus.sources} sources (${int(r.corpus.repeats)} repeated items, ${int(r.corpus.wireCopies)} wire copies), ${mb(r.corpus.feedBytes)} MB of RSS; ${int(r.storage.articles)} articles stored`,
    `- Ingest: \`${r.ingest.command}\`; bare load: ${r.bareLoad.what}`,
    `- Size: ${r.storage.how}`,
    `- Page ceiling: ${r.ceilingPage.what}`,
    ...r.notes.map((n) => `- ${n}`),
    "",
    "| Figure | Dispatch | Ceiling, same run | Ratio | Target | Met |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (row) =>
        `| ${cell(row.figure)} | ${cell(row.value)} | ${cell(row.ceiling)} | ${row.ratio} | ${cell(row.target)} | ${row.status === "missed" ? "**missed**" : row.status} |`,
    ),
    "",
    missed.length > 0
      ? `Targets missed: ${missed.map((f) => f.replace(/ \(.*$/, "").replace(/`/g, "")).join("; ")}.`
      : "Every target is met.",
    "",
    "<details><summary>Every search request (ms; engine = FTS5 bm25 or ts_rank_cd top 20 with the same filters)</summary>",
    "",
    "| Request | Type | Matches | API p50 | API p95 | Engine p50 | Engine p95 | p50 ratio |",
    "|---|---|--:|--:|--:|--:|--:|--:|",
    ...r.search.map(
      (s) =>
        `| ${cell(s.label)} | ${s.type} | ${s.matches} | ${ms(s.api.p50)} | ${ms(s.api.p95)} | ${s.engine ? ms(s.engine.p50) : "–"} | ${s.engine ? ms(s.engine.p95) : "–"} | ${s.engine ? ratio(s.api.p50, Math.max(s.engine.p50, 0.01)) : "–"} |`,
    ),
    "",
    "</details>",
    "",
    "<details><summary>Every page load (autocannon; failed = errors + timeouts + non-2xx)</summary>",
    "",
    "| Page | Concurrency | req/s | p50 ms | p99 ms | Requests | Failed |",
    "|---|--:|--:|--:|--:|--:|--:|",
    ...[...r.pages, r.ceilingPage].flatMap((p) =>
      p.loads.map(
        (l) =>
          `| ${cell(p.name)} | ${l.concurrency} | ${int(l.rps)} | ${ms(l.p50)} | ${ms(l.p99)} | ${int(l.requests)} | ${int(failures(l))} |`,
      ),
    ),
    "",
    "</details>",
    "",
  );
  return out.join("\n");
}

/** BENCHMARKS.md: every run, newest first. */
export function renderBenchmarks(results: readonly BenchResult[]): string {
  const sorted = [...results].sort((a, b) =>
    a.startedAt === b.startedAt ? a.db.localeCompare(b.db) : b.startedAt.localeCompare(a.startedAt),
  );
  return [
    "# Benchmarks",
    "",
    "Generated by `npm run bench` from `bench/results/*.json` (one file per day and database); do not edit by hand.",
    "`npm run bench` (100,000 articles), `npm run bench -- --quick` (10,000), `-- --size N`, `-- --db postgres`.",
    "Each run ingests a generated corpus through `npm run ingest` from local RSS feeds, serves it with `npm start`",
    "and measures the HTTP API and the pages; the ceilings are measured in the same run on the same machine:",
    "the same searches straight on the engine, a bare load of the same articles into the engine, and a trivial",
    "dynamic Next.js page. Ratio: Dispatch / ceiling (pages: req/s at c=16; search: the API's p50 over the",
    "engine's, for the worst request of the type). How each figure is taken: docs/benchmarks.md.",
    "",
    ...sorted.map(renderRun),
  ].join("\n");
}
