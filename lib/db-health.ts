import pg from "pg";
import { env, providerOf } from "@/lib/env";

// proxy.ts asks this module before every request whether the database answers, so that a PostgreSQL
// outage gives a friendly 503 instead of a page that fails half-way. No `server-only`: the proxy imports it.

/** How long one probe's answer is trusted. */
const TRUST_MS = 1_000;
/** Seconds a client is told to wait before retrying (the Retry-After header and the page's refresh). */
export const RETRY_AFTER_SECONDS = 5;

interface Health {
  ok: boolean;
  checkedAt: number;
  probe: Promise<boolean> | null;
}

const health: Health = { ok: true, checkedAt: 0, probe: null };
let pool: pg.Pool | null = null;

/** One small connection of its own, so that a full application pool never reads as an outage. */
function probePool(url: string): pg.Pool {
  if (pool === null) {
    pool = new pg.Pool({
      connectionString: url,
      max: 1,
      // Generous: on a machine busy enough to delay timers, a short limit would report an outage that is not.
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      query_timeout: 10_000,
    });
    // An idle connection that dies (the server went away) is dropped; the next probe reports it.
    pool.on("error", () => undefined);
  }
  return pool;
}

async function probe(url: string): Promise<boolean> {
  try {
    await probePool(url).query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the database answers. SQLite is a local file and always counts as reachable. For PostgreSQL
 * the last probe's answer is used for a second; while the database is up a stale answer is returned at
 * once and refreshed in the background, while it is down every caller waits for the fresh probe, so
 * the first request after it returns is served.
 */
export async function databaseReachable(url: string = env.DATABASE_URL): Promise<boolean> {
  if (providerOf(url) !== "postgresql") return true;
  if (Date.now() - health.checkedAt < TRUST_MS) return health.ok;
  health.probe ??= probe(url).then((ok) => {
    Object.assign(health, { ok, checkedAt: Date.now(), probe: null });
    return ok;
  });
  return health.ok ? true : health.probe;
}
