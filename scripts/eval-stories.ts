/**
 * Story grouping on the labelled sets: `npm run eval:stories [-- --provider postgresql] [--set main|places|both]
 * [--dev-errors]`. Ingests lib/stories/eval-set.json (`main`), the same-place set
 * lib/stories/eval-places.json (`places`, alone: a small archive) or both into one fresh database through
 * the real ingest path and prints pairwise precision and recall for the development and held-out parts of
 * the main set and for the same-place set. `--dev-errors` lists the development part's errors (never the
 * held-out part's, nor the same-place set's).
 */
import { parseArgs } from "node:util";
import {
  EVAL_ARTICLES,
  ingestEvalSet,
  PLACE_ARTICLES,
  scoreGrouping,
  type PairScores,
} from "@/lib/stories/evaluate";
import { createTestDatabase, type Provider } from "@/lib/testing/databases";

const { values } = parseArgs({
  options: {
    provider: { type: "string", default: "sqlite" },
    set: { type: "string", default: "main" },
    "dev-errors": { type: "boolean", default: false },
    // While tuning, only the development part is looked at; the held-out part is scored once, at the end.
    "dev-only": { type: "boolean", default: false },
  },
});
const provider = values.provider as Provider;
const set = values.set === "places" || values.set === "both" ? values.set : "main";
const main = set === "places" ? [] : EVAL_ARTICLES;
const places = set === "main" ? [] : PLACE_ARTICLES;
const database = await createTestDatabase(provider);
try {
  const started = performance.now();
  const ids = await ingestEvalSet(database.db, [...main, ...places]);
  const line = (name: string, s: PairScores) =>
    `${name.padEnd(9)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  console.log(
    `story grouping on ${ids.size} articles [${provider}], ${Math.round(performance.now() - started)} ms`,
  );
  if (main.length > 0) {
    const report = await scoreGrouping(database.db, ids, main);
    console.log(line("dev", report.dev));
    if (!values["dev-only"]) {
      console.log(line("held-out", report.heldOut));
      console.log(line("main", report.all));
    }
    console.log(`syndicated copies recognised: ${report.copies.found}/${report.copies.total}`);
    if (values["dev-errors"]) console.log(report.devErrors.join("\n"));
  }
  if (places.length > 0 && !values["dev-only"])
    console.log(line("places", (await scoreGrouping(database.db, ids, places, new Set())).all));
  if (main.length > 0 && places.length > 0 && !values["dev-only"])
    console.log(line("all", (await scoreGrouping(database.db, ids, [...main, ...places])).all));
} finally {
  await database.drop();
}
