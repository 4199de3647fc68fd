import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { SignJWT } from "jose";
import { E2E_ADMIN_PASSWORD } from "../playwright.config";

// The admin area's defences, tried from outside: no session, a forged or signed-out session, a cross-site
// post, password guessing; and the two other modes: no password (no admin area) and DISPATCH_PRIVATE=1.

const W = `sedgewren${Date.now().toString(36)}`;
const PORT = Number(process.env.E2E_PORT ?? 3107);
const NO_ADMIN_PORT = PORT + 2;
const PRIVATE_PORT = PORT + 3;
let feeds: Server;
let base = "";
const children: ChildProcess[] = [];

test.beforeAll(async () => {
  feeds = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    res.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Guarded ${req.url?.slice(1, 3)} ${W}</title><link>https://g.example/</link>` +
        `<item><guid>${W}${req.url}</guid><title>Guarded story ${W}</title><link>https://g.example${req.url}</link><pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate></item></channel></rss>`,
    );
  });
  await new Promise<void>((resolve) => feeds.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await new Promise<void>((resolve) => feeds.close(() => resolve()));
});

/** Starts another server on the same build and database with its own environment; resolves when it answers. */
async function startServer(port: number, env: Record<string, string>): Promise<string> {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      DISPATCH_ALLOW_PRIVATE_NETWORK: "1",
      LOG_LEVEL: "warn",
      DISPATCH_ADMIN_PASSWORD: "",
      DISPATCH_POLL: "off",
      ...env,
    },
    stdio: "ignore",
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (await fetch(`${url}/admin/sign-in`).catch(() => null))?.status ?? 0, {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  return url;
}

