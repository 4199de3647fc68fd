import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  formatQuery,
  hasUnsegmented,
  highlightTerms,
  MAX_ATOMS,
  parseQuery,
  toFts5Any,
  toFts5Match,
  withoutUnsegmented,
} from "./query";

const show = (input: string) => formatQuery(parseQuery(input));

describe("parseQuery", () => {
  it.each([
    ["people", "people", '"people"'],
    ["gaza ceasefire", "gaza ceasefire", '"gaza" AND "ceasefire"'],
    ['"interest rates"', '"interest rates"', '"interest rates"'],
    ["earthquake OR flood", "earthquake OR flood", '("earthquake" OR "flood")'],
    ["a b OR c d", "a b OR c d", '"a" AND ("b" OR "c") AND "d"'],
    ["election -inflation", "election -inflation", '("election") NOT ("inflation")'],
    ["election NOT inflation", "election -inflation", '("election") NOT ("inflation")'],
    ['war -"civil war"', 'war -"civil war"', '("war") NOT ("civil war")'],
    ["infla*", "infla*", '"infla" *'],
    ["covid-19", "covid-19", '"covid-19"'],
    ["a AND b", "a b", '"a" AND "b"'],
  ])("%j", (input, formatted, match) => {
    const query = parseQuery(input);
    expect(formatQuery(query)).toBe(formatted);
    expect(toFts5Match(query)).toBe(match);
  });

  it("closes an unbalanced quote at the end of the input", () => {
    expect(show('"interest rates')).toBe('"interest rates"');
    expect(show('rates "')).toBe("rates");
  });

  it("treats FTS5 syntax as text", () => {
    expect(toFts5Match(parseQuery("title:foo"))).toBe('"title:foo"');
    expect(toFts5Match(parseQuery("NEAR(a b)"))).toBe('"NEAR(a" AND "b"');
    expect(toFts5Match(parseQuery("{title summary}: x ^y"))).toBe('"title" AND "summary" AND "x" AND "y"');
  });

  it("drops operators that join nothing, and atoms without letters or digits", () => {
    expect(show("OR")).toBe("");
    expect(show("a OR")).toBe("a");
    expect(show("x OR -y")).toBe("x -y");
    expect(show("x NOT")).toBe("x");
    expect(show("- -- ---")).toBe("");
    expect(show("!!! ... 😀 🇫🇷")).toBe("");
    expect(toFts5Match(parseQuery(""))).toBeNull();
  });

  it("keeps lower-case operators as words", () => {
    expect(show("war or peace")).toBe("war or peace");
  });

  it("needs three letters for a prefix", () => {
    expect(parseQuery("ab*").groups[0]?.[0]).toEqual({ text: "ab", phrase: false, prefix: false });
    expect(parseQuery("abc*").groups[0]?.[0]).toEqual({ text: "abc", phrase: false, prefix: true });
  });

  it("caps the number of atoms and their length", () => {
    const query = parseQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(" "));
    expect(query.groups.length + query.exclude.length).toBe(MAX_ATOMS);
    expect(parseQuery("x".repeat(10_000)).groups[0]?.[0]?.text.length).toBe(200);
  });

  it("removes duplicates", () => {
    expect(show("rates Rates rates OR RATES")).toBe("rates");
  });

  it("knows which atoms need the substring index", () => {
    expect(hasUnsegmented(parseQuery("中国 economy"))).toBe(true);
    expect(hasUnsegmented(parseQuery("Москва القاهرة"))).toBe(false);
    expect(withoutUnsegmented(parseQuery("中国 economy"))).toBeNull();
    expect(formatQuery(withoutUnsegmented(parseQuery("中国 OR economy -日本"))!)).toBe("economy");
  });

  it("lists the words to highlight", () => {
    expect(highlightTerms(parseQuery('rates "interest rates" -x'))).toEqual(["interest rates", "rates"]);
  });
});

describe("FTS5 translation", () => {
  const db = new Database(":memory:");
  db.exec(
    `CREATE VIRTUAL TABLE t USING fts5(title, summary, bodyText, tokenize = 'porter unicode61 remove_diacritics 2')`,
  );
  db.exec(
    `CREATE VIRTUAL TABLE g USING fts5(title, summary, bodyText, tokenize = 'trigram remove_diacritics 1')`,
  );
  const insert = db.prepare("INSERT INTO t (title, summary, bodyText) VALUES (?, ?, ?)");
  insert.run("Interest rates rise", "The central bank raised rates", "Café owners worry about inflation");
  insert.run("Earthquake hits coast", "People flee", 'Москва and القاهرة and 中国经济增长 "quoted" NEAR OR');
  const match = db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH ?");
  afterAll(() => db.close());

  const count = (input: string) => {
    const expression = toFts5Match(parseQuery(input));
    return expression === null ? null : (match.get(expression) as { n: number }).n;
  };

  it("finds what the language promises", () => {
    expect(count("rates")).toBe(1);
    expect(count("rate")).toBe(1);
    expect(count("cafe")).toBe(1);
    expect(count('"interest rates"')).toBe(1);
    expect(count('"rates interest"')).toBe(0);
    expect(count("earthquake OR inflation")).toBe(2);
    expect(count("rates -inflation")).toBe(0);
    expect(count("infla*")).toBe(1);
    expect(count("москва")).toBe(1);
    expect(count("القاهرة")).toBe(1);
    expect(count("NEAR")).toBe(1);
  });

  const accepted = (input: string) => {
    const query = parseQuery(input);
    for (const expression of [toFts5Match(query), toFts5Any(query.exclude)]) {
      if (expression !== null) match.get(expression);
    }
    return true;
  };

  const syntax = fc.constantFrom(
    '"',
    "'",
    "-",
    "+",
    "*",
    "(",
    ")",
    ":",
    "^",
    "{",
    "}",
    "OR",
    "AND",
    "NOT",
    "NEAR",
    "NEAR(",
    "|",
    "\\",
    " ",
    "\u0000",
    "title:",
    "😀",
    "é",
    "中国",
    ",",
  );
  const word = fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/);
  const queryLike = fc
    .array(fc.oneof(syntax, word, fc.string({ maxLength: 6, unit: "binary" })), { maxLength: 40 })
    .map((parts) => parts.join(""));

  it("turns any string into an expression FTS5 accepts (property)", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: "binary" }), accepted), { numRuns: 1000 });
    fc.assert(fc.property(queryLike, accepted), { numRuns: 3000 });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(syntax, word), { maxLength: 60 }).map((p) => p.join(" ")),
        accepted,
      ),
      { numRuns: 2000 },
    );
  });

  it("accepts 10 kB of text", () => {
    expect(accepted("lorem ipsum ".repeat(900))).toBe(true);
    expect(accepted('"'.repeat(10_000))).toBe(true);
    expect(accepted("-".repeat(10_000))).toBe(true);
  });
});
