/**
 * The page micro-cache of `npm start` (scripts/serve.mjs; docs/caching.md, "Pages"): a rendered page is
 * kept for one second and served again to readers who ask for the same address in that second, the way a
 * news site's front end micro-caches what every reader sees alike. A page costs the renderer tens of
 * milliseconds of CPU; a kept one costs a copy. Only what every reader of an address sees alike is kept:
 * - requests: GET of a page, without a session cookie, an Authorization header, or the headers of the
 *   framework's own client navigations, prefetches and Server Actions (which vary the answer);
 * - answers: 200, HTML, no Set-Cookie, no larger than MAX_BODY_BYTES.
 * The key is the host, the forwarded host and scheme, the address and the Cookie header (theme, script
 * and first-run cookies change the page). Each answer served from the cache gets a fresh CSP nonce in
 * place of the kept one (header and body), so no two responses share a nonce, and is compressed for the
 * reader who accepts gzip. Concurrent requests for a page being rendered wait for it instead of rendering
 * it again. A page is never older than `ttlMs` (default 1 s) plus the list cache's own second: a new
 * article reaches every reader within two seconds of its commit.
 */
import { randomBytes } from "node:crypto";
import { brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from "node:zlib";
import { LRUCache } from "lru-cache";

/** Answers larger than this are not kept (a page is about 200 KB). */
const MAX_BODY_BYTES = 2_000_000;
/** Bytes of kept pages per process, at most. */
const MAX_CACHED_BYTES = 64_000_000;
/** The admin session cookie (lib/admin/auth.ts SESSION_COOKIE; page-cache.test.ts sends that one): its pages are one reader's. */
const SESSION_COOKIE = "dispatch_admin";
/** Request headers of the framework's client navigations, prefetches and actions: their answers vary. */
const FRAMEWORK_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-action",
  "next-url",
];
/** Paths never kept: the admin area, the API and feeds (their own caching), the build's files. */
const UNCACHED_PATHS = /^\/(?:admin|api|_next)(?:[/?]|$)/;
/** Response headers not replayed: the server sets them for each response. */
const PER_RESPONSE_HEADERS = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
]);
const NONCE = /'nonce-([A-Za-z0-9+/=_-]+)'/;

/**
 * @typedef {{ headers: Record<string, string | string[]>, parts: Buffer[], nonce: string | null }} Entry
 * A kept 200 page: its headers, and its body cut at every occurrence of its nonce (`parts` joined by the nonce).
 */

