import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { backoffDelay, fetchFeed } from "./fetch";
import { parseDocument } from "./parse";
import { storeItems, type StoreCounts } from "./store";

/** How long a poller may hold a source before another one may take it over (a crashed poller's lease expires). */
export const DEFAULT_LEASE_SECONDS = 600;
/** The longest a continuous poller sleeps between looks at the sources table (new sources are due at once). */
export const DEFAULT_MAX_SLEEP_MS = 60_000;
export const DEFAULT_CONCURRENCY = 4;

export interface PollOptions {
  /** Names this poller in leases; defaults to host, pid and a random part. */
  owner?: string;
  /** Lets the fetcher reach loopback and private addresses; defaults to DISPATCH_ALLOW_PRIVATE_NETWORK. */
  allowPrivateNetwork?: boolean;
  timeoutMs?: number;
  leaseSeconds?: number;
  now?: () => Date;
  /**
   * Poll only if the source is still due when its lease is taken (the scheduler's rounds): another poller
   * may have fetched it between this one's look at the due sources and its claim.
   */
  onlyIfDue?: boolean;
}

/** What polling one source did. */
export type PollResult =
  | {
      status: "fetched";
      sourceId: number;
      feedUrl: string;
      counts: StoreCounts;
      skipped: number;
      movedTo: string | null;
    }
  | { status: "not-modified"; sourceId: number; feedUrl: string; movedTo: string | null }
  | { status: "failed"; sourceId: number; feedUrl: string; reason: string; retryAt: Date }
  /** Another poller holds the source's lease (or it is no longer a feed). */
  | { status: "busy"; sourceId: number }
  /** The outcome could not be recorded (the database failed); nothing about the source changed. */
  | { status: "error"; sourceId: number; reason: string };

/** Totals over a poll run. `new`, `updated` and `unchanged` count articles; the rest count polls. */
export interface PollSummary {
  polls: number;
  fetched: number;
  notModified: number;
  failed: number;
  busy: number;
  errors: number;
  new: number;
  updated: number;
  unchanged: number;
  rounds: number;
}

export interface PollRunOptions extends PollOptions {
  /** Poll every feed once, due or not, then return. Otherwise poll due feeds until `signal` aborts. */
  once?: boolean;
  /** Stops the run: feeds being polled are finished, no new one is started. */
  signal?: AbortSignal;
  concurrency?: number;
  maxSleepMs?: number;
  onRoundStart?: (sources: number) => void;
  onResult?: (result: PollResult, totals: PollSummary) => void;
  onRoundEnd?: (round: PollSummary) => void;
}

const DEFAULT_OWNER = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}

function message(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
}

const freeLease = (now: Date) => ({ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });
const due = (now: Date) => ({ OR: [{ nextFetchAt: null }, { nextFetchAt: { lte: now } }] });

/**
 * Takes a source's lease with one conditional UPDATE, so that of two pollers racing for it exactly one
 * succeeds (on SQLite and PostgreSQL alike). True when this owner now holds it.
 */
export async function claimLease(
  db: Db,
  sourceId: number,
  owner: string,
  now: Date,
  until: Date,
  onlyIfDue = false,
): Promise<boolean> {
  const { count } = await db.source.updateMany({
    where: { id: sourceId, feedUrl: { not: null }, AND: [freeLease(now), ...(onlyIfDue ? [due(now)] : [])] },
    data: { leaseOwner: owner, leaseUntil: until },
  });
  return count === 1;
}

/** Gives a lease back, if this owner still holds it. */
export async function releaseLease(db: Db, sourceId: number, owner: string): Promise<void> {
  await db.source.updateMany({
    where: { id: sourceId, leaseOwner: owner },
    data: { leaseOwner: null, leaseUntil: null },
  });
}

/**
 * Polls one feed under a lease: a conditional GET with the stored validators; new and changed items are
 * stored in one transaction; a failure counts towards the back-off (Retry-After honoured); a permanent
 * redirect moves the feed's address. Throws only when the database fails.
 */
