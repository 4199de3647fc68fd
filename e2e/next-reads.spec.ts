import { expect, test } from "@playwright/test";
import { npmRun, writeFeed } from "./helpers";

// One outlet's five Quorvane articles on five subjects (one source: never one story), newest first by a
// day each; and a flood in Zeldria and its aftermath (words no other test uses), other news from the same
// outlet and from the same country, for the lists under an article.
const QUORVANE = [
  "Quorvane orchestra opens its winter season",
  "Quorvane council approves new cycle lanes",
  "Quorvane bakery wins national bread prize",
  "Quorvane ferry timetable changes next month",
  "Quorvane museum restores medieval tapestry",
];

test.beforeAll(() => {
  const files = [
    writeFeed(
      "Next Reads E2E Gazette",
      QUORVANE.map((title, i) => ({
        guid: `quorvane-${i}`,
        title,
        body: `${title}, the town's newsletter reported.`,
        daysAgo: 1 + i,
      })),
    ),
    writeFeed("Next Reads E2E Herald", [
      {
        guid: "norway-fleet",
        title: "Norway's fishing fleet returns to port early as storms close in",
        body: "Norway's fishing fleet returned to Bergen early as storms closed in on the coast, the coastguard said.",
        daysAgo: 2,
      },
    ]),
    writeFeed("Next Reads E2E Wire", [
      {
        guid: "zeldria-1",
        title: "Zeldria glacier lake floods Kestrun village in Norway",
        body: "A glacier lake above Kestrun in Norway burst its banks on Monday, flooding the Zeldria valley village, the authorities in Oslo said.",
        daysAgo: 6,
      },
      {
        guid: "zeldria-2",
        title: "Zeldria valley: Kestrun residents begin cleaning up after glacier lake flood",
        body: "Residents of Kestrun in the Zeldria valley of Norway began clearing mud from their homes after the glacier lake flood, officials in Oslo said.",
        daysAgo: 0.5,
      },
      {
        guid: "zeldria-3",
        title: "Tallinn ferry operator adds winter sailings to Helsinki",
        body: "The ferry operator in Tallinn, Estonia, added winter sailings to Helsinki as demand grew.",
        daysAgo: 3,
      },
    ]),
  ];
  npmRun("ingest", [...files, "--json"]);
});

test("Next and Previous follow a search across a page boundary; the canonical URL stays clean", async ({
  page,
}) => {
  await page.goto("/?q=Quorvane&sort=newest&pageSize=2");
  const cards = page.getByTestId("article-card");
  await expect(cards).toHaveCount(2);
  await cards.nth(1).getByRole("link", { name: QUORVANE[1] }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUORVANE[1]!);
  await expect(page).toHaveURL(/\?list=q%3DQuorvane%26sort%3Dnewest%26pageSize%3D2$/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    "href",
    /\/articles\/\d+-quorvane-council[^?]*$/,
  );

  const nav = page.getByRole("navigation", { name: "In the list you came from" });
  await expect(nav.getByTestId("list-previous")).toContainText(QUORVANE[0]!);
  // The last card of page 1: Next is the first of page 2.
  await nav.getByTestId("list-next").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUORVANE[2]!);
  await expect(page).toHaveURL(/page%3D2$/);
  await expect(nav.getByTestId("list-next")).toContainText(QUORVANE[3]!);

  await nav.getByTestId("list-previous").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUORVANE[1]!);
  await nav.getByRole("link", { name: "Back to the list" }).click();
  await expect(page).toHaveURL(/\/\?q=Quorvane&sort=newest&pageSize=2$/);
  await expect(cards).toHaveCount(2);

  // The end of the list has no Next.
  await page.goto("/?q=Quorvane&sort=newest&pageSize=2&page=3");
  await cards.first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUORVANE[4]!);
  await expect(nav.getByTestId("list-previous")).toContainText(QUORVANE[3]!);
  await expect(nav.getByTestId("list-next")).toHaveCount(0);
});

test("a bad or hostile list gives the article without Previous/Next, never an error", async ({ page }) => {
  await page.goto("/?q=Quorvane&sort=newest");
  const href = await page.getByRole("link", { name: QUORVANE[0] }).getAttribute("href");
  const path = href!.split("?")[0]!;
  for (const list of [
    "region%3Datlantis",
    "page%3D-1",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E%3D1%26pageSize%3D0",
    "%",
    "x".repeat(5000),
  ]) {
    const response = await page.goto(`${path}?list=${list}`);
    expect(response?.status(), list.slice(0, 40)).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(QUORVANE[0]!);
    await expect(page.getByTestId("list-neighbours")).toHaveCount(0);
  }
  // An outdated slug redirects to the canonical path and keeps a valid list.
  const id = /^\/articles\/(\d+)-/.exec(path)![1];
  await page.goto(`/articles/${id}-old-title?list=q%3DQuorvane%26sort%3Dnewest`);
  await expect(page).toHaveURL(new RegExp(`${path}\\?list=q%3DQuorvane%26sort%3Dnewest$`));
  await expect(page.getByTestId("list-next")).toContainText(QUORVANE[1]!);
});

test("an article offers related articles, more from its source and more about its country", async ({
  page,
}) => {
  await page.goto("/?q=Zeldria+Kestrun+cleaning");
  await page.getByRole("link", { name: /Kestrun residents begin cleaning up/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kestrun residents begin cleaning up");

  const related = page.getByTestId("related");
  await expect(related.getByRole("heading")).toHaveText("Related");
  await expect(related.getByRole("link", { name: /Zeldria glacier lake floods Kestrun/ })).toBeVisible();

  const source = page.getByTestId("same-source");
  await expect(source.getByRole("heading")).toHaveText("More from Next Reads E2E Wire");
  await expect(source.getByRole("link", { name: /Tallinn ferry operator/ })).toBeVisible();
  await expect(source.getByTestId("next-read").first()).toContainText("Next Reads E2E Wire");
  // The flood itself is already offered under Related: the source's list does not repeat it.
  await expect(source.getByRole("link", { name: /Zeldria glacier lake floods/ })).toHaveCount(0);

  const country = page.getByTestId("same-country");
  await expect(country.getByRole("heading")).toHaveText("More about Norway");
  await expect(country.getByRole("link", { name: /fishing fleet returns to port/ })).toBeVisible();
  await expect(country.getByRole("link", { name: /Zeldria glacier lake floods/ })).toHaveCount(0);

  // Opened from a search, the page offers its neighbours there; at its canonical address, none.
  await expect(page.getByTestId("list-neighbours")).toHaveCount(1);
  await page.goto(page.url().split("?")[0]!);
  await expect(page.getByTestId("related")).toBeVisible();
  await expect(page.getByTestId("list-neighbours")).toHaveCount(0);
});
