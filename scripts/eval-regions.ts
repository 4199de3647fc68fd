// Scores the country tagger on the blind evaluation sets (lib/regions/eval/*.json): precision and recall per
// file, for the development part (first 60%) and the held-out part separately. `--misses` lists the
// development part's misses; held-out misses are never printed (docs/regions.md, "Evaluation").
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { heldOutStart, score, type EvalFile } from "@/lib/regions/eval-score";

const dir = fileURLToPath(new URL("../lib/regions/eval/", import.meta.url));
const showMisses = process.argv.includes("--misses");
const fmt = (n: number) => n.toFixed(3);

for (const name of readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const file = JSON.parse(readFileSync(`${dir}${name}`, "utf8")) as EvalFile;
  const cut = heldOutStart(file.items);
  const all = score(file.items, file.language);
  const dev = score(file.items.slice(0, cut), file.language);
  const held = score(file.items.slice(cut), file.language);
  const line = (label: string, s: typeof all) =>
    `${label} n=${s.texts} P=${fmt(s.precision)} R=${fmt(s.recall)} (fp ${s.fp}, fn ${s.fn})`;
  console.info(`${name.padEnd(17)} ${line("all", all)} | ${line("dev", dev)} | ${line("held-out", held)}`);
  if (showMisses) for (const m of dev.misses) console.info(`    ${m}`);
}
