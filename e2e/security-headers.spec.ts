import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIResponse, type Page, type Response } from "@playwright/test";
import { E2E_PORT, startAppInstance, type AppInstance } from "./helpers";

// Every response carries the security headers, and every kind of page works under its Content-Security-Policy:
// the framework's scripts run (they carry the nonce) and the browser reports no violation.

function expectSecurityHeaders(response: APIResponse | { headers(): Record<string, string> }, what: string) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  const directives = new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
  const scriptSrc = directives.get("script-src") ?? [];
  expect(
    scriptSrc.some((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v)),
    `${what}: script nonce in ${csp}`,
  ).toBe(true);
  expect(scriptSrc, `${what}: no unsafe-inline or unsafe-eval for scripts`).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(directives.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(directives.get("base-uri"), what).toEqual(["'none'"]);
  expect(directives.get("object-src"), what).toEqual(["'none'"]);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toMatch(/camera=\(\)/);
  expect(headers["permissions-policy"], what).toMatch(/geolocation=\(\)/);
  return scriptSrc.find((v) => v.startsWith("'nonce-"))!.slice("'nonce-".length, -1);
}

test("API, feed, redirect, 404 and 400 responses carry the security headers", async ({ request }) => {
  const cases: [string, number][] = [
    ["/api/articles?pageSize=1", 200],
    ["/api/articles?page=zero", 400],
    ["/api/articles/999999999", 404],
    ["/api/articles/not-an-id", 404],
    ["/feed.xml", 200],
    ["/feed.xml?from=2024-13-45", 400],
    ["/no/such/page", 404],
  ];
  for (const [url, status] of cases) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(status);
    expectSecurityHeaders(response, url);
  }
  // Static files get the fixed headers too.
  const home = await request.get("/");
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(await home.text())?.[1];
  expect(script).toBeDefined();
  const asset = await request.get(script!);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
});

test("every response has its own nonce, and the page's scripts carry it", async ({ request }) => {
  const a = await request.get("/");
  const b = await request.get("/");
  const nonceA = expectSecurityHeaders(a, "/");
  const nonceB = expectSecurityHeaders(b, "/");
  expect(nonceA).not.toBe(nonceB);
  // The second answer came from the page micro-cache (scripts/page-cache.mjs) with a nonce of its own.
  expect(b.headers()["x-page-cache"]).toBe("hit");
  for (const [answer, nonce] of [
    [a, nonceA],
    [b, nonceB],
  ] as const) {
    const html = await answer.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(await b.text()).not.toContain(nonceA);
});

test("a page served again from the page cache runs under its own nonce without violations", async ({
  page,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  // The first visit sets the script cookie, which is part of the cache key: a hit comes within a few loads.
  let hit: Response | null = null;
  for (let i = 0; i < 6 && !hit; i++) {
    const response = await page.goto("/?region=europe&range=12m");
    if (response?.headers()["x-page-cache"] === "hit") hit = response;
  }
  expect(hit, "a load answered from the page cache").not.toBeNull();
  expectSecurityHeaders(hit!, "cached page");
  await page.waitForFunction(() => "next" in window, null, { timeout: 10_000 });
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

/** Loads a page, checks its headers, that the framework started, and that the browser saw no CSP violation. */
async function expectCleanPage(page: Page, url: string, status: number): Promise<void> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  expect(response!.status(), url).toBe(status);
  expectSecurityHeaders(response!, url);
  // The App Router's client runtime sets window.next once its nonced scripts have run.
  await page.waitForFunction(() => "next" in window, null, { timeout: 10_000 });
  await page.waitForLoadState("networkidle");
  expect(violations, url).toEqual([]);
}

test("front page, search, article and 404 pages run under the policy without violations", async ({
  page,
}) => {
  await expectCleanPage(page, "/", 200);
  await expectCleanPage(page, "/?q=harbour&region=europe&range=12m", 200);
  await page.goto("/");
  const href = await page
    .locator('[data-testid="results"] a[href^="/articles/"]')
    .first()
    .getAttribute("href");
  expect(href).toBeTruthy();
  await expectCleanPage(page, href!, 200);
  await expectCleanPage(page, "/no/such/page", 404);
  await expectCleanPage(page, "/articles/999999999-missing", 404);
});

test.describe("the error page", () => {
  let instance: AppInstance | undefined;
  let dir: string;

  test.beforeAll(async () => {
    // An instance whose database has no tables: every query fails and the error page is shown.
    dir = mkdtempSync(path.join(tmpdir(), "dispatch-e2e-broken-"));
    const file = path.join(dir, "broken.db");
    writeFileSync(file, "");
    instance = await startAppInstance(E2E_PORT + 2, `file:${file}`);
  });
  test.afterAll(async () => {
    await instance?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("runs under the policy without violations and says what happened", async ({ page }) => {
    await expectCleanPage(page, `${instance!.url}/`, 500);
    await expect(page.getByRole("heading", { name: "This page could not be shown" })).toBeVisible();
    const api = await page.request.get(`${instance!.url}/api/articles`);
    expect(api.status()).toBe(500);
    expectSecurityHeaders(api, "API error");
  });
});
