// One pass over the text, no regexes per character: the tagger's speed budget (>= 5,000 articles/s)
// is spent here, so tokens live in parallel arrays rather than one object each.

/** Token flag bits. */
export const WORD = 1;
export const CAP = 2; // first letter upper-case
export const ALLCAPS = 4; // every letter upper-case (two or more letters) or an abbreviation like U.S.
export const SENT_START = 8; // first word of a sentence, paragraph or title
export const POSSESSIVE = 16; // "Israel's", the "'s" removed
export const ABBREV = 32; // dotted abbreviation ("U.S.", "D.C."), dots removed in norm

/** Paragraph break marker in `norm`; never part of a gazetteer phrase, so matches stop there. */
export const PARA = "\n";

/** Token columns. Arrays may be longer than `count` (buffers are reused); read past it with normAt/flagsAt. */
export interface Tokens {
  count: number;
  /** Lower-case, accent-folded word, or the punctuation character. */
  norm: string[];
  flags: number[];
  /** Paragraph index (the title is its own paragraph, see tagger). */
  para: number[];
  /** Character offset of each token in its source string. */
  start: number[];
}

// Abbreviations after which a full stop does not end a sentence ("Gov. Kemp", "St. Louis").
const NO_SENTENCE_BREAK = new Set(
  "mr mrs ms dr st gen sen gov rep lt col sgt capt prof jan feb mar apr jun jul aug sep sept oct nov dec no vs inc co corp jr sr mt ft pres adm maj rev hon gov gen brig cmdr ave blvd".split(
    " ",
  ),
);

const FOLD: Readonly<Record<string, string>> = {
  ł: "l",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ı: "i",
  ð: "d",
  þ: "th",
};

function fold(word: string): string {
  const lower = word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return lower.replace(/[łøæœßđıðþ]/g, (c) => FOLD[c] ?? c);
}

function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // Latin-1 punctuation, general punctuation (quotes, dashes) and symbols are not letters.
  if (c <= 0xbf || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  return c !== 0xfeff && c !== 0xa0;
}

// French and Italian elided articles and prepositions: "l'Ukraine", "d'Italia", "dell'Iran", "nell'Ucraina".
// The place after the apostrophe is its own token, capitalized as written.
const ELISIONS = new Set(
  "l d j m n s t c qu jusqu lorsqu puisqu dell dall nell all sull coll quell quest un tutt".split(" "),
);

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x02bc;
}

function isUpperAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = s[i] ?? "";
  return ch !== ch.toLowerCase();
}

