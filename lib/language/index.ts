// Language detection and names. Pure code and bundled data: no database, no network.
export { detectLanguage, languageName } from "./detect";
