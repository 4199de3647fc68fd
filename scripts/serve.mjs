/**
 * `node scripts/serve.mjs`: serves the production build (`next build`) on PORT with one Next.js process per
 * core. `npm start` runs it once the database and the build are ready (scripts/start.ts).
 *
 * A Next.js server renders on one thread, so one process leaves every other core idle while pages queue
 * (docs/deployment.md, "Processes"). node:cluster forks DISPATCH_WORKERS workers (default: the cores this
 * process may use); they share the listening socket and the primary hands connections out in turn. Each
 * worker is a whole app instance, as stateless as any other (sessions are signed cookies, login attempts
 * and caches' versions live in the database), so two workers behave as two instances behind a load
 * balancer. A worker that dies is replaced; one that dies within seconds of starting, twice in a row, stops
 * the server instead of looping. Pages every reader sees alike are micro-cached for a second
 * (page-cache.mjs). SIGINT and SIGTERM close every worker's server, then the primary exits.
 */
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import { createPageCache } from "./page-cache.mjs";

const port = Number(process.env.PORT || 3000);
const requested = Number(process.env.DISPATCH_WORKERS || 0);
const workers = Number.isInteger(requested) && requested > 0 ? requested : availableParallelism();
/** How long a rendered page is served again to readers of the same address (docs/caching.md, "Pages"); 0: off. */
const pageCacheMs = Number(process.env.DISPATCH_PAGE_CACHE_MS ?? 1000);
/** A worker that exits sooner than this after it was forked failed to start, not while serving. */
const EARLY_EXIT_MS = 10_000;

process.env.NODE_ENV = "production";

if (cluster.isPrimary) {
  process.title = "dispatch-serve";
  let stopping = false;
  let earlyExits = 0;
  /** The live workers, by id, with the time each was forked. */
  const forkedAt = new Map();
  const fork = () => forkedAt.set(cluster.fork().id, Date.now());
  /** Stops every worker; the primary exits once the last one has (see "exit" below). */
  const stopAll = (signal) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill(signal);
    if (forkedAt.size === 0) process.exit(process.exitCode ?? 0);
  };
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === workers)
      console.log(
        `[dispatch] Ready on http://localhost:${port} (${workers} worker${workers === 1 ? "" : "s"})`,
      );
  });
  cluster.on("exit", (worker, code, signal) => {
    const early = Date.now() - (forkedAt.get(worker.id) ?? 0) < EARLY_EXIT_MS;
    forkedAt.delete(worker.id);
    if (stopping) {
      if (forkedAt.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    earlyExits = early ? earlyExits + 1 : 0;
    if (earlyExits >= 2) {
      console.error(`[dispatch] A worker failed to start twice (exit ${code ?? signal}); stopping.`);
      process.exitCode = 1;
      stopAll("SIGTERM");
      return;
    }
    console.error(`[dispatch] A worker exited (${code ?? signal}); starting another.`);
    fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) process.exit(130);
      stopAll(signal);
    });
  }
  for (let i = 0; i < workers; i++) fork();
} else {
  process.title = "dispatch-worker";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const pageCache = createPageCache({ ttlMs: Number.isFinite(pageCacheMs) ? pageCacheMs : 1000 });
  const server = http.createServer((req, res) => pageCache(req, res, () => void handle(req, res)));
  server.listen(port);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      // Kept-alive connections would hold close() open; idle ones are dropped, busy ones get a moment.
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}
