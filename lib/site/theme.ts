import "server-only";
import { cookies } from "next/headers";

/** The themes a reader can pin; without a pinned theme the system preference decides (CSS media query). */
const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Cookie that carries the reader's pinned theme. */
export const THEME_COOKIE = "theme";

/** A cookie or form value as a theme; anything else (absent, "system", garbage) means "follow the system". */
export function parseTheme(value: unknown): Theme | null {
  return THEMES.find((t) => t === value) ?? null;
}

/** The theme pinned by this request's cookie, or null to follow the system. */
export async function readTheme(): Promise<Theme | null> {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value);
}
