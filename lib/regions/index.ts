// Public API of the country/region tagger. Pure code and bundled data: no database, no network.
export type { CountryTag, EvidenceZone, PlaceEvidence, Region, RegionSlug } from "./types";
export { REGIONS, regionOfCountry, regionsForTags, resolveRegion } from "./taxonomy";
export { allCountryCodes, countryName } from "./countries";
export { TAGGER_VERSION, tagCountries, type TagInput } from "./tagger";
