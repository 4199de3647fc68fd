import type { Metadata } from "next";
import { ActionForm, SubmitButton } from "@/components/admin/action-form";
import { ImportForm } from "@/components/admin/import-form";
import { Sparkline } from "@/components/admin/sparkline";
import { SubscribeForm } from "@/components/admin/subscribe-form";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireAdminPage } from "@/lib/admin/request";
import { SPARKLINE_DAYS, sourcesOverview, type SourceOverview } from "@/lib/admin/sources";
import { db } from "@/lib/db";
import { MAX_OPML_BYTES } from "@/lib/ingest/opml";
import { formatInterval } from "@/lib/ingest/sources";
import { signOutAction } from "../actions";
import {
  importOpmlAction,
  pollNowAction,
  removeSourceAction,
  setPausedAction,
  subscribeAction,
  updateSourceAction,
} from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sources", robots: { index: false } };

function When({ date, never = "never" }: { date: Date | null; never?: string }) {
  return date ? <RelativeTime date={date} /> : <span className="text-stone-500">{never}</span>;
}

function SourceCard({ source }: { source: SourceOverview }) {
  const articles = `${source.articles.toLocaleString("en")} article${source.articles === 1 ? "" : "s"}`;
  return (
    <li
      className={`rounded border bg-white p-4 ${source.failingLong ? "border-red-300" : "border-stone-200"}`}
      data-testid="source"
      data-source-id={source.id}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-semibold">
            {source.name}
            {source.paused ? (
              <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-normal">paused</span>
            ) : null}
            {source.failingLong ? (
              <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-normal text-red-800">
                failing for more than a day
              </span>
            ) : null}
          </h3>
          <p className="truncate text-sm text-stone-600">{source.feedUrl ?? "Imported files (not polled)"}</p>
          {source.siteUrl ? <p className="truncate text-sm text-stone-500">Site: {source.siteUrl}</p> : null}
        </div>
        <Sparkline counts={source.perDay} label={`Articles per day, last ${SPARKLINE_DAYS} days`} />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-stone-500">Interval</dt>
          <dd>{source.feedUrl ? formatInterval(source.pollInterval) : "–"}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Last fetch</dt>
          <dd>
            <When date={source.lastFetchedAt} />
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">Next fetch</dt>
          <dd>
            {source.paused ? "paused" : source.feedUrl ? <When date={source.nextFetchAt} never="now" /> : "–"}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">Last HTTP status</dt>
          <dd>{source.lastStatus ?? "–"}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Articles</dt>
          <dd data-testid="article-count">{source.articles.toLocaleString("en")}</dd>
        </div>
        <div>
          <dt className="text-stone-500">Last 7 days</dt>
          <dd>{source.articlesLastWeek.toLocaleString("en")}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-stone-500">Failures</dt>
          <dd>
            {source.failureCount === 0
              ? "none"
              : `${source.failureCount} in a row${source.lastError ? `: ${source.lastError}` : ""}`}
          </dd>
        </div>
      </dl>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {source.feedUrl ? (
          <>
            <ActionForm action={pollNowAction} className="flex items-center gap-2" label="Poll now">
              <input type="hidden" name="id" value={source.id} />
              <SubmitButton busy="Polling…">Poll now</SubmitButton>
            </ActionForm>
            <ActionForm action={setPausedAction} className="flex items-center gap-2" label="Pause or resume">
              <input type="hidden" name="id" value={source.id} />
              <input type="hidden" name="paused" value={source.paused ? "0" : "1"} />
              <SubmitButton>{source.paused ? "Resume" : "Pause"}</SubmitButton>
            </ActionForm>
          </>
        ) : null}
        <details className="text-sm">
          <summary className="cursor-pointer rounded border border-stone-300 px-2 py-1">Edit</summary>
          <ActionForm
            action={updateSourceAction}
            className="mt-2 flex flex-wrap items-end gap-2"
            label="Edit source"
          >
            <input type="hidden" name="id" value={source.id} />
            <label className="flex flex-col">
              Name
              <input
                name="name"
                defaultValue={source.name}
                required
                maxLength={200}
                className="rounded border border-stone-300 px-2 py-1"
              />
            </label>
            <label className="flex flex-col">
              Interval (e.g. 15m, 1h)
              <input
                name="interval"
                defaultValue={formatInterval(source.pollInterval)}
                required
                className="w-28 rounded border border-stone-300 px-2 py-1"
              />
            </label>
            <SubmitButton>Save</SubmitButton>
          </ActionForm>
        </details>
        <details className="text-sm">
          <summary className="cursor-pointer rounded border border-stone-300 px-2 py-1 text-red-800">
            Remove…
          </summary>
          <ActionForm action={removeSourceAction} className="mt-2 space-y-2" label="Remove source">
            <input type="hidden" name="id" value={source.id} />
            <p>
              Remove {source.name} and its {articles}? They are deleted from this reader.
            </p>
            <SubmitButton className="rounded bg-red-700 px-2 py-1 text-white">
              Remove the source and {articles}
            </SubmitButton>
          </ActionForm>
        </details>
      </div>
    </li>
  );
}

export default async function SourcesPage() {
  await requireAdminPage("/admin/sources");
  const overview = await sourcesOverview(db);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Sources</h1>
        <form action={signOutAction}>
          <button type="submit" className="text-sm text-stone-600 underline">
            Sign out
          </button>
        </form>
      </div>
      <p className="text-sm text-stone-700" data-testid="health">
        Scheduler last ran:{" "}
        {overview.schedulerLastRunAt ? (
          <RelativeTime date={overview.schedulerLastRunAt} />
        ) : (
          "never (is DISPATCH_POLL=off everywhere and npm run poll not running?)"
        )}
        .{" "}
        {overview.failingLong > 0
          ? `${overview.failingLong} source${overview.failingLong === 1 ? " has" : "s have"} been failing for more than a day.`
          : "No source has been failing for more than a day."}
      </p>
      <section aria-labelledby="subscribe">
        <h2 id="subscribe" className="mb-2 text-lg font-semibold">
          Subscribe
        </h2>
        <SubscribeForm action={subscribeAction} />
      </section>
      <section aria-labelledby="opml" className="space-y-2">
        <h2 id="opml" className="text-lg font-semibold">
          Import and export
        </h2>
        <ImportForm action={importOpmlAction} maxKb={MAX_OPML_BYTES / 1024} />
        <p className="text-sm">
          <a href="/admin/sources/export" className="text-sky-800 underline" download>
            Export every subscription as OPML
          </a>
        </p>
      </section>
      <section aria-labelledby="list">
        <h2 id="list" className="mb-2 text-lg font-semibold">
          {overview.sources.length} source{overview.sources.length === 1 ? "" : "s"}
        </h2>
        <ul className="space-y-3">
          {overview.sources.map((source) => (
            <SourceCard key={source.id} source={source} />
          ))}
        </ul>
      </section>
    </div>
  );
}
