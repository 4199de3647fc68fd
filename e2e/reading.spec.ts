import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const seedTitle = "Iran, Russia urge using capacities to end Israeli carnage in Gaza";
// The committed copy of the seed article: its paragraphs are what the page must show, in order.
const seedParagraphs = readFileSync("prisma/seed/articles/000_5903914231b3fbaf.txt", "utf8")
  .replace(/\r\n?/g, "\n")
  .split(/\n\s*\n/)
  .map((p) => p.replace(/\s+/g, " ").trim())
  .filter((p) => p && p !== seedTitle && !/^This news has been collected|^Source link/.test(p));

test("the front page lists the seed article with its source and countries", async ({ page }) => {
  await page.goto("/");
  const card = page.getByTestId("article-card").filter({ hasText: seedTitle });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("Hamso News");
  for (const country of ["Iran", "Russia", "Palestine", "Israel"]) {
    await expect(card.getByRole("link", { name: country, exact: true })).toBeVisible();
  }
  await expect(card.locator("time")).toHaveAttribute("datetime", "2023-10-27T00:00:00.000Z");
});

test("the seed article page shows its title once, every paragraph in order, the original link and no boilerplate", async ({
  page,
}) => {
  expect(seedParagraphs).toHaveLength(10);
  await page.goto("/");
  await page.getByRole("link", { name: seedTitle }).click();
  await expect(page).toHaveURL(/\/articles\/\d+-iran-russia-urge-using-capacities/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedTitle);
  await expect(page.getByText(seedTitle, { exact: true })).toHaveCount(1);

  // Retried until the body has streamed in: a one-time read could run before it arrives.
  await expect(page.getByTestId("article-body").locator("p")).toHaveText(seedParagraphs);

  const body = await page.locator("main").innerText();
  expect(body).not.toMatch(/collected from reliable news agencies|Source link|Click to enter the source/i);

  const original = page.getByTestId("original-link");
  await expect(original).toHaveAttribute(
    "href",
    "https://en.hamsonews.com/2023/10/27/iran-russia-urge-using-capacities-to-end-israeli-carnage-in-gaza/",
  );
  await expect(original).toHaveAttribute("rel", "noopener noreferrer");
  await expect(page.getByText(/min read/)).toBeVisible();
  const regions = page.getByRole("list", { name: "Regions" });
  await expect(regions.getByRole("link", { name: "Middle East & North Africa" })).toHaveAttribute(
    "href",
    "/?region=middle-east-north-africa",
  );
  await expect(regions.getByRole("link", { name: "Europe" })).toBeVisible();
  await expect(
    regions.getByRole("link", { name: /Africa$|Asia Pacific/ }).filter({ hasNotText: "North Africa" }),
  ).toHaveCount(0);
});

test("an article address with the wrong slug redirects to the canonical one", async ({ page }) => {
  await page.goto("/");
  const href = await page.getByRole("link", { name: seedTitle }).getAttribute("href");
  const id = /\/articles\/(\d+)-/.exec(href ?? "")?.[1];
  expect(id).toBeTruthy();
  await page.goto(`/articles/${id}-wrong-slug`);
  // The card's link also carries its list (`?list=`); the canonical address is the path.
  await expect(page).toHaveURL(new RegExp(`${href!.split("?")[0]}$`));
});

for (const bad of ["999999999", "abc", "0", "1e5", "99999999999999999999", "%E2%80%AE"]) {
  test(`an unknown or malformed article id (${bad}) answers 404 with the not-found page`, async ({
    page,
  }) => {
    const response = await page.goto(`/articles/${bad}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Article not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Back to the latest news" })).toBeVisible();
  });
}

test("pagination walks to older articles and back, and bad page numbers fall back", async ({ page }) => {
  // Every article on its own (all=1): pages and the count are by article (grouped: e2e/stories.spec.ts).
  await page.goto("/?all=1");
  const countText = await page.getByTestId("result-count").innerText();
  const total = Number(countText.replace(/[^0-9]/g, ""));
  expect(total).toBeGreaterThan(20);
  const firstPage = await page.getByTestId("article-card").locator("h2").allTextContents();
  expect(firstPage).toHaveLength(20);

  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/\?all=1&page=2$/);
  // The address changes when the new page's frame is in; its cards stream in behind their skeleton.
  await expect(page.getByTestId("article-card")).toHaveCount(Math.min(20, total - 20));
  const secondPage = await page.getByTestId("article-card").locator("h2").allTextContents();
  expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);

  await page.getByRole("link", { name: "← Newer" }).click();
  await expect(page.getByTestId("article-card").locator("h2")).toHaveText(firstPage);

  for (const bad of ["-1", "abc", "0", "1.5"]) {
    const response = await page.goto(`/?all=1&page=${bad}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("article-card").locator("h2")).toHaveText(firstPage);
  }
  const past = await page.goto("/?page=99999999999999999999");
  expect(past?.status()).toBe(200);
  await expect(page.getByTestId("empty")).toContainText("Go to the last page");
});

test("an empty filtered list says what was filtered and offers the query without the filters", async ({
  page,
}) => {
  // The seed article names Russia and Iran, not Africa: the query finds it only once the region goes.
  await page.goto("/?q=Venediktov&region=africa&range=12m");
  const empty = page.getByTestId("empty");
  await expect(empty).toContainText("No articles in Africa · past 12 months.");
  await empty.getByRole("link", { name: /^\d+ (story|stories) match(es)? without these filters$/ }).click();
  await expect(page).toHaveURL(/\/\?q=Venediktov$/);
  await expect(page.getByTestId("article-card").filter({ hasText: seedTitle })).toHaveCount(1);
});

test("an unknown page answers 404 with the site's not-found page", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
