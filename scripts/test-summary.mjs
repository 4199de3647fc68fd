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
/** Names of the tests that failed, printed just above the closing line so that the tail of a CI log says which. */
const failures = [];
/** Tests that failed and then passed on their retry (CI only): they count as passed, and are named. */
const flaky = [];

/** Playwright nests suites by file and describe block; collects "file › title: first error line" of each failure. */
function playwrightFailures(suites, stage) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        // A flaky test passed on its retry: named with the error of the attempt that failed.
        const result = test.results?.find((r) => r.status !== "passed" && r.status !== "skipped");
        const message = (result?.error?.message ?? "").split("\n").find((line) => line.trim() !== "") ?? "";
        const line = `${stage}: ${spec.file}:${spec.line} › ${spec.title}: ${message.trim().slice(0, 200)}`;
        (test.status === "flaky" ? flaky : failures).push(line);
      }
    }
    playwrightFailures(suite.suites, stage);
  }
}

function readReport(file, stage) {
  const path = `${dir}/${file}`;
  if (!existsSync(path)) return null;
  const report = JSON.parse(readFileSync(path, "utf8"));
  if ("numTotalTests" in report) {
    // Vitest (Jest-compatible JSON)
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status === "failed") failures.push(`${stage}: ${file.name} › ${test.fullName}`);
      }
    }
    return {
      p: report.numPassedTests,
      f: report.numFailedTests,
      s: report.numPendingTests + (report.numTodoTests ?? 0),
    };
  }
  // Playwright JSON reporter
  playwrightFailures(report.suites, stage);
  for (const error of report.errors ?? []) failures.push(`${stage}: ${(error.message ?? "").split("\n")[0]}`);
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
  const counts = readReport(reportFile, stage) ?? { p: 0, f: 0, s: 0 };
  if (!ok && counts.f === 0) counts.f = 1;
  passed += counts.p;
  failed += counts.f;
  skipped += counts.s;
  console.log(`[test] ${stage}: ${counts.p} passed, ${counts.f} failed, ${counts.s} skipped`);
}
for (const test of flaky) console.log(`[test] flaky test (passed on retry): ${test}`);
for (const failure of failures) console.log(`[test] failed test: ${failure}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
