import { NextResponse, type NextRequest } from "next/server";
import { crossSiteRefusal, privateGate } from "@/lib/admin/private-gate";

/** Runs before every request: cross-site posts are refused, then the private-mode gate (DISPATCH_PRIVATE=1). */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  return crossSiteRefusal(request) ?? (await privateGate(request)) ?? NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
