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

/**
 * Frequent function words of news text in each language with a gazetteer. A word in two of these lists
 * (`de`, `que`, `in`, `die`, `le`, `con`...) belongs to neither; the lists hold words that tell their
 * language apart from the other six.
 */
const FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en: "the and of to in is on a an was with that for from has have were which this their said would been after by it at as die met",
  de: "der die und das in den des es was du an um nicht mit sich dem ist auch auf eine ein wird von zu im nach bei sie für wurde sind hat",
  fr: "le la les de des du et en un une il que a par est dans pour qui sur pas avec aux au ont été cette leur sont ses se ne",
  es: "el la los las de del y en un una que a o por para al su sus con se no es como fue pero más está también dos",
  pt: "o os a as de do da dos das em um uma que e por para com se no não na ao pelo pela foi são como está também",
  it: "il la le di da del al su con per in un una e o che non se ha della sono gli nel alla è anche dalla degli delle questo",
  nl: "de het een van en in is te met die den op om dat niet zijn voor ook er aan wordt werd naar bij heeft maar worden",
};
/** Function word -> its language, for the words in exactly one list. */
const FUNCTION_WORD_LANGUAGE = (() => {
  const seen = new Map<string, string | null>();
  for (const [language, words] of Object.entries(FUNCTION_WORDS))
    for (const word of words.split(" ")) seen.set(word, seen.has(word) ? null : language);
  return new Map([...seen].filter((entry): entry is [string, string] => entry[1] !== null));
})();
/** Function words of the hinted language that confirm it, when no other language's appear. */
const CONFIRMING_WORDS = 3;

/**
 * True when the text plainly is in the hinted language: at least CONFIRMING_WORDS of its function words and
 * none of the other languages'. The detector then has nothing to overrule (it keeps a hint it scores close
 * to its best), and it is most of an article's cost at ingest, so a feed that says what it is (most do)
 * is believed when its text agrees. Any doubt (a quoted phrase, a mislabelled item) leaves it to the detector.
 */
function confirmsHint(text: string, hint: string): boolean {
  if (!(hint in FUNCTION_WORDS)) return false;
  let own = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const language = FUNCTION_WORD_LANGUAGE.get(word);
    if (language === undefined) continue;
    if (language !== hint) return false;
    own++;
  }
  return own >= CONFIRMING_WORDS;
}

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
 * overruled, a Portuguese feed's Brazilian item stays "pt"), or, before the detector is asked, when the
 * text's function words plainly confirm the hint (`confirmByFunctionWords`, default true; false asks the
 * detector in every case, to check that the two agree). Null when neither gives an answer.
 */
export function detectLanguage(
  input: { title: string; body: string; hint?: string | null },
  { confirmByFunctionWords = true }: { confirmByFunctionWords?: boolean } = {},
): string | null {
  const hint = primaryLanguage(input.hint);
  const text = sample(input.title, input.body);
  if (text.trim().length < SHORT_TEXT) return hint;
  if (hint && confirmByFunctionWords && confirmsHint(text, hint)) return hint;
  const result = eld.detect(text);
  const found = result.language || null;
  if (!found) return hint;
  if (!hint || hint === found) return found;
  const scores = result.getScores();
  const best = scores[found] ?? 0;
  if ((scores[hint] ?? 0) >= best * HINT_RATIO) return hint;
  return result.isReliable() ? found : hint;
}
