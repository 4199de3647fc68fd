import { RETRY_AFTER_SECONDS } from "@/lib/db-health";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>Temporarily unavailable · Dispatch</title>
<style>body{font-family:Georgia,serif;background:#fafaf9;color:#1c1917;max-width:36rem;margin:4rem auto;padding:0 1rem;text-align:center}a{color:#075985}</style>
</head><body><h1>Dispatch is temporarily unavailable</h1>
<p>The news database is not answering right now. This page tries again by itself in ${RETRY_AFTER_SECONDS} seconds,
or <a href="">reload it</a> in a moment.</p></body></html>`;

const isMachineRoute = (pathname: string) => pathname.startsWith("/api/") || pathname.endsWith(".xml");

/** A 400 for a request refused before routing: JSON for the API and feeds, plain text otherwise. */
export function badRequestResponse(pathname: string, reason: string): Response {
  if (isMachineRoute(pathname))
    return Response.json({ error: "Bad request", details: [reason] }, { status: 400 });
  return new Response(`Bad request: ${reason}.\n`, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/** The 503 answer while the database is down: JSON for the API and feeds, a small page with a retry hint otherwise. */
export function unavailableResponse(pathname: string): Response {
  const headers = { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
  if (isMachineRoute(pathname)) {
    return Response.json(
      {
        error: "Service unavailable",
        details: [`The database is not reachable; retry in ${RETRY_AFTER_SECONDS} seconds`],
      },
      { status: 503, headers },
    );
  }
  return new Response(PAGE, {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}
