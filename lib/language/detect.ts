// Language of an article: the Efficient Language Detector (eld, Apache-2.0, n-gram tables shipped in the
// package) on the title and the start of the body, and the feed's own language hint when it is plausible.
// Why eld and not tinyld or franc-min: docs/language.md (scripts/compare-language-detectors.ts).
import { eld } from "eld/medium";

/** Characters of body read for detection: title + 200 characters was 99.8% right on the evaluation texts (docs/language.md) and keeps ingest fast. */
const SAMPLE_CHARS = 200;
/** Below this many characters of text the detector is a guess; a feed's hint wins. */
const SHORT_TEXT = 40;
/** A hint is plausible when the detector scores it at least this fraction of its best score. */
const HINT_RATIO = 0.8;

/** Names of the languages the app shows and filters by (others are stored and shown by code). */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: "English",
  de: "German",
  fr: "French",
  es: "Spanish",
  pt: "Portuguese",
  it: "Italian",
  nl: "Dutch",
  sv: "Swedish",
  da: "Danish",
  no: "Norwegian",
  fi: "Finnish",
  pl: "Polish",
  cs: "Czech",
  ro: "Romanian",
  hu: "Hungarian",
  el: "Greek",
  tr: "Turkish",
  ru: "Russian",
  uk: "Ukrainian",
  ar: "Arabic",
  he: "Hebrew",
  fa: "Persian",
  hi: "Hindi",
  zh: "Chinese",
  ja: "Japanese",
  ko: "Korean",
  id: "Indonesian",
  vi: "Vietnamese",
  th: "Thai",
  ca: "Catalan",
};

/** Display name of an ISO 639-1 code ("de" -> "German"); the code in upper case when unknown. */
export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code.toUpperCase();
}

/** ISO 639-1 primary subtag of a BCP 47-ish tag ("pt-BR" -> "pt"), or null. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const m = /^([a-z]{2})(?:[-_]|$)/i.exec(tag.trim());
  if (!m) return null;
  const code = m[1]!.toLowerCase();
  // Old and alternative codes feeds still use.
  return code === "iw" ? "he" : code === "in" ? "id" : code === "nb" || code === "nn" ? "no" : code;
}

/** The text the detector reads: title and the start of the body. */
function sample(title: string, body: string): string {
  const head = body.length > SAMPLE_CHARS ? body.slice(0, SAMPLE_CHARS) : body;
  return `${title}\n${head}`;
}

/**
 * ISO 639-1 language of an article. The detector decides when the text is long enough and its answer is
 * reliable; the feed's hint (`xml:lang`, `<language>`, JSON Feed `language`) is kept when the text is short
 * or the detector scores the hinted language close to its best (feeds that label everything "en-us" are
 * overruled, a Portuguese feed's Brazilian item stays "pt"). Null when neither gives an answer.
 */
export function detectLanguage(input: { title: string; body: string; hint?: string | null }): string | null {
  const hint = primaryLanguage(input.hint);
  const text = sample(input.title, input.body);
  if (text.trim().length < SHORT_TEXT) return hint;
  const result = eld.detect(text);
  const found = result.language || null;
  if (!found) return hint;
  if (!hint || hint === found) return found;
  const scores = result.getScores();
  const best = scores[found] ?? 0;
  if ((scores[hint] ?? 0) >= best * HINT_RATIO) return hint;
  return result.isReliable() ? found : hint;
}
