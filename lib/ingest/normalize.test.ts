import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanArticleUrl,
  normalizeLanguage,
  normalizeLink,
  parseDate,
  pickPublishedAt,
  resolveBase,
  resolveUrl,
} from "./normalize";

const iso = (raw: string): string | null => parseDate(raw)?.toISOString() ?? null;

describe("parseDate: RFC 822 / 2822", () => {
  it.each([
    ["Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21.000Z"],
    ["Thu, 01 Jan 2004 19:48:21 +0000", "2004-01-01T19:48:21.000Z"],
    ["Thu, 01 Jan 2004 19:48:21 -0500", "2004-01-02T00:48:21.000Z"],
    ["Thu, 01 Jan 2004 19:48:21 EST", "2004-01-02T00:48:21.000Z"],
    ["Thu, 01 Jul 2004 19:48:21 PDT", "2004-07-02T02:48:21.000Z"],
    ["Thu, 01 Jul 2004 19:48:21 CEST", "2004-07-01T17:48:21.000Z"],
    ["Thu, 01 Jan 2004 19:48 GMT", "2004-01-01T19:48:00.000Z"],
    ["01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21.000Z"],
    ["1 Jan 99 19:48:21 GMT", "1999-01-01T19:48:21.000Z"],
    ["Thu, 1 January 2004 19:48:21 UT", "2004-01-01T19:48:21.000Z"],
    ["Sun, 12-Dec-04 10:00:00 GMT", "2004-12-12T10:00:00.000Z"],
    ["thu, 01 jan 2004 19:48:21 gmt", "2004-01-01T19:48:21.000Z"],
    ["Thu, 01 Jan 2004 19:48:21", "2004-01-01T19:48:21.000Z"],
    ["Thu, 01 Jan 2004 19:48:21 +0000 (UTC)", "2004-01-01T19:48:21.000Z"],
    ["Thu, 01 Jan 2004 07:48:21 PM GMT", "2004-01-01T19:48:21.000Z"],
    ["Thu, 01 Jan 2004 19:48:21 Z", "2004-01-01T19:48:21.000Z"],
    ["Thu, 01 Jan 2004", "2004-01-01T00:00:00.000Z"],
  ])("%s", (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });
});

describe("parseDate: RFC 3339 / ISO 8601 / W3CDTF", () => {
  it.each([
    ["2003-12-13T18:30:02Z", "2003-12-13T18:30:02.000Z"],
    ["2003-12-13T18:30:02.25Z", "2003-12-13T18:30:02.250Z"],
    ["2003-12-13T18:30:02+01:00", "2003-12-13T17:30:02.000Z"],
    ["2003-12-13T18:30:02-0530", "2003-12-14T00:00:02.000Z"],
    ["2003-12-13T18:30+01", "2003-12-13T17:30:00.000Z"],
    ["2003-12-13 18:30:02", "2003-12-13T18:30:02.000Z"],
    ["2003-12-13T18:30:02", "2003-12-13T18:30:02.000Z"],
    ["2003-12-13", "2003-12-13T00:00:00.000Z"],
    ["2003-12", "2003-12-01T00:00:00.000Z"],
    ["2003", "2003-01-01T00:00:00.000Z"],
    ["20031213T183002Z", "2003-12-13T18:30:02.000Z"],
    ["2016-12-31T23:59:60Z", "2016-12-31T23:59:59.000Z"],
    ["January 5, 2004 10:00 PM EST", "2004-01-06T03:00:00.000Z"],
  ])("%s", (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it.each([
    "",
    "yesterday",
    "2003-13-01",
    "2003-02-30",
    "Thu, 32 Jan 2004 10:00:00 GMT",
    "2004-01-01T25:00:00Z",
    "Thu, 01 Foo 2004",
    "2004-01-01T10:00:00 +9999",
  ])("rejects %j", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it("round-trips any instant written as RFC 3339 or as a UTC string", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1971-01-01T00:00:00Z"),
          max: new Date("2099-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const whole = new Date(Math.floor(d.getTime() / 1000) * 1000);
          expect(parseDate(whole.toISOString())?.getTime()).toBe(whole.getTime());
          expect(parseDate(whole.toUTCString())?.getTime()).toBe(whole.getTime());
        },
      ),
    );
  });
});

