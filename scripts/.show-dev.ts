import { readFileSync } from "node:fs";
import { tagCountries } from "@/lib/regions";
import { heldOutStart } from "@/lib/regions/eval-score";
const [file, ...ids] = process.argv.slice(2);
const d = JSON.parse(readFileSync(`lib/regions/eval/${file}.json`, "utf8"));
const dev = d.items.slice(0, heldOutStart(d.items));
for (const it of dev) {
  if (!ids.includes(it.id)) continue;
  const tags = tagCountries({ title: it.title, body: it.body, language: d.language, date: new Date(it.date), evidence: true });
  console.log(`## ${it.id} expected ${it.expected} got ${JSON.stringify(tags.map((t) => [t.code, t.evidence?.map((e) => e.phrase + "x" + e.count + ":" + e.zones.join("+"))]))}\n${it.title}\n${it.body}\n`);
}
