import { AppLinks } from "@/components/ui/app-links";
import { listHref } from "@/lib/articles/params";
import type { CountryRef } from "@/lib/articles/types";

/** Country chips, each linking to the list filtered by that country. Primary countries come first, bolder. */
export function CountryChips({ countries, limit = 6 }: { countries: CountryRef[]; limit?: number }) {
  if (countries.length === 0) return null;
  const shown = countries.slice(0, limit);
  return (
    <AppLinks>
      <ul className="chips" aria-label="Countries">
        {shown.map((c) => (
          <li key={c.code}>
            {/* A plain link (AppLinks navigates in the app): no prefetch, no client component per chip. */}
            <a
              href={listHref({ countries: [c.code] })}
              className={c.primary ? "chip-country main" : "chip-country"}
              title={c.primary ? `${c.name}: a main subject` : `${c.name}: mentioned`}
            >
              {c.name}
            </a>
          </li>
        ))}
        {countries.length > limit ? (
          <li className="text-xs text-stone-500">+{countries.length - limit}</li>
        ) : null}
      </ul>
    </AppLinks>
  );
}
