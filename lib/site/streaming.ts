import "server-only";
import { cookies } from "next/headers";
import { SCRIPT_COOKIE } from "./script-cookie";

/**
 * True when this request may be answered with a streamed page (skeletons first, sections as they load):
 * the browser has run the app's scripts before. Others (a first visit, a browser without JavaScript, a
 * crawler) get the whole page in one piece, as a page that works without JavaScript must be.
 */
export async function canStream(): Promise<boolean> {
  return (await cookies()).get(SCRIPT_COOKIE)?.value === "1";
}
