import de from "i18n-iso-countries/langs/de.json";
import en from "i18n-iso-countries/langs/en.json";
import es from "i18n-iso-countries/langs/es.json";
import fr from "i18n-iso-countries/langs/fr.json";
import it from "i18n-iso-countries/langs/it.json";
import nl from "i18n-iso-countries/langs/nl.json";
import pt from "i18n-iso-countries/langs/pt.json";

// i18n-iso-countries (MIT) gives one or more English names per code; the first is often the formal
// one ("Islamic Republic of Iran"), so display names that a reader expects are overridden here.
const DISPLAY_OVERRIDES: Readonly<Record<string, string>> = {
  BN: "Brunei",
  BO: "Bolivia",
  BQ: "Caribbean Netherlands",
  CC: "Cocos Islands",
  CD: "DR Congo",
  CG: "Republic of the Congo",
  CI: "Ivory Coast",
  CN: "China",
  CZ: "Czechia",
  FK: "Falkland Islands",
  FM: "Micronesia",
  GB: "United Kingdom",
  GM: "Gambia",
  IR: "Iran",
  KP: "North Korea",
  KR: "South Korea",
  LA: "Laos",
  MD: "Moldova",
  MF: "Saint Martin",
  MK: "North Macedonia",
  MO: "Macau",
  NL: "Netherlands",
  PN: "Pitcairn Islands",
  PS: "Palestine",
  RU: "Russia",
  SX: "Sint Maarten",
  SY: "Syria",
  TR: "Turkey",
  TW: "Taiwan",
  TZ: "Tanzania",
  UM: "US Minor Outlying Islands",
  US: "United States",
  VA: "Vatican City",
  VE: "Venezuela",
  VG: "British Virgin Islands",
  VI: "US Virgin Islands",
  AX: "Åland Islands",
};

const ISO_NAMES: Readonly<Record<string, string | string[]>> = en.countries;

const CODES: readonly string[] = Object.keys(ISO_NAMES).sort();

/** All country codes the tagger can emit (ISO 3166-1 alpha-2 plus XK), sorted. */
export function allCountryCodes(): string[] {
  return [...CODES];
}

/** Short English display name ("Iran", "Palestine", "United States"); the code itself when unknown. */
export function countryName(code: string): string {
  const upper = code.toUpperCase();
  const override = DISPLAY_OVERRIDES[upper];
  if (override) return override;
  const names = ISO_NAMES[upper];
  if (names === undefined) return upper;
  return typeof names === "string" ? names : (names[0] ?? upper);
}

const LOCALES: Readonly<Record<string, Readonly<Record<string, string | string[]>>>> = {
  en: en.countries,
  de: de.countries,
  fr: fr.countries,
  es: es.countries,
  pt: pt.countries,
  it: it.countries,
  nl: nl.countries,
};

/** The package's names in a language usable as phrases (formal names with commas or brackets are skipped). */
export function isoNamePhrases(language = "en"): Array<[code: string, phrase: string]> {
  const out: Array<[string, string]> = [];
  const table = LOCALES[language] ?? ISO_NAMES;
  for (const code of CODES) {
    const names = table[code];
    const list = typeof names === "string" ? [names] : (names ?? []);
    for (const name of list) {
      if (!/[,()]/.test(name)) out.push([code, name]);
    }
  }
  return out;
}
