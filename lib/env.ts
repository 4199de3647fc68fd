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
  /** Connections per app instance in the PostgreSQL pool. */
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
