import Link from "next/link";
import type { ListParams } from "@/lib/articles/params";
import { listHref } from "@/lib/articles/params";

/** Relevance/newest switch, shown when there is a query. */
export function SortControl({ params }: { params: ListParams }) {
  const option = (sort: ListParams["sort"], label: string) =>
    params.sort === sort ? (
      <span aria-current="true" className="font-medium text-stone-900">
        {label}
      </span>
    ) : (
      <Link href={listHref(params, { sort })} scroll={false} className="text-sky-800 underline">
        {label}
      </Link>
    );
  return (
    <span className="flex items-center gap-1.5 text-stone-600" data-testid="sort">
      Sort: {option("relevance", "Relevance")} · {option("newest", "Newest")}
    </span>
  );
}
