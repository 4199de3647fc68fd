import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readSession, SESSION_COOKIE, sessionSecret } from "./auth";
import { adminCredential } from "./password";

/** Paths that stay open in private mode: the sign-in page itself and the framework's static files. */
const OPEN = [/^\/admin\/sign-in\/?$/, /^\/_next\/static\//, /^\/favicon\.ico$/];

/**
 * A form post from another site: its Origin (or, failing that, Sec-Fetch-Site) says it came from elsewhere.
 * Next.js refuses such Server Actions too, but with a 500; this answers 403 before anything runs.
 */
export function crossSiteRefusal(request: NextRequest): NextResponse | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  const site = request.headers.get("sec-fetch-site");
  let foreign = site === "cross-site";
  if (origin !== null && origin !== "null") {
    try {
      foreign = new URL(origin).host !== host;
    } catch {
      foreign = true;
    }
  } else if (origin === "null") {
    // Under `Referrer-Policy: no-referrer` a browser sends `Origin: null` with its own form posts; then
    // Sec-Fetch-Site (sent by every current browser) tells a same-origin post from a foreign one.
    foreign = site !== "same-origin";
  }
  if (!foreign) return null;
  return new NextResponse("Cross-site form posts are refused.\n", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/**
 * DISPATCH_PRIVATE=1 puts everything behind the operator sign-in: pages redirect to the sign-in page,
 * API routes and feeds answer 401. Returns null when the request may go on.
 */
export async function privateGate(request: NextRequest): Promise<NextResponse | null> {
  if (!env.DISPATCH_PRIVATE) return null;
  const path = request.nextUrl.pathname;
  if (adminCredential(env).kind === "none") {
    return new NextResponse(
      "DISPATCH_PRIVATE=1 needs DISPATCH_ADMIN_PASSWORD to be set: nobody can sign in.\n",
      {
        status: 503,
        headers: { "content-type": "text/plain; charset=utf-8" },
      },
    );
  }
  if (OPEN.some((pattern) => pattern.test(path))) return null;
  const session = await readSession(
    db,
    await sessionSecret(db, env.DISPATCH_SESSION_SECRET),
    request.cookies.get(SESSION_COOKIE)?.value,
  );
  if (session) return null;
  if (path.startsWith("/api/") || path === "/feed.xml" || request.method !== "GET") {
    return NextResponse.json(
      { error: "This reader is private: sign in at /admin/sign-in first." },
      { status: 401, headers: { "www-authenticate": 'Cookie realm="dispatch"' } },
    );
  }
  const signIn = request.nextUrl.clone();
  signIn.pathname = "/admin/sign-in";
  signIn.search = `?next=${encodeURIComponent(path + request.nextUrl.search)}`;
  return NextResponse.redirect(signIn, 303);
}
