import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "@/lib/admin/auth";
import { acceptsGzip, createPageCache } from "./page-cache.mjs";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** What the fake renderer does for a path: like Next.js, a CSP nonce in the header and on every script. */
interface Render {
  status?: number;
  type?: string;
  cookie?: boolean;
  /** Milliseconds before the body's second half is written (a streamed page). */
  delayMs?: number;
}

let servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

/** A server whose renderer counts its renders and answers as `plan(path)` says, compressing like Next.js. */
async function serve(ttlMs: number, plan: (path: string) => Render = () => ({})) {
  const cache = createPageCache({ ttlMs });
  const renders: string[] = [];
  const server = http.createServer((req, res) =>
    cache(req, res, () => {
      const url = req.url ?? "/";
      renders.push(url);
      const { status = 200, type = "text/html; charset=utf-8", cookie = false, delayMs = 0 } = plan(url);
      const nonce = randomBytes(16).toString("base64");
      res.statusCode = status;
      res.setHeader("content-type", type);
      res.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      res.setHeader("link", `</a.css>; rel=preload; as="style"; nonce="${nonce}"`);
      if (cookie) res.setHeader("set-cookie", "theme=dark; Path=/");
      const first = `<html><head><script nonce="${nonce}">a()</script></head><body>${url}`;
      const second = `<p>${"é".repeat(2000)}</p><script nonce="${nonce}">self.push(["${nonce}"])</script></body></html>`;
      if (acceptsGzip(req.headers["accept-encoding"])) {
        res.setHeader("content-encoding", "gzip");
        res.end(gzipSync(first + second));
        return;
      }
      res.write(first);
      if (delayMs > 0) setTimeout(() => res.end(Buffer.from(second)), delayMs);
      else res.end(Buffer.from(second));
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string, headers: http.OutgoingHttpHeaders = {}, method = "GET") =>
    new Promise<Answer>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path, headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", reject);
      req.end();
    });
  return { renders, get, port };
}

const nonceOf = (a: Answer) =>
  /'nonce-([^']+)'/.exec(String(a.headers["content-security-policy"]))?.[1] ?? "";
const withoutNonce = (a: Answer) => a.body.toString("utf8").replaceAll(nonceOf(a), "NONCE");

describe("page micro-cache", () => {
  it("serves a page again within its second, with a fresh nonce in the header and everywhere in the body", async () => {
    const { renders, get } = await serve(60_000);
    const first = await get("/?region=europe");
    const second = await get("/?region=europe");
    expect(renders).toEqual(["/?region=europe"]);
    expect(first.headers["x-page-cache"]).toBe("miss");
    expect(second.headers["x-page-cache"]).toBe("hit");
    expect(second.status).toBe(200);
    expect(nonceOf(second)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(second.body.toString("utf8")).not.toContain(nonceOf(first));
    expect(String(second.headers.link)).toContain(`nonce="${nonceOf(second)}"`);
    expect(withoutNonce(second)).toBe(withoutNonce(first));
    expect(Number(second.headers["content-length"])).toBe(second.body.length);
    const third = await get("/?region=europe");
    expect(nonceOf(third)).not.toBe(nonceOf(second));
  });

  it("renders again once the time has passed, and keeps addresses and cookies apart", async () => {
    const { renders, get } = await serve(100);
    await get("/");
    await get("/");
    await get("/?page=2");
    await get("/", { cookie: "theme=dark" });
    await get("/", { cookie: "theme=dark" });
    expect(renders).toEqual(["/", "/?page=2", "/"]);
    await new Promise((r) => setTimeout(r, 150));
    await get("/");
    expect(renders).toHaveLength(4);
  });

  it("lets concurrent readers of a page being rendered wait for it instead of rendering it again", async () => {
    const { renders, get } = await serve(60_000, () => ({ delayMs: 100 }));
    const answers = await Promise.all(Array.from({ length: 10 }, () => get("/stories")));
    expect(renders).toEqual(["/stories"]);
    const nonces = new Set(answers.map(nonceOf));
    expect(nonces.size).toBe(10);
    for (const a of answers) expect(withoutNonce(a)).toBe(withoutNonce(answers[0]!));
  });

  it("keeps a page the renderer compressed and compresses it again for readers who accept gzip", async () => {
    const { renders, get } = await serve(60_000);
    const compressed = await get("/", { "accept-encoding": "gzip, deflate, br" });
    expect(compressed.headers["content-encoding"]).toBe("gzip");
    const plain = await get("/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["x-page-cache"]).toBe("hit");
    const again = await get("/", { "accept-encoding": "gzip" });
    expect(again.headers["content-encoding"]).toBe("gzip");
    expect(renders).toHaveLength(1);
    const text = (a: Answer, body: Buffer) => body.toString("utf8").replaceAll(nonceOf(a), "NONCE");
    expect(text(again, gunzipSync(again.body))).toBe(text(compressed, gunzipSync(compressed.body)));
    expect(text(plain, plain.body)).toBe(text(compressed, gunzipSync(compressed.body)));
    expect(await get("/", { "accept-encoding": "gzip;q=0" })).toMatchObject({
      headers: { "content-length": String(plain.body.length) },
    });
  });

  it("never keeps what is not the same for every reader", async () => {
    const { renders, get } = await serve(60_000, (path) => ({
      status: path === "/missing" ? 404 : 200,
      type: path === "/feed.xml" ? "application/atom+xml" : "text/html; charset=utf-8",
      cookie: path === "/first-run",
    }));
    const twice = async (path: string, headers: http.OutgoingHttpHeaders = {}, method = "GET") => {
      await get(path, headers, method);
      return get(path, headers, method);
    };
    const answers = [
      await twice("/missing"),
      await twice("/feed.xml"),
      await twice("/first-run"),
      await twice("/admin/sources"),
      await twice("/api/articles?q=x"),
      await twice("/", { cookie: `theme=dark; ${SESSION_COOKIE}=abc` }),
      await twice("/", { authorization: "Basic eDp5" }),
      await twice("/", { rsc: "1" }),
      await twice("/", { "next-router-prefetch": "1" }),
      await twice("/", {}, "POST"),
      await twice("/", {}, "HEAD"),
    ];
    for (const a of answers) expect(a.headers["x-page-cache"]).not.toBe("hit");
    expect(renders).toHaveLength(answers.length * 2);
  });

  it("does not leave readers waiting when the first reader of a page leaves before it is written", async () => {
    const { renders, get, port } = await serve(60_000, () => ({ delayMs: 200 }));
    const leaving = http.get({ host: "127.0.0.1", port, path: "/slow" });
    leaving.on("error", () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const waiting = get("/slow");
    leaving.destroy();
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.body.toString("utf8")).toContain("</html>");
    expect(renders.length).toBeGreaterThanOrEqual(2);
  });

  it("is off with a time of 0", async () => {
    const { renders, get } = await serve(0);
    await get("/");
    const again = await get("/");
    expect(again.headers["x-page-cache"]).toBeUndefined();
    expect(renders).toHaveLength(2);
  });

  it("reads Accept-Encoding as browsers send it", () => {
    expect(acceptsGzip("gzip, deflate, br, zstd")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
