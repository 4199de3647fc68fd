// Inflected forms of place names and nationality adjectives, generated from one base form per entry so
// that the data files stay short: German genitives ("Russlands", "Moskaus"), adjective endings
// ("französisch" -> "französische", "französischen"…), Romance gender and number ("brasileiro" ->
// "brasileira", "brasileiros"…; "francés" -> "francesa", "franceses"…). Over-generation is harmless:
// a form that is not a word never appears in text. Forms are accent-folded like the tokenizer's norms.

function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").replace(/ß/g, "ss");
}

const endsWithAny = (w: string, ends: readonly string[]) => ends.some((e) => w.endsWith(e));

function germanName(phrase: string): string[] {
  // Genitive -s ("Russlands", "Moskaus", "Chinas"); names ending in a sibilant take none.
  return endsWithAny(fold(phrase).toLowerCase(), ["s", "x", "z"]) ? [phrase] : [phrase, `${phrase}s`];
}

function adjectiveForms(language: string, base: string): string[] {
  const b = fold(base).toLowerCase();
  switch (language) {
    case "de":
      return ["", "e", "en", "er", "es", "em"].map((e) => b + e);
    case "nl":
      // An open syllable loses its doubled vowel: "Canadees" -> "Canadese", "Portugees" -> "Portugese" (v13).
      return b.endsWith("ees") ? [b, `${b.slice(0, -3)}ese`] : [b, `${b}e`];
    case "fr":
      if (b.endsWith("s") || b.endsWith("x")) return [b, `${b}e`, `${b}es`];
      if (b.endsWith("e")) return [b, `${b}s`];
      if (b.endsWith("ien") || b.endsWith("en") || b.endsWith("on")) return [b, `${b}ne`, `${b}s`, `${b}nes`];
      return [b, `${b}e`, `${b}s`, `${b}es`];
    case "es":
      if (b.endsWith("o")) return [b, `${b.slice(0, -1)}a`, `${b}s`, `${b.slice(0, -1)}as`];
      if (b.endsWith("e")) return [b, `${b}s`];
      if (b.endsWith("i")) return [b, `${b}es`, `${b}s`];
      return [b, `${b}a`, `${b}es`, `${b}as`];
    case "pt":
      if (b.endsWith("ao")) {
        const stem = b.slice(0, -2);
        return [b, `${stem}a`, `${stem}aes`, `${stem}as`, `${stem}aos`, `${stem}oes`];
      }
      if (b.endsWith("o")) return [b, `${b.slice(0, -1)}a`, `${b}s`, `${b.slice(0, -1)}as`];
      if (b.endsWith("e")) return [b, `${b}s`];
      if (b.endsWith("ol")) return [b, `${b}a`, `${b}as`, `${b.slice(0, -1)}is`];
      if (b.endsWith("i")) return [b, `${b}s`];
      return [b, `${b}a`, `${b}es`, `${b}as`];
    case "it":
      if (b.endsWith("co")) {
        const stem = b.slice(0, -1);
        return [b, `${stem}a`, `${stem}hi`, `${stem}he`, `${stem}i`];
      }
      if (b.endsWith("o")) {
        const stem = b.slice(0, -1);
        return [b, `${stem}a`, `${stem}i`, `${stem}e`];
      }
      if (b.endsWith("e")) return [b, `${b.slice(0, -1)}i`];
      return [b];
    default:
      return [b];
  }
}

/** Forms of a phrase in a language: names get case endings, adjectives gender and number. */
export function inflections(language: string, phrase: string, kind: "name" | "adjective"): string[] {
  if (kind === "adjective") return [...new Set(adjectiveForms(language, phrase))];
  if (language === "de") return germanName(phrase);
  // Dutch writes genitives like English ("Ruslands" is rare; "Amerika's" is a possessive the tokenizer splits).
  return [phrase];
}

/**
 * Forms of a nationality noun: German masculine nouns in -er take a genitive -s ("die Regie des Spaniers",
 * "des Österreichers"; tagger v13). The other languages' files list their nouns' forms.
 */
export function demonymForms(language: string, phrase: string): string[] {
  return language === "de" && phrase.endsWith("er") ? [phrase, `${phrase}s`] : [phrase];
}
