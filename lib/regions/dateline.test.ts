import { describe, expect, it } from "vitest";
import { findDateline } from "./document";
import { tagCountries } from "./index";

function place(text: string): string | null {
  const range = findDateline(text);
  return range ? text.slice(range[0], range[1]) : null;
}

function tagged(body: string, title = "") {
  return tagCountries({ title, body });
}

describe("wire datelines", () => {
  it("finds the place in the common wire formats", () => {
    expect(place("MOSCOW (Reuters) - Russia said on Monday")).toBe("MOSCOW");
    expect(place("GAZA CITY, Oct 5 (AP) — Residents fled")).toBe("GAZA CITY");
    expect(place("KYIV, Ukraine (AP) — Drones struck")).toBe("KYIV, Ukraine");
    expect(place("NEW DELHI/ISLAMABAD, May 7 (Reuters) -- Both sides")).toBe("NEW DELHI/ISLAMABAD");
    expect(place("WASHINGTON — The Senate voted")).toBe("WASHINGTON");
    expect(place("TEHRAN, Oct. 5 (IRNA) – Officials said")).toBe("TEHRAN");
    expect(place("PARIS: The government fell")).toBe("PARIS");
    expect(place("Jerusalem (AFP) - Israel said")).toBe("Jerusalem");
    expect(place("Nairobi, Kenya — Heavy rains")).toBe("Nairobi, Kenya");
    expect(place("LEBANON, Tenn. (AP) — A man")).toBe("LEBANON, Tenn.");
  });

  it("finds a German regional paper's place line, in German only (v13)", () => {
    const at = (text: string) => {
      const range = findDateline(text, "de");
      return range ? text.slice(range[0], range[1]) : null;
    };
    expect(at("Reutlingen. Der Maschinenbauer senkt die Prognose.")).toBe("Reutlingen");
    expect(at("Langnau im Emmental. Die Metzgerei Gerber hat gewonnen.")).toBe("Langnau im Emmental");
    expect(at("Der Maschinenbauer senkt die Prognose. Reutlingen bleibt.")).toBeNull();
    expect(place("Reutlingen. Der Maschinenbauer senkt die Prognose.")).toBeNull();
  });

  it("does not mistake ordinary openings for datelines", () => {
    expect(place("Iran and Russia must fully utilize their capacities")).toBeNull();
    expect(place("The president said — in a rare interview — that")).toBeNull();
    expect(place("US President Joe Biden: a profile")).toBeNull();
    expect(place("Officials said on Monday that talks - long stalled - resumed")).toBeNull();
  });

  it("tags the dateline country as primary even when the text never names it", () => {
    const tags = tagged(
      "MOSCOW (Reuters) - Officials said talks would resume next week in a neutral venue. Later paragraphs mention Brazil once.\n\nNothing else.\n\nBrazil was mentioned in passing.",
    );
    const ru = tags.find((t) => t.code === "RU");
    expect(ru?.primary).toBe(true);
    expect(tags[0]?.code).toBe("RU");
  });

  it("reads all-caps places case-insensitively and as places", () => {
    expect(tagged("GAZA CITY, Oct 5 (AP) — Residents fled south.").map((t) => t.code)).toEqual(["PS"]);
    expect(tagged("NICE, France (AP) — A truck drove into a crowd.").map((t) => t.code)).toEqual(["FR"]);
    expect(tagged("READING, England (AP) — Floods rose.").map((t) => t.code)).toEqual(["GB"]);
    expect(tagged("ATLANTA, Ga. (AP) — Georgia voters went to the polls.").map((t) => t.code)).toEqual([
      "US",
    ]);
  });

  it("finds a dateline after a byline paragraph", () => {
    const tags = tagged("By Jane Doe\n\nBEIRUT (Reuters) - Officials said talks would resume.");
    expect(tags.map((t) => t.code)).toEqual(["LB"]);
    expect(tags[0]?.primary).toBe(true);
  });
});
