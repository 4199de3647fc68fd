import { gazetteerFor, type Gazetteer } from "./gazetteer";
import { ALLCAPS, CAP, PARA, WORD, emptyTokens, resetTokens, tokenizeInto, type Tokens } from "./tokenize";

/** Where a token sits; salience and some rules depend on it. */
export const TITLE = 0;
export const DATELINE = 1;
export const LEAD = 2;
export const BODY = 3;
export type Zone = typeof TITLE | typeof DATELINE | typeof LEAD | typeof BODY;

export interface Doc {
  t: Tokens;
  title: string;
  body: string;
  /** The phrase index of the article's language. */
  gaz: Gazetteer;
  /** Publication year, when known (officeholders count only in their years). */
  year: number | null;
  /** Tokens [0, titleEnd) are the title. */
  titleEnd: number;
  /** Title Case or ALL CAPS title: capitalization says nothing about proper nouns there. */
  titleCaseless: boolean;
  /** Token range of the dateline place ("GAZA CITY", "KYIV, Ukraine"), empty when none. */
  datelineStart: number;
  datelineEnd: number;
  /** Body paragraphs with index <= leadParaMax form the lead. */
  leadParaMax: number;
  /** Every word of the article, built on first use by rules that look at the whole article. */
  words: Set<string> | null;
}

// "MOSCOW (Reuters) -", "GAZA CITY, Oct 5 (AP) —", "KYIV, Ukraine (AP) —", "NEW DELHI/ISLAMABAD, May 7 (Reuters) -",
// "WASHINGTON —", "PARIS: ...", and the European forms "PARIS, 3 mars (AFP) -", "BERLIN, 3. März (dpa) -",
// "BRASÍLIA, 3 de março (Agência Brasil) -". Group 1 and 2 hold the place; one regex per article, on its
// first line only.
const DATELINE_RE =
  /^\s*([A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F.'’\-/ ]{1,48}?)(?:,\s*([A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F.'’ ]{1,28}?))?(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+(?:de\s+)?[A-Za-z\u00E0-\u00FF]{3,10}\.?)(?:\s+(?:de\s+)?\d{4})?)?\s*(\([^)\n]{1,40}\))?\s*([—–]|\s-{1,2}|:)\s/;

const SMALL_TITLE_WORDS = new Set(
  "with from into over after about that this than amid upon onto what when where will says said have been were they their them your".split(
    " ",
  ),
);

function isTitleCaseless(t: Tokens, end: number): boolean {
  let considered = 0;
  let capitalized = 0;
  let allCaps = 0;
  for (let i = 0; i < end; i++) {
    const f = t.flags[i] ?? 0;
    if (!(f & WORD)) continue;
    const w = t.norm[i] ?? "";
    if (w.length < 4 || SMALL_TITLE_WORDS.has(w) || !/^[a-z]/.test(w)) continue;
    considered++;
    if (f & CAP) capitalized++;
    if (f & ALLCAPS) allCaps++;
  }
  if (considered >= 2 && allCaps === considered) return true;
  return considered >= 3 && capitalized / considered >= 0.75;
}

function isPlaceLike(s: string): boolean {
  // Mixed-case datelines need every word capitalized ("Nairobi, Kenya —"), at most four words.
  const words = s.trim().split(/[\s/]+/);
  return words.length <= 4 && words.every((w) => /^[A-Z\u00C0-\u00DE]/.test(w));
}

// German regional papers open with the place and a full stop: "Reutlingen. Der Maschinenbauer …", "Langnau im
// Emmental. Die Metzgerei …" (tagger v13). The place is one capitalized word, perhaps with "im/am/an der X".
const GERMAN_PLACE_LINE_RE =
  /^\s*([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?: (?:im|am|an der|in der|bei) [A-ZÄÖÜ][a-zäöüß]+)?)\. (?=[A-ZÄÖÜ])/;

