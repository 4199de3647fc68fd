import Link from "next/link";
import type { ListNeighbours } from "@/lib/articles/list-neighbours";

/** "Previous" and "Next" in the list (or story) the reader came from, and the way back to it. */
export function ListNeighboursNav({ neighbours }: { neighbours: ListNeighbours }) {
  const { previous, next } = neighbours;
  return (
    <nav
      aria-label="In the list you came from"
      className="mt-8 grid grid-cols-2 gap-4 border-t border-stone-200 pt-4 text-sm"
      data-testid="list-neighbours"
    >
      <div>
        {previous ? (
          <Link href={previous.href} rel="prev" className="group block" data-testid="list-previous">
            <span className="text-stone-600">← Previous</span>
            <span className="block font-serif text-base text-sky-800 group-hover:underline">
              {previous.title}
            </span>
          </Link>
        ) : null}
      </div>
      <div className="text-right">
        {next ? (
          <Link href={next.href} rel="next" className="group block" data-testid="list-next">
            <span className="text-stone-600">Next →</span>
            <span className="block font-serif text-base text-sky-800 group-hover:underline">
              {next.title}
            </span>
          </Link>
        ) : null}
      </div>
      <p className="col-span-2 text-center">
        <Link href={neighbours.listHref} className="text-stone-600 underline hover:text-stone-900">
          {neighbours.backLabel}
        </Link>
      </p>
    </nav>
  );
}
