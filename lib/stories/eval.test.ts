import { describe, expect, it } from "vitest";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { EVAL_ARTICLES, devEvents, ingestEvalSet, scoreGrouping } from "./evaluate";
import evalSet from "./eval-set.json";
import { restoryArticles } from "./restory";

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.85;

describe("story evaluation set (lib/stories/eval-set.json)", () => {
  it("is large enough: 150+ articles, 30+ multi-source events, singletons, 15+ hard negatives, copies", () => {
    expect(EVAL_ARTICLES.length).toBeGreaterThanOrEqual(150);
    const perEvent = new Map<string, Set<string>>();
    for (const a of EVAL_ARTICLES) perEvent.set(a.event, (perEvent.get(a.event) ?? new Set()).add(a.source));
    expect([...perEvent.values()].filter((s) => s.size >= 2).length).toBeGreaterThanOrEqual(30);
    expect([...perEvent.values()].filter((s) => s.size === 1).length).toBeGreaterThan(0);
    expect(evalSet.hardNegatives.length).toBeGreaterThanOrEqual(15);
    expect(EVAL_ARTICLES.filter((a) => a.syndicatedOf).length).toBeGreaterThanOrEqual(3);
    expect(devEvents().size).toBe(Math.floor(evalSet.events.length * 0.6));
  });
});

await describeEachProvider("story grouping through the ingest path", ({ provider }) => {
  const database = useTestDatabase(provider);

  it(`reaches pairwise precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL}, and finds the copies`, async () => {
    const ids = await ingestEvalSet(database.db);
    const report = await scoreGrouping(database.db, ids);
    const line = (name: string, s: typeof report.all) =>
      `${name}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
    // Only scores are printed: the held-out part's errors are never looked at (lib/stories/evaluate.ts).
    console.info(
      `stories eval [${provider}]\n${line("dev", report.dev)}\n${line("held-out", report.heldOut)}\n${line("all", report.all)}`,
    );
    for (const part of [report.all, report.heldOut]) {
      expect(part.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(part.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    }
    expect(report.copies.found).toBe(report.copies.total);
  }, 120_000);
});

await describeEachProvider("restory", ({ provider }) => {
  const database = useTestDatabase(provider);

  it("regroups stored articles from scratch to the same quality as ingest", async () => {
    const ids = await ingestEvalSet(database.db);
    const before = await scoreGrouping(database.db, ids);
    const grouped = await restoryArticles(database.db);
    expect(grouped).toBe(EVAL_ARTICLES.length);
    const after = await scoreGrouping(database.db, ids);
    expect(after.all.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(after.all.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(after.copies.found).toBe(after.copies.total);
    expect(after.all.tp).toBeGreaterThanOrEqual(before.all.tp - 5);
  }, 120_000);
});