/** Appends the tokens of `text` to `out`; paragraphs (blank lines) get increasing indexes from `firstPara`. */
export function tokenizeInto(out: Tokens, text: string, firstPara: number): number {
  const { norm, flags, para, start } = out;
  const n = text.length;
  let p = firstPara;
  let sentenceStart = true;
  let newlines = 0;
  let prevWordNorm = "";
  const firstToken = out.count;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 32 || c === 9 || c === 0xa0 || c === 12) {
      if (c === 10) newlines++;
      i++;
      continue;
    }
    if (newlines >= 2 && out.count > firstToken) {
      const k = out.count++;
      norm[k] = PARA;
      flags[k] = 0;
      para[k] = p;
      start[k] = i;
      p++;
      sentenceStart = true;
    }
    newlines = 0;
    if (isLetterCode(c)) {
      // Dotted abbreviation: U.S., U.S.A., D.C., N.H.
      if (c >= 65 && c <= 90 && text.charCodeAt(i + 1) === 46) {
        let j = i;
        let letters = "";
        while (j + 1 < n) {
          const cj = text.charCodeAt(j);
          if (cj >= 65 && cj <= 90 && text.charCodeAt(j + 1) === 46) {
            letters += text[j];
            j += 2;
          } else break;
        }
        const next = text.charCodeAt(j);
        if (letters.length >= 2 && !(j < n && isLetterCode(next))) {
          const k = out.count++;
          norm[k] = letters.toLowerCase();
          flags[k] = WORD | CAP | ALLCAPS | ABBREV | (sentenceStart ? SENT_START : 0);
          para[k] = p;
          start[k] = i;
          sentenceStart = false;
          prevWordNorm = "";
          i = j;
          continue;
        }
      }
      const s = i;
      let nonAscii = false;
      let upperCount = 0;
      let letterCount = 0;
      let possessive = false;
      let elided = false;
      let j = i;
      while (j < n) {
        const cj = text.charCodeAt(j);
        if (isLetterCode(cj)) {
          if (cj >= 128) nonAscii = true;
          if (cj >= 65 && cj <= 90) upperCount++;
          else if (cj >= 128 && isUpperAt(text, j)) upperCount++;
          letterCount++;
          j++;
          continue;
        }
        if (isApostrophe(cj) && j + 1 < n && isLetterCode(text.charCodeAt(j + 1))) {
          const after = text.charCodeAt(j + 1);
          if ((after === 115 || after === 83) && !(j + 2 < n && isLetterCode(text.charCodeAt(j + 2)))) {
            possessive = true;
            break;
          }
          if (j - s <= 6 && ELISIONS.has(text.slice(s, j).toLowerCase())) {
            elided = true;
            break;
          }
          nonAscii = nonAscii || cj !== 39;
          j++;
          continue;
        }
        break;
      }
      const raw = text.slice(s, j);
      let word = nonAscii ? fold(raw) : upperCount === 0 ? raw : raw.toLowerCase();
      if (nonAscii && word.includes("’")) word = word.replace(/[’ʼ]/g, "'");
      let f = WORD;
      if (isUpperAt(text, s)) f |= CAP;
      if (upperCount === letterCount && letterCount >= 2) f |= ALLCAPS;
      if (sentenceStart) f |= SENT_START;
      if (possessive) f |= POSSESSIVE;
      const k = out.count++;
      norm[k] = word;
      flags[k] = f;
      para[k] = p;
      start[k] = s;
      sentenceStart = false;
      prevWordNorm = word;
      i = possessive ? j + 2 : elided ? j + 1 : j;
      continue;
    }
    // Punctuation: one token per character; dashes other than the hyphen share one norm.
    let ch = text[i] ?? "";
    if (c === 0x2013 || c === 0x2014 || c === 0x2015) ch = "—";
    else if (c === 0x2010 || c === 0x2011) ch = "-";
    else if (isApostrophe(c)) ch = "'";
    const k = out.count++;
    norm[k] = ch;
    flags[k] = 0;
    para[k] = p;
    start[k] = i;
    // A colon counts as a break: headlines capitalize after it ("Gaza: Talks Resume").
    if ((c === 46 && !NO_SENTENCE_BREAK.has(prevWordNorm)) || c === 33 || c === 63 || c === 58)
      sentenceStart = true;
    prevWordNorm = "";
    i++;
  }
  return p;
}

/** Norm of token i, or "" outside the list. */
export function normAt(t: Tokens, i: number): string {
  return i >= 0 && i < t.count ? (t.norm[i] ?? "") : "";
}

/** Flags of token i, or 0 outside the list. */
export function flagsAt(t: Tokens, i: number): number {
  return i >= 0 && i < t.count ? (t.flags[i] ?? 0) : 0;
}

/** Empties a token list for reuse without freeing its arrays. */
export function resetTokens(t: Tokens): void {
  t.count = 0;
}

/** An empty token list. */
export function emptyTokens(): Tokens {
  return { count: 0, norm: [], flags: [], para: [], start: [] };
}

/** Tokenizes a gazetteer phrase the same way as article text, returning the norms. */
export function phraseNorms(phrase: string): string[] {
  const t = emptyTokens();
  tokenizeInto(t, phrase, 0);
  return t.norm.slice(0, t.count);
}
