import { describe, expect, it } from "vitest";
import { renderBenchmarks, summaryRows, type BenchResult, type PageResult } from "./results";

const page = (name: string, path: string, rps: number[], failedAt64 = 0): PageResult => ({
  name,
  path,
  bytes: 51_200,
  loads: [1, 16, 64].map((concurrency, i) => ({
    concurrency,
    rps: rps[i] ?? 0,
    p50: 1000 / (rps[i] ?? 1),
    p99: 2000 / (rps[i] ?? 1),
    requests: (rps[i] ?? 0) * 10,
    errors: 0,
    timeouts: concurrency === 64 ? failedAt64 : 0,
    non2xx: 0,
  })),
});

function fixture(overrides: Partial<BenchResult> = {}): BenchResult {
  return {
    version: 1,
    startedAt: "2026-11-29T20:00:00.000Z",
    durationSeconds: 600,
    db: "sqlite",
    size: 10_000,
    quick: true,
    command: "npm run bench -- --quick",
    commit: "0123456789abcdef0123",
    dirty: false,
    machine: {
      cpu: "Test CPU",
      cores: 2,
      memoryGb: 8,
      node: "v20.0.0",
      os: "linux 6",
      engine: "SQLite 3.50.0",
      loadAverage: { before: 2.5, after: 3 },
    },
    sharedCpu: true,
    notes: ["A note."],
    corpus: { items: 10_000, sources: 50, repeats: 100, wireCopies: 300, feedBytes: 35e6 },
    ingest: { articles: 9_900, seconds: 4.95, perSecond: 2_000, command: "npm run ingest -- <urls>" },
    bareLoad: { articles: 9_900, seconds: 3.3, perSecond: 3_000, what: "bare" },
    storage: { articles: 10_000, appBytes: 120e6, bareBytes: 100e6, how: "file size" },
    search: [
      {
        label: "people",
        type: "common word",
        filter: "none",
        page: 1,
        matches: "4,000",
        api: { p50: 20, p95: 30, n: 20 },
        engine: { p50: 10, p95: 12, n: 20 },
      },
      {
        label: "people + region",
        type: "common word",
        filter: "region",
        page: 1,
        matches: "≈1,000",
        api: { p50: 25, p95: 60, n: 20 },
        engine: { p50: 10, p95: 14, n: 20 },
      },
      {
        label: "quixotically",
        type: "rare word",
        filter: "none",
        page: 1,
        matches: "12",
        api: { p50: 4, p95: 6, n: 20 },
        engine: { p50: 0.1, p95: 0.2, n: 20 },
      },
      {
        label: "browse | all",
        type: "browse",
        filter: "none",
        page: 1,
        matches: "9,900",
        api: { p50: 40, p95: 50, n: 20 },
        engine: null,
      },
      {
        label: "top stories",
        type: "top stories",
        filter: "none",
        page: 1,
        matches: "4,000",
        api: { p50: 30, p95: 45, n: 20 },
        engine: null,
      },
      {
        label: "top stories + region",
        type: "top stories",
        filter: "region",
        page: 1,
        matches: "1,500",
        api: { p50: 35, p95: 70, n: 20 },
        engine: null,
      },
    ],
    pages: [
      page("front page", "/", [150, 250, 240]),
      page("filtered list", "/?region=europe", [150, 250, 240], 3),
      page("search page", "/?q=ceasefire&region=europe", [40, 50, 50]),
      page("article page", "/articles/1-x", [300, 400, 400]),
    ],
    ceilingPage: { ...page("trivial Next.js page", "/", [400, 500, 500]), bytes: 2048, what: "trivial" },
    memory: { serverPeakRssBytes: 300e6, ceilingPeakRssBytes: 100e6 },
    ...overrides,
  };
}