async function signIn(page: Page, baseUrl = ""): Promise<void> {
  await page.goto(`${baseUrl}/admin/sign-in`);
  await page.getByLabel("Password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/sources$/);
}

/** A Server Action request as the browser sent it, to replay with other credentials. */
interface Captured {
  name: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Runs `trigger` and captures the Server Action POST it makes, without letting it reach the server. */
async function captureAction(page: Page, name: string, trigger: () => Promise<void>): Promise<Captured> {
  let captured: Captured | undefined;
  await page.route("**/admin/sources", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"] && !captured) {
      captured = {
        name,
        url: request.url(),
        headers: request.headers(),
        body: request.postDataBuffer() ?? Buffer.alloc(0),
      };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await trigger();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.goto("/admin/sources");
  return captured!;
}

function replay(request: APIRequestContext, action: Captured, headers: Record<string, string> = {}) {
  const keep = ["next-action", "content-type", "next-router-state-tree", "accept", "origin"];
  return request.post(action.url, {
    // An empty value in `headers` leaves that header out.
    headers: Object.fromEntries(
      Object.entries({
        ...Object.fromEntries(keep.flatMap((k) => (action.headers[k] ? [[k, action.headers[k]]] : []))),
        ...headers,
      }).filter(([, value]) => value !== ""),
    ),
    data: action.body,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

/** What the admin page shows of every source that could change: name, interval, paused, article count. */
async function snapshot(page: Page): Promise<string[]> {
  await page.goto("/admin/sources");
  return page
    .getByTestId("source")
    .evaluateAll((cards) =>
      cards.map(
        (c) =>
          `${c.getAttribute("data-source-id")}|${c.querySelector("h3")?.textContent}|${c.querySelector("dl")?.textContent?.replace(/Last fetch.*Next fetch.*?Last HTTP/, "")}`,
      ),
    );
}

async function sessionCookie(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === "dispatch_admin");
  expect(cookie).toBeDefined();
  return cookie?.value ?? "";
}

test("every admin action and page refuses a request without a valid session, a signed-out one or a cross-site post", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.10" } });
  const page = await context.newPage();
  await signIn(page);

  // The cookie's flags: HttpOnly, SameSite=Lax, and not Secure over plain http.
  const cookie = (await context.cookies()).find((c) => c.name === "dispatch_admin");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });

  // A target source to act on.
  await page.getByLabel("Feed or site address").fill(`${base}/t1.xml`);
  await page.getByRole("button", { name: "Subscribe", exact: true }).click();
  await expect(page.getByRole("status").first()).toContainText("Subscribed to Guarded t1");
  const target = page.getByTestId("source").filter({ hasText: `Guarded t1 ${W}` });

  // Capture one request of every action, each stopped before it reaches the server.
  const opml = path.join(mkdtempSync(path.join(tmpdir(), "dispatch-opml-")), "x.opml");
  writeFileSync(
    opml,
    `<opml version="2.0"><body><outline type="rss" text="x" xmlUrl="${base}/t9.xml"/></body></opml>`,
  );
  const actions: Captured[] = [
    await captureAction(page, "subscribe", async () => {
      await page.getByLabel("Feed or site address").fill(`${base}/t2.xml`);
      await page.getByRole("button", { name: "Subscribe", exact: true }).click();
    }),
    await captureAction(page, "import", async () => {
      await page.getByLabel(/OPML file/).setInputFiles(opml);
      await page.getByRole("button", { name: "Import" }).click();
    }),
    await captureAction(page, "pause", () => target.getByRole("button", { name: "Pause" }).click()),
    await captureAction(page, "poll", () => target.getByRole("button", { name: "Poll now" }).click()),
    await captureAction(page, "edit", async () => {
      await target.getByText("Edit", { exact: true }).click();
      await target.getByLabel("Name").fill("Hijacked");
      await target.getByRole("button", { name: "Save" }).click();
    }),
    await captureAction(page, "remove", async () => {
      await target.getByText("Remove…").click();
      await target.getByRole("button", { name: /Remove the source/ }).click();
    }),
    await captureAction(page, "sign-out", () => page.getByRole("button", { name: "Sign out" }).click()),
  ];
  const before = await snapshot(page);
  const pollsBefore = (await target.getByTestId("article-count").textContent()) ?? "";

  // 1. No cookie at all: every action is turned away to the sign-in page, and nothing changes.
  for (const action of actions) {
    const response = await replay(request, action);
    expect(response.status(), action.name).toBeLessThan(500);
    expect(
      response.headers()["x-action-redirect"] ?? response.headers()["location"] ?? "",
      action.name,
    ).toContain("/admin/sign-in");
  }
  // 2. A forged cookie (signed with another key; an unsigned one) is no better.
  const forgedKey = new TextEncoder().encode("not-the-secret-not-the-secret-!!");
  const forged = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setJti("x").sign(forgedKey);
  const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"jti":"x"}').toString("base64url")}.`;
  for (const token of [forged, unsigned, "garbage"]) {
    for (const action of actions) {
      const response = await replay(request, action, { cookie: `dispatch_admin=${token}` });
      expect(
        response.headers()["x-action-redirect"] ?? response.headers()["location"] ?? "",
        action.name,
      ).toContain("/admin/sign-in");
    }
    const pageResponse = await request.get("/admin/sources", {
      headers: { cookie: `dispatch_admin=${token}` },
      maxRedirects: 0,
    });
    expect(pageResponse.status()).toBe(307);
    expect(
      (
        await request.get("/admin/sources/export", { headers: { cookie: `dispatch_admin=${token}` } })
      ).status(),
    ).toBe(401);
  }
  expect((await request.get("/admin/sources/export")).status()).toBe(401);
  expect((await request.get("/admin/sources", { maxRedirects: 0 })).headers()["location"]).toContain(
    "/admin/sign-in",
  );

  // 3. A cross-site post with the real session cookie: refused by the Origin check.
  const valid = await sessionCookie(context);
  const pause = actions.find((a) => a.name === "pause")!;
  const crossSite = await replay(request, pause, {
    cookie: `dispatch_admin=${valid}`,
    origin: "https://evil.example",
  });
  expect(crossSite.status()).toBe(403);
  const viaFetchMetadata = await replay(request, pause, {
    cookie: `dispatch_admin=${valid}`,
    origin: "",
    "sec-fetch-site": "cross-site",
  });
  expect(viaFetchMetadata.status()).toBe(403);
  expect(await snapshot(page)).toEqual(before);
  expect(await target.getByTestId("article-count").textContent()).toBe(pollsBefore);

  // Control: the same request from this site with the real cookie does pause (so the refusals above were real).
  const control = await replay(request, pause, { cookie: `dispatch_admin=${valid}` });
  expect(control.status()).toBe(200);
  await page.goto("/admin/sources");
  await expect(target.getByRole("button", { name: "Resume" })).toBeVisible();
  const paused = await snapshot(page);

  // 4. Sign out, then replay the old cookie: the session is gone from the database, so it opens nothing.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  expect((await context.cookies()).find((c) => c.name === "dispatch_admin")).toBeUndefined();
  for (const action of actions) {
    const response = await replay(request, action, { cookie: `dispatch_admin=${valid}` });
    expect(response.headers()["x-action-redirect"] ?? "", action.name).toContain("/admin/sign-in");
  }
  const old = await request.get("/admin/sources", {
    headers: { cookie: `dispatch_admin=${valid}` },
    maxRedirects: 0,
  });
  expect(old.status()).toBe(307);
  await signIn(page);
  expect(await snapshot(page)).toEqual(paused);
  await context.close();
});

test("wrong passwords are rate-limited per client; the cookie is Secure behind HTTPS", async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
  const page = await context.newPage();
  await page.goto("/admin/sign-in");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong password.");
    // React resets the form when the action has answered: the attempt has been counted.
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  // The sixth attempt is refused before the password is looked at, even the right one.
  await page.getByLabel("Password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "Too many sign-in attempts. Wait 15 minutes and try again.",
  );
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  expect((await context.cookies()).find((c) => c.name === "dispatch_admin")).toBeUndefined();
  await context.close();

  // Another client signs in; replaying its sign-in as if behind an HTTPS proxy gives a Secure cookie.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.78" } });
  const otherPage = await other.newPage();
  let signInPost: Captured | undefined;
  await otherPage.route("**/admin/sign-in*", async (route) => {
    const r = route.request();
    if (r.method() === "POST")
      signInPost = {
        name: "sign-in",
        url: r.url(),
        headers: r.headers(),
        body: r.postDataBuffer() ?? Buffer.alloc(0),
      };
    await route.continue();
  });
  await signIn(otherPage);
  expect(signInPost).toBeDefined();
  const https = await replay(request, signInPost!, {
    "x-forwarded-proto": "https",
    "x-forwarded-for": "198.51.100.79",
  });
  const setCookie = https
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value)
    .join("\n");
  expect(setCookie).toMatch(/dispatch_admin=[^;]+;.*HttpOnly/i);
  expect(setCookie).toMatch(/Secure/);
  expect(setCookie).toMatch(/SameSite=lax/i);
  await other.close();
});

