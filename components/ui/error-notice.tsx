"use client";

import Link from "next/link";

/** What an error page says and offers: a retry, the front page, and the reference that finds the log entry. */
export function ErrorNotice({
  title,
  digest,
  reset,
}: {
  title: string;
  digest: string | undefined;
  reset: () => void;
}) {
  return (
    <div className="mx-auto max-w-xl px-4 py-12 text-center" role="alert">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
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
      {digest ? (
        <p className="mt-6 text-sm text-stone-600">
          If you report this, quote the reference <code className="select-all">{digest}</code>: it points to
          the details in the server log.
        </p>
      ) : null}
    </div>
  );
}
