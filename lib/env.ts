import { z } from "zod";

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/dispatch.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Lets the fetcher reach loopback and private addresses (tests, intranet feeds). Off by default: SSRF guard. */
  DISPATCH_ALLOW_PRIVATE_NETWORK: flag,
  /** `npm start` imports the sample content into an empty database unless this is 0/false/no. */
  DISPATCH_SAMPLE_CONTENT: z
    .enum(["1", "0", "true", "false", "yes", "no"])
    .default("1")
    .transform((v) => v === "1" || v === "true" || v === "yes"),
  /** `npm start` polls due feeds in the background unless this is off (instances that only serve). */
  DISPATCH_POLL: z
    .enum(["on", "off", "1", "0", "true", "false", "yes", "no"])
    .default("on")
    .transform((v) => v === "on" || v === "1" || v === "true" || v === "yes"),
  /** Enables the admin area (/admin). No default: without it (or the hash) the admin area is off. */
  DISPATCH_ADMIN_PASSWORD: z
    .string()
    .min(8, "DISPATCH_ADMIN_PASSWORD must be at least 8 characters")
    .optional(),
  /** The admin password as a hash from `npm run admin:hash-password` (instead of DISPATCH_ADMIN_PASSWORD). */
  DISPATCH_ADMIN_PASSWORD_HASH: z
    .string()
    .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, {
      message: "DISPATCH_ADMIN_PASSWORD_HASH must come from npm run admin:hash-password (scrypt$…)",
    })
    .optional(),
  /** Signs session cookies; without it a secret is generated once and kept in the database. */
  DISPATCH_SESSION_SECRET: z
    .string()
    .min(32, "DISPATCH_SESSION_SECRET must be at least 32 characters")
    .optional(),
  /** Puts every page, API route and feed behind the admin sign-in (a personal reader on a public host). */
  DISPATCH_PRIVATE: flag,
  /** Web server processes `npm start` runs (scripts/serve.mjs); unset: one per core. */
  DISPATCH_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Milliseconds a rendered page is served again to readers of the same address (scripts/page-cache.mjs); 0: off. */
  DISPATCH_PAGE_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Connections per app instance (each web server process) in the PostgreSQL pool. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Public origin for canonical URLs, Open Graph and the sitemap; unset: the origin each request came to. */
  DISPATCH_SITE_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => new URL(url).origin)
    .optional(),
});

export type Env = z.infer<typeof schema>;

/** Reads and validates the environment; throws one readable error naming every bad variable. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The environment of this process, parsed once. */
export const env: Env = readEnv();

/** Which database family a DATABASE_URL points at. */
export function providerOf(url: string): "sqlite" | "postgresql" {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}
