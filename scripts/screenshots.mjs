// `npm run screenshots`: PNGs of the main pages in light and dark mode, on a 360 px phone and a desktop,
// taken with Playwright and Debian's Chromium from the production build on the sample content, written to
// docs/screenshots/ (the README links them). SCREENSHOTS_PORT (default 3220) is where the app is served;
// SCREENSHOTS_DIR writes elsewhere; SCREENSHOTS_FULL=1 captures whole pages instead of the first screen.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { firstArticlePath, startApp } from "./app-server.mjs";

const port = Number(process.env.SCREENSHOTS_PORT ?? 3220);
const outDir = process.env.SCREENSHOTS_DIR ?? "docs/screenshots";
const fullPage = process.env.SCREENSHOTS_FULL === "1";
const DEVICES = {
  phone: { viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 },
};

const app = await startApp({ port });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const pages = [
    { name: "front-page", path: "/" },
    { name: "search", path: "/?q=earthquake&region=africa" },
    { name: "article", path: await firstArticlePath(app.url) },
    { name: "not-found", path: "/no/such/page" },
  ];
  mkdirSync(outDir, { recursive: true });
  for (const [device, options] of Object.entries(DEVICES)) {
    for (const colorScheme of ["light", "dark"]) {
      const context = await browser.newContext({ ...options, colorScheme, baseURL: app.url });
      const page = await context.newPage();
      for (const target of pages) {
        await page.goto(target.path, { waitUntil: "networkidle" });
        const file = path.join(outDir, `${target.name}-${device}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(`wrote ${file}`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  app.stop();
}
