"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-xl py-12 text-center" role="alert">
      <h1 className="font-serif text-3xl font-bold">This page could not be shown</h1>
      <p className="mt-4 text-stone-700">
        Something went wrong on our side, not yours. Try again in a moment; if it keeps happening, the other
        pages may still work.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded bg-stone-900 px-4 py-2 text-white hover:bg-stone-700"
        >
          Try again
        </button>
        <Link href="/" className="rounded border border-stone-300 bg-white px-4 py-2 hover:bg-stone-100">
          Latest news
        </Link>
      </div>
      {error.digest ? (
        <p className="mt-6 text-sm text-stone-600">
          If you report this, quote the reference <code className="select-all">{error.digest}</code>: it
          points to the details in the server log.
        </p>
      ) : null}
    </div>
  );
}
