/**
 * `npm run retag [-- --all] [--json]`: re-tags stored articles with countries and regions after the
 * gazetteer changed. By default only articles tagged by an older tagger version; `--all` re-tags every one.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { createDb } from "@/lib/db";
import { retagArticles } from "@/lib/ingest/retag";

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { all: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
    }));
  } catch (error) {
    console.error(
      `retag: ${error instanceof Error ? error.message : String(error)}\nUsage: npm run retag [-- --all] [--json]`,
    );
    process.exit(2);
  }
  const db = createDb();
  const bar =
    process.stdout.isTTY && !values.json
      ? new cliProgress.SingleBar(
          { format: "retag {bar} {value}/{total}" },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const started = Date.now();
  try {
    const tagged = await retagArticles(db, {
      all: values.all,
      onStart: (total) => bar?.start(total, 0),
      onBatch: (done) => bar?.update(done),
    });
    bar?.stop();
    const seconds = (Date.now() - started) / 1000;
    if (values.json) console.log(JSON.stringify({ tagged, seconds }));
    else console.log(`Re-tagged ${tagged} articles in ${seconds.toFixed(1)} s.`);
  } catch (error) {
    bar?.stop();
    console.error(
      `retag: cannot use the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

void main();
