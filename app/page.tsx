import Link from "next/link";
import { ArticleCard } from "@/components/articles/article-card";
import { Pagination } from "@/components/ui/pagination";
import { parsePage } from "@/lib/articles/params";
import { listLatest } from "@/lib/articles/queries";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const page = parsePage((await searchParams).page);
  const result = await listLatest(page);
  const hrefFor = (p: number) => (p <= 1 ? "/" : `/?page=${p}`);

  return (
    <div>
      <h1 className="sr-only">Latest news</h1>
      <p className="text-sm text-stone-600" data-testid="result-count">
        {result.total === 1 ? "1 article" : `${result.total.toLocaleString("en")} articles`}, newest first
      </p>
      {result.items.length === 0 ? (
        <div className="mt-8 rounded border border-stone-200 bg-white p-6" data-testid="empty">
          {result.total === 0 ? (
            <p>No articles yet. Import some with <code>npm run ingest -- &lt;file or feed URL&gt;</code>.</p>
          ) : (
            <p>
              There is no page {page}: the list has {result.pageCount} {result.pageCount === 1 ? "page" : "pages"}.{" "}
              <Link href={hrefFor(result.pageCount)} className="text-sky-800 underline">
                Go to the last page
              </Link>
              .
            </p>
          )}
        </div>
      ) : (
        <div>
          {result.items.map((article) => (
            <ArticleCard key={article.id} article={article} />
          ))}
        </div>
      )}
      <Pagination page={page} pageCount={result.pageCount} hrefFor={hrefFor} />
    </div>
  );
}
