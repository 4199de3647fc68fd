import Link from "next/link";
import { SearchForm } from "@/components/ui/search-form";

export default function ArticleNotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="font-serif text-3xl font-bold">Article not found</h1>
      <p className="mt-4 text-stone-700">
        There is no article at this address. It may have been removed, or the link may be mistyped: search for
        its title instead.
      </p>
      <SearchForm id="not-found-search" label="Search the articles" />
      <p className="mt-6">
        <Link href="/" className="text-sky-800 underline">
          Back to the latest news
        </Link>
      </p>
    </div>
  );
}
