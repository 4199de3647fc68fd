import { describe, expect, it } from "vitest";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import {
  EVAL_ARTICLES,
  PLACE_ARTICLES,
  devEvents,
  ingestEvalSet,
  scoreGrouping,
  type PairScores,
} from "./evaluate";
import evalSet from "./eval-set.json";
import placesSet from "./eval-places.json";
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

  it("has a same-place set: 12+ hard negatives that share a place, 6+ same-place events from two outlets", () => {
    const perEvent = new Map<string, Set<string>>();
    for (const a of PLACE_ARTICLES) perEvent.set(a.event, (perEvent.get(a.event) ?? new Set()).add(a.source));
    expect([...perEvent.values()].filter((s) => s.size >= 2).length).toBeGreaterThanOrEqual(6);
    expect(placesSet.hardNegatives.length).toBeGreaterThanOrEqual(12);
    for (const [a, b] of placesSet.hardNegatives) expect(perEvent.has(a!) && perEvent.has(b!)).toBe(true);
    // Its events are its own: scored apart from the main set's.
    const main = new Set(EVAL_ARTICLES.map((a) => a.event));
    expect([...perEvent.keys()].some((e) => main.has(e))).toBe(false);
  });
});

const line = (name: string, s: PairScores) =>
  `${name}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

await describeEachProvider("story grouping through the ingest path", ({ provider }) => {
  const database = useTestDatabase(provider);

  it(`reaches pairwise precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL}, and finds the copies`, async () => {
    // Both sets in one archive: the main set and the same-place set.
    const ids = await ingestEvalSet(database.db, [...EVAL_ARTICLES, ...PLACE_ARTICLES]);
    const report = await scoreGrouping(database.db, ids);
    const places = await scoreGrouping(database.db, ids, PLACE_ARTICLES, new Set());
    const all = await scoreGrouping(database.db, ids, [...EVAL_ARTICLES, ...PLACE_ARTICLES]);
    // Only scores are printed: the held-out part's errors are never looked at (lib/stories/evaluate.ts).
    console.info(
      `stories eval [${provider}]\n${line("dev", report.dev)}\n${line("held-out", report.heldOut)}\n${line("main", report.all)}\n${line("same-place", places.all)}\n${line("all", all.all)}`,
    );
    for (const part of [report.all, report.heldOut, places.all, all.all]) {
      expect(part.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(part.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    }
    expect(report.copies.found).toBe(report.copies.total);
  }, 120_000);
});

await describeEachProvider("story grouping in a small archive", ({ provider }) => {
  const database = useTestDatabase(provider);

  it("keeps same-place events apart (the same-place set alone)", async () => {
    const ids = await ingestEvalSet(database.db, PLACE_ARTICLES);
    const report = await scoreGrouping(database.db, ids, PLACE_ARTICLES, new Set());
    console.info(`stories eval, same-place set alone [${provider}]\n${line("same-place", report.all)}`);
    expect(report.all.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(report.all.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  }, 60_000);
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
