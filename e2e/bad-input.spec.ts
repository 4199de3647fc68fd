import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";

// Property tests against the production server: whatever arrives in a page, API or feed parameter, the
// answer is never a 5xx, API and feed refusals are 400 with a message, and nothing is written.

const PARAMS = ["q", "from", "to", "range", "region", "country", "source", "sort", "page", "pageSize", "tz"];

/** Raw text for a query-string value, percent-encoded with a few broken escapes mixed in. */
const rawValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: "binary", maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom("%", "%zz", "%ff", "%c3%28", "%ed%a0%80", "%00", "%0a%0d", "+", "%2C%2C", "..%2F..%2F"),
  fc.integer().map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
  fc
    .date({ noInvalidDate: false })
    .map((d) => (Number.isNaN(d.getTime()) ? "NaN" : d.toISOString().slice(0, 10))),
  fc.constantFrom("2024-02-30", "0000-01-01", "9999-12-31", "2024-1-1", "24h", "7d", "relevance", "newest"),
  fc.constantFrom(
    "europe",
    "Europe",
    "FR",
    "fr",
    "xx",
    "1",
    "0",
    "-1",
    "2147483648",
    "1e9",
    "Europe/Paris",
    "Mars/Base",
  ),
  fc.constantFrom(
    `"unclosed`,
    "a OR",
    "-",
    "*",
    "a*",
    "NOT",
    "\u202e",
    "'; DROP TABLE Article; --",
    "<script>",
  ),
);

const rawQuery: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...PARAMS), fc.string({ maxLength: 8 }).map(encodeURIComponent)),
      rawValue,
    ),
    { maxLength: 8 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

/** A path segment for article ids: numbers of any size, slugs, encodings. */
const rawId: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.tuple(fc.nat(), fc.string({ maxLength: 20 })).map(([n, s]) => `${n}-${encodeURIComponent(s)}`),
  fc.constantFrom("%", "%zz", "%ff", "0", "-1", "1e3", "0x10", "1.5", "%2e%2e", "..", " 1", "1%00"),
);

async function articleTotal(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/articles?pageSize=1");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

async function expectRefusalOrAnswer(request: APIRequestContext, url: string, json: boolean): Promise<void> {
  const response = await request.get(url, { maxRedirects: 0 });
  const status = response.status();
  expect(status, url).toBeLessThan(500);
  if (json && status === 400) {
    const body = (await response.json()) as { error?: unknown; details?: unknown };
    expect(typeof body.error, url).toBe("string");
    expect(Array.isArray(body.details) && body.details.length > 0, url).toBe(true);
    for (const detail of body.details as unknown[]) expect(typeof detail, url).toBe("string");
  }
}

test("list pages, the API and the feed answer any parameters without a 5xx", async ({ request }) => {
  test.setTimeout(240_000);
  const before = await articleTotal(request);
  await fc.assert(
    fc.asyncProperty(rawQuery, async (query) => {
      await expectRefusalOrAnswer(request, `/api/articles?${query}`, true);
      await expectRefusalOrAnswer(request, `/feed.xml?${query}`, true);
    }),
    { numRuns: 150 },
  );
  await fc.assert(
    fc.asyncProperty(rawQuery, async (query) => {
      const response = await request.get(`/?${query}`, { maxRedirects: 0 });
      expect(response.status(), query).toBeLessThan(500);
    }),
    { numRuns: 60 },
  );
  expect(await articleTotal(request), "nothing was written").toBe(before);
});

test("article pages and the article API answer any id without a 5xx", async ({ request }) => {
  test.setTimeout(180_000);
  const before = await articleTotal(request);
  await fc.assert(
    fc.asyncProperty(rawId, async (id) => {
      const api = await request.get(`/api/articles/${id}`, { maxRedirects: 0 });
      expect(api.status(), id).toBeLessThan(500);
      if (api.status() >= 400) {
        const body = (await api.json()) as { error?: unknown; details?: unknown };
        expect(typeof body.error, id).toBe("string");
      }
      const page = await request.get(`/articles/${id}`, { maxRedirects: 0 });
      expect(page.status(), id).toBeLessThan(500);
    }),
    { numRuns: 100 },
  );
  expect(await articleTotal(request), "nothing was written").toBe(before);
});

test("other methods on the read-only routes are refused without a 5xx and write nothing", async ({
  request,
}) => {
  const before = await articleTotal(request);
  for (const url of ["/api/articles", "/api/articles/1", "/feed.xml"]) {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const response = await request.fetch(url, { method, data: { title: "x" } });
      expect(response.status(), `${method} ${url}`).toBe(405);
    }
  }
  expect(await articleTotal(request)).toBe(before);
});