/** Character range of a dateline's place at the start of `text`, or null. */
export function findDateline(text: string, language: string | null = null): [number, number] | null {
  if (language === "de") {
    const place = GERMAN_PLACE_LINE_RE.exec(text);
    if (place) {
      const start = place.index + place[0].indexOf(place[1]!);
      return [start, start + place[1]!.length];
    }
  }
  const m = DATELINE_RE.exec(text.slice(0, 200));
  if (!m) return null;
  const place = m[1] ?? "";
  const region = m[2] ?? "";
  const agency = m[3] ?? "";
  const sep = m[4] ?? "";
  const upper = place === place.toUpperCase() && /[A-Z\u00C0-\u00DE]{2}/.test(place);
  const dash = sep === "—" || sep === "–";
  if (!upper && !agency && !(dash && isPlaceLike(place) && (region === "" || isPlaceLike(region))))
    return null;
  if (!upper && sep === ":") return null;
  const start = m.index + m[0].indexOf(place);
  let end = start + place.length;
  if (region) end = m.index + m[0].indexOf(region, end - m.index) + region.length;
  return [start, end];
}

// One buffer per process: tagging is synchronous, so the next article may reuse the arrays (no GC churn).
const BUFFER = emptyTokens();

/** Tokenizes title and body and marks title, dateline and lead. The Doc is valid until the next call. */
export function analyze(
  title: string,
  body: string,
  language: string | null = null,
  date: Date | null = null,
): Doc {
  const t = BUFFER;
  resetTokens(t);
  const lastTitlePara = tokenizeInto(t, title, 0);
  const titleEnd = t.count;
  const k = t.count++;
  t.norm[k] = PARA;
  t.flags[k] = 0;
  t.para[k] = lastTitlePara;
  t.start[k] = 0;
  const bodyStart = t.count;
  const firstBodyPara = lastTitlePara + 1;
  tokenizeInto(t, body, firstBodyPara);

  // The lead is the first body paragraph, or the first two when the first is a byline or a stub.
  let firstParaWords = 0;
  for (let i = bodyStart; i < t.count && t.para[i] === firstBodyPara; i++) {
    if ((t.flags[i] ?? 0) & WORD) firstParaWords++;
  }
  const leadParaMax = firstParaWords < 20 ? firstBodyPara + 1 : firstBodyPara;

  let datelineStart = 0;
  let datelineEnd = 0;
  // Look at the first paragraph, or the second when the first is short (a byline).
  for (let i = bodyStart; i < t.count; i++) {
    const para = t.para[i] ?? 0;
    if (para > leadParaMax) break;
    if (i !== bodyStart && t.norm[i - 1] !== PARA) continue;
    const offset = t.start[i] ?? 0;
    const range = findDateline(body.slice(offset), language);
    if (range) {
      let j = i;
      while (j < t.count && (t.start[j] ?? 0) < offset + range[0]) j++;
      datelineStart = j;
      while (j < t.count && t.para[j] === para && (t.start[j] ?? 0) < offset + range[1]) j++;
      datelineEnd = j;
      break;
    }
  }
  return {
    t,
    title,
    body,
    gaz: gazetteerFor(language),
    year: date ? date.getUTCFullYear() : null,
    titleEnd,
    titleCaseless: isTitleCaseless(t, titleEnd),
    datelineStart,
    datelineEnd,
    leadParaMax,
    words: null,
  };
}

/** True when the article (title or body) contains any of the words (accent-folded, lower-case). */
export function docHasAny(doc: Doc, words: ReadonlySet<string>): boolean {
  if (!doc.words) {
    doc.words = new Set();
    for (let i = 0; i < doc.t.count; i++)
      if ((doc.t.flags[i] ?? 0) & WORD) doc.words.add(doc.t.norm[i] ?? "");
  }
  for (const w of words) if (doc.words.has(w)) return true;
  return false;
}

/** The zone of token i. */
export function zoneOf(doc: Doc, i: number): Zone {
  if (i < doc.titleEnd) return TITLE;
  if (i >= doc.datelineStart && i < doc.datelineEnd) return DATELINE;
  return (doc.t.para[i] ?? 0) <= doc.leadParaMax ? LEAD : BODY;
}
