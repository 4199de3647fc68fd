import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { registerSqliteFunctions } from "@/lib/sqlite-functions";
import { forgetStemsAhead, indexStems, stemmingOf, stemmingsFor, stemsAhead, stemText, words } from "./stem";

describe("stemText", () => {
  it("stems in the article's language, English for unknown ones, none without a stemmer", () => {
    expect(stemText("Häusern", "de")).toBe("haus");
    expect(stemText("Hauses", "de")).toBe("haus");
    expect(stemText("élections", "fr")).toBe("elect");
    expect(stemText("running", "en")).toBe("run");
    expect(stemText("verkiezingen", "nl")).toBe("verkiez");
    expect(stemmingOf(null)).toBe("en");
    expect(stemmingOf("ja")).toBe("");
    expect(stemText("Москвы", stemmingOf("ru"))).toBe("москв");
    expect(stemText("Häusern", stemmingOf("ja"))).toBe("hausern");
    expect(stemText("経済", "en")).toBe("経済");
    expect(stemmingsFor(["de", null, "en", "ja", "zh"])).toEqual(["de", "en", ""]);
  });
});

describe("stemText on whole texts", () => {
  it("replaces each word by its stem and keeps everything between words", () => {
    expect(stemText("Neue Wohnungen — in alten Häusern!", "de")).toBe("neu wohnung — in alt haus!");
    expect(stemText(null, "de")).toBeNull();
  });

  // FTS5 must find as many words in the stemmed text as in the original, in the same order, or the
  // positions snippet() marks in the original text would be wrong.
  it("keeps unicode61's word positions, for any text", () => {
    const db = new Database(":memory:");
    registerSqliteFunctions(db);
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
    const positions = (text: string) => {
      db.exec("DELETE FROM t");
      db.prepare("INSERT INTO t (rowid, x) VALUES (1, ?)").run(text);
      return (db.prepare("SELECT max(offset) + 1 AS n FROM v").get() as { n: number | null }).n ?? 0;
    };
    const samples = [
      "Die Regierung über Häuser, Straßen & Brücken: 42 Mio. €",
      "L'élection d'aujourd'hui—«incroyable»",
      "e\u0301lections cafe\u0301 İstanbul ǅemal Ærø",
      "Москва, Київ и Αθήνα 😀 中国经济 x²",
    ];
    for (const sample of samples) expect(positions(sample), sample).toBe(words(sample).length);
    const text = fc.string({ unit: "grapheme", maxLength: 40 });
    const latin = fc.string({
      unit: fc.constantFrom(..."aäbcdeéfghiïjklmnoöpqrsßtuüvwxyzÆØ -'’.,0123456789"),
      maxLength: 60,
    });
    for (const sample of [...samples, ...fc.sample(text, 300), ...fc.sample(latin, 300)]) {
      const n = positions(sample);
      for (const stemming of ["de", "fr", "en", "ru", ""])
        expect(positions(stemText(sample, stemming)!), `${stemming}: ${sample}`).toBe(n);
    }
    db.close();
  });
});

describe("stems computed ahead of the write", () => {
  it("are what dispatch_stem answers for those texts until they are forgotten; other texts are stemmed", () => {
    const db = new Database(":memory:");
    registerSqliteFunctions(db);
    const stem = (text: string, language: string) =>
      (db.prepare("SELECT dispatch_stem(?, ?) AS s").get(text, language) as { s: string }).s;
    const ahead = indexStems("de", ["Neue Wohnungen", null, "in alten Häusern"]);
    expect(ahead).toEqual({ stemming: "de", stemmed: ["neu wohnung", null, "in alt haus"] });
    // A stand-in for what a reading thread computed, to see that the writer uses it instead of stemming.
    stemsAhead([
      { texts: ["Neue Wohnungen", null], stems: { stemming: "de", stemmed: ["neu wohnungX", null] } },
    ]);
    expect(stem("Neue Wohnungen", "de")).toBe("neu wohnungX");
    expect(stem("Neue Wohnungen", "en")).toBe("neue wohnungen");
    expect(stem("in alten Häusern", "de")).toBe("in alt haus");
    forgetStemsAhead();
    expect(stem("Neue Wohnungen", "de")).toBe("neu wohnung");
  });

  it("are found by a body's HTML for dispatch_body_stems, which otherwise stems the HTML's text", () => {
    const db = new Database(":memory:");
    registerSqliteFunctions(db);
    const bodyStems = (html: string, language: string) =>
      (db.prepare("SELECT dispatch_body_stems(?, ?) AS s").get(html, language) as { s: string }).s;
    const html = "<p>Neue <b>Wohnungen</b></p><p>in alten Häusern</p>";
    expect(bodyStems(html, "de")).toBe("neu wohnung\n\nin alt haus");
    stemsAhead([
      {
        texts: ["T", "Neue Wohnungen"],
        bodyHtml: html,
        stems: { stemming: "de", stemmed: ["tX", "neu wohnungX"] },
      },
    ]);
    expect(bodyStems(html, "de")).toBe("neu wohnungX");
    // Only by its HTML: the body's text is not kept as a key (nothing looks it up there).
    expect(db.prepare("SELECT dispatch_stem(?, ?) AS s").pluck().get("Neue Wohnungen", "de")).toBe(
      "neu wohnung",
    );
    expect(db.prepare("SELECT dispatch_stem(?, ?) AS s").pluck().get("T", "de")).toBe("tX");
    expect(bodyStems(html, "en")).toBe("neue wohnungen\n\nin alten hausern");
    forgetStemsAhead();
    expect(bodyStems(html, "de")).toBe("neu wohnung\n\nin alt haus");
    // The generated column's function: the text of the HTML (lib/articles/body-text.ts).
    expect(db.prepare("SELECT dispatch_text(?) AS t").pluck().get(html)).toBe(
      "Neue Wohnungen\n\nin alten Häusern",
    );
  });
});
