import Link from "next/link";
import { listHref } from "@/lib/articles/params";
import type { PlacedCountry } from "@/lib/articles/types";

const ZONE_LABELS = { title: "title", dateline: "dateline", lead: "lead", body: "body" } as const;

/** "Why these places?": each tagged country with the phrases that placed it, how often and where. */
export function PlaceEvidenceList({ places }: { places: PlacedCountry[] }) {
  if (places.length === 0) return null;
  return (
    <details className="mt-8 rounded border border-stone-200 p-4 text-sm" data-testid="place-evidence">
      <summary className="cursor-pointer font-medium text-stone-800">Why these places?</summary>
      <dl className="mt-3 space-y-2">
        {places.map((p) => (
          <div key={p.code} data-testid={`place-${p.code}`}>
            <dt className="font-medium">
              <Link href={listHref({ countries: [p.code] })} className="text-sky-800 underline">
                {p.name}
              </Link>
              <span className="text-stone-500">
                {" "}
                · {p.primary ? "main subject" : "mentioned"} · {p.mentions}{" "}
                {p.mentions === 1 ? "mention" : "mentions"}
              </span>
            </dt>
            <dd className="text-stone-700">
              {p.evidence.length === 0
                ? "Tagged before evidence was recorded."
                : p.evidence.map((e, i) => (
                    <span key={e.phrase}>
                      {i > 0 ? "; " : ""}“{e.phrase}”{e.count > 1 ? ` ×${e.count}` : ""} (
                      {e.zones.map((z) => ZONE_LABELS[z]).join(", ")})
                    </span>
                  ))}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
