"use client";

import Form from "next/form";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const DEBOUNCE_MS = 300;

/**
 * The search box. With JavaScript it updates the URL as you type (debounced, page reset to 1);
 * without it, it is a plain GET form that keeps the other filters as hidden fields.
 */
export function SearchBox() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const current = searchParams.get("q") ?? "";
  const [value, setValue] = useState(current);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typed = useRef(false);

  // Back/forward and links change the URL: show what the URL says unless the reader is typing.
  useEffect(() => {
    if (!typed.current) setValue(current);
    typed.current = false;
  }, [current]);

  const push = (q: string) => {
    const next = new URLSearchParams(searchParams.toString());
    if (q.trim()) next.set("q", q);
    else next.delete("q");
    next.delete("page");
    if (!q.trim() || next.get("sort") === "relevance") next.delete("sort");
    const query = next.toString();
    router.replace(query ? `/?${query}` : "/", { scroll: false });
  };

  const onChange = (q: string) => {
    typed.current = true;
    setValue(q);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => push(q), DEBOUNCE_MS);
  };

  const hidden = [...searchParams.entries()].filter(([key]) => key !== "q" && key !== "page");
  return (
    <Form action="/" role="search" className="flex w-full max-w-xl items-center gap-2">
      <label htmlFor="site-search" className="sr-only">
        Search articles
      </label>
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
      {hidden.map(([key, v], i) => (
        <input key={`${key}-${i}`} type="hidden" name={key} value={v} />
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
