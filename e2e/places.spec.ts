import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { npmRun } from "./helpers";

// A word no other article contains, so the assertions only see this test's articles.
const W = `lindqvar${Date.now().toString(36)}`;

interface Item {
  guid: string;
  title: string;
  body: string;
}

/** An RSS feed file; `language` is the channel's <language>, left out when null (as many real feeds do). */
function feedFile(title: string, language: string | null, items: Item[]): string {
  const now = Date.now();
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://${title.toLowerCase().replace(/\W+/g, "-")}.example/</link>
<description>End-to-end test feed</description>${language ? `<language>${language}</language>` : ""}
${items
  .map(
    (
      i,
      n,
    ) => `<item><guid>${W}-${i.guid}</guid><title>${i.title}</title><link>https://places.example/${W}/${i.guid}</link>
<pubDate>${new Date(now - (n + 1) * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>${i.body}</p>]]></description></item>`,
  )
  .join("\n")}
</channel></rss>`;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "dispatch-e2e-places-")), "feed.xml");
  writeFileSync(file, xml);
  return file;
}

// A German feed that declares no language, and a Brazilian feed that declares pt-BR.
const german = feedFile("Nachrichten Test", null, [
  {
    guid: "de1",
    title: `Bundesregierung beschließt neue Sanktionen gegen Russland (${W})`,
    body: `BERLIN (dpa) - Die Bundesregierung hat am Mittwoch weitere Sanktionen gegen Russland beschlossen. Die Maßnahmen richten sich gegen Banken Russlands und Lieferketten über die Türkei, sagte ein Sprecher in Berlin. ${W}`,
  },
  {
    guid: "de2",
    title: `Hochwasser in Bayern: Pegel steigen weiter (${W})`,
    body: `Nach tagelangem Regen steigen in Bayern die Pegel weiter. In mehreren Landkreisen wurde Katastrophenalarm ausgelöst, die Feuerwehr ist im Dauereinsatz. ${W}`,
  },
]);
const portuguese = feedFile("Noticias Teste", "pt-BR", [
  {
    guid: "pt1",
    title: `Governo brasileiro anuncia acordo comercial com os EUA (${W})`,
    body: `BRASÍLIA, 3 mar (Agência Brasil) - O governo brasileiro anunciou nesta terça-feira um acordo comercial com os Estados Unidos. O ministro disse em Brasília que as exportações para os EUA devem crescer. ${W}`,
  },
]);

test.describe("places and languages", () => {
  test.beforeAll(() => {
    npmRun("ingest", [german]);
    npmRun("ingest", [portuguese]);
  });

  test("articles carry their language and countries, in the list, on the page and in the API", async ({
    page,
    request,
  }) => {
    const api = await request.get(`/api/articles?q=${W}&pageSize=10`);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as {
      items: { title: string; language: string | null; countries: { code: string }[] }[];
      facets: { languages: { code: string; count: number }[] };
    };
    expect(body.items).toHaveLength(3);
    const byGuid = (text: string) => body.items.find((i) => i.title.includes(text))!;
    const sanctions = byGuid("Sanktionen");
    expect(sanctions.language).toBe("de");
    expect(sanctions.countries.map((c) => c.code)).toEqual(expect.arrayContaining(["DE", "RU", "TR"]));
    const flood = byGuid("Bayern");
    expect(flood.language).toBe("de");
    expect(flood.countries.map((c) => c.code)).toEqual(["DE"]);
    const trade = byGuid("acordo");
    expect(trade.language).toBe("pt");
    expect(trade.countries.map((c) => c.code).sort()).toEqual(["BR", "US"]);
    expect(body.facets.languages).toEqual(
      expect.arrayContaining([
        { code: "de", name: "German", count: 2 },
        { code: "pt", name: "Portuguese", count: 1 },
      ]),
    );

    await page.goto(`/?q=${W}`);
    const card = page.getByTestId("article-card").filter({ hasText: "Sanktionen" });
    await expect(card.getByTestId("article-language")).toHaveText("DE");
    await card.getByRole("link", { name: /Sanktionen/ }).click();
    await page.waitForURL(/\/articles\//);
    await expect(page.getByTestId("article-page-language")).toHaveText("German");
    const why = page.getByTestId("place-evidence");
    await why.getByText("Why these places?").click();
    await expect(why.getByTestId("place-RU")).toContainText("Russlands");
    await expect(why.getByTestId("place-DE")).toContainText("dateline");
  });

  test("the lang filter and a map link narrow the list", async ({ page }) => {
    await page.goto(`/?q=${W}`);
    await expect(page.getByTestId("article-card")).toHaveCount(3);

    await page.getByTestId("language-facets").getByTestId("lang-pt").click();
    await expect(page).toHaveURL(/lang=pt/);
    await expect(page.getByTestId("article-card")).toHaveCount(1);
    await expect(page.getByTestId("article-card")).toContainText("acordo comercial");

    await page.goto(`/?q=${W}`);
    // Each country is a link named by its title (the tooltip): country and count.
    const germany = page.getByTestId("world-map").getByRole("link", { name: "Germany: 2 articles" });
    await expect(germany.locator("title")).toHaveText("Germany: 2 articles");
    // The map's plain links navigate inside the app (components/ui/app-links.tsx): the document stays.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await germany.click();
    await expect(page).toHaveURL(/country=DE/);
    expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
    await expect(page.getByTestId("article-card")).toHaveCount(2);
    await expect(page.getByTestId("article-card").filter({ hasText: "acordo" })).toHaveCount(0);
  });
});
