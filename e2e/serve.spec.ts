import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { expect, test } from "@playwright/test";

// scripts/serve.mjs, the production server `npm start` runs: one Next.js process per core behind one port.
// A worker that dies is replaced while the others keep answering; SIGTERM stops every worker.

const PORT = Number(process.env.E2E_PORT ?? 3107) + 6;
const url = `http://127.0.0.1:${PORT}`;

/** The pids of a process's children (Linux /proc). */
function childrenOf(parent: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent) out.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return out.sort((a, b) => a - b);
}

/** The status of a GET on a new connection (0: no answer); a kept-alive one could lead to a killed worker. */
const status = (path: string) =>
  new Promise<number>((resolve) => {
    const request = get(`${url}${path}`, { agent: false, timeout: 10_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
    request.on("timeout", () => request.destroy());
  });

test("serves from several workers, replaces one that dies and stops them all on SIGTERM", async () => {
  test.setTimeout(120_000);
  const primary = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      PORT: String(PORT),
      DISPATCH_WORKERS: "2",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  primary.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  primary.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => primary.on("exit", (code) => resolve(code)));
  try {
    await expect
      .poll(() => output, { timeout: 60_000 })
      .toContain(`Ready on http://localhost:${PORT} (2 workers)`);
    const workers = childrenOf(primary.pid!);
    expect(workers).toHaveLength(2);
    expect(await status("/api/articles?pageSize=1")).toBe(200);

    // One worker dies: once the primary has seen it go, the other answers every request while a new worker
    // takes the dead one's place.
    process.kill(workers[0]!, "SIGKILL");
    await expect
      .poll(() => output, { timeout: 10_000 })
      .toContain("A worker exited (SIGKILL); starting another.");
    for (let i = 0; i < 10; i++) expect(await status("/api/articles?pageSize=1")).toBe(200);
    await expect
      .poll(() => childrenOf(primary.pid!).filter((pid) => pid !== workers[0]).length, { timeout: 60_000 })
      .toBe(2);
    expect(childrenOf(primary.pid!)).not.toContain(workers[0]);
    await expect.poll(() => status("/"), { timeout: 30_000 }).toBe(200);

    // SIGTERM: the workers close their servers, then the primary exits cleanly and nothing is left.
    const last = childrenOf(primary.pid!);
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of last) expect(() => process.kill(pid, 0)).toThrow();
    expect(await status("/")).toBe(0);
  } finally {
    if (primary.exitCode === null) primary.kill("SIGKILL");
  }
});
