import { expect, test } from "@playwright/test";
import { npmRun, writeFeed } from "./helpers";

// Four outlets report one event (words no other test uses); a fifth reports something else the same day, in
// words no other spec's articles share: the specs share one database, and in an archive this small a few
// common words ("reopens after repairs") were enough to chain a library's reopening to another spec's
// storm-damaged ferry terminal (docs/stories.md, Limits).
const EVENT = "Velmora";
const reports = [
  {
    source: "Stories E2E Wire",
    title: `Velmora dam breach forces evacuation of Ostrakan valley`,
    body: `Engineers reported a breach in the Velmora dam on Tuesday, and authorities ordered the evacuation of 12,000 residents of the Ostrakan valley downstream.`,
    daysAgo: 0.2,
  },
  {
    source: "Stories E2E Herald",
    title: `Thousands flee Ostrakan valley after Velmora dam breach`,
    body: `Thousands of residents left the Ostrakan valley after engineers found a breach in the Velmora dam, officials said, as water levels rose downstream.`,
    daysAgo: 0.18,
  },
  {
    source: "Stories E2E Courier",
    title: `Velmora dam: engineers race to shore up breach`,
    body: `Engineers worked through the night to shore up the breach in the Velmora dam as the evacuation of the Ostrakan valley continued.`,
    daysAgo: 0.15,
  },
  {
    source: "Stories E2E Gazette",
    title: `Ostrakan valley evacuation widens as Velmora dam breach grows`,
    body: `The evacuation of the Ostrakan valley widened on Tuesday as the breach in the Velmora dam grew, engineers and officials said.`,
    daysAgo: 0.1,
  },
];

test.beforeAll(() => {
  const files = reports.map((r, i) =>
    writeFeed(r.source, [{ guid: `story-e2e-${i}`, title: r.title, body: r.body, daysAgo: r.daysAgo }]),
  );
  files.push(
    writeFeed("Stories E2E Local", [
      {
        guid: "story-e2e-single",
        title: "Brenholt beekeepers count a record heather honey harvest",
        body: "Beekeepers in Brenholt counted a record heather honey harvest this autumn, the local apiarists' guild said.",
        daysAgo: 0.05,
      },
    ]),
  );
  npmRun("ingest", [...files, "--json"]);
});

test("a search shows the story once with +N more sources; the story page lists every source; the toggle shows all", async ({
  page,
}) => {
  await page.goto(`/?q=${EVENT}`);
  const cards = page.getByTestId("article-card");
  await expect(cards).toHaveCount(1);
  // The count says what the list shows: one story (of four articles).
  await expect(page.getByTestId("result-count")).toContainText("1 story");
  const more = cards.first().getByTestId("more-sources");
  await expect(more).toHaveText("+3 more sources");

  await more.click();
  await expect(page).toHaveURL(/\/stories\/\d+-/);
  const sources = page.getByTestId("story-sources").locator("li");
  await expect(sources).toHaveCount(4);
  for (const r of reports) await expect(page.getByTestId("story-sources")).toContainText(r.source);
  await expect(page.getByTestId("story-article")).toHaveCount(4);
  // First report first.
  await expect(page.getByTestId("story-article").first()).toContainText(reports[0]!.source);

  await page.goto(`/?q=${EVENT}`);
  await page.getByTestId("stories-toggle").click();
  await expect(page).toHaveURL(/[?&]all=1/);
  await expect(page.getByTestId("article-card")).toHaveCount(4);
  await expect(page.getByTestId("result-count")).toContainText("4 articles");
  await page.reload();
  await expect(page.getByTestId("article-card")).toHaveCount(4);
  await page.getByTestId("stories-toggle").click();
  await expect(page).not.toHaveURL(/all=1/);
  await expect(page.getByTestId("article-card")).toHaveCount(1);
});

