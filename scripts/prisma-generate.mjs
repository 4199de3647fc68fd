// Generates both Prisma clients, lib/generated/sqlite and lib/generated/postgresql, without network access.
// Runs as `postinstall`, so it needs nothing but node_modules. Quiet on success (one line); on failure it
// prints the CLI's output and exits non-zero.

import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const providers = ["sqlite", "postgresql"];

let prismaCli;
try {
  prismaCli = require.resolve("prisma/build/index.js");
} catch {
  fail("the prisma CLI is not installed (it is a devDependency: run `npm ci` without --omit=dev).");
}

function generate(provider) {
  // prisma.config.ts picks the schema from DATABASE_URL; --schema names it explicitly all the same. The
  // in-memory URLs keep the config from touching any database or creating data/.
  const env = {
    ...process.env,
    DATABASE_URL: provider === "sqlite" ? "file::memory:" : "postgresql://localhost/dispatch",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  const args = [prismaCli, "generate", "--schema", path.join("prisma", provider, "schema.prisma")];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ provider, code: 1, output: `${output}${error.message}\n` }));
    child.on("close", (code) => resolve({ provider, code, output }));
  });
}

function fail(message) {
  console.error(`prisma-generate: ${message}`);
  process.exit(1);
}

const results = await Promise.all(providers.map(generate));
const failed = results.filter((result) => result.code !== 0);
for (const { provider, output } of failed) {
  console.error(`--- prisma generate (${provider}) ---\n${output.trim()}\n`);
}
if (failed.length > 0) {
  fail(
    `generating the ${failed.map((r) => r.provider).join(" and ")} client${failed.length > 1 ? "s" : ""} failed.`,
  );
}
console.log(`Prisma clients generated: ${providers.map((p) => `lib/generated/${p}`).join(", ")}`);
