// The tagger's language data (one JSON file per language) and its implicit places (institutions and
// officeholders, implicit.json). Data, not code: each file names its sources and the date it was last
// reviewed; docs/regions.md says how to extend them.
import de from "./de.json";
import es from "./es.json";
import fr from "./fr.json";
import geonames from "./geonames-cities.json";
import givenNames from "./given-names.json";
import implicit from "./implicit.json";
import it from "./it.json";
import nl from "./nl.json";
import pt from "./pt.json";
import subdivisions from "./subdivisions.json";

/** Phrases by ISO 3166-1 alpha-2 code, "|"-separated. */
export type PhraseTable = Readonly<Record<string, string>>;

export interface LanguageData {
  language: string;
  about: string;
  sources: string[];
  reviewed: string;
  /** Short and common names the ISO list lacks ("Russland", "USA"); inflected ("Russlands"). */
  names: PhraseTable;
  /** Nationality adjectives, masculine singular / uninflected ("französisch", "brasileiro"); inflected. */
  adjectives: PhraseTable;
  /** Nationality nouns as written ("Franzosen", "Brasileiros"), not inflected. */
  demonyms: PhraseTable;
  /** Capitals and major cities by their local names in this language ("Moskau", "Pékin", "Bruxelas"). */
  cities: PhraseTable;
  /** First-level divisions by their names in this language ("Bayern", "Bavière", "Nova Jersey"). */
  subdivisions: PhraseTable;
  /** Institutions and seats of government as this language names them ("Weißes Haus", "Casa Blanca"). */
  institutions: PhraseTable;
  /** Phrases with a place word that are no country in this language (seas, regions, dishes, titles). */
  blocked: string;
  /** Phrases of the shared English lists that mean something else in this language (German "Jordan" is the river). */
  notPlaces: string;
  /** Nationality adjectives and nouns are written in lower case ("le gouvernement français"). */
  lowerCaseDemonyms: boolean;
  /** Words before a nationality adjective that make it the language ("en español", "auf Deutsch"). */
  languageBefore: string;
  /** Words after one that make it the language ("französische Sprache"). */
  languageAfter: string;
  /** Prepositions that place the next word ("in", "nach", "à", "em", "naar"). */
  locatives: string;
  /** Names that need a context rule in this language, by rule ("Pará": "common-word", "Géorgie": "georgia"). */
  rules?: Readonly<Record<string, "common-word" | "given-name" | "georgia">>;
  ruleCodes?: Readonly<Record<string, string>>;
  /** Words that, in an article containing any of them, make a phrase something else ("Amerikaner": bakery words). */
  homographs?: PhraseTable;
  /** Words right before a name that make it something else ("Moldau" after "die": the river). */
  notAfter?: PhraseTable;
  /** Words that make an article about languages: there, "lo spagnolo" is the language. */
  languageTopic?: string;
  /** Common given names: a nationality word right after one is a surname ("Giovanni Tedesco"). */
  givenNames?: string;
}

export interface ImplicitData {
  about: string;
  sources: string[];
  reviewed: string;
  institutions: { code: string; phrases: string; languages?: string[]; note?: string }[];
  officeholders: {
    code: string;
    names: string;
    role: string;
    /** Years as [from, to] (inclusive; to null while in office). */
    years: [number, number | null][];
    /** Only in these languages (a surname that is a common word elsewhere: Italian "albanese"). */
    languages?: string[];
  }[];
}

/** Languages with their own gazetteer; any other language is tagged with the English one. */
export const TAGGED_LANGUAGES: readonly string[] = ["en", "de", "fr", "es", "pt", "it", "nl"];

export const LANGUAGE_DATA: Readonly<Record<string, LanguageData>> = { de, fr, es, pt, it, nl } as Record<
  string,
  LanguageData
>;

export const IMPLICIT: ImplicitData = implicit as ImplicitData;

/** Cities above a population threshold from GeoNames, by country (context rule "geo-city" in rules.ts). */
export const GEONAMES_CITIES: PhraseTable = geonames.cities;

/** Given names of many languages, folded and "|"-separated (scripts/build-given-names.ts). */
export const GIVEN_NAME_LIST: string = givenNames.names;

/** City names shared by several countries, with each country's largest namesake: "CL:85651|US:1469845". */
export const GEONAMES_HOMONYMS: PhraseTable = geonames.homonyms;

/** First-level divisions of every country (ISO 3166-2, English names): "clear" count anywhere, "context" ones need context. */
export const SUBDIVISIONS: { clear: PhraseTable; context: PhraseTable } = subdivisions.divisions;
