import Link from "next/link";

/** The front page's note on a fresh install: these are sample stories, and how to subscribe to real feeds. */
export function FirstRunNote({
  adminEnabled,
  dismiss,
}: {
  adminEnabled: boolean;
  dismiss: () => Promise<void>;
}) {
  return (
    <aside
      className="mb-4 flex flex-wrap items-start justify-between gap-3 rounded border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950"
      data-testid="first-run-note"
      aria-label="Getting started"
    >
      <p className="min-w-0 flex-1">
        These are sample stories.{" "}
        {adminEnabled ? (
          <>
            To read real news,{" "}
            <Link href="/admin/sources" className="underline">
              subscribe to feeds
            </Link>{" "}
            in the admin area.
          </>
        ) : (
          <>
            To read real news, start the server with <code>DISPATCH_ADMIN_PASSWORD=…</code> and subscribe to
            feeds at <code>/admin</code>, or run <code>npm run sources -- add &lt;feed-url&gt;</code>.
          </>
        )}
      </p>
      <form action={dismiss}>
        <button type="submit" className="text-sky-900 underline">
          Dismiss
        </button>
      </form>
    </aside>
  );
}
