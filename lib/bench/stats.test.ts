import { describe, expect, it } from "vitest";
import { percentile, sample, summarize } from "./stats";

describe("percentiles", () => {
  it("uses the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarizes unsorted samples", () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ p50: 3, p95: 5, n: 5 });
    expect(summarize([0.123456, 0.2])).toEqual({ p50: 0.12, p95: 0.2, n: 2 });
  });

  it("stops sampling when the time budget is spent, after the minimum", async () => {
    let calls = 0;
    const slow = () => new Promise<void>((resolve) => setTimeout(() => resolve(void calls++), 20));
    const timing = await sample(slow, { warmup: 1, runs: 1000, minRuns: 3, budgetMs: 50 });
    expect(timing.n).toBeGreaterThanOrEqual(3);
    expect(timing.n).toBeLessThan(10);
    expect(calls).toBe(timing.n + 1);
  });
});
