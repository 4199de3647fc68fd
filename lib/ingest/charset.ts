import iconv from "iconv-lite";

export interface DecodedText {
  text: string;
  /** The encoding actually used, lower-case (e.g. "utf-8", "windows-1252", "koi8-r"). */
  encoding: string;
  /** Where the encoding came from. */
  source: "bom" | "http" | "prolog" | "sniffed" | "default" | "fallback";
}

/**
 * Labels that the WHATWG Encoding Standard maps to windows-1252: feeds labelled Latin-1 or ASCII
 * routinely carry cp1252 curly quotes and dashes in 0x80–0x9F, which real Latin-1 would turn into
 * invisible C1 controls.
 */
const WINDOWS_1252_ALIASES = new Set([
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "latin-1",
  "l1",
  "us-ascii",
  "ascii",
  "ansi_x3.4-1968",
  "cp819",
  "ibm819",
  "iso-ir-100",
  "csisolatin1",
  "cp1252",
  "x-cp1252",
]);

/** The encoding name to hand to the decoder, or null if the label is unknown. */
function canonicalEncoding(label: string): string | null {
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, "");
  if (name === "") return null;
  if (WINDOWS_1252_ALIASES.has(name)) return "windows-1252";
  if (name === "utf8" || name === "unicode-1-1-utf-8") return "utf-8";
  // GB2312 pages are in practice GBK; the superset decodes both.
  if (name === "gb2312" || name === "x-gbk") return "gbk";
  return iconv.encodingExists(name) ? name : null;
}

/** The charset parameter of a Content-Type header value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2] ?? null;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return { encoding: "utf-32be", length: 4 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: "utf-32le", length: 4 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: "utf-16be", length: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: "utf-16le", length: 2 };
  return null;
}

/** UTF-16/32 without a BOM, recognised by how "<" (or "<?") is laid out in the first bytes. */
function sniffWideEncoding(bytes: Uint8Array): string | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x3c) return "utf-32be";
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x00 && b3 === 0x00) return "utf-32le";
  if (b0 === 0x00 && b1 === 0x3c) return "utf-16be";
  if (b0 === 0x3c && b1 === 0x00) return "utf-16le";
  return null;
}

/** The encoding named in an `<?xml ... encoding="..."?>` declaration, read as ASCII. */
function prologEncoding(head: string): string | null {
  const match = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return match?.[1] ?? null;
}

const utf8Lenient = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") return utf8Lenient.decode(bytes);
  // iconv-lite strips a BOM by default.
  return iconv.decode(bytes, encoding);
}

/** cp1252's printable characters at 0x80–0x9F, indexed from 0x80 ("" where cp1252 has a hole). */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

// Text that went cp1252 -> "Latin-1" -> UTF-8 somewhere upstream carries U+0092 where it meant "’".
/** Replaces C1 control characters with the cp1252 characters they almost always stand for. */
export function repairC1Controls(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

// Precedence: a byte-order mark (evidence about the bytes themselves), the HTTP charset, the XML
// declaration, UTF-16/32 sniffing, then UTF-8 — or windows-1252 when nothing declared an encoding
// and the bytes are not valid UTF-8.
/** Decodes a feed's bytes to a string (BOM, HTTP charset, XML declaration, sniffing, UTF-8). */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): DecodedText {
  const decoded = decodeRaw(bytes, contentType);
  return { ...decoded, text: repairC1Controls(decoded.text) };
}

function decodeRaw(bytes: Uint8Array, contentType: string | null | undefined): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bytes, bom.encoding), encoding: bom.encoding, source: "bom" };

  const httpLabel = charsetFromContentType(contentType);
  const httpEncoding = httpLabel === null ? null : canonicalEncoding(httpLabel);
  if (httpEncoding !== null && !/^utf-?(16|32)/.test(httpEncoding)) {
    return { text: decodeWith(bytes, httpEncoding), encoding: httpEncoding, source: "http" };
  }

  const wide = sniffWideEncoding(bytes);
  if (wide !== null) {
    return { text: decodeWith(bytes, wide), encoding: wide, source: "sniffed" };
  }
  if (httpEncoding !== null) {
    // Declared UTF-16/32 but laid out like ASCII: the label is wrong, the bytes are not wide.
    return { text: utf8Lenient.decode(bytes), encoding: "utf-8", source: "fallback" };
  }

  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString(
    "latin1",
  );
  const declared = prologEncoding(head);
  const prolog = declared === null ? null : canonicalEncoding(declared);
  // A document readable as ASCII cannot really be UTF-16/32, whatever its declaration says.
  if (prolog !== null && !/^utf-?(16|32)/.test(prolog)) {
    return { text: decodeWith(bytes, prolog), encoding: prolog, source: "prolog" };
  }

  try {
    return { text: utf8Strict.decode(bytes), encoding: "utf-8", source: "default" };
  } catch {
    return { text: iconv.decode(bytes, "windows-1252"), encoding: "windows-1252", source: "fallback" };
  }
}
