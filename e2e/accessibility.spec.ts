import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { npmRun, writeFeed } from "./helpers";

// axe walks every node of a list page (the world map alone has ~180 links): slow on a busy machine.
test.describe.configure({ timeout: 90_000 });

const seedTitle = "Iran, Russia urge using capacities to end Israeli carnage in Gaza";

// No two sample articles report one event, so two outlets' reports of one (words no other test uses) give
// the Top stories page a story to link to.
test.beforeAll(() => {
  const files = [
    writeFeed("Accessibility Wire", [
      {
        guid: "a11y-story-1",
        title: "Tarnwick ferry terminal reopens after Corvane storm repairs",
        body: "The Tarnwick ferry terminal reopened on Tuesday after three weeks of repairs to berths damaged by storm Corvane, the harbour board said.",
        daysAgo: 0.3,
      },
    ]),
    writeFeed("Accessibility Herald", [
      {
        guid: "a11y-story-2",
        title: "Ferries return to Tarnwick as storm-damaged terminal reopens",
        body: "Ferries sailed from Tarnwick again on Tuesday as the terminal damaged by storm Corvane reopened after three weeks of berth repairs.",
        daysAgo: 0.25,
      },
    ]),
  ];
  npmRun("ingest", [...files, "--json"]);
});

const VIEWPORTS = {
  phone: { width: 360, height: 780 },
  desktop: { width: 1280, height: 900 },
} as const;

/** The pages the issue names; each resolves to a path on the sample content. */
const PAGES: { name: string; path: string | ((page: Page) => Promise<string>) }[] = [
  { name: "front page", path: "/" },
  { name: "filtered search", path: "/?q=earthquake&region=africa" },
  {
    name: "article",
    path: async (page) => {
      await page.goto("/");
      const href = await page.getByRole("link", { name: seedTitle }).getAttribute("href");
      if (!href) throw new Error("no link to the seed article on the front page");
      return href;
    },
  },
  {
    name: "story page",
    path: async (page) => {
      await page.goto("/stories");
      const href = await page.getByTestId("top-story").first().getByRole("link").first().getAttribute("href");
      if (!href?.startsWith("/stories/")) throw new Error("no link to a story page on the Top stories page");
      return href;
    },
  },
  { name: "not-found page", path: "/no/such/page" },
];

for (const colorScheme of ["light", "dark"] as const) {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    for (const target of PAGES) {
      test(`axe finds no violations: ${target.name}, ${colorScheme}, ${width}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize(viewport);
        await page.goto(typeof target.path === "string" ? target.path : await target.path(page));
        await expect(page.getByRole("main")).toBeVisible();
        // On a phone the list page's filters are folded away: open them so they are checked too.
        const filters = page.getByText("Filters", { exact: true });
        if (await filters.isVisible()) {
          await filters.click();
          await expect(page.getByRole("navigation", { name: "Filters" })).toBeVisible();
        }
        // target-size (WCAG 2.2 2.5.8, 24×24 CSS px or enough spacing) is off in axe by default; Lighthouse runs it.
        const { violations } = await new AxeBuilder({ page })
          .options({ rules: { "target-size": { enabled: true } } })
          .analyze();
        const found = violations.map((v) => ({
          rule: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
        }));
        expect(found).toEqual([]);
        // Responsive: nothing sticks out sideways, down to a 360 px phone.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }
  }
}