export async function pollSource(db: Db, sourceId: number, opts: PollOptions = {}): Promise<PollResult> {
  const clock = opts.now ?? (() => new Date());
  const owner = opts.owner ?? DEFAULT_OWNER;
  const claimedAt = clock();
  const leaseUntil = new Date(claimedAt.getTime() + (opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000);
  if (!(await claimLease(db, sourceId, owner, claimedAt, leaseUntil, opts.onlyIfDue)))
    return { status: "busy", sourceId };

  let released = false;
  // Records the outcome and gives the lease back in the same UPDATE; a lease lost meanwhile writes nothing.
  const finish = async (data: Prisma.SourceUpdateManyMutationInput) => {
    await db.source.updateMany({
      where: { id: sourceId, leaseOwner: owner },
      data: { ...data, leaseOwner: null, leaseUntil: null },
    });
    released = true;
  };
  try {
    const source = await db.source.findUnique({
      where: { id: sourceId },
      select: {
        feedUrl: true,
        etag: true,
        lastModified: true,
        pollInterval: true,
        failureCount: true,
        failingSince: true,
      },
    });
    if (!source?.feedUrl) return { status: "busy", sourceId };
    const feedUrl = source.feedUrl;

    const fail = async (
      reason: string,
      at: Date,
      retryAfterSeconds?: number,
      lastStatus: number | null = null,
    ): Promise<PollResult> => {
      const failureCount = source.failureCount + 1;
      const retryAt = new Date(at.getTime() + backoffDelay(failureCount, retryAfterSeconds) * 1000);
      await finish({
        failureCount,
        lastError: oneLine(reason),
        nextFetchAt: retryAt,
        lastStatus,
        failingSince: source.failingSince ?? at,
      });
      return { status: "failed", sourceId, feedUrl, reason: oneLine(reason), retryAt };
    };

    const fetched = await fetchFeed(feedUrl, {
      etag: source.etag,
      lastModified: source.lastModified,
      allowPrivateNetwork: opts.allowPrivateNetwork ?? env.DISPATCH_ALLOW_PRIVATE_NETWORK,
      timeoutMs: opts.timeoutMs,
    });
    const at = clock();
    if (fetched.status === "error")
      return await fail(fetched.reason, at, fetched.retryAfterSeconds, fetched.httpStatus ?? null);
    const lastStatus = fetched.status === "ok" ? fetched.httpStatus : 304;

    const movedTo = await redirectTarget(db, sourceId, feedUrl, fetched.permanentRedirect);
    const success = {
      lastFetchedAt: at,
      nextFetchAt: new Date(at.getTime() + source.pollInterval * 1000),
      ...(movedTo ? { feedUrl: movedTo } : {}),
      lastStatus,
      ...(source.failureCount > 0 ? { failureCount: 0, lastError: null, failingSince: null } : {}),
    };

    if (fetched.status === "not-modified") {
      const validators =
        fetched.etag !== source.etag || fetched.lastModified !== source.lastModified
          ? { etag: fetched.etag, lastModified: fetched.lastModified }
          : {};
      await finish({ ...success, ...validators });
      return { status: "not-modified", sourceId, feedUrl, movedTo };
    }

    const parsed = parseDocument(fetched.bytes, {
      contentType: fetched.contentType,
      url: fetched.finalUrl,
      fetchedAt: at,
    });
    if (!parsed.ok) return await fail(parsed.reason, at, undefined, lastStatus);
    if (parsed.doc.kind === "opml")
      return await fail(
        "an OPML subscription list, not a feed (import it with npm run ingest)",
        at,
        undefined,
        lastStatus,
      );

    let counts: StoreCounts;
    try {
      counts = await storeItems(db, sourceId, parsed.doc.items, at);
    } catch (error) {
      // Nothing was stored (one transaction). Recording the failure throws too when the database is gone.
      return await fail(`store failed: ${message(error)}`, at, undefined, lastStatus);
    }
    await finish({
      ...success,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      failureCount: 0,
      lastError: null,
      failingSince: null,
    });
    return { status: "fetched", sourceId, feedUrl, counts, skipped: parsed.doc.skipped.length, movedTo };
  } finally {
    if (!released) await releaseLease(db, sourceId, owner).catch(() => undefined);
  }
}

/** The new address after a permanent redirect, unless another source already has it. */
async function redirectTarget(
  db: Db,
  sourceId: number,
  feedUrl: string,
  permanentRedirect: string | null,
): Promise<string | null> {
  if (permanentRedirect === null || permanentRedirect === feedUrl) return null;
  const taken = await db.source.findUnique({ where: { feedUrl: permanentRedirect }, select: { id: true } });
  return taken && taken.id !== sourceId ? null : permanentRedirect;
}

/** An empty summary. */
export function emptyPollSummary(): PollSummary {
  return {
    polls: 0,
    fetched: 0,
    notModified: 0,
    failed: 0,
    busy: 0,
    errors: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    rounds: 0,
  };
}

function addResult(summary: PollSummary, result: PollResult): void {
  summary.polls++;
  switch (result.status) {
    case "fetched":
      summary.fetched++;
      summary.new += result.counts.new;
      summary.updated += result.counts.updated;
      summary.unchanged += result.counts.unchanged;
      break;
    case "not-modified":
      summary.notModified++;
      break;
    case "failed":
      summary.failed++;
      break;
    case "busy":
      summary.busy++;
      break;
    case "error":
      summary.errors++;
      break;
  }
}

function mergeRound(totals: PollSummary, round: PollSummary): void {
  for (const key of Object.keys(totals) as (keyof PollSummary)[]) totals[key] += round[key];
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Sources to poll now: every feed with `once`, else the due ones nobody holds, most overdue first; never paused ones. */
async function sourcesToPoll(db: Db, once: boolean, now: Date): Promise<number[]> {
  const rows = await db.source.findMany({
    where: once
      ? { feedUrl: { not: null }, pausedAt: null }
      : {
          feedUrl: { not: null },
          pausedAt: null,
          AND: [due(now), freeLease(now)],
        },
    orderBy: once ? { id: "asc" } : [{ nextFetchAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Milliseconds until the next feed nobody holds is due, between 1 s and `maxMs`. */
async function untilNextDue(db: Db, now: Date, maxMs: number): Promise<number> {
  const next = await db.source.findFirst({
    where: { feedUrl: { not: null }, pausedAt: null, ...freeLease(now) },
    orderBy: { nextFetchAt: { sort: "asc", nulls: "first" } },
    select: { nextFetchAt: true },
  });
  if (!next) return maxMs;
  const wait = next.nextFetchAt === null ? 0 : next.nextFetchAt.getTime() - now.getTime();
  return Math.min(Math.max(wait, 1000), maxMs);
}

/**
 * Polls feeds, several at a time, each under its lease. With `once`, every feed once; otherwise in rounds
 * of due feeds until `signal` aborts, sleeping until the next one is due. Throws when the sources cannot
 * be read at the start (the database is unreachable); later database errors are counted and retried.
 */
export async function pollSources(db: Db, opts: PollRunOptions = {}): Promise<PollSummary> {
  const clock = opts.now ?? (() => new Date());
  const pollOpts: PollOptions = { ...opts, owner: opts.owner ?? DEFAULT_OWNER, onlyIfDue: !opts.once };
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
  const maxSleepMs = opts.maxSleepMs ?? DEFAULT_MAX_SLEEP_MS;
  const totals = emptyPollSummary();

  while (!opts.signal?.aborted) {
    let ids: number[];
    try {
      ids = await sourcesToPoll(db, opts.once === true, clock());
    } catch (error) {
      if (totals.rounds === 0) throw error;
      totals.errors++;
      await sleep(maxSleepMs, opts.signal);
      continue;
    }

    const round = emptyPollSummary();
    round.rounds = 1;
    opts.onRoundStart?.(ids.length);
    let next = 0;
    const worker = async () => {
      for (let id = ids[next++]; id !== undefined && !opts.signal?.aborted; id = ids[next++]) {
        const result = await pollSource(db, id, pollOpts).catch((error: unknown): PollResult => ({
          status: "error",
          sourceId: id ?? 0,
          reason: message(error),
        }));
        addResult(round, result);
        const running = { ...totals };
        mergeRound(running, round);
        opts.onResult?.(result, running);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
    mergeRound(totals, round);
    opts.onRoundEnd?.(round);
    if (opts.once) break;

    const wait = await untilNextDue(db, clock(), maxSleepMs).catch(() => maxSleepMs);
    await sleep(wait, opts.signal);
  }
  return totals;
}
