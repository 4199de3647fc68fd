import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isBoilerplate, parsePlainText } from "./plain-text";

const seedPath = fileURLToPath(
  new URL("../../../shared/fixtures/seed/000_5903914231b3fbaf.txt", import.meta.url),
);
const haveShared = existsSync(seedPath);
if (!haveShared && process.env.CI === "true")
  throw new Error(`CI needs ../shared beside the repo: ${seedPath} is missing`);
const fetchedAt = new Date("2026-01-02T03:04:05Z");

describe("parsePlainText", () => {
  it("takes the first non-empty line as title and blank-line separated paragraphs as body", () => {
    const doc = parsePlainText(
      "\n\n  Hello   world \n\nFirst para\ncontinues.\n\n\nSecond <b>para</b> & more.\n",
      { fetchedAt },
    );
    const item = doc.items[0]!;
    expect(item.title).toBe("Hello world");
    expect(item.bodyText).toBe("First para continues.\n\nSecond <b>para</b> & more.");
    expect(item.bodyHtml).toBe(
      "<p>First para continues.</p>\n<p>Second &lt;b&gt;para&lt;/b&gt; &amp; more.</p>",
    );
  });

  it("marks the import time as an estimated date unless a date is given", () => {
    expect(parsePlainText("T\n\nBody", { fetchedAt }).items[0]).toMatchObject({
      publishedAt: fetchedAt,
      dateEstimated: true,
    });
    const given = new Date("2023-10-27T00:00:00Z");
    expect(parsePlainText("T\n\nBody", { fetchedAt, publishedAt: given }).items[0]).toMatchObject({
      publishedAt: given,
      dateEstimated: false,
    });
  });

  it("reports an empty document instead of inventing an article", () => {
    expect(parsePlainText(" \n\n", { fetchedAt }).items).toHaveLength(0);
  });

  it("recognises aggregator boilerplate but not ordinary sentences about sources", () => {
    expect(isBoilerplate("Source link")).toBe(true);
    expect(isBoilerplate("Click to enter the source.")).toBe(true);
    expect(isBoilerplate("This news has been collected from reliable news agencies in the country.")).toBe(
      true,
    );
    expect(isBoilerplate("A source linked to the ministry said talks would resume.")).toBe(false);
  });
});

describe.skipIf(!haveShared)("the seed article", () => {
  it("has its title once, ten paragraphs in order and no boilerplate", () => {
    const doc = parsePlainText(readFileSync(seedPath, "utf8"), { fetchedAt });
    const item = doc.items[0]!;
    expect(item.title).toBe("Iran, Russia urge using capacities to end Israeli carnage in Gaza");
    const paragraphs = item.bodyText.split("\n\n");
    expect(paragraphs).toHaveLength(10);
    expect(paragraphs[0]).toMatch(/^Iran and Russia must fully utilize/);
    expect(paragraphs[9]).toBe(
      "He held talks with Mousa Abu Marzouk, a member of the Hamas political bureau, in Moscow.",
    );
    expect(item.bodyText).not.toMatch(/collected from reliable|Source link|Click to enter/i);
    expect(item.bodyText).not.toContain(item.title);
  });
});
