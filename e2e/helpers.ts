import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Runs an npm script of this project against the end-to-end database and returns its stdout. */
export function npmRun(script: string, args: string[]): string {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set (playwright.config.ts sets it)");
  return execFileSync("npm", ["run", "--silent", script, "--", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DISPATCH_ALLOW_PRIVATE_NETWORK: "1" },
    encoding: "utf8",
    timeout: 60_000,
  });
}

export interface TestItem {
  guid: string;
  title: string;
  body: string;
  daysAgo: number;
}

/** Writes an RSS 2.0 feed of the given items to a temporary file and returns its path. */
export function writeFeed(title: string, items: TestItem[]): string {
  const now = Date.now();
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${title}</title><link>https://e2e.example/</link><description>End-to-end test feed</description>
${items
  .map(
    (i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://e2e.example/${i.guid}</link>
<pubDate>${new Date(now - i.daysAgo * 86_400_000).toUTCString()}</pubDate><description><![CDATA[<p>${i.body}</p>]]></description></item>`,
  )
  .join("\n")}
</channel></rss>`;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "dispatch-e2e-feed-")), "feed.xml");
  writeFileSync(file, xml);
  return file;
}

/** This run's base port (playwright.config.ts serves the app there); other app instances use the ports after it. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);

/** Another instance of the production build (built by the main web server), for tests that need their own database. */
export interface AppInstance {
  url: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `next start` on `port` against `databaseUrl` and waits until it answers (with any status). */
export async function startAppInstance(port: number, databaseUrl: string): Promise<AppInstance> {
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output}`);
    const answered = await fetch(`${url}/favicon.ico`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`next start did not answer on ${url}:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
