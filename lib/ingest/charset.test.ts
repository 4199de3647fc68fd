import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, decodeBytes, repairC1Controls } from "./charset";
import { parseDocument } from "./parse";

const fetchedAt = new Date("2024-01-01T00:00:00Z");

function rss(title: string, encodingDecl?: string): string {
  const decl =
    encodingDecl === undefined ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${encodingDecl}"?>`;
  return `${decl}\n<rss version="2.0"><channel><title>feed</title><item><title>${title}</title><link>http://example.com/1</link></item></channel></rss>`;
}

function firstTitle(bytes: Uint8Array, contentType?: string): string | undefined {
  const result = parseDocument(bytes, { contentType, fetchedAt });
  if (!result.ok || result.doc.kind === "opml") throw new Error(result.ok ? "opml" : result.reason);
  return result.doc.items[0]?.title;
}

describe("charsetFromContentType", () => {
  it("reads quoted, spaced and upper-case parameters", () => {
    expect(charsetFromContentType('text/xml;charset= "us-ascii"')).toBe("us-ascii");
    expect(charsetFromContentType("application/rss+xml; CHARSET=KOI8-R")).toBe("KOI8-R");
    expect(charsetFromContentType("text/xml")).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});

describe("decodeBytes", () => {
  const word = "Привет, мир"; // Cyrillic: differs in every single-byte Cyrillic charset
  const japanese = "日本語のニュース";

  it("decodes ISO-8859-1 declared in the XML prolog", () => {
    const bytes = iconv.encode(rss("Café Zürich"), "latin1");
    // Re-encode with the declaration, since rss() above had none.
    const declared = iconv.encode(rss("Café Zürich", "ISO-8859-1"), "latin1");
    expect(firstTitle(declared)).toBe("Café Zürich");
    // Without any declaration the bytes are not UTF-8; the windows-1252 fallback still reads them.
    expect(firstTitle(bytes)).toBe("Café Zürich");
  });

  it("reads windows-1252 curly quotes and dashes, also when labelled ISO-8859-1", () => {
    const text = "“Quoted” – it’s €5";
    expect(firstTitle(iconv.encode(rss(text, "windows-1252"), "win1252"))).toBe(text);
    expect(firstTitle(iconv.encode(rss(text), "win1252"), "text/xml; charset=iso-8859-1")).toBe(text);
  });

  it("decodes KOI8-R from the HTTP header and from the prolog", () => {
    expect(firstTitle(iconv.encode(rss(word), "koi8-r"), "application/rss+xml; charset=koi8-r")).toBe(word);
    expect(firstTitle(iconv.encode(rss(word, "KOI8-R"), "koi8-r"))).toBe(word);
  });

  it("decodes Shift_JIS from the HTTP header and from the prolog", () => {
    expect(firstTitle(iconv.encode(rss(japanese), "shift_jis"), "text/xml; charset=Shift_JIS")).toBe(
      japanese,
    );
    expect(firstTitle(iconv.encode(rss(japanese, "Shift_JIS"), "shift_jis"))).toBe(japanese);
  });

  it("lets the HTTP charset win over the XML declaration", () => {
    const bytes = iconv.encode(rss(word, "windows-1251"), "koi8-r");
    expect(firstTitle(bytes, "text/xml; charset=koi8-r")).toBe(word);
    expect(decodeBytes(bytes, "text/xml; charset=koi8-r")).toMatchObject({
      encoding: "koi8-r",
      source: "http",
    });
  });

  it("ignores an unknown HTTP charset and falls back to the prolog", () => {
    const bytes = iconv.encode(rss(word, "koi8-r"), "koi8-r");
    expect(decodeBytes(bytes, "text/xml; charset=bogus")).toMatchObject({
      encoding: "koi8-r",
      source: "prolog",
    });
  });

  it("honours byte-order marks for UTF-8, UTF-16 and UTF-32", () => {
    const text = rss(word);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    const utf32le = iconv.encode(text, "utf-32le", { addBOM: true });
    for (const bytes of [utf16le, utf16be, utf8, utf32le]) expect(firstTitle(bytes)).toBe(word);
    expect(decodeBytes(utf16be).encoding).toBe("utf-16be");
  });

  it("sniffs UTF-16 without a BOM", () => {
    expect(decodeBytes(iconv.encode(rss(word, "utf-16"), "utf-16le"))).toMatchObject({
      encoding: "utf-16le",
      source: "sniffed",
    });
  });

  it("defaults to UTF-8", () => {
    expect(decodeBytes(Buffer.from(rss(word), "utf8"))).toMatchObject({
      encoding: "utf-8",
      source: "default",
    });
  });

  it("repairs C1 controls that stand for cp1252 punctuation", () => {
    expect(repairC1Controls("don\u0092t \u0093x\u0094")).toBe("don’t “x”");
    expect(repairC1Controls("plain")).toBe("plain");
  });
});
