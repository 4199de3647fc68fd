import "server-only";
import type { Db } from "@/lib/db";
import { namesOf } from "@/lib/articles/source-names";
import { languageName } from "@/lib/language";
import { countryName, REGIONS } from "@/lib/regions";
import type { Facets } from "./types";
import type { Filters } from "./where";

export type FacetKind = "region" | "country" | "source" | "language";
export const FACET_KINDS: readonly FacetKind[] = ["region", "country", "source", "language"];
const TOP_COUNTRIES = 20;
const TOP_SOURCES = 50;

/** The facet lists for the UI from counts per value: every region, the top countries and sources, and whatever is selected. */
export async function facetLists(
  db: Db,
  counts: Record<FacetKind, Map<string, number>>,
  filters: Filters,
  approximate: boolean,
): Promise<Facets> {
  const countries = [...counts.country]
    .map(([code, n]) => ({ code, name: countryName(code), count: n }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, TOP_COUNTRIES);
  for (const code of filters.countries) {
    if (!countries.some((c) => c.code === code))
      countries.push({ code, name: countryName(code), count: counts.country.get(code) ?? 0 });
  }
  const top = [...counts.source]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_SOURCES)
    .map(([id]) => Number(id));
  const ids = [...new Set([...top, ...filters.sources])];
  const names = await namesOf(db, ids);
  // A source filter may name a source that does not exist (any more): it is left out.
  const sources = ids
    .flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name, count: counts.source.get(String(id)) ?? 0 }];
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const languages = [...counts.language]
    .map(([code, n]) => ({ code, name: languageName(code), count: n }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  for (const code of filters.languages) {
    if (!languages.some((l) => l.code === code)) languages.push({ code, name: languageName(code), count: 0 });
  }
  return {
    languages,
    regions: REGIONS.map((r) => ({ slug: r.slug, name: r.name, count: counts.region.get(r.slug) ?? 0 })),
    countries,
    sources,
    approximate,
  };
}
