import de from "i18n-nationality/langs/de.json";
import es from "i18n-nationality/langs/es.json";
import fr from "i18n-nationality/langs/fr.json";
import it from "i18n-nationality/langs/it.json";
import nl from "i18n-nationality/langs/nl.json";
import { isoNamePhrases } from "./countries";
import { phraseNorms } from "./tokenize";

// Nationality adjectives of every country from i18n-nationality (MIT), for the countries whose adjective the
// hand-written language files (data/<lang>.json) lack: "bengalesi", "albaneses", "bulgaro" (tagger v12). The
// package mixes country names, English words and descriptions into some languages' lists ("Andorra",
// "Belizean", "Île Bouvet"), so an entry is used only when it is one word with an adjective ending of its
// language and is not the country's own name; gazetteer.ts inflects it like the hand-written adjectives.

const LISTS: Readonly<Record<string, { nationalities: Readonly<Record<string, string>> }>> = {
  de,
  es,
  fr,
  it,
  nl,
};

const ADJECTIVE_ENDINGS: Readonly<Record<string, RegExp>> = {
  de: /isch$/,
  es: /(?:o|és|ense|í)$/,
  fr: /(?:ais|ois|ien|éen|ain|in|ol|ote|and|ique)$/,
  it: /(?:ano|ese|ino|ita|eno|ico|aco|ego|ato|ero|iota)$/,
  nl: /(?:s|ees|aans|isch)$/,
};

// Territories whose package "adjective" is a word for a wider region or another country's: Spanish
// "caribeño" (BQ) is any Caribbean thing, "sahariano" (EH) any Saharan one, "islandés" (BV) Icelandic (v13).
const NOT_NATIONALITIES = new Set(["BQ", "EH", "BV", "TF", "IO", "GS", "UM", "HM"]);

/** A phrase as the gazetteer keys it (the tokenizer's folded words). */
const key = (phrase: string) => phraseNorms(phrase).join(" ");

/** [code, adjective] pairs of the package for a language (none for a language it lacks), filtered as above. */
export function packageAdjectives(language: string): [code: string, adjective: string][] {
  const list = LISTS[language]?.nationalities;
  const ending = ADJECTIVE_ENDINGS[language];
  if (!list || !ending) return [];
  const names = new Set(isoNamePhrases(language).map(([, phrase]) => key(phrase)));
  const out: [string, string][] = [];
  for (const [code, word] of Object.entries(list)) {
    if (NOT_NATIONALITIES.has(code)) continue;
    if (!/^\p{L}+$/u.test(word) || !ending.test(word.toLowerCase()) || names.has(key(word))) continue;
    out.push([code, word.toLowerCase()]);
  }
  return out;
}
