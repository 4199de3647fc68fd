import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { adminEnabled } from "./request";
import { hasSubscriptions } from "./sources";

/** Cookie that records the reader dismissed the first-run note. */
export const FIRST_RUN_COOKIE = "dispatch_first_run";

/**
 * Whether the front page shows the note on subscribing to real feeds: until a feed is subscribed or the
 * reader dismisses it. Says where to subscribe: the admin page when it is on, else how to turn it on.
 */
export async function firstRunNote(): Promise<{ adminEnabled: boolean } | null> {
  if ((await cookies()).get(FIRST_RUN_COOKIE)?.value === "dismissed") return null;
  if (await hasSubscriptions(db)) return null;
  return { adminEnabled: adminEnabled() };
}

/** Remembers, for a year, that this browser dismissed the note. */
export async function dismissFirstRunNote(): Promise<void> {
  (await cookies()).set(FIRST_RUN_COOKIE, "dismissed", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  });
}
