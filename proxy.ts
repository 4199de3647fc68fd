import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal, privateGate } from "@/lib/admin/private-gate";
import { databaseReachable } from "@/lib/db-health";
import { contentSecurityPolicy, createNonce } from "@/lib/security/headers";
import { badRequestResponse, unavailableResponse } from "@/lib/security/responses";

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs before every route. Gives each response a Content-Security-Policy with a fresh nonce: Next.js
 * reads the nonce back from the request's CSP header while rendering and puts it on its own scripts
 * (every page renders per request, so no cached HTML carries a stale nonce). While the database is
 * unreachable, answers 503 with a retry hint instead of letting the route fail. Cross-site form posts
 * are refused (403) and the private-mode gate (DISPATCH_PRIVATE=1) runs last.
 */
export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  if (!decodablePath(request.nextUrl.pathname)) {
    // Next.js would fail decoding such a path into route parameters and answer 500.
    const response = badRequestResponse(request.nextUrl.pathname, "The address has a malformed %-escape");
    response.headers.set("Content-Security-Policy", policy);
    return response;
  }
  const refused = crossSiteRefusal(request);
  if (refused) {
    refused.headers.set("Content-Security-Policy", policy);
    return refused;
  }
  if (!(await databaseReachable())) {
    const response = unavailableResponse(request.nextUrl.pathname);
    response.headers.set("Content-Security-Policy", policy);
    return response;
  }
  const gated = await privateGate(request);
  if (gated) {
    gated.headers.set("Content-Security-Policy", policy);
    return gated;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but the build's static files (they are scripts and styles themselves, not documents).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