test("pages hold stories: a story spread over several articles is one entry on one page", async ({
  page,
}) => {
  // Newest first, one entry a page: the library report, then the dam story (its newest report), and no more.
  const list = `/?q=${EVENT}+OR+Brenholt&sort=newest&pageSize=1`;
  await page.goto(list);
  const cards = page.getByTestId("article-card");
  await expect(page.getByTestId("result-count")).toContainText("2 stories");
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText("Brenholt beekeepers");
  await page.goto(`${list}&page=2`);
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText(reports[3]!.title);
  await expect(cards.first().getByTestId("more-sources")).toHaveText("+3 more sources");
  await page.goto(`${list}&page=3`);
  await expect(page.getByTestId("empty")).toContainText("the list has 2 pages");
  // Every article on its own: five pages, one article each.
  await page.goto(`${list}&all=1&page=5`);
  await expect(page.getByTestId("result-count")).toContainText("5 articles");
  await expect(cards).toHaveCount(1);
});

test("the article page lists the other sources on its story, first report first", async ({ page }) => {
  await page.goto(`/?q=${EVENT}&all=1`);
  await page.getByTestId("article-card").first().locator("h2 a").click();
  const coverage = page.getByTestId("story-coverage");
  await expect(coverage).toContainText("4 sources on this story");
  await expect(coverage.getByTestId("story-article")).toHaveCount(4);
  await expect(coverage.getByTestId("story-article").first()).toContainText(reports[0]!.source);
});

test("an article opened from its story page walks through the story's coverage, then back to it", async ({
  page,
}) => {
  await page.goto(`/?q=${EVENT}`);
  await page.getByTestId("more-sources").first().click();
  await expect(page).toHaveURL(/\/stories\/\d+-/);
  const storyUrl = page.url();
  await page.getByTestId("story-article").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\?list=story$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reports[1]!.title);
  const nav = page.getByTestId("list-neighbours");
  await expect(nav.getByTestId("list-previous")).toContainText(reports[0]!.title);
  await expect(nav.getByTestId("list-next")).toContainText(reports[2]!.title);
  await nav.getByTestId("list-next").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reports[2]!.title);
  await expect(page).toHaveURL(/\?list=story$/);
  await page.getByRole("link", { name: "Back to the story" }).click();
  await expect(page).toHaveURL(storyUrl);
});

test("Top stories ranks a 4-source story above a 1-source story of the same day", async ({ page }) => {
  await page.goto("/stories");
  const headlines = await page.getByTestId("top-story").locator("h2").allTextContents();
  const four = headlines.findIndex((h) => h.includes(EVENT));
  const one = headlines.findIndex((h) => h.includes("Brenholt"));
  expect(four).toBeGreaterThanOrEqual(0);
  expect(one).toBeGreaterThan(four);
  await expect(page.getByTestId("top-story").nth(four).getByTestId("top-story-sources")).toHaveText(
    "4 sources",
  );
  await expect(page.getByTestId("top-story").nth(one).getByTestId("top-story-sources")).toHaveText(
    "1 source",
  );
});

interface ArticleList {
  items: { story: { id: number; size: number } }[];
}
interface StoryJson {
  sources: unknown[];
  articles: unknown[];
}
interface StoryList {
  items: { id: number }[];
}

test("the stories API ranks and describes stories; article items carry their story", async ({ request }) => {
  const articles = (await (await request.get(`/api/articles?q=${EVENT}`)).json()) as ArticleList;
  expect(articles.items).toHaveLength(4);
  const ids = new Set(articles.items.map((i) => i.story.id));
  expect(ids.size).toBe(1);
  expect(articles.items[0]?.story.size).toBe(4);
  const [id] = [...ids];
  expect(id).toBeDefined();
  const story = (await (await request.get(`/api/stories/${id}`)).json()) as StoryJson;
  expect(story.sources).toHaveLength(4);
  expect(story.articles).toHaveLength(4);
  const top = (await (await request.get("/api/stories")).json()) as StoryList;
  expect(top.items.findIndex((s) => s.id === id)).toBeGreaterThanOrEqual(0);
  expect((await request.get("/api/stories/abc")).status()).toBe(404);
  expect((await request.get("/api/stories?region=nowhere")).status()).toBe(400);
});