test("without a password there is no admin area, and the front page says how to turn it on", async ({
  request,
}) => {
  const url = await startServer(NO_ADMIN_PORT, {});
  for (const p of ["/admin", "/admin/sources", "/admin/sign-in"]) {
    const response = await request.get(`${url}${p}`, { maxRedirects: 0 });
    expect(response.status(), p).toBe(404);
    expect(await response.text(), p).toContain(
      "The admin area is off until the server is given an operator password",
    );
  }
  expect((await request.get(`${url}/admin/sources/export`)).status()).toBe(404);
  const home = await request.get(`${url}/`);
  expect(home.status()).toBe(200);
  const html = await home.text();
  if (html.includes("first-run-note")) expect(html).toContain("DISPATCH_ADMIN_PASSWORD=…");
});

test("DISPATCH_PRIVATE=1 puts every page, API route and feed behind the sign-in", async ({
  browser,
  request,
}) => {
  const url = await startServer(PRIVATE_PORT, {
    DISPATCH_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
    DISPATCH_PRIVATE: "1",
  });
  const home = await request.get(`${url}/`, { maxRedirects: 0 });
  expect(home.status()).toBe(303);
  expect(home.headers()["location"]).toContain("/admin/sign-in?next=%2F");
  for (const p of ["/api/articles", "/api/articles/1", "/feed.xml"]) {
    const response = await request.get(`${url}${p}`, { maxRedirects: 0 });
    expect(response.status(), p).toBe(401);
  }
  expect((await request.get(`${url}/articles/1-x`, { maxRedirects: 0 })).status()).toBe(303);

  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "192.0.2.44" } });
  const page = await context.newPage();
  await page.goto(`${url}/?q=harbour`);
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=/);
  await page.getByLabel("Password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The password check is deliberately slow (scrypt), and this server starts cold: allow for a busy machine.
  await expect(page).toHaveURL(`${url}/?q=harbour`, { timeout: 20_000 });
  const cookie = await sessionCookie(context);
  const api = await request.get(`${url}/api/articles?pageSize=1`, {
    headers: { cookie: `dispatch_admin=${cookie}` },
  });
  expect(api.status()).toBe(200);

  // After sign-out the same cookie opens nothing.
  await page.goto(`${url}/admin/sources`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  const replayed = await request.get(`${url}/api/articles?pageSize=1`, {
    headers: { cookie: `dispatch_admin=${cookie}` },
  });
  expect(replayed.status()).toBe(401);
  await context.close();
});
