import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { npmRun, writeFeed } from "./helpers";

// A word no sample article contains, so these tests see only their own articles.
const W = "streamvale";

test.beforeAll(() => {
  const feed = writeFeed("Streaming E2E Desk", [
    {
      guid: "st1",
      title: `Harbour reopens after storm (${W})`,
      body: `The harbour of Lisbon reopened after the storm, ${W} pilots said.`,
      daysAgo: 1,
    },
    {
      guid: "st2",
      title: `Ferries run again (${W})`,
      body: `Ferries between Lisbon and Porto ran again on Tuesday, ${W} crews said.`,
      daysAgo: 2,
    },
  ]);
  npmRun("ingest", [feed, "--json"]);
});

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

/** Reads an HTML response chunk by chunk: what had arrived when `marker` first did, and the whole body. */
async function readUntil(url: string, headers: Record<string, string>, marker: string) {
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let atMarker: string | null = null;
  let chunks = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    chunks++;
    text += decoder.decode(r.value, { stream: true });
    if (atMarker === null && text.includes(marker)) atMarker = text;
  }
  return { atMarker, whole: text, chunks };
}

/**
 * A streamed response of `url`, as a browser that runs scripts gets it. Whether a section streams depends on
 * timing: a search that finishes before the page's frame is sent goes out in place, with no skeleton (React
 * only streams what is not ready). A search for a rare word with two hits (this spec's own articles) always
 * does, so the streamed checks search the sample archive (dozens of hits over years of histogram), which
 * streamed in every one of 60 tries on this machine; a few tries cover a busy moment.
 */
async function streamed(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await readUntil(
      url,
      // Next.js sends crawlers (Node's own user agent among them) the whole page: ask as a browser.
      { Cookie: "js=1", "User-Agent": BROWSER },
      'data-testid="results-skeleton"',
    );
    if (response.atMarker !== null) return { ...response, atMarker: response.atMarker };
  }
  throw new Error(`no streamed response of ${url} in 5 attempts`);
}

/** A search of the sample content (the seed article is about Gaza, in the Middle East & North Africa). */
const SAMPLE_SEARCH = "/?q=gaza&region=middle-east-north-africa";
const SEED_TITLE = "Iran, Russia urge using capacities to end Israeli carnage in Gaza";

test("a search page streams: header, search box and skeletons arrive before the results", async ({
  baseURL,
}) => {
  // A browser that has run the app's scripts (the cookie says so) gets the page streamed.
  const { atMarker: first, whole } = await streamed(`${baseURL}${SAMPLE_SEARCH}`);
  expect(first).toContain('id="site-search"'); // the search box
  expect(first).toContain("Skip to main content"); // the header
  expect(first).toContain('data-testid="filters-skeleton"');
  expect(first).toContain('data-testid="map-skeleton"');
  // When the skeleton went out, no result had: the results came in a later chunk.
  expect(first).not.toContain('data-testid="article-card"');
  expect(first.indexOf('id="site-search"')).toBeLessThan(first.indexOf('data-testid="results-skeleton"'));
  expect(whole).toContain(SEED_TITLE);
  expect(whole).toContain('data-testid="article-card"');
});

test("without the script cookie the page arrives whole, without skeletons (it must work without JavaScript)", async ({
  baseURL,
}) => {
  const { whole } = await readUntil(`${baseURL}/?q=${W}`, { "User-Agent": BROWSER }, "</html>");
  expect(whole).toContain(`Harbour reopens after storm (${W})`);
  expect(whole).not.toContain("results-skeleton");
  expect(whole).not.toContain("filters-skeleton");
});

test("the search box says it is searching while a new query loads, then shows the results", async ({
  page,
}) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle"); // typing before hydration would be a plain form edit
  // Hold back the new list's server response so the pending state lasts long enough to see.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.searchParams.get("q") === W,
    async (route) => {
      await held;
      await route.continue();
    },
  );
  const status = page.getByTestId("search-status");
  await expect(status).toHaveText("");
  await page.getByRole("searchbox", { name: "Search articles" }).fill(W);
  await expect(status).toHaveText("Searching…");
  await expect(page.getByRole("search")).toHaveAttribute("aria-busy", "true");
  release();
  await expect(page.getByTestId("result-count")).toContainText("2 stories");
  await expect(status).toHaveText("");
  await expect(page.getByTestId("article-card").first()).toContainText(W);
});

test("after the first page, a browser that runs scripts has the cookie that lets pages stream", async ({
  page,
  context,
}) => {
  await page.goto("/");
  await expect.poll(async () => (await context.cookies()).find((c) => c.name === "js")?.value).toBe("1");
  // A reload is streamed; it ends with the same list a whole page shows.
  await page.goto(`/?q=${W}`);
  await expect(page.getByTestId("result-count")).toContainText("2 stories");
  await expect(page.getByTestId("results-skeleton")).toHaveCount(0);
});

test("a new list state replaces the map and the histogram after a client-side navigation (one of each)", async ({
  page,
}) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle"); // hydrated: the filter links navigate client-side
  const filters = page.getByRole("navigation", { name: "Filters" });
  await filters.getByRole("link", { name: /^Middle East/ }).click();
  await expect(page).toHaveURL(/[?&]region=middle-east-north-africa\b/);
  await filters.getByRole("link", { name: /Past 12 months/ }).click();
  await expect(page).toHaveURL(/[?&]range=12m\b/);
  await filters.getByRole("link", { name: /Any time/ }).click();
  await expect(page).not.toHaveURL(/range=/);
  await expect(page.getByTestId("histogram")).toHaveCount(1);
  await expect(page.getByTestId("world-map")).toHaveCount(1);
  const bars = await page
    .getByTestId("histogram")
    .getByRole("link")
    .evaluateAll((links) => links.map((l) => l.getAttribute("href") ?? ""));
  expect(bars.length).toBeGreaterThan(0);
  for (const href of bars) expect(href).toContain("region=middle-east-north-africa");
});

test("the page as it stands while the results stream (skeletons) has no accessibility violations", async ({
  page,
  baseURL,
}) => {
  const url = `${baseURL}${SAMPLE_SEARCH}`;
  const { atMarker } = await streamed(url);
  // The browser gets exactly what had arrived when the skeletons had: the page frozen in its loading state.
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: atMarker }),
  );
  await page.goto(url);
  await expect(page.getByTestId("results-skeleton")).toBeAttached();
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});
