import { Parser } from "htmlparser2";
import sanitize from "sanitize-html";

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

/** Whitespace that collapsing to single spaces would change (a text node without it is kept as it is). */
const COLLAPSIBLE = /[^\S ]| {2}/;

/** Plain text of an HTML fragment, entities decoded once; block boundaries become blank lines, <br> a newline. */
export function htmlToText(html: string): string {
  // Most titles and names carry no markup at all.
  if (!html.includes("<") && !html.includes("&")) return collapseWhitespace(html);
  let out = "";
  let skipDepth = 0;
  let preDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipDepth++;
        if (skipDepth > 0) return;
        if (name === "pre") preDepth++;
        if (BLOCK_TAGS.has(name)) out += "\n\n";
        else if (name === "td" || name === "th") out += " ";
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === "pre") preDepth = Math.max(0, preDepth - 1);
        if (name === "br") out += "\n";
        else if (BLOCK_TAGS.has(name)) out += "\n\n";
      },
      ontext(text) {
        if (skipDepth > 0) return;
        // Source line breaks mean nothing in HTML, except inside <pre>.
        out += preDepth > 0 || !COLLAPSIBLE.test(text) ? text : text.replace(/[\s]+/g, " ");
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidyParagraphs(out);
}

/** Whitespace that collapseWhitespace would change: at an end, doubled, or other than a plain space. */
const UNTIDY = /^[\s\u200b]|[\s\u200b]$|[\s\u200b]{2}|[^\S ]|\u200b/;

/** Paragraphs separated by one blank line, lines inside a paragraph kept, spaces collapsed. */
function tidyParagraphs(text: string): string {
  const paragraphs: string[] = [];
  for (const block of text.split(/\n[ \t\r\f\v\u00a0]*\n/)) {
    const lines: string[] = [];
    for (const line of block.split("\n")) {
      // Text nodes arrive with their whitespace runs already collapsed: most lines need no second pass.
      const collapsed = UNTIDY.test(line) ? collapseWhitespace(line) : line;
      if (collapsed !== "") lines.push(collapsed);
    }
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
  }
  return paragraphs.join("\n\n");
}
