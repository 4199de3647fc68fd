import { describe, expect, it } from "vitest";
import { articlePath, isCanonicalParam, parseArticleParam, slugify } from "./slug";

describe("slugify", () => {
  it("folds accents, drops punctuation and joins words", () => {
    expect(slugify("Iran, Russia urge using capacities to end Israeli carnage in Gaza")).toBe(
      "iran-russia-urge-using-capacities-to-end-israeli-carnage-in-gaza",
    );
    expect(slugify("Café déjà vu: São Paulo’s “big” day!")).toBe("cafe-deja-vu-sao-paulos-big-day");
  });
  it("cuts long titles at a word boundary", () => {
    const slug = slugify("word ".repeat(60));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
  it("gives an id-only path when nothing is left of the title", () => {
    expect(articlePath(7, "中文标题")).toBe("/articles/7");
    expect(articlePath(7, "Hello world")).toBe("/articles/7-hello-world");
  });
});

describe("parseArticleParam", () => {
  it("accepts an id with or without a slug", () => {
    expect(parseArticleParam("42")).toBe(42);
    expect(parseArticleParam("42-some-title")).toBe(42);
  });
  it.each(["", "0", "-1", "abc", "42abc", "01", "99999999999", "2147483648", "1e3", "42/x", " 42"])(
    "rejects %j",
    (value) => expect(parseArticleParam(value)).toBeNull(),
  );
});

describe("isCanonicalParam", () => {
  it("accepts the canonical segment, encoded or not, and refuses malformed escapes without throwing", () => {
    expect(isCanonicalParam("12-cafe", "/articles/12-cafe")).toBe(true);
    expect(isCanonicalParam("12-caf%65", "/articles/12-cafe")).toBe(true);
    expect(isCanonicalParam("12-%", "/articles/12-cafe")).toBe(false);
    expect(isCanonicalParam("12-%zz", "/articles/12-cafe")).toBe(false);
  });
});
