// The layout of the plain text that htmlToText and sanitizedHtmlToText (sanitize.ts) write: paragraphs
// separated by one blank line, lines inside a paragraph kept, every other run of whitespace one space, none
// at either end of a line. Written as the text arrives, in one pass, instead of assembling a string and
// splitting it up again (which was most of the time of htmlToText on an article's body).

const SPACE = 1;
const LINE = 2;
const PARAGRAPH = 3;
const SEPARATORS = ["", " ", "\n", "\n\n"] as const;

/** The characters `\s` matches in a regular expression. */
export function isSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `\s` and U+200B (zero width space): never visible text. */
function isWhitespace(code: number): boolean {
  return code === 0x200b || isSpaceCode(code);
}

/** Whitespace that may stand between two line breaks that end a paragraph (tab, CR, FF, VT, space, NBSP). */
function isBlankLineSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0c || code === 0x0b || code === 0xa0;
}

export class Paragraphs {
  private out = "";
  /** The separator owed before the next visible character: none, a space, a line break or a blank line. */
  private owed = 0;
  /** Since the last line break, nothing but blank-line spaces: a second line break ends the paragraph. */
  private blankLine = false;

  /**
   * Adds text. Outside preformatted text (`pre` false) its line breaks are only spaces, as in HTML; inside,
   * a line break ends a line and two (with only spaces between) a paragraph.
   */
  text(text: string, pre: boolean): void {
    let visibleFrom = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!isWhitespace(code)) {
        if (visibleFrom < 0) {
          visibleFrom = i;
          this.separate();
        }
        continue;
      }
      // A single space between two words stays in the run: most text is copied in one piece.
      if (code === 0x20 && visibleFrom >= 0 && i + 1 < text.length && !isWhitespace(text.charCodeAt(i + 1)))
        continue;
      if (visibleFrom >= 0) {
        this.out += text.slice(visibleFrom, i);
        visibleFrom = -1;
      }
      if (code === 0x0a && pre) this.lineBreak();
      // Outside <pre> every `\s` is a plain space (a blank line's); U+200B and the wide spaces are not.
      else this.space(pre ? isBlankLineSpace(code) : code !== 0x200b);
    }
    if (visibleFrom >= 0) this.out += visibleFrom === 0 ? text : text.slice(visibleFrom);
  }

  lineBreak(): void {
    this.owed = this.blankLine ? PARAGRAPH : Math.max(this.owed, LINE);
    this.blankLine = true;
  }

  paragraphBreak(): void {
    this.owed = PARAGRAPH;
    this.blankLine = true;
  }

  toString(): string {
    return this.out;
  }

  /** A space; `blank`: one that may stand on a blank line (a zero width space, say, may not). */
  private space(blank: boolean): void {
    if (this.owed < SPACE) this.owed = SPACE;
    if (!blank) this.blankLine = false;
  }

  private separate(): void {
    if (this.out !== "" && this.owed > 0) this.out += SEPARATORS[this.owed];
    this.owed = 0;
    this.blankLine = false;
  }
}
