import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The public origin of the site (scheme, host, port) for canonical URLs, Open Graph, the sitemap and
 * robots.txt: DISPATCH_SITE_URL when set (set it behind a proxy), else the origin the request came to.
 */
export async function siteOrigin(): Promise<string> {
  if (env.DISPATCH_SITE_URL) return env.DISPATCH_SITE_URL;
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host");
  const forwardedProto = h.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : "http";
  return originOf(`${proto}://${host ?? ""}`) ?? `http://localhost:${env.PORT}`;
}

/** The origin of a URL, or null when it is not an http(s) URL with a host (a forged Host header). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || !parsed.hostname) return null;
    // A host with a path, user info or query is not a host: refuse rather than echo it into links.
    if (parsed.pathname !== "/" || parsed.username || parsed.search || parsed.hash) return null;
    return parsed.origin;
  } catch {
    return null;
  }
}
