import { Parser } from "htmlparser2";
import sanitize from "sanitize-html";
import { Paragraphs } from "./paragraphs";

/**
 * The only elements that survive. Everything else is dropped (its text kept), and the
 * elements in NON_TEXT_TAGS are dropped together with their content.
 */
// prettier-ignore
const ALLOWED_TAGS = [
  "a", "abbr", "acronym", "address", "article", "aside", "audio", "b", "bdi", "bdo", "big",
  "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del",
  "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3",
  "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture",
  "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source", "span", "strike",
  "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
  "track", "tt", "u", "ul", "var", "video", "wbr",
];

// Their content is code, form state or markup a browser never shows (an iframe's children), never
// article text. <object>'s children are its fallback, which a reader without plugins does show.
// prettier-ignore
const NON_TEXT_TAGS = [
  "script", "style", "textarea", "option", "select", "xmp", "noscript", "noembed", "noframes",
  "template", "iframe", "title", "head", "math", "svg",
];

/**
 * No `style`, `class` or `id` anywhere: styles and classes could restyle the reader itself
 * (a stray Tailwind `fixed inset-0` is an overlay) and ids could clobber DOM names.
 */
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  "*": ["lang", "dir", "title"],
  a: ["href", "hreflang", "rel", "target"],
  // loading and referrerpolicy are set by transformAttributes, never taken from the feed.
  img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "referrerpolicy"],
  audio: ["src", "controls", "loop", "muted", "preload"],
  video: ["src", "controls", "loop", "muted", "preload", "poster", "width", "height"],
  source: ["src", "srcset", "sizes", "type", "media"],
  track: ["src", "kind", "srclang", "label", "default"],
  blockquote: ["cite"],
  q: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  time: ["datetime"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  td: ["colspan", "rowspan", "headers", "align", "valign"],
  th: ["colspan", "rowspan", "headers", "scope", "align", "valign"],
  col: ["span"],
  colgroup: ["span"],
  details: ["open"],
};

const URL_ATTRIBUTES = ["href", "src", "cite", "poster"];
const LINK_REL = "noopener noreferrer nofollow";
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);/i;

/** Resolves `value` against `base` and returns it only if it is an http(s) URL (or, when allowed, an inline image). */
function absoluteUrl(value: string, base: string | null, allowDataImage: boolean): string | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (allowDataImage && DATA_IMAGE.test(trimmed)) return trimmed;
  let resolved: URL;
  try {
    resolved = base === null ? new URL(trimmed) : new URL(trimmed, base);
  } catch {
    // Relative without a base, or garbage: a relative URL would resolve against Dispatch itself.
    return null;
  }
  if (resolved.protocol === "http:" || resolved.protocol === "https:") return resolved.href;
  if (resolved.protocol === "mailto:" && !allowDataImage) return resolved.href;
  return null;
}

/** Rewrites each candidate of a srcset to an absolute http(s) URL, dropping the rest. */
function absoluteSrcset(value: string, base: string | null): string | null {
  const out: string[] = [];
  for (const candidate of value.split(/,\s+|,(?=\S+\s)/)) {
    const [url, ...descriptor] = candidate.trim().split(/\s+/);
    if (url === undefined || url === "") continue;
    const abs = absoluteUrl(url, base, false);
    if (abs === null || abs.startsWith("mailto:")) continue;
    out.push([abs.replaceAll(",", "%2C"), ...descriptor].join(" "));
  }
  return out.length > 0 ? out.join(", ") : null;
}

function transformAttributes(
  tagName: string,
  attribs: sanitize.Attributes,
  base: string | null,
): sanitize.Tag {
  const out: sanitize.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (URL_ATTRIBUTES.includes(name)) {
      const allowData = tagName === "img" && name === "src";
      const abs = absoluteUrl(value, base, allowData);
      // mailto: only makes sense as a link target.
      if (abs !== null && (name === "href" || !abs.startsWith("mailto:"))) out[name] = abs;
    } else if (name === "srcset") {
      const abs = absoluteSrcset(value, base);
      if (abs !== null) out[name] = abs;
    } else if (!["rel", "target", "loading", "referrerpolicy"].includes(name)) {
      out[name] = value;
    }
  }
  if (tagName === "a" && out.href !== undefined) {
    out.rel = LINK_REL;
    if (!out.href.startsWith("mailto:")) out.target = "_blank";
  }
  if (tagName === "img") {
    // Images load only when scrolled to, and never tell the image host which article is being read.
    out.loading = "lazy";
    out.referrerpolicy = "no-referrer";
  }
  return { tagName, attribs: out };
}

/** Sanitizes feed HTML with a strict allowlist; URLs become absolute against `baseUrl`, links get rel="noopener noreferrer nofollow" target="_blank". */
export function sanitizeHtml(html: string, baseUrl: string | null): string {
  if (html === "") return "";
  return sanitize(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    nonTextTags: NON_TEXT_TAGS,
    // URLs are already made absolute and vetted in transformTags; this is the second line.
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite", "poster", "srcset"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // An image whose source was unsafe (or missing) is only an empty box.
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src && !frame.attribs.srcset,
    transformTags: { "*": (tagName, attribs) => transformAttributes(tagName, attribs, baseUrl) },
  });
}

// prettier-ignore
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "div", "dl",
  "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
  "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
]);
// prettier-ignore
const SKIPPED_TAGS = new Set([
  "script", "style", "noscript", "template", "head", "title", "textarea", "select", "option",
  "iframe", "svg", "math",
]);

