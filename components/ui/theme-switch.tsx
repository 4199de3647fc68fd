import type { Theme } from "@/lib/site/theme";
import { setTheme } from "@/lib/site/theme-action";

const OPTIONS = [
  { value: "system", label: "Auto", title: "Follow the system's light or dark setting" },
  { value: "light", label: "Light", title: "Always light" },
  { value: "dark", label: "Dark", title: "Always dark" },
] as const;

/**
 * Light / dark / follow-the-system switch. A form posting to a server action that sets a cookie, so it
 * works without JavaScript and the server renders the chosen theme from the first byte on.
 */
export function ThemeSwitch({ theme }: { theme: Theme | null }) {
  const current = theme ?? "system";
  return (
    <form action={setTheme}>
      <fieldset className="flex overflow-hidden rounded border border-stone-300 text-xs">
        <legend className="sr-only">Colour theme</legend>
        {OPTIONS.map((o) => (
          <button
            key={o.value}
            type="submit"
            name="theme"
            value={o.value}
            title={o.title}
            aria-pressed={current === o.value}
            className={`px-2 py-1 ${current === o.value ? "bg-stone-900 text-white" : "bg-white text-stone-700 hover:bg-stone-100"}`}
          >
            {o.label}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
