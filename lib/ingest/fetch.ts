import { Agent, fetch, type Response } from "undici";
import { parseDate } from "./normalize";
import { checkTarget, createGuardedLookup, ForbiddenTargetError, type Resolver } from "./ssrf";

export const DEFAULT_USER_AGENT = "Dispatch/0.1 (+https://github.com/dispatch-reader/dispatch)";
export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface FetchOptions {
  /** Validators from the previous successful fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  /** Allow loopback/private/link-local targets. The caller reads DISPATCH_ALLOW_PRIVATE_NETWORK. */
  allowPrivateNetwork?: boolean;
  /** For the whole fetch: connecting, every redirect hop and reading the body. */
  timeoutMs?: number;
  /** Limit on the decoded body, enforced while streaming (so a gzip bomb stops early). */
  maxBytes?: number;
  userAgent?: string;
  signal?: AbortSignal;
  /** Resolves host names for the connection (default: the system resolver). Tests use a fake one. */
  resolver?: Resolver;
}

interface FetchedFrom {
  /** The URL the response finally came from, after redirects. */
  finalUrl: string;
  /** Set when every redirect on the way was permanent (301/308): the feed has moved there. */
  permanentRedirect: string | null;
}

export type FetchResult =
  | ({
      status: "ok";
      bytes: Uint8Array;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      httpStatus: number;
    } & FetchedFrom)
  | ({ status: "not-modified"; etag: string | null; lastModified: string | null } & FetchedFrom)
  | {
      status: "error";
      /** One line, fit for a log or the sources page. */
      reason: string;
      httpStatus?: number;
      /** From Retry-After on 429/503 (seconds or an HTTP date, as seconds from now). */
      retryAfterSeconds?: number;
      finalUrl?: string;
    };

const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " +
  "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/plain;q=0.7, */*;q=0.5";

/** Seconds to wait according to a Retry-After value (delta-seconds or HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = parseDate(trimmed);
  if (date === null) return undefined;
  return Math.max(0, Math.ceil((date.getTime() - now.getTime()) / 1000));
}

const BACKOFF_BASE_SECONDS = 60;
const BACKOFF_CAP_SECONDS = 6 * 60 * 60;
const RETRY_AFTER_CAP_SECONDS = 24 * 60 * 60;

// 1, 2, 4... minutes up to 6 hours; never sooner than Retry-After (capped at a day). No jitter:
// the poller spreads feeds by their own schedule, and a deterministic delay is easy to test.
/** Seconds to wait before the next attempt after `failureCount` consecutive failures. */
export function backoffDelay(failureCount: number, retryAfterSeconds?: number): number {
  const failures = Math.max(0, Math.floor(failureCount));
  const exponential =
    failures === 0
      ? 0
      : Math.min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2 ** Math.min(failures - 1, 30));
  const server =
    retryAfterSeconds === undefined ? 0 : Math.min(Math.max(0, retryAfterSeconds), RETRY_AFTER_CAP_SECONDS);
  return Math.max(exponential, server);
}

/** Reads a body to the end, giving up as soon as it grows past `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (response.body === null) return new Uint8Array(0);
  // undici types the body as an untyped ReadableStream; fetch bodies are always byte streams.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function findCause(error: unknown): { code?: string; message: string; forbidden?: ForbiddenTargetError } {
  let current: unknown = error;
  let code: string | undefined;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof ForbiddenTargetError) return { message: current.message, forbidden: current };
    const c = (current as NodeJS.ErrnoException).code;
    if (typeof c === "string") code ??= c;
    if (current.message && current.message !== "fetch failed") message = current.message;
    current = current.cause;
  }
  return { code, message };
}

/** A one-line reason for a failed request. */
function describeNetworkError(error: unknown, host: string, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  if (error instanceof Error && error.name === "AbortError") return "aborted";
  const cause = findCause(error);
  if (cause.forbidden) return cause.forbidden.message;
  switch (cause.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `DNS lookup failed for ${host}`;
    case "ECONNREFUSED":
      return `connection refused by ${host}`;
    case "ECONNRESET":
      return `connection reset by ${host}`;
    case "UND_ERR_CONNECT_TIMEOUT":
      return `connect to ${host} timed out`;
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return `timed out after ${timeoutMs} ms`;
    default:
      return `network error: ${cause.code ? `${cause.code} ` : ""}${cause.message}`
        .replace(/\s+/g, " ")
        .slice(0, 200);
  }
}

