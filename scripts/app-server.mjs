// Starts the production app the way a user does (`npm start`: migrate, import the sample content, build
// when the sources changed, serve) on a throwaway SQLite database, for the docs scripts (Lighthouse,
// screenshots). Returns its URL and a stop function that ends the server's whole process group.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** @param {{ port: number, timeoutMs?: number }} options */
export async function startApp({ port, timeoutMs = 300_000 }) {
  const dir = mkdtempSync(path.join(tmpdir(), "dispatch-docs-"));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, "docs.db")}`,
      PORT: String(port),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true, // its own process group, so stop() ends npm, tsx and the Next.js server together
  });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  stop();
  throw new Error(`the app did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** The path of the seed article (the first article in the sitemap), for scripts that need an article page. */
export async function firstArticlePath(url) {
  const xml = await (await fetch(`${url}/sitemap/0.xml`)).text();
  const loc = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  const article = loc.find((p) => p.startsWith("/articles/"));
  if (!article) throw new Error("no article in the sitemap");
  return article;
}
