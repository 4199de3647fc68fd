/**
 * Story grouping on the labelled set: `npm run eval:stories [-- --provider postgresql] [--dev-errors]`.
 * Ingests lib/stories/eval-set.json into a fresh database through the real ingest path and prints pairwise
 * precision and recall for the development and held-out parts. `--dev-errors` lists the development
 * part's errors (never the held-out part's).
 */
import { parseArgs } from "node:util";
import { ingestEvalSet, scoreGrouping, type PairScores } from "@/lib/stories/evaluate";
import { createTestDatabase, type Provider } from "@/lib/testing/databases";

const { values } = parseArgs({
  options: {
    provider: { type: "string", default: "sqlite" },
    "dev-errors": { type: "boolean", default: false },
    // While tuning, only the development part is looked at; the held-out part is scored once, at the end.
    "dev-only": { type: "boolean", default: false },
  },
});
const provider = values.provider as Provider;
const database = await createTestDatabase(provider);
try {
  const started = performance.now();
  const ids = await ingestEvalSet(database.db);
  const report = await scoreGrouping(database.db, ids);
  const line = (name: string, s: PairScores) =>
    `${name.padEnd(9)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  console.log(
    `story grouping on ${ids.size} articles [${provider}], ${Math.round(performance.now() - started)} ms`,
  );
  console.log(line("dev", report.dev));
  if (!values["dev-only"]) {
    console.log(line("held-out", report.heldOut));
    console.log(line("all", report.all));
  }
  console.log(`syndicated copies recognised: ${report.copies.found}/${report.copies.total}`);
  if (values["dev-errors"]) console.log(report.devErrors.join("\n"));
} finally {
  await database.drop();
}
