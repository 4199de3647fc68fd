import { parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { createCorpus, feedItem, itemHtml } from "@/lib/bench/corpus";
import { htmlToText, sanitizedHtmlToText, sanitizeHtml } from "./sanitize";

const BASE = "https://news.example.com/2024/story/";

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
}

/** Every element of the sanitized output as a real HTML parser sees it. */
function elements(html: string): Node[] {
  const out: Node[] = [];
  const walk = (node: Node): void => {
    if (node.attrs !== undefined) out.push(node);
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html));
  return out;
}

describe("sanitizeHtml", () => {
  it("removes script, style, iframe, object, embed, form, input, base, meta and link, with script/style content", () => {
    const dirty =
      '<p>keep</p><script>alert(1)</script><style>p{}</style><iframe src="https://evil.example/"></iframe>' +
      '<object data="x.swf"></object><embed src="x.swf"><form action="/steal"><input name="q"><button>go</button></form>' +
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="stylesheet" href="x.css">';
    const clean = sanitizeHtml(dirty, BASE);
    const names = elements(clean).map((e) => e.nodeName);
    for (const banned of [
      "script",
      "style",
      "iframe",
      "object",
      "embed",
      "form",
      "input",
      "base",
      "meta",
      "link",
    ]) {
      expect(names).not.toContain(banned);
    }
    expect(clean).toContain("<p>keep</p>");
    expect(clean).not.toContain("alert(1)");
    expect(clean).not.toContain("p{}");
  });

  it("drops event handlers and style attributes but keeps the element", () => {
    const clean = sanitizeHtml(
      '<img src="a.png" onerror="alert(1)" style="position:fixed"><p onclick="x()" class="fixed inset-0">t</p>',
      BASE,
    );
    expect(clean).toBe(
      '<img src="https://news.example.com/2024/story/a.png" loading="lazy" referrerpolicy="no-referrer" /><p>t</p>',
    );
  });

  it("removes javascript:, vbscript: and data: URLs from links, including obfuscated ones", () => {
    const hrefs = [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "&#106;avascript:alert(1)",
      "vbscript:msgbox(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ];
    for (const href of hrefs) {
      const clean = sanitizeHtml(`<a href="${href}">x</a>`, BASE);
      const anchors = elements(clean).filter((e) => e.nodeName === "a");
      for (const a of anchors) expect(a.attrs?.find((x) => x.name === "href")).toBeUndefined();
    }
  });

  it("makes every image lazy and referrer-free, whatever the feed asked for", () => {
    const clean = sanitizeHtml('<img src="a.png" loading="eager" referrerpolicy="unsafe-url">', BASE);
    expect(clean).toBe(
      '<img src="https://news.example.com/2024/story/a.png" loading="lazy" referrerpolicy="no-referrer" />',
    );
  });

  it("keeps data: images in <img src> but not other data: URLs there", () => {
    const png = "data:image/png;base64,iVBORw0KGgo=";
    expect(sanitizeHtml(`<img src="${png}" alt="dot">`, BASE)).toBe(
      `<img src="${png}" alt="dot" loading="lazy" referrerpolicy="no-referrer" />`,
    );
    expect(sanitizeHtml('<p>a<img src="data:text/html,<script>alert(1)</script>">b</p>', BASE)).toBe(
      "<p>ab</p>",
    );
  });

  it("makes relative URLs absolute against the base", () => {
    const clean = sanitizeHtml(
      '<a href="../other">o</a><img src="/img/a.jpg" srcset="a-2x.jpg 2x, /b.jpg 3x">',
      BASE,
    );
    expect(clean).toContain('href="https://news.example.com/2024/other"');
    expect(clean).toContain('src="https://news.example.com/img/a.jpg"');
    expect(clean).toContain(
      'srcset="https://news.example.com/2024/story/a-2x.jpg 2x, https://news.example.com/b.jpg 3x"',
    );
  });

  it("drops relative URLs when there is no base to resolve them against", () => {
    expect(sanitizeHtml('<a href="/x">x</a>', null)).toBe("<a>x</a>");
    expect(sanitizeHtml('<a href="https://a.example/x">x</a>', null)).toContain('href="https://a.example/x"');
  });

  it("gives every outbound link rel=noopener noreferrer nofollow and target=_blank, replacing the feed's own", () => {
    const clean = sanitizeHtml('<a href="https://a.example/" target="_self" rel="opener">a</a>', BASE);
    expect(clean).toBe(
      '<a href="https://a.example/" rel="noopener noreferrer nofollow" target="_blank">a</a>',
    );
  });

  it("escapes text so that it cannot become markup", () => {
    const clean = sanitizeHtml("<p>1 &lt; 2 &amp;&amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>", BASE);
    expect(clean).toBe("<p>1 &lt; 2 &amp;&amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(elements(clean).map((e) => e.nodeName)).toEqual(["p"]);
  });

  it("is idempotent", () => {
    const once = sanitizeHtml('<p>a &amp; b <a href="/x">l</a> <img src="i.png"></p>', BASE);
    expect(sanitizeHtml(once, BASE)).toBe(once);
  });
});

describe("htmlToText", () => {
  it("turns paragraphs into blank-line separated text and <br> into a newline", () => {
    expect(htmlToText("<p>One\n  two</p><p>Three<br>four</p><ul><li>a</li><li>b</li></ul>")).toBe(
      "One two\n\nThree\nfour\n\na\n\nb",
    );
  });

  it("decodes entities exactly once", () => {
    expect(htmlToText("AT&amp;T &amp;amp; &amp;lt;b&amp;gt;")).toBe("AT&T &amp; &lt;b&gt;");
    expect(htmlToText("caf&eacute; &#8217; &#x2014;")).toBe("café ’ —");
  });

  it("skips script and style content and keeps <pre> line breaks", () => {
    expect(htmlToText("<p>a</p><script>var x = 1;</script><style>p{}</style><pre>l1\nl2</pre>")).toBe(
      "a\n\nl1\nl2",
    );
  });

  it("collapses whitespace in plain text", () => {
    expect(htmlToText("  a \t b\n c  ")).toBe("a b c");
  });
});

describe("sanitizedHtmlToText", () => {
  it("reads what the sanitizer writes to the same text as htmlToText", () => {
    const dirty = [
      "<p>One\n  two</p><p>Three<br>four</p><ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>",
      '<p>AT&amp;T &lt;b&gt; "quoted" and it\'s</p><pre>l1\n\n  l2\r\nl3</pre><hr>after',
      '<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table><a href="https://x.example/?a=1&b=2">link</a>',
      '<div><p>x<img src="https://x.example/i.png" alt="a &quot;b&quot;">y</p>\u00a0\u200b<wbr>z</div>',
      "<h2>Head</h2>text<blockquote>quote<br/>more</blockquote><dl><dt>t</dt><dd>d</dd></dl>",
    ];
    for (const html of dirty) {
      const clean = sanitizeHtml(html, BASE);
      const fast = sanitizedHtmlToText(clean);
      expect(fast, clean).not.toBeNull();
      expect(fast, clean).toBe(htmlToText(clean));
    }
  });

  it("leaves to htmlToText what the sanitizer does not write, or what htmlparser2 would restructure", () => {
    for (const html of [
      "<p>a<!-- note -->b</p>",
      "<p>caf&eacute;</p>",
      "<p>a &amp b</p>",
      "<p>a</div>",
      "<p>a<div>b</div></p>",
      "<li>a<li>b</li></li>",
      "a</br>b",
      "<font>a</font>",
      "<p class=x>a</p>",
      "<span/>a",
      "<p>unclosed <b>bold",
    ]) {
      const fast = sanitizedHtmlToText(html);
      if (fast !== null) expect(fast, html).toBe(htmlToText(html));
      else expect(htmlToText(html), html).toEqual(expect.any(String));
    }
    expect(sanitizedHtmlToText("<p>a<!-- note -->b</p>")).toBeNull();
    expect(sanitizedHtmlToText("<p>a<div>b</div></p>")).toBeNull();
    expect(sanitizedHtmlToText("<p>caf&eacute;</p>")).toBeNull();
    expect(sanitizedHtmlToText("a</br>b")).toBeNull();
  });

  it("reads every body of the benchmark's corpus without a parser, to htmlToText's text", () => {
    const corpus = createCorpus(1_000);
    let read = 0;
    for (let source = 0; source < 10; source++)
      for (let position = 0; position < 20; position++) {
        const clean = sanitizeHtml(itemHtml(feedItem(corpus, source, position)), BASE);
        expect(sanitizedHtmlToText(clean)).toBe(htmlToText(clean));
        read++;
      }
    expect(read).toBe(200);
  });
});