/** Collapses runs of whitespace (including no-break spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}

/** Plain text of an HTML fragment, entities decoded once; block boundaries become blank lines, <br> a newline. */
export function htmlToText(html: string): string {
  // Most titles and names carry no markup at all.
  if (!html.includes("<") && !html.includes("&")) return collapseWhitespace(html);
  const text = new Paragraphs();
  let skipDepth = 0;
  let preDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === "pre") preDepth++;
        if (BLOCK_TAGS.has(name)) text.paragraphBreak();
        else if (name === "td" || name === "th") text.text(" ", false);
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === "pre") preDepth = Math.max(0, preDepth - 1);
        if (name === "br") text.lineBreak();
        else if (BLOCK_TAGS.has(name)) text.paragraphBreak();
      },
      ontext(chunk) {
        // Source line breaks mean nothing in HTML, except inside <pre>.
        if (skipDepth === 0) text.text(chunk, preDepth > 0);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return text.toString();
}

// What sanitizedHtmlToText needs of htmlparser2's rules (htmlparser2 12, Parser.js), for the elements the
// sanitizer keeps: the void elements (closed as soon as they open; an end tag of one is ignored, except
// </br>), and the elements whose opening closes an open one (its openImpliesClose: an element -> the
// elements it closes when one of them is the innermost open).
// prettier-ignore
const VOID_TAGS = new Set([
  "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex",
  "keygen", "link", "meta", "param", "source", "track", "wbr",
]);
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];
// prettier-ignore
const CLOSES_P = [
  "address", "article", "aside", "blockquote", "details", "div", "dl", "figcaption", "figure", "footer",
  "header", "hr", "ol", "pre", "section", "table", "ul",
];
const IMPLIED_CLOSES = new Map<string, readonly string[]>([
  ["tr", ["tr", "th", "td"]],
  ["th", ["th"]],
  ["td", ["thead", "th", "td"]],
  ["a", ["a"]],
  ["li", ["li"]],
  ["dd", ["dd", "dt"]],
  ["dt", ["dd", "dt"]],
  ["rt", ["rt", "rp"]],
  ["rp", ["rt", "rp"]],
  ["tbody", ["thead", "tbody"]],
  ["tfoot", ["thead", "tbody"]],
  ["p", ["p"]],
  ...HEADINGS.map((h): [string, readonly string[]] => [h, [...HEADINGS, "p"]]),
  ...CLOSES_P.map((t): [string, readonly string[]] => [t, ["p"]]),
]);
const KEPT_TAGS = new Set(ALLOWED_TAGS);
/** An open tag's attributes as the sanitizer writes them: ` name="value"`, the value escaped. */
const SANITIZED_ATTRIBUTES = /^(?:\s+[a-z][a-z-]*="[^"<>]*")*\s*\/?$/;
/** The entities the sanitizer writes in text (its escapeHtml, and ours), and what htmlparser2 decodes them to. */
const TEXT_ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const TEXT_ENTITY = /^&(?:amp|lt|gt|quot|#39);/;

/** Text between tags as htmlparser2 decodes it, or null when it holds another entity. */
function decodedText(raw: string): string | null {
  if (!raw.includes("&")) return raw;
  let other = false;
  const decoded = raw.replace(/&[^&]*/g, (run) => {
    const entity = TEXT_ENTITY.exec(run)?.[0];
    if (entity === undefined) {
      other = true;
      return run;
    }
    return TEXT_ENTITIES[entity]! + run.slice(entity.length);
  });
  return other ? null : decoded;
}

/** a-z and 0-9: the characters of the names of the elements the sanitizer keeps. */
function isTagNameCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * htmlToText for HTML in the form sanitizeHtml writes it, read without an HTML parser: tags the sanitizer
 * keeps, double-quoted escaped attributes, every element closed in order, text escaped with five entities.
 * The same text as htmlToText (a test compares them on every body of the feedparser corpus and of the
 * benchmark's corpus), in less time, for every body an import stores. Null for anything else (a comment,
 * another element or entity, an end tag that does not close the innermost element, an element that
 * htmlparser2 would close by opening another): htmlToText reads that.
 */
export function sanitizedHtmlToText(html: string): string | null {
  if (!html.includes("<") && !html.includes("&")) return collapseWhitespace(html);
  const out = new Paragraphs();
  const open: string[] = [];
  let preDepth = 0;
  const close = (name: string) => {
    if (name === "pre") preDepth--;
    if (name === "br") out.lineBreak();
    else if (BLOCK_TAGS.has(name)) out.paragraphBreak();
  };
  for (let at = 0; at < html.length;) {
    const lt = html.indexOf("<", at);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > at) {
      const text = decodedText(html.slice(at, textEnd));
      if (text === null) return null;
      out.text(text, preDepth > 0);
    }
    if (lt === -1) break;
    const gt = html.indexOf(">", lt);
    if (gt === -1) return null;
    const closing = html.charCodeAt(lt + 1) === 47; // "/"
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < gt && isTagNameCode(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd);
    if (!KEPT_TAGS.has(name)) return null;
    const rest = html.slice(nameEnd, gt);
    if (closing) {
      if (rest.trim() !== "") return null;
      if (VOID_TAGS.has(name)) {
        if (name === "br") return null; // htmlparser2 reads </br> as <br>
      } else {
        if (open.at(-1) !== name) return null;
        open.pop();
        close(name);
      }
    } else {
      if (rest !== "" && !SANITIZED_ATTRIBUTES.test(rest)) return null;
      const innermost = open.at(-1);
      if (innermost !== undefined && IMPLIED_CLOSES.get(name)?.includes(innermost)) return null;
      if (rest.endsWith("/") && !VOID_TAGS.has(name)) return null;
      if (name === "pre") preDepth++;
      if (BLOCK_TAGS.has(name)) out.paragraphBreak();
      else if (name === "td" || name === "th") out.text(" ", false);
      if (VOID_TAGS.has(name)) close(name);
      else open.push(name);
    }
    at = gt + 1;
  }
  return out.toString();
}
