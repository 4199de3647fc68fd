"use server";

import { cookies } from "next/headers";
import { parseTheme, THEME_COOKIE } from "./theme";

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Pins the theme the reader chose ("light" or "dark") or, for any other value, goes back to following the
 * system. Only a display preference is stored, so the action needs no other check; the value is parsed.
 */
export async function setTheme(formData: FormData): Promise<void> {
  const theme = parseTheme(formData.get("theme"));
  const jar = await cookies();
  if (theme) jar.set(THEME_COOKIE, theme, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", httpOnly: true });
  else jar.delete(THEME_COOKIE);
}
