import type { LookupAddress } from "node:dns";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_USER_AGENT, fetchFeed, parseRetryAfter, type FetchResult } from "./fetch";
import type { Resolver } from "./ssrf";

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><title>Hi</title></item></channel></rss>`;
const ETAG = '"v1"';
const LAST_MODIFIED = "Mon, 03 Apr 2023 01:02:03 GMT";

let server: Server;
let base: string;
let port: number;
let requests: { url: string; headers: IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? "", headers: req.headers });
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path === "/feed") {
      if (req.headers["if-none-match"] === ETAG || req.headers["if-modified-since"] === LAST_MODIFIED) {
        res.writeHead(304, { etag: ETAG });
        res.end();
        return;
      }
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag: ETAG,
        "last-modified": LAST_MODIFIED,
      });
      res.end(FEED);
    } else if (path === "/gzip" || path === "/br" || path === "/deflate") {
      const body = Buffer.from(FEED.repeat(50));
      const encoded =
        path === "/gzip" ? gzipSync(body) : path === "/br" ? brotliCompressSync(body) : deflateSync(body);
      res.writeHead(200, {
        "content-type": "text/xml",
        "content-encoding": path.slice(1),
        "content-length": encoded.length,
      });
      res.end(encoded);
    } else if (path === "/big-chunked") {
      // No Content-Length: the limit has to be enforced while reading.
      res.writeHead(200, { "content-type": "text/xml" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = (): void => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once("drain", pump);
            return;
          }
        }
        res.end();
      };
      res.on("error", () => undefined);
      pump();
    } else if (path === "/big-declared") {
      res.writeHead(200, { "content-type": "text/xml", "content-length": 5_000_000 });
      res.end();
    } else if (path === "/gzip-bomb") {
      const encoded = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
      res.writeHead(200, {
        "content-type": "text/xml",
        "content-encoding": "gzip",
        "content-length": encoded.length,
      });
      res.end(encoded);
    } else if (path.startsWith("/redirect/")) {
      const n = Number(path.split("/")[2]);
      const status = url.searchParams.get("status") ?? "302";
      res.writeHead(Number(status), { location: n <= 1 ? "/feed" : `/redirect/${n - 1}?status=${status}` });
      res.end();
    } else if (path === "/redirect-to") {
      res.writeHead(302, { location: url.searchParams.get("to") ?? "/" });
      res.end();
    } else if (path === "/429") {
      res.writeHead(429, { "retry-after": "120" });
      res.end("slow down");
    } else if (path === "/503") {
      res.writeHead(503, { "retry-after": new Date(Date.now() + 90_000).toUTCString() });
      res.end();
    } else if (path === "/404") {
      res.writeHead(404);
      res.end();
    } else if (path === "/hang") {
      // Never answers; the client's timeout must fire.
    } else {
      res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests = [];
});

const local = { allowPrivateNetwork: true, timeoutMs: 5_000 };

/** The reason of an error result, or the status when it is not one (so a mismatch reads well). */
function reasonOf(result: FetchResult): string {
  return result.status === "error" ? result.reason : `status ${result.status}`;
}

function ok(result: FetchResult): Extract<FetchResult, { status: "ok" }> {
  if (result.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

describe("fetchFeed against a local server", () => {
  it("fetches bytes and validators, and sends a clear User-Agent and Accept-Encoding", async () => {
    const result = ok(await fetchFeed(`${base}/feed`, local));
    expect(new TextDecoder().decode(result.bytes)).toBe(FEED);
    expect(result).toMatchObject({
      contentType: "application/rss+xml; charset=utf-8",
      etag: ETAG,
      lastModified: LAST_MODIFIED,
      finalUrl: `${base}/feed`,
      permanentRedirect: null,
      httpStatus: 200,
    });
    expect(requests[0]?.headers["user-agent"]).toBe(DEFAULT_USER_AGENT);
    expect(requests[0]?.headers["accept-encoding"]).toMatch(/gzip.*br|br.*gzip/);
  });

  it("uses a configured User-Agent", async () => {
    await fetchFeed(`${base}/feed`, { ...local, userAgent: "Custom/1.0" });
    expect(requests[0]?.headers["user-agent"]).toBe("Custom/1.0");
  });

  it("sends If-None-Match and gets not-modified on a matching ETag", async () => {
    const result = await fetchFeed(`${base}/feed`, { ...local, etag: ETAG });
    expect(result).toEqual({
      status: "not-modified",
      etag: ETAG,
      lastModified: null,
      finalUrl: `${base}/feed`,
      permanentRedirect: null,
    });
    expect(requests[0]?.headers["if-none-match"]).toBe(ETAG);
  });

  it("sends If-Modified-Since", async () => {
    const result = await fetchFeed(`${base}/feed`, { ...local, lastModified: LAST_MODIFIED });
    expect(result.status).toBe("not-modified");
    expect(requests[0]?.headers["if-modified-since"]).toBe(LAST_MODIFIED);
  });

  it.each(["gzip", "br", "deflate"])("decodes %s", async (encoding) => {
    const result = ok(await fetchFeed(`${base}/${encoding}`, local));
    expect(new TextDecoder().decode(result.bytes)).toBe(FEED.repeat(50));
  });

  it("stops reading a body that grows past the limit", async () => {
    const result = await fetchFeed(`${base}/big-chunked`, { ...local, maxBytes: 1024 * 1024 });
    expect(result).toMatchObject({
      status: "error",
      reason: "response larger than 1048576 bytes",
      httpStatus: 200,
    });
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const result = await fetchFeed(`${base}/big-declared`, { ...local, maxBytes: 1024 * 1024 });
    expect(result).toMatchObject({ status: "error", reason: "response larger than 1048576 bytes" });
  });

  it("applies the limit to the decompressed size (gzip bomb)", async () => {
    const result = await fetchFeed(`${base}/gzip-bomb`, { ...local, maxBytes: 1024 * 1024 });
    expect(result).toMatchObject({ status: "error", reason: "response larger than 1048576 bytes" });
  });

  it("follows up to 5 redirects", async () => {
    const result = ok(await fetchFeed(`${base}/redirect/5`, local));
    expect(result.finalUrl).toBe(`${base}/feed`);
    expect(result.permanentRedirect).toBeNull();
    expect(requests).toHaveLength(6);
  });

  it("refuses a sixth redirect", async () => {
    const result = await fetchFeed(`${base}/redirect/6`, local);
    expect(result).toMatchObject({ status: "error", reason: "too many redirects (more than 5)" });
    expect(requests).toHaveLength(6);
  });

  it("reports a chain of permanent redirects as the feed's new address", async () => {
    const result = ok(await fetchFeed(`${base}/redirect/2?status=301`, local));
    expect(result.permanentRedirect).toBe(`${base}/feed`);
  });

  it("re-checks every hop: a redirect to a non-http scheme is refused", async () => {
    const result = await fetchFeed(
      `${base}/redirect-to?to=${encodeURIComponent("file:///etc/passwd")}`,
      local,
    );
    expect(result).toMatchObject({ status: "error", reason: "unsupported URL scheme file:" });
  });

  it("parses Retry-After in seconds on 429", async () => {
    expect(await fetchFeed(`${base}/429`, local)).toMatchObject({
      status: "error",
      httpStatus: 429,
      retryAfterSeconds: 120,
    });
  });

  it("parses Retry-After as an HTTP date on 503", async () => {
    const result = await fetchFeed(`${base}/503`, local);
    expect(result).toMatchObject({ status: "error", httpStatus: 503 });
    const seconds = result.status === "error" ? result.retryAfterSeconds : undefined;
    expect(seconds).toBeGreaterThanOrEqual(85);
    expect(seconds).toBeLessThanOrEqual(91);
  });

  it("reports other HTTP errors with their status", async () => {
    expect(await fetchFeed(`${base}/404`, local)).toMatchObject({
      status: "error",
      httpStatus: 404,
      reason: "HTTP 404 Not Found",
    });
  });

  it("times out", async () => {
    const started = Date.now();
    const result = await fetchFeed(`${base}/hang`, { ...local, timeoutMs: 300 });
    expect(result).toEqual({ status: "error", reason: "timed out after 300 ms", finalUrl: `${base}/hang` });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("honours the caller's abort signal", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await fetchFeed(`${base}/hang`, { ...local, signal: controller.signal })).toMatchObject({
      status: "error",
      reason: "aborted",
    });
  });

  it("reports a refused connection", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await fetchFeed(`http://127.0.0.1:${closedPort}/`, local)).toMatchObject({
      status: "error",
      reason: `connection refused by 127.0.0.1:${closedPort}`,
    });
  });

  it("refuses non-http schemes and invalid URLs", async () => {
    expect(await fetchFeed("ftp://example.com/feed.xml")).toMatchObject({
      status: "error",
      reason: "unsupported URL scheme ftp:",
    });
    expect(await fetchFeed("file:///etc/passwd", { allowPrivateNetwork: true })).toMatchObject({
      status: "error",
      reason: "unsupported URL scheme file:",
    });
    expect(await fetchFeed("not a url")).toEqual({ status: "error", reason: "invalid URL" });
  });
});

