import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "../playwright.config";

// The operator's path from a fresh database (this file is named to run first: specs run in file order):
// sign in, paste a site's address, read its articles on the front page at once; then import and export
// OPML, pause a source, poll one now and remove one.

const W = `quillwort${Date.now().toString(36)}`;
let server: Server;
let base = "";
let feedRequests = 0;

function rss(title: string, items: string[]): string {
  const now = Date.now();
  const body = items
    .map(
      (t, i) =>
        `<item><guid>${W}-${t}</guid><title>${t}</title><link>https://site.example/${W}/${i}</link>` +
        `<pubDate>${new Date(now - (i + 1) * 60_000).toUTCString()}</pubDate><description>Story ${i} (${W}).</description></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://site.example/</link>${body}</channel></rss>`;
}

const SITE_TITLES = [0, 1, 2].map((i) => `Lighthouse keepers vote ${i} (${W})`);

test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/site/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        `<!doctype html><html><head><title>Local Site</title>` +
          `<link rel="alternate" type="application/rss+xml" title="Local Site News" href="/site/feed.xml"></head>` +
          `<body><h1>Local Site</h1></body></html>`,
      );
    } else if (req.url === "/site/feed.xml") {
      feedRequests++;
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(rss("Local Site News", SITE_TITLES));
    } else if (req.url === "/opml/a.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(rss("OPML Feed A", [`Ferry timetable ${W}`]));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function signIn(page: Page): Promise<void> {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Fsources$/);
  await expect(page.locator('input[type="password"]')).toBeVisible();
  await page.getByLabel("Password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/sources$/);
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
}

const card = (page: Page, name: string) => page.getByTestId("source").filter({ hasText: name });

test("a fresh install says how to subscribe, and the note can be dismissed", async ({ page, browser }) => {
  await page.goto("/");
  const note = page.getByTestId("first-run-note");
  await expect(note).toContainText("These are sample stories");
  await expect(note.getByRole("link", { name: "subscribe to feeds" })).toHaveAttribute(
    "href",
    "/admin/sources",
  );
  await note.getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("first-run-note")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("first-run-note")).toHaveCount(0);
  // Dismissing is per browser: another one still sees it.
  const other = await browser.newPage();
  await other.goto("/");
  await expect(other.getByTestId("first-run-note")).toBeVisible();
  await other.close();
});

test("sign in, subscribe by a site's address, import and export OPML, pause, poll now, remove", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page);

  // Paste the site's page address: its <link rel="alternate"> names the feed, which is fetched at once.
  await page.getByLabel("Feed or site address").fill(`${base}/site/`);
  await page.getByRole("button", { name: "Subscribe", exact: true }).click();
  await expect(page.getByRole("status").first()).toContainText(
    `Subscribed to Local Site News (${base}/site/feed.xml); first poll fetched: 3 new`,
  );
  await expect(card(page, "Local Site News")).toContainText("200");
  await expect(card(page, "Local Site News").getByTestId("article-count")).toHaveText("3");

  // The front page has the feed's articles within a minute, with no other command run.
  await expect
    .poll(
      async () => {
        await page.goto("/");
        return page.getByTestId("article-card").filter({ hasText: W }).count();
      },
      { timeout: 60_000 },
    )
    .toBe(3);
  await expect(page.getByTestId("article-card").first()).toContainText(SITE_TITLES[0] ?? "");
  await expect(page.getByTestId("first-run-note")).toHaveCount(0);

  // Import an OPML file: one new feed, one already there, one refused.
  await page.goto("/admin/sources");
  const opml = path.join(mkdtempSync(path.join(tmpdir(), "dispatch-opml-")), "subs.opml");
  writeFileSync(
    opml,
    `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline type="rss" text="OPML Feed A" xmlUrl="${base}/opml/a.xml"/>
      <outline type="rss" text="Again" xmlUrl="${base}/site/feed.xml"/>
      <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
    </body></opml>`,
  );
  await page.getByLabel(/OPML file/).setInputFiles(opml);
  await page.getByRole("button", { name: "Import" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText(`added: OPML Feed A (${base}/opml/a.xml)`);
  await expect(report).toContainText(`already there: Local Site News (${base}/site/feed.xml)`);
  await expect(report).toContainText("refused: javascript:alert(1): not an http(s) feed address");
  await expect(card(page, "OPML Feed A")).toBeVisible();

  // An upload over the size limit is refused before it is parsed.
  const big = path.join(path.dirname(opml), "big.opml");
  writeFileSync(big, `<opml version="2.0"><body>${"<!-- padding -->".repeat(40_000)}</body></opml>`);
  await page.getByLabel(/OPML file/).setInputFiles(big);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(/The file is \d+ KB; OPML files up to 512 KB are accepted\./)).toBeVisible();

  // Export: every subscription, as OPML.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export every subscription as OPML" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^dispatch-subscriptions-\d{4}-\d{2}-\d{2}\.opml$/);
  const exported = readFileSync((await download.path()) ?? "", "utf8");
  expect(exported).toContain(`xmlUrl="${base}/site/feed.xml"`);
  expect(exported).toContain(`xmlUrl="${base}/opml/a.xml"`);

  // Pause one source; it says so, and offers to resume.
  await card(page, "OPML Feed A").getByRole("button", { name: "Pause" }).click();
  await expect(card(page, "OPML Feed A").getByRole("button", { name: "Resume" })).toBeVisible();
  await expect(card(page, "OPML Feed A")).toContainText("paused");

  // Poll one now: the result is shown.
  const before = feedRequests;
  await card(page, "Local Site News").getByRole("button", { name: "Poll now" }).click();
  await expect(card(page, "Local Site News").getByRole("status")).toContainText(
    "Polled: fetched: 0 new, 0 updated, 3 unchanged articles.",
  );
  expect(feedRequests).toBe(before + 1);

  // Edit: rename and change the interval.
  const site = card(page, "Local Site News");
  await site.getByText("Edit", { exact: true }).click();
  await site.getByLabel("Name").fill(`Lighthouse Gazette ${W}`);
  await site.getByLabel(/Interval/).fill("2h");
  await site.getByRole("button", { name: "Save" }).click();
  await expect(card(page, `Lighthouse Gazette ${W}`)).toContainText("2h");

  // Remove one: the confirmation says how many articles go with it.
  const gazette = card(page, `Lighthouse Gazette ${W}`);
  await gazette.getByText("Remove…").click();
  await expect(gazette).toContainText(`Remove Lighthouse Gazette ${W} and its 3 articles?`);
  await gazette.getByRole("button", { name: "Remove the source and 3 articles" }).click();
  await expect(card(page, `Lighthouse Gazette ${W}`)).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByTestId("article-card").filter({ hasText: W })).toHaveCount(0);
});