describe("benchmark summary", () => {
  it("compares each figure with its ceiling and target", () => {
    const rows = summaryRows(fixture());
    const find = (start: string) => rows.find((r) => r.figure.startsWith(start));
    expect(find("front page")?.value).toBe("150 / 250 / 240 (p50 at c=16: 4.00 ms; failed at c=64: 0)");
    expect(find("front page")).toMatchObject({
      ceiling: "400 / 500 / 500",
      ratio: "0.50×",
      status: "met",
    });
    // 250 req/s at c=16 but three timeouts at c=64.
    expect(find("filtered list")?.status).toBe("missed");
    expect(find("search page")).toMatchObject({ status: "missed", target: "≥ 60 req/s at c=16" });
    expect(find("article page")).toMatchObject({ status: "", target: "–" });
    // p95 60 ms on one filter breaks the 50 ms bound; the worst p50 ratio is 2.5×.
    expect(find("Search API p50 / p95 ms, common word")).toMatchObject({
      value: "25.0 / 60.0",
      ceiling: "10.0 / 14.0",
      ratio: "2.5× (p50, worst)",
      status: "missed",
    });
    expect(find("Search API p50 / p95 ms, rare word")).toMatchObject({
      target: "p95 ≤ 50 ms, p50 ≤ 5 ms",
      status: "met",
    });
    // Top stories within the search API's p95: 70 ms breaks SQLite's 50 ms (PostgreSQL's is 100 ms).
    expect(find("Top stories API")).toMatchObject({
      figure: "Top stories API p50 / p95 ms (worst of 2)",
      value: "35.0 / 70.0",
      target: "p95 ≤ 50 ms",
      status: "missed",
    });
    expect(find("Ingest")).toMatchObject({ value: "2,000 (9,900 in 5.0 s)", ratio: "0.67×", status: "met" });
    expect(find("Database size")).toMatchObject({
      value: "12.0",
      ceiling: "10.0",
      ratio: "1.20×",
      status: "met",
    });
  });

  it("shows the pages rendered for every request beside the cached ones, when the run measured them", () => {
    const rendered = (p: PageResult, rps: number): PageResult => ({
      ...p,
      rendered: { ...p.loads[1]!, rps },
    });
    const base = fixture();
    expect(summaryRows(base).some((r) => r.figure.startsWith("every request rendered"))).toBe(false);
    const rows = summaryRows(
      fixture({
        pages: base.pages.map((p, i) => rendered(p, [90, 85, 30, 100][i]!)),
        ceilingPage: { ...rendered(base.ceilingPage, 450), what: "trivial" },
      }),
    );
    expect(rows.find((r) => r.figure.startsWith("every request rendered"))).toMatchObject({
      figure:
        "every request rendered (a new address each, no page micro-cache), req/s at c=16: front page / filtered list / search page / article page",
      value: "90 / 85 / 30 / 100",
      ceiling: "450",
      ratio: "0.20×",
      target: "–",
    });
  });

  it("applies the PostgreSQL targets on PostgreSQL", () => {
    const rows = summaryRows(
      fixture({ db: "postgres", ingest: { articles: 9_900, seconds: 9.9, perSecond: 1_000, command: "x" } }),
    );
    expect(rows.find((r) => r.figure.startsWith("Search API p50 / p95 ms, common word"))).toMatchObject({
      target: "p95 ≤ 100 ms",
      status: "met",
    });
    expect(rows.find((r) => r.figure.startsWith("Top stories API"))).toMatchObject({
      target: "p95 ≤ 100 ms",
      status: "met",
    });
    expect(rows.find((r) => r.figure.startsWith("Ingest"))).toMatchObject({
      target: "≥ 1,000/s",
      status: "met",
    });
  });

  it("renders every results file, newest first, with the shared-CPU warning and escaped cells", () => {
    const older = fixture({
      startedAt: "2026-11-28T10:00:00.000Z",
      sharedCpu: false,
      quick: false,
      size: 100_000,
    });
    const markdown = renderBenchmarks([older, fixture(), fixture({ db: "postgres" })]);
    const headings = markdown.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual([
      "## 2026-11-29, PostgreSQL, 10,000 articles (quick)",
      "## 2026-11-29, SQLite, 10,000 articles (quick)",
      "## 2026-11-28, SQLite, 100,000 articles",
    ]);
    expect(markdown.match(/Other work shared the CPU during this run/g)).toHaveLength(2);
    expect(markdown).toContain("| Figure | Dispatch | Ceiling, same run | Ratio | Target | Met |");
    expect(markdown).toContain("- Commit: `0123456789ab`");
    expect(markdown).toContain("- Command: `npm run bench -- --quick`");
    expect(markdown).toContain("| browse \\| all | browse | 9,900 | 40.0 | 50.0 | – | – | – |");
    expect(markdown).toContain("**missed**");
    expect(markdown).toMatch(
      /Targets missed: filtered list; search page; Search API p50 \/ p95 ms, common word/,
    );
    // Every table row has as many cells as its header.
    for (const line of markdown
      .split("\n")
      .filter((l) => l.startsWith("| Figure") || l.startsWith("| front page (")))
      expect(line.replaceAll("\\|", "").split("|").length).toBe(8);
  });
});
