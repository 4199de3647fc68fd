"use client";

import Form from "next/form";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { listFields, listHref, parseListParams } from "@/lib/articles/params";

const DEBOUNCE_MS = 300;

/**
 * The search box. With JavaScript it updates the URL as you type (debounced, page reset to 1) and says
 * "Searching…" until the new list has started to render; without it, it is a plain GET form that keeps
 * the other filters as hidden fields.
 */
export function SearchBox() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const { params } = parseListParams(searchParams);
  const [value, setValue] = useState(params.q);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typed = useRef(false);

  // Back/forward and links change the URL: show what the URL says unless the reader is typing.
  useEffect(() => {
    if (!typed.current) setValue(params.q);
    typed.current = false;
  }, [params.q]);

  const onChange = (q: string) => {
    typed.current = true;
    setValue(q);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      startTransition(() => router.replace(listHref(params, { q }), { scroll: false }));
    }, DEBOUNCE_MS);
  };

  return (
    <Form action="/" role="search" className="flex w-full max-w-xl items-center gap-2" aria-busy={pending}>
      <label htmlFor="site-search" className="sr-only">
        Search articles
      </label>
      <div className="relative w-full">
        <input
          id="site-search"
          name="q"
          type="search"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder='Search: words, "a phrase", this OR that, -not, pref*'
          autoComplete="off"
          maxLength={1000}
          aria-keyshortcuts="/"
          className="w-full rounded border border-stone-300 bg-white px-3 py-1.5 text-sm shadow-inner focus:border-sky-600"
        />
        {/* Over the input's end, so the header does not shift; a live region, so it is announced. */}
        <span
          aria-live="polite"
          className="pointer-events-none absolute inset-y-1 right-2 flex items-center bg-white pl-1 text-xs text-stone-600"
          data-testid="search-status"
        >
          {pending ? "Searching…" : ""}
        </span>
      </div>
      {listFields(params, ["q"]).map(([key, v]) => (
        <input key={key} type="hidden" name={key} value={v} />
      ))}
      <button
        type="submit"
        className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white hover:bg-stone-700"
        onClick={() => {
          if (timer.current) clearTimeout(timer.current);
        }}
      >
        Search
      </button>
    </Form>
  );
}

/** Placeholder with the same footprint while the search box loads. */
export function SearchBoxFallback() {
  return (
    <form action="/" role="search" className="flex w-full max-w-xl items-center gap-2">
      <input
        name="q"
        type="search"
        aria-label="Search articles"
        className="w-full rounded border border-stone-300 bg-white px-3 py-1.5 text-sm"
      />
      <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm text-white">
        Search
      </button>
    </form>
  );
}