const isRedirect = (status: number): boolean => [301, 302, 303, 307, 308].includes(status);

/** Fetches a feed (conditional GET, ≤5 checked redirects, size limit, timeout, SSRF guard); never throws. */
export async function fetchFeed(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const allowPrivate = opts.allowPrivateNetwork === true;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { status: "error", reason: "invalid URL" };
  }

  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  // One agent per fetch: the guarded lookup lives in its connector, and nothing stays pooled.
  const agent = new Agent({
    connect: {
      timeout: Math.min(timeoutMs, 10_000),
      ...(allowPrivate && opts.resolver === undefined
        ? {}
        : { lookup: createGuardedLookup(opts.resolver, allowPrivate) }),
    },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  const headers: Record<string, string> = {
    "user-agent": opts.userAgent ?? DEFAULT_USER_AGENT,
    accept: ACCEPT,
    // undici only asks for brotli over https by default; feeds compress well over http too.
    "accept-encoding": "gzip, deflate, br",
  };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;

  let allPermanent = true;
  let redirects = 0;
  const fail = (reason: string, httpStatus?: number, retryAfterSeconds?: number): FetchResult => ({
    status: "error",
    reason,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    finalUrl: current.href,
  });
  const networkFailure = (error: unknown, httpStatus?: number): FetchResult =>
    fail(describeNetworkError(error, current.host, timeout.aborted, timeoutMs), httpStatus);

  try {
    for (;;) {
      const refused = checkTarget(current, allowPrivate);
      if (refused !== null) return fail(refused);

      let response: Response;
      try {
        response = await fetch(current, { headers, redirect: "manual", signal, dispatcher: agent });
      } catch (error) {
        return networkFailure(error);
      }

      const status = response.status;
      if (isRedirect(status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (location === null) return fail(`HTTP ${status} without a Location header`, status);
        if (redirects >= MAX_REDIRECTS)
          return fail(`too many redirects (more than ${MAX_REDIRECTS})`, status);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return fail("redirect to an invalid URL", status);
        }
        redirects++;
        allPermanent &&= status === 301 || status === 308;
        current = next;
        continue;
      }

      const from: FetchedFrom = {
        finalUrl: current.href,
        permanentRedirect: redirects > 0 && allPermanent ? current.href : null,
      };
      const etag = response.headers.get("etag");
      const lastModified = response.headers.get("last-modified");

      if (status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return {
          status: "not-modified",
          etag: etag ?? opts.etag ?? null,
          lastModified: lastModified ?? opts.lastModified ?? null,
          ...from,
        };
      }
      if (status < 200 || status > 299) {
        await response.body?.cancel().catch(() => undefined);
        const retryAfter =
          status === 429 || status === 503 ? parseRetryAfter(response.headers.get("retry-after")) : undefined;
        return fail(
          `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ""}`,
          status,
          retryAfter,
        );
      }

      const declared = Number(response.headers.get("content-length") ?? "");
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return fail(`response larger than ${maxBytes} bytes`, status);
      }
      let bytes: Uint8Array | null;
      try {
        bytes = await readLimited(response, maxBytes);
      } catch (error) {
        return networkFailure(error, status);
      }
      if (bytes === null) return fail(`response larger than ${maxBytes} bytes`, status);
      return {
        status: "ok",
        bytes,
        contentType: response.headers.get("content-type"),
        etag,
        lastModified,
        httpStatus: status,
        ...from,
      };
    }
  } finally {
    await agent.destroy().catch(() => undefined);
  }
}