describe("the SSRF guard in fetchFeed", () => {
  it("refuses the local server when private networks are not allowed, without connecting", async () => {
    const result = await fetchFeed(`${base}/feed`, { timeoutMs: 2_000 });
    expect(reasonOf(result)).toMatch(/^refused: 127\.0\.0\.1 \(loopback address\)/);
    expect(requests).toHaveLength(0);
  });

  it.each([
    "http://10.0.0.1/feed",
    "http://[::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:127.0.0.1]/",
    "http://localhost/",
  ])("refuses %s before any connection is attempted", async (url) => {
    const started = Date.now();
    const result = await fetchFeed(url, { timeoutMs: 10_000 });
    expect(reasonOf(result)).toMatch(/^refused: /);
    // A connection attempt to an unroutable 10.x address would take until the timeout.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  const fakeDns: Resolver = (hostname): Promise<LookupAddress[]> => {
    if (hostname === "evil.example" || hostname === "feed.example")
      return Promise.resolve([{ address: "127.0.0.1", family: 4 }]);
    return Promise.reject(
      Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }),
    );
  };

  it("refuses a name that resolves to loopback at connect time (DNS rebinding)", async () => {
    const result = await fetchFeed(`http://evil.example:${port}/feed`, {
      resolver: fakeDns,
      timeoutMs: 2_000,
    });
    expect(reasonOf(result)).toMatch(/^refused: evil\.example resolves to 127\.0\.0\.1 \(loopback address\)/);
    expect(requests).toHaveLength(0);
  });

  it("connects through the same resolver when private networks are allowed (control for the test above)", async () => {
    const result = ok(
      await fetchFeed(`http://feed.example:${port}/feed`, { resolver: fakeDns, allowPrivateNetwork: true }),
    );
    expect(result.finalUrl).toBe(`http://feed.example:${port}/feed`);
    expect(requests).toHaveLength(1);
  });

  it("reports a name that does not resolve", async () => {
    expect(await fetchFeed("http://nowhere.example/", { resolver: fakeDns })).toMatchObject({
      status: "error",
      reason: "DNS lookup failed for nowhere.example",
    });
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2024-01-01T00:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30", now)).toBe(30);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:02:00 GMT", now)).toBe(120);
    expect(parseRetryAfter("Sun, 31 Dec 2023 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("doubles from one minute and caps at six hours", () => {
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n))).toEqual([0, 60, 120, 240, 480]);
    expect(backoffDelay(20)).toBe(6 * 3600);
    expect(backoffDelay(10_000)).toBe(6 * 3600);
  });

  it("never retries sooner than Retry-After, which is capped at a day", () => {
    expect(backoffDelay(1, 600)).toBe(600);
    expect(backoffDelay(5, 10)).toBe(960);
    expect(backoffDelay(1, 10 * 86_400)).toBe(86_400);
  });
});
