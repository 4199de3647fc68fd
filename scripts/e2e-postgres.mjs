// Runs the Playwright suite a second time, against a throwaway PostgreSQL database.
// PostgreSQL is found at TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/postgres). Without a
// server the run is reported as skipped, except under CI=true, where a missing server is a failure.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";

const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const report = "reports/e2e-postgresql.json";

async function query(sql) {
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

try {
  await query("SELECT 1");
} catch (error) {
  const why = `PostgreSQL does not answer at ${admin.replace(/:[^:@/]*@/, ":***@")} (${error.message})`;
  mkdirSync("reports", { recursive: true });
  if (process.env.CI === "true") {
    console.error(`[test] ${why}: required under CI=true. Start it, or set TEST_POSTGRES_URL.`);
    process.exit(1);
  }
  console.log(`[test] e2e on PostgreSQL skipped: ${why}. Set TEST_POSTGRES_URL to run it.`);
  writeFileSync(
    report,
    JSON.stringify({ stats: { expected: 0, unexpected: 0, skipped: 1, flaky: 0 }, errors: [] }),
  );
  process.exit(0);
}

const name = `dispatch_e2e_${randomBytes(4).toString("hex")}`;
await query(`CREATE DATABASE ${name}`);
const url = new URL(admin);
url.pathname = `/${name}`;
let status = 1;
try {
  const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, E2E_DATABASE_URL: url.toString(), E2E_REPORT: report },
  });
  status = run.status ?? 1;
} finally {
  await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
process.exit(status);
