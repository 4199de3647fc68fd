import { expect, test, type Locator, type Page } from "@playwright/test";

// Tabbing one stop at a time through a list page (its filters and cards) is slow on a busy machine.
test.describe.configure({ timeout: 180_000 });

/**
 * Presses Tab until `target` has focus (as a keyboard-only reader would), failing after `max` presses. Like
 * such a reader, it takes the world map's skip link past its ~180 country links when it meets it.
 */
async function tabTo(page: Page, target: Locator, max = 250): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
    const onSkipMap = await page.evaluate(
      () => document.activeElement?.getAttribute("data-testid") === "skip-map",
    );
    if (onSkipMap) await page.keyboard.press("Enter");
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses`);
}

test("the first Tab reaches the skip link, which moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("/ focuses the search box, and typing / inside it types a slash", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search articles" });
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await expect(search).toHaveValue("");
  await page.keyboard.type("a/b");
  await expect(search).toHaveValue("a/b");
});

test("keyboard alone uses the filters and the histogram", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  const filters = page.getByRole("navigation", { name: "Filters" });

  const africa = filters.getByRole("link", { name: /^Africa\b/ });
  await tabTo(page, africa);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]region=africa\b/);
  await expect(filters.getByRole("link", { name: /^Africa\b/ })).toHaveAttribute("aria-current", "true");

  const pastYear = filters.getByRole("link", { name: /Past 12 months/ });
  await tabTo(page, pastYear);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]range=12m\b/);

  // Back to any time, so the histogram spans the sample content's dates.
  await tabTo(page, filters.getByRole("link", { name: /Any time/ }));
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/range=/);
  await expect(page).toHaveURL(/[?&]region=africa\b/);
  // The clicks above were client-side navigations: each replaced the map, the histogram and the list.
  await expect(page.getByTestId("histogram")).toHaveCount(1);
  await expect(page.getByTestId("world-map")).toHaveCount(1);

  // The first bar with articles: earlier specs may have stored articles decades old, and then the
  // histogram has up to MAX_BINS bars; the oldest one is as good a test of the keyboard as any.
  const bar = page
    .getByTestId("histogram")
    .getByRole("link", { name: /\d+ articles$/ })
    .first();
  const label = await bar.getAttribute("aria-label");
  await tabTo(page, bar);
  await expect(bar).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page).toHaveURL(/[?&]region=africa\b/);
  expect(label).toMatch(/articles$/);
});

test("the map's skip link, shown on focus, jumps past its country links to the histogram", async ({
  page,
}) => {
  await page.goto("/");
  const skipMap = page.getByRole("link", { name: "Skip the map" });
  for (let i = 0; i < 250 && !(await skipMap.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(skipMap).toBeFocused();
  await expect(skipMap).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const focused = page.locator(":focus");
  await expect(focused).toHaveAttribute("aria-label", /\d+ articles$/);
  await expect(page.getByTestId("histogram").locator(":focus")).toHaveCount(1);
});

test("on a phone the filters open from a button above the list, by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  const europe = page.getByRole("navigation", { name: "Filters" }).getByRole("link", { name: /^Europe\b/ });
  await expect(europe).toBeHidden();
  const toggle = page.getByText("Filters", { exact: true });
  const firstCard = page.getByTestId("article-card").first();
  // The button comes before the list, not after twenty cards.
  const [toggleBox, cardBox] = [await toggle.boundingBox(), await firstCard.boundingBox()];
  expect(toggleBox!.y).toBeLessThan(cardBox!.y);
  await tabTo(page, toggle);
  await page.keyboard.press("Enter");
  await expect(europe).toBeVisible();
  await tabTo(page, europe);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]region=europe\b/);
});

test("the theme switch works from the keyboard and the choice survives a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  const dark = page.getByRole("button", { name: "Dark" });
  await tabTo(page, dark);
  await page.keyboard.press("Enter");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await tabTo(page, page.getByRole("button", { name: "Auto" }));
  await page.keyboard.press("Enter");
  await expect(html).not.toHaveAttribute("data-theme", /.*/);
});
