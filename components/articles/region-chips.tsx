import { listHref } from "@/lib/articles/params";
import { AppLinks } from "@/components/ui/app-links";
import { REGIONS, type RegionSlug } from "@/lib/regions";

const names = new Map(REGIONS.map((r) => [r.slug, r.name]));
const parents = new Set(REGIONS.map((r) => r.parent).filter(Boolean));

/** Region chips, each linking to the list filtered by that region; a parent is left out when its subregion is shown. */
export function RegionChips({ regions }: { regions: RegionSlug[] }) {
  const shown = regions.filter(
    (slug) => !(parents.has(slug) && regions.some((r) => REGIONS.find((x) => x.slug === r)?.parent === slug)),
  );
  if (shown.length === 0) return null;
  return (
    <AppLinks>
      <ul className="chips" aria-label="Regions">
        {shown.map((slug) => (
          <li key={slug}>
            <a href={listHref({ regions: [slug] })} className="chip-region">
              {names.get(slug) ?? slug}
            </a>
          </li>
        ))}
      </ul>
    </AppLinks>
  );
}
