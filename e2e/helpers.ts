import { execFileSync } from "node:child_process";
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
