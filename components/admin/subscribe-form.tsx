"use client";

import { useActionState } from "react";
import { SubmitButton } from "./action-form";

interface SubscribeState {
  ok: boolean;
  message: string;
  choices?: { feedUrl: string; title: string | null }[];
}

/** Paste a feed's or a site's address; when the page links several feeds, pick one and subscribe again. */
export function SubscribeForm({
  action,
}: {
  action: (prev: SubscribeState | null, formData: FormData) => Promise<SubscribeState>;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <div>
      <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label="Subscribe">
        <label className="flex min-w-0 flex-1 flex-col text-sm">
          <span className="font-medium">Feed or site address</span>
          <input
            type="url"
            name="url"
            required
            placeholder="https://example.com/ or https://example.com/feed.xml"
            className="mt-1 rounded border border-stone-300 px-3 py-2"
          />
        </label>
        <SubmitButton busy="Subscribing…" className="rounded bg-stone-900 px-4 py-2 text-white">
          Subscribe
        </SubmitButton>
      </form>
      {state ? (
        <p role="status" className={`mt-2 text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
          {state.message}
        </p>
      ) : null}
      {state?.choices?.length ? (
        <form action={formAction} className="mt-2 space-y-1" aria-label="Pick a feed">
          {state.choices.map((feed, i) => (
            <label key={feed.feedUrl} className="flex items-center gap-2 text-sm">
              <input type="radio" name="url" value={feed.feedUrl} defaultChecked={i === 0} />
              <span>
                {feed.title ?? "Untitled feed"} <span className="text-stone-500">{feed.feedUrl}</span>
              </span>
            </label>
          ))}
          <SubmitButton busy="Subscribing…">Subscribe to this feed</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
