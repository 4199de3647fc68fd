import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, connect, type Server, type Socket } from "node:net";
import { promisify } from "node:util";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { E2E_PORT, startAppInstance, writeFeed, type AppInstance } from "./helpers";

// PostgreSQL goes away under a running app and comes back. The outage is a TCP proxy this test controls
// between the app and the machine's shared server (which is never stopped): while it refuses connections,
// pages answer a friendly 503 with a retry hint and the API a 503 JSON; once it is back, the app serves
// again by itself. Runs once, in the SQLite pass (it makes its own PostgreSQL database).

const run = promisify(execFile);
const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = E2E_PORT + 3;

/** A TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const name = `dispatch_outage_${randomBytes(4).toString("hex")}`;
let proxy: CuttableProxy;
let app: AppInstance | undefined;
let created = false;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  test.skip(process.env.E2E_DATABASE_URL?.startsWith("postgres") === true, "runs once, in the SQLite pass");
  try {
    await adminQuery("SELECT 1");
  } catch (error) {
    if (process.env.CI === "true") throw error;
    test.skip(true, `no PostgreSQL at ${admin}`);
  }
  await adminQuery(`CREATE DATABASE ${name}`);
  created = true;
  const direct = new URL(admin);
  direct.pathname = `/${name}`;
  const env = { ...process.env, DATABASE_URL: direct.toString() };
  await run("node_modules/.bin/prisma", ["migrate", "deploy"], { env });
  const feed = writeFeed("Outage Test Feed", [
    { guid: "o1", title: "Lighthouse keepers return to Fastnet", body: "Ireland's lighthouses.", daysAgo: 1 },
  ]);
  await run("npm", ["run", "--silent", "ingest", "--", feed], { env });

  proxy = new CuttableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  await proxy.up();
  const viaProxy = new URL(direct);
  viaProxy.host = `127.0.0.1:${proxy.port}`;
  app = await startAppInstance(PORT, viaProxy.toString());
});

test.afterAll(async () => {
  await app?.stop();
  await proxy?.down();
  if (created) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

test("pages answer a friendly 503 while PostgreSQL is gone, and the app recovers by itself", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const url = app!.url;
  await page.goto(`${url}/`);
  await expect(page.getByText("Lighthouse keepers return to Fastnet")).toBeVisible();

  await proxy.down();
  await expect.poll(async () => (await request.get(`${url}/`)).status(), { timeout: 20_000 }).toBe(503);
  const response = await page.goto(`${url}/?q=lighthouse`);
  expect(response?.status()).toBe(503);
  expect(Number(response?.headers()["retry-after"])).toBeGreaterThan(0);
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { name: /temporarily unavailable/i })).toBeVisible();
  await expect(page.getByText(/tries again by itself/)).toBeVisible();
  const api = await request.get(`${url}/api/articles`);
  expect(api.status()).toBe(503);
  expect(api.headers()["retry-after"]).toBeDefined();
  expect(((await api.json()) as { error: string }).error).toBe("Service unavailable");
  expect((await request.get(`${url}/feed.xml`)).status()).toBe(503);
  expect((await request.get(`${url}/articles/1`)).status()).toBe(503);

  await proxy.up();
  await expect.poll(async () => (await request.get(`${url}/`)).status(), { timeout: 30_000 }).toBe(200);
  await page.goto(`${url}/`);
  await expect(page.getByText("Lighthouse keepers return to Fastnet")).toBeVisible();
  const after = await request.get(`${url}/api/articles`);
  expect(after.status()).toBe(200);
  expect(((await after.json()) as { total: number }).total).toBe(1);
  expect(app!.output()).not.toMatch(/uncaught|unhandled/i);
});
