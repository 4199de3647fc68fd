// Compares language detectors on short news text: `npx tsx scripts/compare-language-detectors.ts`.
// Texts: the evaluation sets (lib/regions/eval/*.json: German, French, Spanish, Portuguese, Italian, Dutch and
// English wire copy, plus lib/regions/eval-set.json in English), each read three ways: the title alone, the
// title and the first 150 characters of the body, and title and body (up to 600 characters, what
// lib/language reads). Prints accuracy and time per text; docs/language.md records the results.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { eld } from "eld/medium";
import { franc } from "franc-min";
import { detect as tinyld } from "tinyld";

interface Text {
  language: string;
  text: string;
}

const dir = fileURLToPath(new URL("../lib/regions/", import.meta.url));
const sets: { language: string; items: { title: string; body: string }[] }[] = [
  ...readdirSync(`${dir}eval`)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(`${dir}eval/${f}`, "utf8")) as never),
  { language: "en", ...(JSON.parse(readFileSync(`${dir}eval-set.json`, "utf8")) as object) } as never,
];

// franc answers ISO 639-3.
const ISO3: Readonly<Record<string, string>> = {
  eng: "en",
  deu: "de",
  fra: "fr",
  spa: "es",
  por: "pt",
  ita: "it",
  nld: "nl",
};

const detectors: Record<string, (text: string) => string> = {
  "eld (medium)": (t) => eld.detect(t).language,
  tinyld: (t) => tinyld(t),
  "franc-min": (t) => ISO3[franc(t)] ?? franc(t),
};

const shapes: Record<string, (i: { title: string; body: string }) => string> = {
  title: (i) => i.title,
  "title + 150 chars": (i) => `${i.title}\n${i.body.slice(0, 150)}`,
  "title + body (600)": (i) => `${i.title}\n${i.body.slice(0, 600)}`,
};

for (const [shapeName, shape] of Object.entries(shapes)) {
  const texts: Text[] = sets.flatMap((s) => s.items.map((i) => ({ language: s.language, text: shape(i) })));
  console.info(`\n${shapeName}: ${texts.length} texts`);
  for (const [name, detect] of Object.entries(detectors)) {
    for (const t of texts.slice(0, 50)) detect(t.text); // warm-up
    let right = 0;
    const start = process.hrtime.bigint();
    for (const t of texts) if (detect(t.text) === t.language) right++;
    const micros = Number(process.hrtime.bigint() - start) / 1000 / texts.length;
    console.info(
      `  ${name.padEnd(14)} accuracy ${((100 * right) / texts.length).toFixed(1)}%  ${micros.toFixed(0)} µs/text`,
    );
  }
}
