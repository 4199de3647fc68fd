/**
 * `npm run restory [-- --json]`: regroups every stored article into stories from scratch (after the
 * grouping changed), oldest first, with a progress bar. Story ids change; old story links stop working.
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { createDb } from "@/lib/db";
import { restoryArticles } from "@/lib/stories/restory";

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { json: { type: "boolean", default: false } } }));
  } catch (error) {
    console.error(
      `restory: ${error instanceof Error ? error.message : String(error)}\nUsage: npm run restory [-- --json]`,
    );
    process.exit(2);
  }
  const db = createDb();
  const bar =
    process.stdout.isTTY && !values.json
      ? new cliProgress.SingleBar(
          { format: "restory {bar} {value}/{total}" },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const started = Date.now();
  try {
    const grouped = await restoryArticles(db, {
      onStart: (total) => bar?.start(total, 0),
      onBatch: (done) => bar?.update(done),
    });
    bar?.stop();
    const stories = await db.story.count({ where: { mergedIntoId: null } });
    const seconds = (Date.now() - started) / 1000;
    if (values.json) console.log(JSON.stringify({ grouped, stories, seconds }));
    else console.log(`Grouped ${grouped} articles into ${stories} stories in ${seconds.toFixed(1)} s.`);
  } catch (error) {
    bar?.stop();
    console.error(
      `restory: cannot use the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

void main();
