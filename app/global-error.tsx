"use client";

import Link from "next/link";
import "./globals.css";

/** Shown when the root layout itself fails; it replaces the layout, so it brings its own <html>. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 text-stone-900 antialiased">
        <main className="mx-auto max-w-xl px-4 py-12 text-center">
          <h1 className="font-serif text-3xl font-bold">Dispatch could not be shown</h1>
          <p className="mt-4 text-stone-700">
            Something went wrong on our side. Try again in a moment
            {error.digest
              ? ` (reference ${error.digest}, which points to the details in the server log)`
              : ""}
            .
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
        </main>
      </body>
    </html>
  );
}
