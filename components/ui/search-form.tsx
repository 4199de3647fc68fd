/** A plain GET search form for pages with nothing else to offer (not found, errors); works without JavaScript. */
export function SearchForm({ id, label }: { id: string; label: string }) {
  return (
    <form action="/" method="get" className="mx-auto mt-6 flex max-w-md items-end gap-2 text-left">
      <label htmlFor={id} className="flex-1 text-sm text-stone-700">
        {label}
        <input
          id={id}
          name="q"
          type="search"
          required
          maxLength={1000}
          className="mt-1 w-full rounded border border-stone-300 bg-white px-3 py-1.5 text-base text-stone-900"
        />
      </label>
      <button type="submit" className="rounded bg-stone-900 px-4 py-1.5 text-white hover:bg-stone-700">
        Search
      </button>
    </form>
  );
}
