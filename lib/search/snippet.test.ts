import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/html/escape";
import { highlightSubstrings, MARK_CLOSE, MARK_OPEN, markedTermCount, markedToHtml } from "./snippet";

const marked = (s: string) => s.replaceAll("[", MARK_OPEN).replaceAll("]", MARK_CLOSE);

describe("snippets", () => {
  it("escapes everything and adds only <mark>", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(markedToHtml(marked("<script>alert(1)</script> [ceasefire] & <b>"))).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; <mark>ceasefire</mark> &amp; &lt;b&gt;",
    );
  });

  it("always balances marks, whatever markers the text contained", () => {
    expect(markedToHtml(marked("[a [b] c] d ]"))).toBe("<mark>a b</mark> c d ");
    expect(markedToHtml(marked("x [y"))).toBe("x <mark>y</mark>");
    expect(markedToHtml("nul\u0000 and bell\u0007")).toBe("nul and bell");
  });

  it("counts distinct marked terms", () => {
    expect(markedTermCount(marked("[Gaza] and [gaza] and [ceasefire]"))).toBe(2);
    expect(markedTermCount("none")).toBe(0);
  });

  it("highlights substrings for scripts without spaces", () => {
    expect(highlightSubstrings("北京报道：中国经济增长放缓。<b>", ["经济"])).toBe(
      "北京报道：中国<mark>经济</mark>增长放缓。&lt;b&gt;",
    );
    expect(highlightSubstrings("no match here", ["经济"])).toBeNull();
    const long = `${"x".repeat(500)} 经济 ${"y".repeat(500)}`;
    const html = highlightSubstrings(long, ["经济"], 100)!;
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html).toContain("<mark>经济</mark>");
  });
});
