import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse";
import type { ParsedFeed, ParsedOpml, ParseResult } from "./types";

const fetchedAt = new Date("2024-06-01T12:00:00Z");
const enc = (text: string): Uint8Array => new TextEncoder().encode(text);

function feedOf(result: ParseResult): ParsedFeed {
  if (!result.ok) throw new Error(`expected a feed, got: ${result.reason}`);
  if (result.doc.kind === "opml") throw new Error("expected a feed, got OPML");
  return result.doc;
}

function opmlOf(result: ParseResult): ParsedOpml {
  if (!result.ok || result.doc.kind !== "opml") throw new Error("expected OPML");
  return result.doc;
}

function parse(
  text: string,
  url: string | null = "https://example.com/feed.xml",
  contentType?: string,
): ParseResult {
  return parseDocument(enc(text), { url, fetchedAt, contentType });
}

describe("RSS 2.0", () => {
  const doc = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:media="http://search.yahoo.com/mrss/" xml:base="https://news.example.org/section/">
  <channel>
    <title>World &amp;amp; More</title>
    <link>https://news.example.org/</link>
    <language>EN-gb</language>
    <item>
      <title>AT&amp;amp;T buys &amp;lt;b&amp;gt; &lt;i&gt;tags&lt;/i&gt;</title>
      <link>stories/1?utm_source=rss&amp;utm_medium=feed&amp;id=7&amp;fbclid=x</link>
      <guid isPermaLink="false"> tag:news.example.org,2024:1 </guid>
      <description>Short &lt;b&gt;teaser&lt;/b&gt;.</description>
      <content:encoded><![CDATA[<p>Full <a href="/about">text</a>.</p><script>alert(1)</script><img src="pic.jpg" onerror="x()">]]></content:encoded>
      <dc:date>2024-05-30T08:00:00+02:00</dc:date>
      <dc:creator>Jane &amp;amp; John</dc:creator>
      <media:content url="https://cdn.example.org/a.jpg" medium="image"/>
    </item>
    <item>
      <link>https://news.example.org/only-link</link>
      <pubDate>Sat, 01 Jun 2030 10:00:00 GMT</pubDate>
    </item>
    <item>
      <description>&lt;p&gt;One two three four five six seven eight nine ten eleven twelve thirteen fourteen&lt;/p&gt;</description>
    </item>
    <item><guid isPermaLink="false">nothing-here</guid></item>
  </channel>
</rss>`;

  const feed = feedOf(parse(doc));

  it("reads the channel", () => {
    expect(feed).toMatchObject({
      kind: "rss",
      title: "World & More",
      siteUrl: "https://news.example.org/",
      language: "en-gb",
    });
  });

  it("decodes entities exactly once in titles and authors", () => {
    const item = feed.items[0];
    expect(item?.title).toBe("AT&T buys <b> tags");
    expect(item?.author).toBe("Jane & John");
  });

  it("resolves the link against xml:base and strips tracking parameters", () => {
    expect(feed.items[0]?.url).toBe("https://news.example.org/section/stories/1?id=7");
    expect(feed.items[0]?.guid).toBe("tag:news.example.org,2024:1");
  });

  it("prefers content:encoded for the body, keeps the description as summary and sanitizes", () => {
    const item = feed.items[0];
    expect(item?.summary).toBe("Short teaser.");
    expect(item?.bodyHtml).toBe(
      '<p>Full <a href="https://news.example.org/about" rel="noopener noreferrer nofollow" target="_blank">text</a>.</p>' +
        '<img src="https://news.example.org/section/pic.jpg" loading="lazy" referrerpolicy="no-referrer" />',
    );
    expect(item?.bodyText).toBe("Full text.");
  });

  it("parses dc:date with its offset", () => {
    expect(feed.items[0]).toMatchObject({
      publishedAt: new Date("2024-05-30T06:00:00Z"),
      dateEstimated: false,
      language: "en-gb",
    });
  });

  it("titles a link-only item from its URL and clamps its future date", () => {
    expect(feed.items[1]).toMatchObject({
      title: "news.example.org/only-link",
      url: "https://news.example.org/only-link",
      publishedAt: fetchedAt,
      dateEstimated: true,
      bodyHtml: "",
    });
  });

  it("derives a missing title from the first words of the content", () => {
    expect(feed.items[2]?.title).toBe("One two three four five six seven eight nine ten eleven twelve…");
    expect(feed.items[2]?.dateEstimated).toBe(true);
  });

  it("skips an item with no title, link or content, with a reason", () => {
    expect(feed.items).toHaveLength(3);
    expect(feed.skipped).toEqual(["item 4: no title, link or content"]);
  });
});

describe("RSS 0.91 and a permalink guid", () => {
  it("takes the link from a permalink guid and reads an RFC 822 date with a named zone and no seconds", () => {
    const feed = feedOf(
      parse(`<rss version="0.91"><channel><title>Old</title><link>http://old.example.com/</link>
        <item><title>Hello</title><guid>http://old.example.com/p/1</guid><description>Body</description><pubDate>Thu, 01 Jan 04 19:48 EST</pubDate></item>
      </channel></rss>`),
    );
    expect(feed.items[0]).toMatchObject({
      title: "Hello",
      url: "http://old.example.com/p/1",
      publishedAt: new Date("2004-01-02T00:48:00Z"),
      bodyHtml: "Body",
    });
  });
});

describe("RSS 1.0 (RDF)", () => {
  it("reads items, dc:date and dc:creator", () => {
    const feed = feedOf(
      parse(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://rdf.example.com/"><title>RDF feed</title><link>http://rdf.example.com/</link><dc:language>de</dc:language></channel>
  <item rdf:about="http://rdf.example.com/a"><title>Erster</title><link>http://rdf.example.com/a</link>
    <description>Text &amp;amp; mehr</description><dc:date>2003-12</dc:date><dc:creator>Max</dc:creator></item>
</rdf:RDF>`),
    );
    expect(feed).toMatchObject({ kind: "rdf", title: "RDF feed", language: "de" });
    expect(feed.items[0]).toMatchObject({
      guid: "http://rdf.example.com/a",
      url: "http://rdf.example.com/a",
      title: "Erster",
      bodyText: "Text & mehr",
      author: "Max",
      publishedAt: new Date("2003-12-01T00:00:00Z"),
      dateEstimated: false,
      language: "de",
    });
  });
});

