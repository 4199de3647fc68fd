import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/ui/search-form";

export const metadata: Metadata = {
  title: { absolute: "Page not found · Dispatch" },
  robots: { index: false },
};

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-stone-700">
        Nothing lives at this address. Search for what you were looking for, or start from the latest news.
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
