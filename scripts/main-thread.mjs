// Main-thread cost of loading a page of one or more running Dispatch builds, for the notes in docs/ux.md:
// Chromium at 412 px with 4x CPU throttling, loads alternating between the builds, median per build of the
// script time (CDP Performance.getMetrics) and of the blocking time (each long task's part over 50 ms).
// Usage: node scripts/main-thread.mjs <path> <base URL> [<base URL> ...]   (LOADS=9 by default)
// CHROMIUM_PATH overrides /usr/bin/chromium.
import { chromium } from "@playwright/test";

const [path = "/", ...bases] = process.argv.slice(2);
if (bases.length === 0) throw new Error("usage: node scripts/main-thread.mjs <path> <base URL> [...]");
const loads = Number(process.env.LOADS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const samples = new Map(bases.map((b) => [b, []]));
try {
  for (let i = 0; i < loads; i++) {
    for (const base of bases) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
        }).observe({ type: "longtask", buffered: true });
      });
      await page.goto(new URL(path, base).href, { waitUntil: "load" });
      await page.waitForTimeout(1500); // hydration and the first prefetches finish after load
      const { metrics } = await cdp.send("Performance.getMetrics");
      const script = metrics.find((m) => m.name === "ScriptDuration")?.value ?? 0;
      const long = await page.evaluate(() => window.__longTasks);
      samples.get(base).push({
        script: script * 1000,
        blocking: long.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      });
      await context.close();
    }
  }
} finally {
  await browser.close();
}
for (const [base, runs] of samples) {
  const script = runs.map((r) => Math.round(r.script));
  const blocking = runs.map((r) => Math.round(r.blocking));
  console.log(`${new URL(path, base).href} (${loads} loads)`);
  console.log(`  script time    median ${median(script)} ms  (${script.join(", ")})`);
  console.log(`  blocking time  median ${median(blocking)} ms  (${blocking.join(", ")})`);
}
