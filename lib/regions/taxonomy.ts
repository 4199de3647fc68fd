import type { CountryTag, Region, RegionSlug } from "./types";

/** The news-desk taxonomy, in display order. Placement choices are explained in docs/regions.md. */
export const REGIONS: readonly Region[] = [
  { slug: "africa", name: "Africa", parent: null, aliases: ["sub-saharan africa", "subsaharan africa"] },
  { slug: "americas", name: "Americas", parent: null, aliases: ["the americas"] },
  {
    slug: "north-america",
    name: "North America",
    parent: "americas",
    aliases: ["us and canada", "us & canada", "northern america"],
  },
  {
    slug: "latin-america-caribbean",
    name: "Latin America & Caribbean",
    parent: "americas",
    aliases: [
      "latin america",
      "latin america and the caribbean",
      "caribbean",
      "latam",
      "south america",
      "central america",
    ],
  },
  {
    slug: "asia-pacific",
    name: "Asia Pacific",
    parent: null,
    aliases: [
      "asia",
      "apac",
      "oceania",
      "pacific",
      "east asia",
      "south asia",
      "southeast asia",
      "central asia",
    ],
  },
  { slug: "europe", name: "Europe", parent: null, aliases: [] },
  {
    slug: "middle-east-north-africa",
    name: "Middle East & North Africa",
    parent: null,
    aliases: [
      "middle east",
      "west asia",
      "mena",
      "near east",
      "north africa",
      "middle east and north africa",
    ],
  },
  { slug: "world", name: "World", parent: null, aliases: ["global", "international", "worldwide"] },
];

// Leaf region per code, written as one line per region so a misplaced code is easy to spot in review.
const LEAF_MEMBERS: Readonly<Record<Exclude<RegionSlug, "americas" | "world">, string>> = {
  africa:
    "AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW KE KM LR LS MG ML MR MU MW MZ NA NE NG RW SC SD SH SL SN SO SS ST SZ TD TG TZ UG ZA ZM ZW RE YT IO TF",
  "middle-east-north-africa": "AE BH DZ EG EH IL IQ IR JO KW LB LY MA OM PS QA SA SY TN YE",
  europe:
    "AD AL AM AT AX AZ BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TR UA VA XK",
  "north-america": "US CA BM GL PM UM",
  "latin-america-caribbean":
    "AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GS BV GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI",
  "asia-pacific":
    "AF AQ AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN JP KG KH KI KP KR KZ LA LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TJ TK TL TM TO TV TW UZ VN VU WF WS",
};

const LEAF_OF = new Map<string, RegionSlug>();
for (const [slug, codes] of Object.entries(LEAF_MEMBERS)) {
  for (const code of codes.split(" ")) LEAF_OF.set(code, slug as RegionSlug);
}

const PARENT_OF = new Map<RegionSlug, RegionSlug | null>(REGIONS.map((r) => [r.slug, r.parent]));

function normalizeRegionName(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const REGION_LOOKUP = new Map<string, RegionSlug>();
for (const region of REGIONS) {
  for (const label of [region.slug, region.name, ...region.aliases]) {
    REGION_LOOKUP.set(normalizeRegionName(label), region.slug);
  }
}

/** The leaf region of a country code, or null for an unknown code. */
export function regionOfCountry(code: string): RegionSlug | null {
  return LEAF_OF.get(code.toUpperCase()) ?? null;
}

/** A region slug from a slug, display name or alias, case-insensitive; null when unknown. */
export function resolveRegion(input: string): RegionSlug | null {
  return REGION_LOOKUP.get(normalizeRegionName(input)) ?? null;
}

/** Regions of the primary countries plus their parents, in display order; ["world"] when there are none. */
export function regionsForTags(tags: readonly Pick<CountryTag, "code" | "primary">[]): RegionSlug[] {
  const found = new Set<RegionSlug>();
  for (const tag of tags) {
    if (!tag.primary) continue;
    let slug = regionOfCountry(tag.code);
    while (slug) {
      found.add(slug);
      slug = PARENT_OF.get(slug) ?? null;
    }
  }
  if (found.size === 0) return ["world"];
  return REGIONS.filter((r) => found.has(r.slug)).map((r) => r.slug);
}

/** Every code that has a leaf region (used by tests to check the taxonomy is total). */
export function codesWithRegion(): string[] {
  return [...LEAF_OF.keys()];
}