describe("Atom 1.0", () => {
  const feed = feedOf(
    parse(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/" xml:lang="fr-FR">
  <title type="html">Le &amp;amp; blog</title>
  <link rel="self" href="atom.xml"/><link rel="alternate" type="text/html" href="./"/>
  <author><name>Feed Author</name></author>
  <entry xml:base="2024/">
    <title type="text">Less &lt;than&gt; &amp;amp; literal</title>
    <id>urn:uuid:1</id>
    <link rel="enclosure" href="audio.mp3"/><link rel="alternate" type="text/html" href="post.html?gclid=1"/>
    <published>2024-05-01T10:00:00Z</published><updated>2024-05-02T10:00:00Z</updated>
    <summary>Plain summary &lt;b&gt;</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <a href="img/">there</a></p></div></content>
  </entry>
  <entry>
    <title>Text content</title><id>urn:uuid:2</id><updated>2024-05-03</updated>
    <content type="text">Line one &lt;not a tag&gt;

Second paragraph</content>
  </entry>
</feed>`,
      "https://atom.example.com/feeds/main.xml",
    ),
  );

  it("reads the feed with xml:base applied to its links", () => {
    expect(feed).toMatchObject({
      kind: "atom",
      title: "Le & blog",
      siteUrl: "https://atom.example.com/blog/",
      language: "fr-fr",
    });
  });

  it("keeps type=text titles literal and resolves nested xml:base for the alternate link", () => {
    expect(feed.items[0]).toMatchObject({
      guid: "urn:uuid:1",
      title: "Less <than> &amp; literal",
      url: "https://atom.example.com/blog/2024/post.html",
      summary: "Plain summary <b>",
      author: "Feed Author",
      publishedAt: new Date("2024-05-01T10:00:00Z"),
    });
  });

  it("resolves links inside xhtml content against the entry's base", () => {
    expect(feed.items[0]?.bodyHtml).toBe(
      '<p>Hello <a href="https://atom.example.com/blog/2024/img/" rel="noopener noreferrer nofollow" target="_blank">there</a></p>',
    );
  });

  it("escapes type=text content into paragraphs and falls back to updated for the date", () => {
    expect(feed.items[1]).toMatchObject({
      bodyHtml: "<p>Line one &lt;not a tag&gt;</p>\n<p>Second paragraph</p>",
      bodyText: "Line one <not a tag>\n\nSecond paragraph",
      publishedAt: new Date("2024-05-03T00:00:00Z"),
    });
  });
});

describe("Atom 0.3", () => {
  it("reads issued dates and escaped content", () => {
    const feed = feedOf(
      parse(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
        <entry><title>Entry</title><link rel="alternate" type="text/html" href="http://a03.example.com/1"/>
          <issued>2003-12-13T18:30:02Z</issued><modified>2003-12-14T18:30:02Z</modified>
          <content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content></entry></feed>`),
    );
    expect(feed.items[0]).toMatchObject({
      url: "http://a03.example.com/1",
      publishedAt: new Date("2003-12-13T18:30:02Z"),
      bodyHtml: "<p>Hi</p>",
    });
  });
});

