import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { score, type EvalFile } from "./eval-score";

// Later blind batches of trap-heavy texts (de, fr, es and it; the fourth and later also pt and nl, the sixth
// and eighth en), each written by someone who had seen neither the tagger nor the earlier sets, and scored before any rule was read from it (docs/regions.md has every
// figure). The floors are what the tagger reaches (the bar is 0.95 / 0.90): raise them as it
// improves, never lower them to hide a regression.
const TARGET = { precision: 0.95, recall: 0.9 };

const BATCHES: readonly {
  dir: string;
  texts: number;
  reached: Readonly<Record<string, number>>;
  /** Recall floors below the target, where the tagger does not reach it yet. */
  recallReached?: Readonly<Record<string, number>>;
}[] = [
  // eval-2: precision de 0.636, fr 0.871, es 0.771, it 0.813 with tagger v3, 0.824, 0.900, 0.871, 0.839
  // with v4 (blind); v5's rules were written from its misses (breeds, products and landmarks, role idioms,
  // indefinite article, -ez surnames, "New X" subdivisions, quoted coalitions, German block endings), so its
  // 1.000 is not blind.
  { dir: "eval-2", texts: 20, reached: { de: 1, fr: 1, es: 1, it: 1 } },
  // eval-3 (everyday local news full of things named after countries): blind for v4 (de 0.644, fr 0.774,
  // es 0.719, it 0.800) and for v5 (0.659, 0.774, 0.793, 0.800): the rules hardly generalize. v6's evidence
  // rule was designed from the kinds of trap the docs name, then its misses on this batch were read (de
  // 0.853, fr 0.960, es 0.920, it 0.931; recall it 0.964, else 1.000), so these figures are not blind. v7
  // (rules from eval-4, not from this batch) moved de to 0.879 ("90 Franken").
  { dir: "eval-3", texts: 16, reached: { de: 0.9, fr: 0.96, es: 0.92, it: 0.93 } },
  // eval-4 (8 trap texts, 8 ordinary, 4 implicit per language, six languages), written while v6 was being
  // built and scored blind with v5 (de 0.571, es 0.636, fr 0.571, it 0.700, nl 0.541, pt 0.600) and v6 (de
  // 0.741, es 0.724, fr 0.667, it 0.741, nl 0.826, pt 0.656; recall 0.905 to 1.000). v7's rules were written
  // from its misses, so eval-4 is NOT blind for v7: de 0.909, es 0.875, fr 0.870, it 0.769, nl 0.950, pt
  // 0.750 (recall unchanged). A fifth batch measures v7 blind.
  { dir: "eval-4", texts: 20, reached: { de: 0.9, es: 0.87, fr: 0.86, it: 0.76, nl: 0.95, pt: 0.75 } },
  // eval-5 (a feed reader's mix: 6 texts with misleading place words, 10 ordinary, 4 implicit per language),
  // written while v7 was being built, scored blind with v5 (de 0.742, es 0.759, fr 0.875, it 0.733, nl
  // 0.714, pt 0.815), v6 and v7, which score the same (de 0.821, es 0.917, fr 0.875, it 0.880, nl 0.864,
  // pt 0.880; recall nl 0.905, de 0.958, fr 0.955, else 1.000): v7's rules did not carry over to it. v8's
  // rules were written from its misses (de 0.852, fr 0.913, nl 0.952 / 0.952), so it is no longer blind.
  // v13 counts a nationality word beside a player's position (`el delantero francés`, `o médio uruguaio`), as the
  // guideline and the later batches do (`der Schweizer Luca Brunner`, `de Noorse middenvelder`); this batch's
  // labels call those traps (es-b5-5, pt-b5-5), so its es and pt floors follow the guideline, not the labels.
  { dir: "eval-5", texts: 20, reached: { de: 0.85, es: 0.84, fr: 0.91, it: 0.88, nl: 0.95, pt: 0.88 } },
  // eval-6 (5 misleading, 13 ordinary, 6 implicit per language, now with English), written while v8 was
  // finished, scored blind with v7 and v8 (the same but fr 0.865 -> 0.882). English scored 0.662: the
  // evidence rule did not apply to it. v9's English rule was then written from its misses (en 0.825), so
  // eval-6/en is no longer blind; the other six files still are (no miss of theirs was read).
  // v10's rules were then written from the other six files' misses (de 0.907, es 0.933, fr 0.885, it 0.953 /
  // 0.932, nl 0.956, pt 0.926; en 0.839), so eval-6 is no longer blind at all; eval-8 measures v10.
  {
    dir: "eval-6",
    texts: 24,
    reached: { de: 0.95, en: 0.95, es: 0.93, fr: 0.9, it: 0.95, nl: 0.95, pt: 0.92 },
  },
  // eval-7 (English recall check: 30 ordinary briefs whose countries are mostly named by nationality
  // adjectives, 4 with a trap), written blind while v9 was built: v8 0.945 / 0.972; a first v9 that made
  // every nationality adjective weak unless an institution word followed fell to 1.000 / 0.789, so v9 makes
  // only nouns for things weak: 0.986 / 0.972.
  { dir: "eval-7", texts: 30, reached: { en: 0.95 } },
  // eval-8 (same guide as eval-6, seven languages), written blind while v10 was built and scored with v7, v9
  // and v10 before any miss was read: v10 changed only de recall (0.941 -> 0.961). English 0.690: v9's list
  // of things did not carry over (horses, bands and species named after nationalities).
  // v11's rules were then written from its missed countries (recall fr 0.959, it 1.000, nl 0.959, pt 0.917),
  // so eval-8 is no longer blind; eval-9 measures v11.
  {
    dir: "eval-8",
    texts: 24,
    reached: { de: 0.95, en: 0.85, es: 0.82, fr: 0.86, it: 0.94, nl: 0.93, pt: 0.87 },
  },
  // eval-9 (same guide, six languages, regional papers included), written blind while v11 was built and
  // scored with v7, v10 and v11 before any miss was read: v7 de 0.929 / 0.929, es 0.907 / 0.907, fr 0.884 /
  // 0.927, it 0.927 / 0.927, nl 0.875 / 0.913, pt 0.900 / 0.978; v11 de 0.975, it 0.930 / 0.976, nl 0.880 /
  // 0.957, pt 0.902 / 1.000, es and fr unchanged.
  // v12's rules (band and short quoted names, lone GeoNames namesakes) were then written from its misses (es
  // 0.975, fr 0.927, nl 0.898, pt 0.958), so eval-9 is no longer blind.
  { dir: "eval-9", texts: 24, reached: { de: 0.95, es: 0.97, fr: 0.92, it: 0.92, nl: 0.89, pt: 0.95 } },
  // eval-10 (same guide, seven languages), written blind while v12 was built and scored with v11 and the first
  // v12 before any miss was read: the same for both, de 0.982 / 0.949, en 0.815 / 0.978, es 1.000 / 0.922, fr
  // 0.983 / 0.919, it 0.981 / 0.879, nl 1.000 / 0.981, pt 0.945 / 0.945 (the first blind batch above 0.95
  // precision in five languages). v12's recall words (envoys, referees, companies and brands, meddling,
  // citizenship) and the UK and Irish counties were then read from its misses, so it is no longer blind.
  {
    dir: "eval-10",
    texts: 24,
    reached: { de: 0.98, en: 0.86, es: 1, fr: 0.98, it: 0.98, nl: 1, pt: 0.94 },
  },
  // eval-11 (same guide, seven languages), written blind after v12 was finished and scored with v11 and v12
  // before any miss was read (none has been): v11 de 0.921 / 0.892, en 0.845 / 1.000, es 0.923 / 0.941, fr
  // 1.000 / 0.917, it 0.946 / 0.914, nl 1.000 / 0.921, pt 0.891 / 0.907; v12 changed fr recall (0.933), it
  // (0.945 / 0.897: the short-quotation rule lost a country) and pt (0.911 / 0.944). v13's first rules were
  // then read from its misses (de 0.955 / 0.969, en 0.980, es 1.000 / 0.961, fr 0.983, it 0.966 / 0.983, nl
  // 0.984, pt 0.930 / 0.981), so eval-11 is no longer blind.
  { dir: "eval-11", texts: 24, reached: { de: 0.96, en: 0.98, es: 1, fr: 1, it: 0.96, nl: 1, pt: 0.92 } },
  // eval-12 (same guide), written blind while v13 was begun, scored with v12 and v13's first rules before any
  // miss was read: v12 de 0.970 / 0.915, en 0.820 / 1.000, es 0.877 / 0.943, fr 0.963 / 0.912, it 1.000 /
  // 0.944, nl 1.000 / 0.879, pt 0.944 / 0.981; first v13 de 0.971 / 0.930, fr 0.966 / 0.982, it 1.000 /
  // 0.981, nl 1.000 / 0.909, pt 0.927 / 0.981. v13's later rules were read from its misses: not blind.
  { dir: "eval-12", texts: 24, reached: { de: 0.98, en: 0.96, es: 0.91, fr: 0.98, it: 1, nl: 1, pt: 0.94 } },
  // eval-13 (same guide), written blind while v13 was built, scored with v12, the first v13 and v13 before any
  // miss was read (none has been): v12 P 0.923 / R 0.896 overall, v13 0.945 / 0.927 (de 1.000 / 0.966, en
  // 0.855 / 1.000, es 0.925 / 0.961, fr 0.967 / 0.866, it 0.965 / 0.965, nl 0.958 / 0.852, pt 0.940 / 0.904).
  // v13's last rules were then read from its misses, so eval-13 is no longer blind.
  {
    dir: "eval-13",
    texts: 24,
    reached: { de: 1, en: 0.86, es: 0.92, fr: 0.96, it: 0.96, nl: 0.95, pt: 0.97 },
  },
  // eval-14 (same guide), written blind while v13's last rules were read from eval-13, scored with v12, the
  // v13 of the first two parts and v13 before any miss was read (none has been): overall v12 0.910 / 0.903,
  // v13 0.917 / 0.938 (de 0.984 / 0.938, en 0.771 / 1.000, es 0.934 / 0.934, fr 0.906 / 0.941, it 0.959 /
  // 0.904, nl 0.968 / 0.924, pt 0.925 / 0.925). v14's rules were then read from its misses (de 0.985 /
  // 0.985, en 0.900, es 0.966, fr 0.942 / 0.961, it 0.961 / 0.942), so eval-14 is no longer blind.
  {
    dir: "eval-14",
    texts: 24,
    reached: { de: 0.98, en: 0.9, es: 0.96, fr: 0.94, it: 0.96, nl: 0.96, pt: 0.92 },
  },
  // eval-15 (same guide), written blind while v14 was begun and scored with v13 and v14 before any miss was
  // read (none has been): v13 overall 0.933 / 0.976 (de 0.981 / 0.964, en 0.807 / 1.000, es 0.852 / 0.981, fr
  // 1.000 / 0.981, it 0.965 / 0.948, nl 0.964 / 0.964, pt 0.981 / 1.000); v14 the same but en 0.833 / 0.978:
  // five languages at the bar on a blind batch, English and Spanish precision below it.
  {
    dir: "eval-15",
    texts: 24,
    reached: { de: 0.98, en: 0.83, es: 0.85, fr: 1, it: 0.96, nl: 0.96, pt: 0.98 },
  },
];

for (const batch of BATCHES) {
  const dir = fileURLToPath(new URL(`./${batch.dir}/`, import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

  describe(`blind batch lib/regions/${batch.dir}`, () => {
    it("has every language whose traps it tests", () => {
      expect(files.sort()).toEqual(
        Object.keys(batch.reached)
          .sort()
          .map((language) => `${language}.json`),
      );
    });

    for (const name of files) {
      const file = JSON.parse(readFileSync(`${dir}${name}`, "utf8")) as EvalFile;
      const floor = Math.min(TARGET.precision, batch.reached[file.language] ?? TARGET.precision);
      const recallFloor = Math.min(TARGET.recall, batch.recallReached?.[file.language] ?? TARGET.recall);
      it(`${name}: precision >= ${floor}, recall >= ${recallFloor}`, () => {
        expect(file.items.length).toBeGreaterThanOrEqual(batch.texts);
        const all = score(file.items, file.language);
        console.info(`${batch.dir}/${name}: P ${all.precision.toFixed(3)} R ${all.recall.toFixed(3)}`);
        expect(all.precision).toBeGreaterThanOrEqual(floor);
        expect(all.recall).toBeGreaterThanOrEqual(recallFloor);
      });
    }
  });
}
