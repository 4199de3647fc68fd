"use client";

// The filter panel's lists. A client component for what it sends, not for what it does: the server renders
// the same plain links (they work without JavaScript), and the page's React payload carries each item's
// data (about 100 bytes) instead of its elements (about 450), on every list page (docs/benchmarks.md).

/** One filter link: its label, where it leads, whether it is the chosen one, and its count. */
export interface FacetItem {
  key: string;
  label: string;
  href: string;
  active: boolean;
  count?: number;
  /** Share of the largest count, drawn as a bar under the label. */
  bar?: number;
  testId?: string;
}

function FilterLink({ item, approximate }: { item: FacetItem; approximate: boolean }) {
  return (
    // A plain link: the panel's AppLinks navigates in the app without scrolling; dozens of filter links on
    // every list page are neither prefetched nor each a client component.
    <a
      href={item.href}
      // aria-pressed is for buttons; a link that is the chosen filter is the "current" one.
      aria-current={item.active ? "true" : undefined}
      data-testid={item.testId}
      className="facet"
    >
      <span className="facet-row">
        <span>
          <span aria-hidden="true" className="facet-tick">
            {item.active ? "✓" : ""}
          </span>
          {item.label}
        </span>
        {item.count !== undefined ? (
          // Facets count articles, also where the list counts stories: the tooltip says so.
          <span
            className="facet-count"
            title={`${approximate ? "about " : ""}${item.count.toLocaleString("en")} ${item.count === 1 ? "article" : "articles"}`}
          >
            {approximate ? "≈ " : ""}
            {item.count.toLocaleString("en")}
          </span>
        ) : null}
      </span>
      {item.bar !== undefined ? (
        <span className="facet-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(item.bar * 100)}%` }} />
        </span>
      ) : null}
    </a>
  );
}

/** A list of filter links, counts beside them. */
export function FacetList({
  items,
  testId,
  approximate = false,
}: {
  items: FacetItem[];
  testId?: string;
  approximate?: boolean;
}) {
  return (
    <ul data-testid={testId}>
      {items.map((item) => (
        <li key={item.key}>
          <FilterLink item={item} approximate={approximate} />
        </li>
      ))}
    </ul>
  );
}
