import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// `npm start` with a database directory it cannot write: one clear line and a non-zero exit, before
// migrations or the build run.

const root = fileURLToPath(new URL("../", import.meta.url));
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "dispatch-start-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function start(databaseUrl: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/start.ts"],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, PORT: "1" }, timeout: 30_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : -1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** A directory this process cannot create files in: a read-only one, or for root (who ignores modes) sysfs. */
function readOnlyDirectory(): string {
  if (process.getuid?.() === 0) return "/sys/fs";
  const ro = path.join(dir, "read-only");
  mkdirSync(ro, { recursive: true });
  chmodSync(ro, 0o555);
  return ro;
}

describe("npm start with an unusable database directory", () => {
  it("refuses a read-only directory in one line and exits non-zero", async () => {
    const ro = readOnlyDirectory();
    const { code, output } = await start(`file:${path.join(ro, "dispatch.db")}`);
    expect(code).toBe(1);
    const lines = output.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^\\[dispatch\\] Cannot use the database directory ${ro}: `));
  });

  it("refuses a missing directory that cannot be created", async () => {
    const parent = readOnlyDirectory();
    const missing = path.join(parent, "dispatch-missing", "deeper");
    const { code, output } = await start(`file:${path.join(missing, "dispatch.db")}`);
    expect(code).toBe(1);
    expect(output.trim().split("\n")).toHaveLength(1);
    expect(output).toMatch(/Cannot use the database directory .*dispatch-missing/);
  });

  it("refuses a path that runs through a file", async () => {
    const file = path.join(dir, "not-a-directory");
    writeFileSync(file, "");
    const { code, output } = await start(`file:${path.join(file, "dispatch.db")}`);
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      `[dispatch] Cannot use the database directory ${file}: a part of the path is a file, not a directory. Set DATABASE_URL to a writable place.`,
    );
  });
});