describe("pickPublishedAt", () => {
  const fetchedAt = new Date("2024-06-01T12:00:00Z");

  it("uses the first candidate that parses", () => {
    expect(pickPublishedAt([undefined, "garbage", "2024-05-31T10:00:00Z"], fetchedAt)).toEqual({
      publishedAt: new Date("2024-05-31T10:00:00Z"),
      dateEstimated: false,
    });
  });

  it("estimates a missing or unparseable date as the fetch time", () => {
    expect(pickPublishedAt([], fetchedAt)).toEqual({ publishedAt: fetchedAt, dateEstimated: true });
    expect(pickPublishedAt(["not a date"], fetchedAt)).toEqual({
      publishedAt: fetchedAt,
      dateEstimated: true,
    });
  });

  it("clamps a date more than a day in the future to the fetch time and marks it estimated", () => {
    expect(pickPublishedAt(["2024-06-10T00:00:00Z"], fetchedAt)).toEqual({
      publishedAt: fetchedAt,
      dateEstimated: true,
    });
  });

  it("keeps a date less than a day ahead (clock skew, time zones)", () => {
    expect(pickPublishedAt(["2024-06-02T06:00:00Z"], fetchedAt)).toEqual({
      publishedAt: new Date("2024-06-02T06:00:00Z"),
      dateEstimated: false,
    });
  });

  it("treats epoch-zero dates as missing", () => {
    expect(pickPublishedAt(["1970-01-01T00:00:00Z"], fetchedAt).dateEstimated).toBe(true);
  });
});

describe("normalizeLink", () => {
  it("lower-cases scheme and host, drops the default port and the fragment", () => {
    expect(normalizeLink("HTTPS://News.Example.COM:443/Path/A?b=1#section")).toBe(
      "https://news.example.com/Path/A?b=1",
    );
    expect(normalizeLink("http://example.com:80/")).toBe("http://example.com/");
    expect(normalizeLink("http://example.com:8080/")).toBe("http://example.com:8080/");
  });

  it("strips tracking parameters and keeps the others in order, byte for byte", () => {
    expect(
      normalizeLink(
        "https://example.com/a?z=1&utm_source=rss&utm_medium=feed&id=%20x&fbclid=abc&gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&igshid=6&_hsenc=7&_hsmi=8&yclid=9&ref_src=twsrc&a=2",
      ),
    ).toBe("https://example.com/a?z=1&id=%20x&a=2");
    expect(normalizeLink("https://example.com/a?UTM_Campaign=x")).toBe("https://example.com/a");
  });

  it("returns unparseable input trimmed", () => {
    expect(normalizeLink("  not a url ")).toBe("not a url");
  });
});

describe("cleanArticleUrl and resolveUrl", () => {
  it("resolves relative links and keeps only http(s)", () => {
    expect(cleanArticleUrl("../b?utm_source=x&p=1#frag", "https://example.com/feed/a/")).toBe(
      "https://example.com/feed/b?p=1#frag",
    );
    expect(cleanArticleUrl("javascript:alert(1)", "https://example.com/")).toBeNull();
    expect(cleanArticleUrl("mailto:a@example.com", null)).toBeNull();
    expect(cleanArticleUrl("/relative", null)).toBeNull();
    expect(resolveUrl("//cdn.example.com/x", "http://example.com/")).toBe("http://cdn.example.com/x");
  });

  it("falls through to the next base when one is missing", () => {
    expect(resolveUrl("x", null, undefined, "http://example.com/d/")).toBe("http://example.com/d/x");
  });
});

describe("resolveBase", () => {
  it("resolves nested xml:base values from the outside in", () => {
    expect(resolveBase("http://example.com/feeds/atom.xml", "/root/", "sub/", "deeper/")).toBe(
      "http://example.com/root/sub/deeper/",
    );
    expect(resolveBase(null, "http://a.example/x/", "y/")).toBe("http://a.example/x/y/");
    expect(resolveBase(null, "relative/")).toBeNull();
    expect(resolveBase("http://example.com/", "javascript:alert(1)")).toBe("http://example.com/");
  });
});

describe("normalizeLanguage", () => {
  it("lower-cases and accepts en, en-US, en_GB, zh-Hant-TW", () => {
    expect(normalizeLanguage("EN-us")).toBe("en-us");
    expect(normalizeLanguage("en_GB")).toBe("en-gb");
    expect(normalizeLanguage(" zh-Hant-TW ")).toBe("zh-hant-tw");
    expect(normalizeLanguage("English")).toBeNull();
    expect(normalizeLanguage("")).toBeNull();
  });
});
