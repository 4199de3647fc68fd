import Link from "next/link";
import { listHref } from "@/lib/articles/params";
import type { CountryRef } from "@/lib/articles/types";

/** Country chips, each linking to the list filtered by that country. Primary countries come first, bolder. */
export function CountryChips({ countries, limit = 6 }: { countries: CountryRef[]; limit?: number }) {
  if (countries.length === 0) return null;
  const shown = countries.slice(0, limit);
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Countries">
      {shown.map((c) => (
        <li key={c.code}>
          <Link
            href={listHref({ countries: [c.code] })}
            // Up to six chips per card: prefetching each would render the list page again and again.
            prefetch={false}
            className={c.primary ? "chip-country main" : "chip-country"}
            title={c.primary ? `${c.name}: a main subject` : `${c.name}: mentioned`}
          >
            {c.name}
          </Link>
        </li>
      ))}
      {countries.length > limit ? (
        <li className="text-xs text-stone-500">+{countries.length - limit}</li>
      ) : null}
    </ul>
  );
}