/** @param {import("node:http").IncomingMessage} req */
function cacheKey(req) {
  if (req.method !== "GET") return null;
  const url = req.url ?? "";
  if (!url.startsWith("/") || UNCACHED_PATHS.test(url)) return null;
  const h = req.headers;
  if (h.authorization !== undefined) return null;
  for (const name of FRAMEWORK_HEADERS) if (h[name] !== undefined) return null;
  const cookie = h.cookie ?? "";
  if (cookie.split(";").some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`))) return null;
  const forwarded = `${h["x-forwarded-host"] ?? ""}|${h["x-forwarded-proto"] ?? ""}`;
  return `${h.host ?? ""}|${forwarded}|${url}|${cookie}`;
}

/** True when the reader accepts gzip (`Accept-Encoding: gzip`, not with q=0). @param {string | undefined} header */
export function acceptsGzip(header) {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (name !== "gzip" && name !== "*") return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** A written chunk as a Buffer (copied: the writer may reuse its own). @param {unknown} chunk @param {unknown} encoding */
function toBuffer(chunk, encoding) {
  if (typeof chunk === "string")
    return Buffer.from(
      chunk,
      typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8",
    );
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return null;
}

/** The body as the renderer meant it: decoded if it was compressed. @param {Buffer} body @param {unknown} encoding */
function decoded(body, encoding) {
  if (encoding === undefined || encoding === "identity") return body;
  if (encoding === "gzip") return gunzipSync(body);
  if (encoding === "br") return brotliDecompressSync(body);
  if (encoding === "deflate") return inflateSync(body);
  return null;
}

/** The body cut at every occurrence of the nonce. @param {Buffer} body @param {string | null} nonce */
function cutAtNonce(body, nonce) {
  if (!nonce) return [body];
  const parts = [];
  const needle = Buffer.from(nonce);
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/**
 * Keeps what a response wrote, as the reader received it, and makes it an Entry when it may be kept.
 * @param {import("node:http").ServerResponse} res
 * @param {(entry: Entry | null) => void} done
 */
function capture(res, done) {
  /** @type {Buffer[] | null} */
  let chunks = [];
  let size = 0;
  let finished = false;
  const finish = (/** @type {Entry | null} */ entry) => {
    if (finished) return;
    finished = true;
    chunks = null;
    done(entry);
  };
  const keep = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
    if (!chunks || chunk === undefined || chunk === null || typeof chunk === "function") return;
    const buffer = toBuffer(chunk, encoding);
    size += buffer?.length ?? 0;
    if (!buffer || size > MAX_BODY_BYTES) chunks = null;
    else chunks.push(buffer);
  };
  const write = res.write;
  const end = res.end;
  res.write = /** @type {typeof res.write} */ (
    function (/** @type {unknown[]} */ ...args) {
      keep(args[0], args[1]);
      return /** @type {Function} */ (write).apply(res, args);
    }
  );
  res.end = /** @type {typeof res.end} */ (
    function (/** @type {unknown[]} */ ...args) {
      keep(args[0], args[1]);
      const result = /** @type {Function} */ (end).apply(res, args);
      finish(entryOf(res, chunks));
      return result;
    }
  );
  // A reader who leaves before the end: nothing is kept, and whoever waits renders for itself.
  res.once("close", () => finish(null));
}

/** @param {import("node:http").ServerResponse} res @param {Buffer[] | null} chunks @returns {Entry | null} */
function entryOf(res, chunks) {
  if (!chunks || res.statusCode !== 200 || res.hasHeader("set-cookie")) return null;
  const type = res.getHeader("content-type");
  if (typeof type !== "string" || !type.startsWith("text/html")) return null;
  let body;
  try {
    body = decoded(Buffer.concat(chunks), res.getHeader("content-encoding"));
  } catch {
    return null;
  }
  if (!body) return null;
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || PER_RESPONSE_HEADERS.has(name) || name === "content-encoding") continue;
    headers[name] = typeof value === "number" ? String(value) : value;
  }
  const policy = headers["content-security-policy"];
  const nonce = typeof policy === "string" ? (NONCE.exec(policy)?.[1] ?? null) : null;
  return { headers, parts: cutAtNonce(body, nonce), nonce };
}

/**
 * Writes a kept page with a fresh nonce, gzip-compressed when the reader accepts it.
 * @param {Entry} entry @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res
 */
function replay(entry, req, res) {
  const kept = entry.nonce;
  const nonce = randomBytes(16).toString("base64");
  const fresh = Buffer.from(nonce);
  // A page without a nonce is one part, so nothing is put between parts.
  let body = Buffer.concat(entry.parts.flatMap((part, i) => (i > 0 ? [fresh, part] : [part])));
  /** @type {Record<string, string | string[]>} */
  const headers = {};
  const swap = (/** @type {string} */ v) => (kept ? v.replaceAll(kept, nonce) : v);
  for (const [name, value] of Object.entries(entry.headers)) {
    headers[name] = Array.isArray(value) ? value.map(swap) : swap(value);
  }
  if (acceptsGzip(req.headers["accept-encoding"])) {
    body = gzipSync(body, { level: 1 });
    headers["content-encoding"] = "gzip";
  }
  headers["content-length"] = String(body.length);
  headers["x-page-cache"] = "hit";
  res.writeHead(200, headers);
  res.end(body);
}

/** Bytes a kept page takes: its parts and the nonces between them. @param {Entry} entry */
function sizeOf(entry) {
  const nonces = (entry.parts.length - 1) * (entry.nonce?.length ?? 0);
  return Math.max(
    1,
    entry.parts.reduce((sum, part) => sum + part.length, nonces),
  );
}

/**
 * A page cache for one server process.
 * @param {{ ttlMs: number }} options
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, render: () => void) => void}
 */
export function createPageCache({ ttlMs }) {
  if (!(ttlMs > 0)) return (_req, _res, render) => render();
  /** @type {LRUCache<string, Entry>} */
  const pages = new LRUCache({ ttl: ttlMs, maxSize: MAX_CACHED_BYTES, sizeCalculation: sizeOf });
  /** Pages being rendered, by key: what their waiters get (null: render yourselves). @type {Map<string, Promise<Entry | null>>} */
  const rendering = new Map();
  return (req, res, render) => {
    const key = cacheKey(req);
    if (key === null) return render();
    const kept = pages.get(key);
    if (kept) return replay(kept, req, res);
    const pending = rendering.get(key);
    if (pending) {
      void pending.then((entry) => (entry ? replay(entry, req, res) : render()));
      return;
    }
    /** @type {Promise<Entry | null>} */
    const rendered = new Promise((resolve) => {
      capture(res, (entry) => {
        if (rendering.get(key) === rendered) rendering.delete(key);
        if (entry) pages.set(key, entry);
        resolve(entry);
      });
    });
    rendering.set(key, rendered);
    res.setHeader("x-page-cache", "miss");
    render();
  };
}