describe("JSON Feed", () => {
  it("reads version 1.1 with authors, language and content_html", () => {
    const feed = feedOf(
      parse(
        JSON.stringify({
          version: "https://jsonfeed.org/version/1.1",
          title: "JSON & friends",
          home_page_url: "https://json.example.com/",
          language: "en-US",
          authors: [{ name: "Feed Author" }],
          items: [
            {
              id: "1",
              url: "/posts/1?utm_campaign=x",
              title: "Literal &amp; title",
              content_html: '<p>Hi <img src="a.png" onload="x()"></p>',
              summary: "A summary",
              date_published: "2024-05-01T10:00:00-07:00",
              authors: [{ name: "Item Author" }],
            },
            { id: 2, content_text: "No title here but text.", date_modified: "2024-05-02T00:00:00Z" },
          ],
        }),
        "https://json.example.com/feed.json",
      ),
    );
    expect(feed).toMatchObject({
      kind: "json",
      title: "JSON & friends",
      siteUrl: "https://json.example.com/",
      language: "en-us",
    });
    expect(feed.items[0]).toMatchObject({
      guid: "1",
      url: "https://json.example.com/posts/1",
      title: "Literal &amp; title",
      summary: "A summary",
      bodyHtml:
        '<p>Hi <img src="https://json.example.com/a.png" loading="lazy" referrerpolicy="no-referrer" /></p>',
      author: "Item Author",
      publishedAt: new Date("2024-05-01T17:00:00Z"),
    });
    expect(feed.items[1]).toMatchObject({
      guid: "2",
      title: "No title here but text.",
      bodyHtml: "<p>No title here but text.</p>",
      author: "Feed Author",
      publishedAt: new Date("2024-05-02T00:00:00Z"),
    });
  });

  it("reads version 1.0 with the singular author", () => {
    const feed = feedOf(
      parse(
        JSON.stringify({
          version: "https://jsonfeed.org/version/1",
          title: "One",
          author: { name: "Solo" },
          items: [{ id: "a", url: "https://one.example.com/a", title: "A", content_text: "x" }],
        }),
      ),
    );
    expect(feed.items[0]).toMatchObject({ author: "Solo", title: "A", url: "https://one.example.com/a" });
  });

  it("reports JSON that is not a feed", () => {
    expect(parse('{"hello": "world"}')).toEqual({
      ok: false,
      reason: "not a feed: JSON without a JSON Feed version or items",
    });
    const broken = parse("{not json");
    expect(broken.ok ? "ok" : broken.reason).toMatch(/^JSON parse error: /);
  });
});

describe("OPML", () => {
  it("flattens nested outlines, resolves relative feed URLs and drops duplicates and non-http URLs", () => {
    const opml = opmlOf(
      parse(
        `<?xml version="1.0"?><opml version="2.0"><head><title>My &amp;amp; subs</title></head><body>
          <outline text="News"><outline text="A &amp;amp; B" type="rss" xmlUrl="/a.xml" htmlUrl="https://a.example.com/"/>
            <outline text="Deeper"><outline title="C" text="ignored" xmlUrl="https://c.example.com/rss"/></outline></outline>
          <outline text="dup" xmlUrl="https://subs.example.com/a.xml"/>
          <outline text="ftp" xmlUrl="ftp://files.example.com/feed"/>
          <outline text="link-only" type="link" url="https://d.example.com/"/>
          <outline text="rss via url" type="rss" url="https://e.example.com/feed"/>
        </body></opml>`,
        "https://subs.example.com/list.opml",
      ),
    );
    expect(opml).toEqual({
      kind: "opml",
      title: "My & subs",
      feeds: [
        { title: "A & B", feedUrl: "https://subs.example.com/a.xml", siteUrl: "https://a.example.com/" },
        { title: "C", feedUrl: "https://c.example.com/rss", siteUrl: null },
        { title: "rss via url", feedUrl: "https://e.example.com/feed", siteUrl: null },
      ],
    });
  });
});

