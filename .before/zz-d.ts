import { findDateline } from "./lib/regions/document";
import { seededRandom, syntheticArticle } from "./lib/regions/synthetic-news";
const rand = seededRandom(20240607);
const corpus = Array.from({ length: 500 }, () => syntheticArticle(rand, 500));
const lines = corpus.flatMap((a) => a.body.split("\n\n").slice(0, 2));
let t = process.hrtime.bigint();
for (let r = 0; r < 20; r++) for (const l of lines) findDateline(l);
console.log("old", Number(process.hrtime.bigint() - t) / 1e3 / (20 * lines.length), "us/line");
