import Link from "next/link";
import type { ReactNode } from "react";
import type { ListParams } from "@/lib/articles/params";
import { hasFilters, listHref } from "@/lib/articles/params";
import { countryName } from "@/lib/regions";
import type { SearchResult } from "@/lib/search";
import { AppLinks } from "@/components/ui/app-links";
import { DateRangeForm } from "./date-range-form";
import { FacetList } from "./facet-list";

const PRESETS: { value: NonNullable<ListParams["range"]>; label: string }[] = [
  { value: "24h", label: "Past 24 hours" },
  { value: "7d", label: "Past 7 days" },
  { value: "30d", label: "Past 30 days" },
  { value: "12m", label: "Past 12 months" },
];

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mb-5">
      <h2 className="mb-1.5 text-xs font-semibold tracking-wide text-stone-500 uppercase">{title}</h2>
      {children}
    </section>
  );
}

/** Date, region, country and source filters as links (they work without JavaScript), with facet counts. */
export function FilterPanel({ params, facets }: { params: ListParams; facets: SearchResult["facets"] }) {
  const max = Math.max(1, ...facets.regions.map((r) => r.count));
  const approximate = facets.approximate;
  const anyTime = !params.range && !params.from && !params.to;
  // A chosen country or source outside the top facets still needs a link that removes it.
  const countries = [
    ...facets.countries,
    ...params.countries
      .filter((code) => !facets.countries.some((c) => c.code === code))
      .map((code) => ({ code, name: countryName(code), count: undefined })),
  ];
  const sources = [
    ...facets.sources,
    ...params.sources
      .filter((id) => !facets.sources.some((s) => s.id === id))
      .map((id) => ({ id, name: `Source ${id}`, count: undefined })),
  ];
  return (
    <nav aria-label="Filters">
      <AppLinks scroll={false}>
        {hasFilters(params) ? (
          <p className="mb-4">
            <Link
              href={listHref({ q: params.q, sort: params.sort })}
              className="text-sm text-sky-800 underline"
            >
              Clear all filters
            </Link>
          </p>
        ) : null}
        <Section title="Date">
          <FacetList
            items={[
              {
                key: "any",
                label: "Any time",
                href: listHref(params, { range: null, from: null, to: null }),
                active: anyTime,
              },
              ...PRESETS.map((p) => ({
                key: p.value,
                label: p.label,
                href: listHref(params, {
                  range: params.range === p.value ? null : p.value,
                  from: null,
                  to: null,
                }),
                active: params.range === p.value,
                testId: `range-${p.value}`,
              })),
            ]}
          />
          <DateRangeForm params={params} />
        </Section>
        <Section title="Regions">
          <FacetList
            testId="region-facets"
            approximate={approximate}
            items={facets.regions.map((r) => ({
              key: r.slug,
              label: r.name,
              href: listHref(params, { regions: toggle(params.regions, r.slug) }),
              active: params.regions.includes(r.slug),
              count: r.count,
              bar: r.count / max,
              testId: `region-${r.slug}`,
            }))}
          />
        </Section>
        {countries.length > 0 ? (
          <Section title="Countries">
            <FacetList
              testId="country-facets"
              approximate={approximate}
              items={countries.map((c) => ({
                key: c.code,
                label: c.name,
                href: listHref(params, { countries: toggle(params.countries, c.code) }),
                active: params.countries.includes(c.code),
                count: c.count,
              }))}
            />
          </Section>
        ) : null}
        {sources.length > 0 ? (
          <Section title="Sources">
            <FacetList
              testId="source-facets"
              approximate={approximate}
              items={sources.map((s) => ({
                key: String(s.id),
                label: s.name,
                href: listHref(params, { sources: toggle(params.sources, s.id) }),
                active: params.sources.includes(s.id),
                count: s.count,
              }))}
            />
          </Section>
        ) : null}
        {facets.languages.length > 0 ? (
          <Section title="Languages">
            <FacetList
              testId="language-facets"
              approximate={approximate}
              items={facets.languages.map((l) => ({
                key: l.code,
                label: l.name,
                href: listHref(params, { languages: toggle(params.languages, l.code) }),
                active: params.languages.includes(l.code),
                count: l.count,
                testId: `lang-${l.code}`,
              }))}
            />
          </Section>
        ) : null}
        {approximate ? (
          <p className="px-2 text-xs text-stone-500" data-testid="approximate-note">
            ≈ Counts estimated from a sample of the matches.
          </p>
        ) : null}
      </AppLinks>
    </nav>
  );
}
