// Percentiles and summaries of timing samples. Pure.

/** Nearest-rank percentile (p in 0-100) of samples sorted ascending; NaN for no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export interface Timing {
  p50: number;
  p95: number;
  n: number;
}

/** p50 and p95 of unsorted samples, rounded to 0.01 ms. */
export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), n: sorted.length };
}

/**
 * Times `fn` after `warmup` calls: `runs` samples, or fewer once `budgetMs` is spent (at least `minRuns`),
 * so a slow query cannot stretch the run for an hour.
 */
export async function sample(
  fn: () => unknown,
  opts: { warmup: number; runs: number; minRuns: number; budgetMs: number },
): Promise<Timing> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < opts.runs) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
    if (samples.length >= opts.minRuns && performance.now() - started > opts.budgetMs) break;
  }
  return summarize(samples);
}
