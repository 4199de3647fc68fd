// Throughput of the country tagger on one core: `npx tsx scripts/bench-tagger.ts [articles]`.
// Articles are synthesized deterministically (lib/regions/synthetic-news.ts), ~500 words each.
import { tagCountries } from "./lib/regions";
import { seededRandom, syntheticArticle } from "./lib/regions/synthetic-news";

const TARGET_PER_SECOND = 5_000;
const ROUNDS = 5;

type Article = { title: string; body: string };

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function tagAll(corpus: readonly Article[], count: number): number {
  let tags = 0;
  for (let i = 0; i < count; i++) {
    const article = corpus[i % corpus.length];
    if (article) tags += tagCountries(article).length;
  }
  return tags;
}

function main(): void {
  const total = Number(process.argv[2] ?? 50_000);
  if (!Number.isInteger(total) || total < ROUNDS) throw new Error(`bad article count: ${process.argv[2]}`);
  const rand = seededRandom(20240607);
  const corpus = Array.from({ length: 2_000 }, () => syntheticArticle(rand, 500));
  const words =
    corpus.reduce((n, a) => n + a.title.split(/\s+/).length + a.body.split(/\s+/).length, 0) / corpus.length;

  // Warm-up so the JIT has compiled the hot paths before measuring.
  const tags = tagAll(corpus, corpus.length);

  // Throughput: untimed inner loop, median of several rounds (the machine may be shared).
  const perRound = Math.floor(total / ROUNDS);
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    tagAll(corpus, perRound);
    rates.push(perRound / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const perSecond = Math.round(rates[Math.floor(ROUNDS / 2)] ?? 0);

  // Latency: each article timed on its own.
  const times = new Float64Array(Math.min(total, 20_000));
  for (let i = 0; i < times.length; i++) {
    const article = corpus[i % corpus.length];
    if (!article) continue;
    const t0 = process.hrtime.bigint();
    tagCountries(article);
    times[i] = Number(process.hrtime.bigint() - t0) / 1_000;
  }
  times.sort();

  console.log(
    `articles:         ${perRound * ROUNDS} in ${ROUNDS} rounds (avg ${Math.round(words)} words, ${corpus.length} distinct)`,
  );
  console.log(
    `throughput:       ${perSecond.toLocaleString("en-US")} articles/s on one core (median round; min ${Math.round(rates[0] ?? 0).toLocaleString("en-US")}, max ${Math.round(rates[ROUNDS - 1] ?? 0).toLocaleString("en-US")})`,
  );
  console.log(
    `per article:      p50 ${percentile(times, 0.5).toFixed(1)} µs, p95 ${percentile(times, 0.95).toFixed(1)} µs, p99 ${percentile(times, 0.99).toFixed(1)} µs`,
  );
  console.log(`tags per article: ${(tags / corpus.length).toFixed(1)}`);
  console.log(
    perSecond >= TARGET_PER_SECOND
      ? `OK (target ${TARGET_PER_SECOND}/s)`
      : `BELOW TARGET (${TARGET_PER_SECOND}/s)`,
  );
  if (perSecond < TARGET_PER_SECOND) process.exitCode = 1;
}

main();
