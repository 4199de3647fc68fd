import { expect, test, type Page } from "@playwright/test";

/** Relative luminance (0 = black, 1 = white) of the page's background as painted. */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

test("without a chosen theme the page follows the system", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.9);
});

test("a chosen theme is in the server's first HTML (no flash) and beats the system setting", async ({
  page,
  context,
  baseURL,
}) => {
  const html = await (await page.request.get("/", { headers: { cookie: "theme=dark" } })).text();
  expect(html).toMatch(/<html[^>]*\bdata-theme="dark"/);
  const plain = await (await page.request.get("/", { headers: { cookie: "theme=<script>" } })).text();
  expect(plain).not.toMatch(/<html[^>]*\bdata-theme=/);

  await context.addCookies([{ name: "theme", value: "dark", url: baseURL! }]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  expect(await backgroundLuminance(page)).toBeLessThan(0.05);

  await context.addCookies([{ name: "theme", value: "light", url: baseURL! }]);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.9);
});

test("the theme switch works without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/?region=europe");
  await page.getByRole("button", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page).toHaveURL(/region=europe/);
  await context.close();
});
