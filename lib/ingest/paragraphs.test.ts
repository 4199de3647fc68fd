import { describe, expect, it } from "vitest";
import { Paragraphs } from "./paragraphs";

// The rule Paragraphs implements in one pass, written the plain way (as htmlToText did it before): text
// and breaks appended to a string (text outside <pre> with its whitespace runs made single spaces, a line
// break "\n", a paragraph break "\n\n"), then split into paragraphs at blank lines and into lines, each line
// collapsed and trimmed, empty ones dropped.
type Event = { text: string; pre: boolean } | "line" | "paragraph";

function reference(events: readonly Event[]): string {
  let out = "";
  for (const e of events) {
    if (e === "line") out += "\n";
    else if (e === "paragraph") out += "\n\n";
    else out += e.pre ? e.text : e.text.replace(/\s+/g, " ");
  }
  const collapse = (line: string) => line.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
  return out
    .split(/\n[ \t\r\f\v\u00a0]*\n/)
    .map((block) => block.split("\n").map(collapse).filter(Boolean).join("\n"))
    .filter(Boolean)
    .join("\n\n");
}

function layout(events: readonly Event[]): string {
  const p = new Paragraphs();
  for (const e of events) {
    if (e === "line") p.lineBreak();
    else if (e === "paragraph") p.paragraphBreak();
    else p.text(e.text, e.pre);
  }
  return p.toString();
}

describe("Paragraphs", () => {
  it("keeps paragraphs apart by one blank line and lines by a line break, with single spaces and no ends", () => {
    const events: Event[] = [
      { text: "  First\tparagraph,\n  one line.  ", pre: false },
      "paragraph",
      "paragraph",
      { text: "Second", pre: false },
      "line",
      { text: " line two ", pre: false },
      "paragraph",
      { text: "code\n\n  indented\r\nlast\u00a0", pre: true },
    ];
    expect(layout(events)).toBe("First paragraph, one line.\n\nSecond\nline two\n\ncode\n\nindented\nlast");
    expect(layout(events)).toBe(reference(events));
  });

  it("does not take a line holding only a zero width or wide space for a blank line", () => {
    const events: Event[] = [{ text: "a\n\u200b\nb\n\u2003\nc\n \u00a0\nd", pre: true }];
    expect(layout(events)).toBe("a\nb\nc\n\nd");
    expect(layout([{ text: "a\u200b", pre: false }, "line", "line", { text: "b", pre: false }])).toBe(
      "a\n\nb",
    );
  });

  it("agrees with the plain rule on 50,000 random sequences of text, spaces and breaks", () => {
    // prettier-ignore
    const pieces = ["a", "word", "é", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u200b", "\u2003",
      "\ufeff", "\u2028", "x y", " z "];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const failures: string[] = [];
    for (let k = 0; k < 50_000; k++) {
      const events: Event[] = Array.from({ length: 1 + random(10) }, () => {
        const kind = random(6);
        if (kind === 0) return "line";
        if (kind === 1) return "paragraph";
        const text = Array.from({ length: 1 + random(4) }, () => pieces[random(pieces.length)]).join("");
        return { text, pre: kind === 2 };
      });
      if (layout(events) !== reference(events)) failures.push(JSON.stringify(events));
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