describe("what is not a feed", () => {
  it.each([
    ["", "empty document"],
    ["   \n\t ", "empty document"],
    ["<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>", "not a feed: HTML page"],
    ["<html><body>hi</body></html>", "not a feed: HTML page"],
    ['<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "not a feed: unknown XML root <svg>"],
    ["[1, 2, 3]", "not a feed: JSON array"],
    ["\u0000\u0001\u0002PNG\u0000\u0000\u0003\u0004binary", "not a feed: binary data"],
  ])("%j → %s", (text, reason) => {
    expect(parse(text)).toEqual({ ok: false, reason });
  });

  it("refuses images by content type without looking further", () => {
    expect(parse("GIF89a", null, "image/gif")).toEqual({ ok: false, reason: "not a feed: image/gif" });
  });

  it("hands plain text to the plain-text parser", () => {
    const feed = feedOf(parse("A headline\n\nFirst paragraph.\n\nSecond <b>paragraph</b>.", null));
    expect(feed.kind).toBe("text");
    expect(feed.items[0]).toMatchObject({
      title: "A headline",
      bodyText: "First paragraph.\n\nSecond <b>paragraph</b>.",
    });
    expect(feed.items[0]?.bodyHtml).toContain("Second &lt;b&gt;paragraph&lt;/b&gt;.");
  });

  it("dates a plain-text article from a date in its file name", () => {
    const result = parseDocument(enc("Title\n\nBody"), { fetchedAt, fileName: "2023-10-27-story.txt" });
    expect(feedOf(result).items[0]).toMatchObject({
      publishedAt: new Date("2023-10-27T00:00:00Z"),
      dateEstimated: false,
    });
  });
});

describe("real-world damage", () => {
  it("recovers the complete items of a truncated feed", () => {
    const feed = feedOf(
      parse(`<rss version="2.0"><channel><title>T</title>
        <item><title>One</title><link>http://t.example.com/1</link></item>
        <item><title>Two</title><link>http://t.example.com/2</link></item>
        <item><title><![CDATA[Thr`),
    );
    expect(feed.items.map((i) => i.title)).toEqual(["One", "Two"]);
  });

  it("skips a warning printed before the XML declaration", () => {
    const feed = feedOf(
      parse(
        `Warning: something in /var/www/feed.php on line 3\n<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>X</title></item></channel></rss>`,
      ),
    );
    expect(feed.items[0]?.title).toBe("X");
  });

  it("ignores a DOCTYPE with parameter entities and never expands entities", () => {
    const feed = feedOf(
      parse(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % lat1 PUBLIC "-//W3C//ENTITIES Latin 1//EN" "http://www.w3.org/TR/xhtml-lat1.ent">%lat1;
        <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <rss version="2.0"><channel><title>T</title><item><title>x &b; y</title></item></channel></rss>`),
    );
    expect(feed.items[0]?.title).not.toContain("aaaaaaaaaa");
  });

  it("counts an RSS document without a channel as an empty feed", () => {
    expect(feedOf(parse("<rss>\n</rss>"))).toMatchObject({ kind: "rss", items: [], skipped: [] });
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = parseDocument(bytes, { fetchedAt });
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.reason).not.toMatch(/\n/);
      }),
      { numRuns: 300 },
    );
    const fragments = [
      "<rss>",
      "<channel>",
      "<item>",
      "<title>",
      "</title>",
      "</item>",
      "<![CDATA[",
      "]]>",
      "&amp;",
      "<feed>",
      "<entry>",
      "{",
      '"items":[',
      "<",
      ">",
      "x",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
        const result = parseDocument(enc(parts.join("")), { fetchedAt });
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
