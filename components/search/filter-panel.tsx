import Link from "next/link";
import type { ListParams } from "@/lib/articles/params";
import { listHref } from "@/lib/articles/params";
import type { SearchResult } from "@/lib/search";
import { DateRangeForm } from "./date-range-form";

const PRESETS: { value: NonNullable<ListParams["range"]>; label: string }[] = [
  { value: "24h", label: "Past 24 hours" },
  { value: "7d", label: "Past 7 days" },
  { value: "30d", label: "Past 30 days" },
  { value: "12m", label: "Past 12 months" },
];

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function FilterLink({ href, active, label, count, testId }: { href: string; active: boolean; label: string; count?: number; testId?: string }) {
  return (
    <Link
      href={href}
      scroll={false}
      aria-pressed={active}
      data-testid={testId}
      className={`flex items-center justify-between gap-2 rounded px-2 py-1 text-sm ${
        active ? "bg-sky-100 font-medium text-sky-900" : "text-stone-700 hover:bg-stone-100"
      }`}
    >
      <span>
        <span aria-hidden="true" className="mr-1.5 inline-block w-3">
          {active ? "✓" : ""}
        </span>
        {label}
      </span>
      {count !== undefined ? <span className="text-xs text-stone-500 tabular-nums">{count.toLocaleString("en")}</span> : null}
    </Link>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
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
  const hasFilters = params.range || params.from || params.to || params.regions.length || params.countries.length || params.sources.length;
  return (
    <nav aria-label="Filters">
      {hasFilters ? (
        <p className="mb-4">
          <Link href={listHref({ q: params.q, sort: params.sort })} className="text-sm text-sky-800 underline">
            Clear all filters
          </Link>
        </p>
      ) : null}
      <Section title="Date">
        <ul>
          <li>
            <FilterLink href={listHref(params, { range: null, from: null, to: null })} active={!params.range && !params.from && !params.to} label="Any time" />
          </li>
          {PRESETS.map((p) => (
            <li key={p.value}>
              <FilterLink href={listHref(params, { range: params.range === p.value ? null : p.value, from: null, to: null })} active={params.range === p.value} label={p.label} testId={`range-${p.value}`} />
            </li>
          ))}
        </ul>
        <DateRangeForm from={params.from} to={params.to} tz={params.tz} />
      </Section>
      <Section title="Regions">
        <ul data-testid="region-facets">
          {facets.regions.map((r) => {
            const active = params.regions.includes(r.slug);
            return (
              <li key={r.slug}>
                <Link
                  href={listHref(params, { regions: toggle(params.regions, r.slug) })}
                  scroll={false}
                  aria-pressed={active}
                  data-testid={`region-${r.slug}`}
                  className={`block rounded px-2 py-1 text-sm ${active ? "bg-sky-100 font-medium text-sky-900" : "text-stone-700 hover:bg-stone-100"}`}
                >
                  <span className="flex justify-between gap-2">
                    <span>
                      <span aria-hidden="true" className="mr-1.5 inline-block w-3">
                        {active ? "✓" : ""}
                      </span>
                      {r.name}
                    </span>
                    <span className="text-xs text-stone-500 tabular-nums">{r.count.toLocaleString("en")}</span>
                  </span>
                  <span className="mt-1 block h-1.5 rounded bg-stone-200" aria-hidden="true">
                    <span className="block h-1.5 rounded bg-sky-600" style={{ width: `${Math.round((r.count / max) * 100)}%` }} />
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </Section>
      {facets.countries.length > 0 || params.countries.length > 0 ? (
        <Section title="Countries">
          <ul data-testid="country-facets">
            {facets.countries.map((c) => (
              <li key={c.code}>
                <FilterLink href={listHref(params, { countries: toggle(params.countries, c.code) })} active={params.countries.includes(c.code)} label={c.name} count={c.count} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {facets.sources.length > 0 ? (
        <Section title="Sources">
          <ul data-testid="source-facets">
            {facets.sources.map((s) => (
              <li key={s.id}>
                <FilterLink href={listHref(params, { sources: toggle(params.sources, s.id) })} active={params.sources.includes(s.id)} label={s.name} count={s.count} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </nav>
  );
}
