import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // Native and WebAssembly database drivers stay out of the server bundle and load from node_modules.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
    "pino",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // The fixed security headers on every path; proxy.ts adds the per-request Content-Security-Policy.
  headers: () => Promise.resolve([{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }]),
};

export default nextConfig;
