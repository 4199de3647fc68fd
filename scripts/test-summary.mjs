// Adds up the JSON reports of every test runner (and the lint/typecheck stages) into one closing line.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const dir = "test-results";
let passed = 0, failed = 0, skipped = 0;
const lines = [];

for (const file of existsSync(dir) ? readdirSync(dir).sort() : []) {
  const full = `${dir}/${file}`;
  if (file.startsWith("stage-") && file.endsWith(".status")) {
    const stage = file.slice(6, -7);
    if (stage === "lint" || stage === "typecheck") {
      const ok = readFileSync(full, "utf8").trim() === "passed";
      if (ok) passed++;
      else failed++;
      lines.push(`${stage}: ${ok ? "passed" : "FAILED"}`);
    }
    continue;
  }
  if (!file.endsWith(".json")) continue;
  const report = JSON.parse(readFileSync(full, "utf8"));
  let p = 0, f = 0, s = 0;
  if ("numTotalTests" in report) {
    // Vitest (Jest-compatible JSON)
    p = report.numPassedTests;
    f = report.numFailedTests;
    s = report.numPendingTests + (report.numTodoTests ?? 0);
    if (report.numFailedTestSuites > 0 && f === 0) f = report.numFailedTestSuites;
  } else if (report.stats) {
    // Playwright JSON reporter
    p = report.stats.expected + (report.stats.flaky ?? 0);
    f = report.stats.unexpected;
    s = report.stats.skipped;
    if ((report.errors ?? []).length > 0 && f === 0) f = report.errors.length;
  }
  passed += p; failed += f; skipped += s;
  lines.push(`${file.replace(/\.json$/, "")}: ${p} passed, ${f} failed, ${s} skipped`);
}
for (const line of lines) console.log(`[test] ${line}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
