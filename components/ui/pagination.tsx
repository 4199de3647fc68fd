import Link from "next/link";

/** Previous/next links for a paged list; `hrefFor` builds the URL of a page so other state is kept. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  const linkClass = "rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
  return (
    <nav aria-label="Pagination" className="mt-6 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} className={linkClass} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-stone-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
