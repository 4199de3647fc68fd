import { tagCountries } from "./lib/regions";
import { seededRandom, syntheticArticle } from "./lib/regions/synthetic-news";
const rand = seededRandom(20240607);
const corpus = Array.from({ length: 500 }, () => syntheticArticle(rand, 500));
for (const a of corpus) tagCountries(a);
let best = Infinity;
for (let k = 0; k < 5; k++) {
  const t = process.hrtime.bigint();
  for (const a of corpus) tagCountries(a);
  best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e3 / 500);
}
console.log(process.env.LABEL, best.toFixed(1), "us/article (best of 5)");
