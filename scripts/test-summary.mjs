// Adds up the JSON reports of every test runner (and the lint/typecheck stages) into one closing line.
// A stage that failed without a failing test in its report (a crash, a missing report) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const dir = "reports";
const STAGES = {
  lint: null,
  format: null,
  typecheck: null,
  deadcode: null,
  unit: "unit.json",
  e2e: "e2e-sqlite.json",
  "e2e-postgresql": "e2e-postgresql.json",
};
let passed = 0;
let failed = 0;
let skipped = 0;

function readReport(file) {
  const path = `${dir}/${file}`;
  if (!existsSync(path)) return null;
  const report = JSON.parse(readFileSync(path, "utf8"));
  if ("numTotalTests" in report) {
    // Vitest (Jest-compatible JSON)
    return {
      p: report.numPassedTests,
      f: report.numFailedTests,
      s: report.numPendingTests + (report.numTodoTests ?? 0),
    };
  }
  // Playwright JSON reporter
  return {
    p: report.stats.expected + (report.stats.flaky ?? 0),
    f: report.stats.unexpected + (report.errors?.length ?? 0),
    s: report.stats.skipped,
  };
}

for (const [stage, reportFile] of Object.entries(STAGES)) {
  const statusFile = `${dir}/stage-${stage}.status`;
  if (!existsSync(statusFile)) continue;
  const ok = readFileSync(statusFile, "utf8").trim() === "passed";
  if (reportFile === null) {
    if (ok) passed++;
    else failed++;
    console.log(`[test] ${stage}: ${ok ? "passed" : "FAILED"}`);
    continue;
  }
  const counts = readReport(reportFile) ?? { p: 0, f: 0, s: 0 };
  if (!ok && counts.f === 0) counts.f = 1;
  passed += counts.p;
  failed += counts.f;
  skipped += counts.s;
  console.log(`[test] ${stage}: ${counts.p} passed, ${counts.f} failed, ${counts.s} skipped`);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
