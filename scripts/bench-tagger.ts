// Throughput of the country tagger on one core: `npx tsx scripts/bench-tagger.ts [articles]`.
// Articles are synthesized deterministically (lib/regions/synthetic-news.ts), ~500 words each. A second
// figure tags as ingest does (with evidence, in the article's language and at its date) the synthetic
// articles and the multilingual blind evaluation texts (lib/regions/eval-4 and eval-5, six languages).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { tagCountries } from "@/lib/regions";
import { seededRandom, syntheticArticle } from "@/lib/regions/synthetic-news";

const TARGET_PER_SECOND = 5_000;
const ROUNDS = 5;

type Article = Parameters<typeof tagCountries>[0];

/** The blind multilingual evaluation texts, as ingest would tag them. */
function evaluationTexts(): Article[] {
  const out: Article[] = [];
  for (const dir of ["eval-4", "eval-5"]) {
    const folder = path.join(process.cwd(), "lib/regions", dir);
    for (const name of readdirSync(folder)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const file = JSON.parse(readFileSync(path.join(folder, name), "utf8")) as {
        language: string;
        items: { title: string; body: string; date?: string }[];
      };
      for (const item of file.items)
        out.push({
          title: item.title,
          body: item.body,
          language: file.language,
          date: item.date ? new Date(item.date) : null,
          evidence: true,
        });
    }
  }
  return out;
}

/**
 * Articles per second on one core over ROUNDS rounds of `count` articles each (untimed inner loop; the
 * median, since the machine may be shared), with the slowest and fastest round.
 */
function rate(corpus: readonly Article[], count: number): { median: number; min: number; max: number } {
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    tagAll(corpus, count);
    rates.push(count / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const at = (i: number) => Math.round(rates[i] ?? 0);
  return { median: at(Math.floor(ROUNDS / 2)), min: at(0), max: at(ROUNDS - 1) };
}

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

  const perRound = Math.floor(total / ROUNDS);
  const plain = rate(corpus, perRound);
  const perSecond = plain.median;

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
    `throughput:       ${perSecond.toLocaleString("en-US")} articles/s on one core (median round; min ${plain.min.toLocaleString("en-US")}, max ${plain.max.toLocaleString("en-US")})`,
  );
  console.log(
    `per article:      p50 ${percentile(times, 0.5).toFixed(1)} µs, p95 ${percentile(times, 0.95).toFixed(1)} µs, p99 ${percentile(times, 0.99).toFixed(1)} µs`,
  );
  console.log(`tags per article: ${(tags / corpus.length).toFixed(1)}`);

  // As ingest calls it: with evidence, language and date (lib/ingest/store.ts).
  const asIngest = corpus.map((a) => ({
    ...a,
    language: "en",
    date: new Date(Date.UTC(2024, 5, 7)),
    evidence: true,
  }));
  const multilingual = evaluationTexts();
  tagAll(asIngest, asIngest.length);
  tagAll(multilingual, multilingual.length * 5);
  const ingestRates = [
    ["synthetic English", rate(asIngest, perRound).median],
    [`${multilingual.length} blind evaluation texts in 6 languages`, rate(multilingual, perRound).median],
  ] as const;
  for (const [what, perSec] of ingestRates)
    console.log(
      `as at ingest:     ${perSec.toLocaleString("en-US")} articles/s on one core (${what}; with evidence, language, date)`,
    );
  const worst = Math.min(perSecond, ...ingestRates.map(([, r]) => r));
  console.log(
    worst >= TARGET_PER_SECOND
      ? `OK: every figure ≥ ${TARGET_PER_SECOND}/s`
      : `BELOW TARGET: ${worst.toLocaleString("en-US")}/s < ${TARGET_PER_SECOND}/s`,
  );
  if (worst < TARGET_PER_SECOND) process.exitCode = 1;
}

main();
