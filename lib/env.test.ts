import { describe, expect, it } from "vitest";
import { providerOf, readEnv } from "./env";

describe("readEnv", () => {
  it("gives the documented defaults", () => {
    const env = readEnv({});
    expect(env).toMatchObject({
      DATABASE_URL: "file:./data/dispatch.db",
      PORT: 3000,
      DISPATCH_ALLOW_PRIVATE_NETWORK: false,
      DISPATCH_SAMPLE_CONTENT: true,
      DATABASE_POOL_SIZE: 10,
    });
  });

  it("reads flags and numbers", () => {
    const env = readEnv({ DISPATCH_SAMPLE_CONTENT: "0", DISPATCH_ALLOW_PRIVATE_NETWORK: "1", PORT: "8080" });
    expect(env).toMatchObject({
      DISPATCH_SAMPLE_CONTENT: false,
      DISPATCH_ALLOW_PRIVATE_NETWORK: true,
      PORT: 8080,
    });
  });

  it("reads the admin and polling settings; no admin password by default", () => {
    expect(readEnv({})).toMatchObject({ DISPATCH_POLL: true, DISPATCH_PRIVATE: false });
    expect(readEnv({}).DISPATCH_ADMIN_PASSWORD).toBeUndefined();
    expect(readEnv({ DISPATCH_POLL: "off", DISPATCH_PRIVATE: "1" })).toMatchObject({
      DISPATCH_POLL: false,
      DISPATCH_PRIVATE: true,
    });
    expect(() => readEnv({ DISPATCH_ADMIN_PASSWORD: "short" })).toThrow(
      /DISPATCH_ADMIN_PASSWORD.*8 characters/,
    );
    expect(() => readEnv({ DISPATCH_SESSION_SECRET: "short" })).toThrow(/DISPATCH_SESSION_SECRET/);
    expect(() => readEnv({ DISPATCH_ADMIN_PASSWORD_HASH: "md5:abc" })).toThrow(/admin:hash-password/);
    expect(() => readEnv({ DISPATCH_POLL: "sometimes" })).toThrow(/DISPATCH_POLL/);
    expect(readEnv({}).DISPATCH_WORKERS).toBeUndefined();
    expect(readEnv({ DISPATCH_WORKERS: "3" }).DISPATCH_WORKERS).toBe(3);
    for (const bad of ["0", "1.5", "many", "65"])
      expect(() => readEnv({ DISPATCH_WORKERS: bad })).toThrow(/DISPATCH_WORKERS/);
    expect(readEnv({}).DISPATCH_PAGE_CACHE_MS).toBe(1000);
    expect(readEnv({ DISPATCH_PAGE_CACHE_MS: "0" }).DISPATCH_PAGE_CACHE_MS).toBe(0);
    for (const bad of ["-1", "soon", "60001"])
      expect(() => readEnv({ DISPATCH_PAGE_CACHE_MS: bad })).toThrow(/DISPATCH_PAGE_CACHE_MS/);
  });

  it("names every bad variable in one error", () => {
    expect(() =>
      readEnv({ DATABASE_URL: "mysql://x", PORT: "99999", DISPATCH_SAMPLE_CONTENT: "maybe" }),
    ).toThrow(/DATABASE_URL.*PORT.*DISPATCH_SAMPLE_CONTENT/);
  });

  it("tells SQLite from PostgreSQL URLs", () => {
    expect(providerOf("file:./x.db")).toBe("sqlite");
    expect(providerOf("postgresql://u@h/db")).toBe("postgresql");
  });

  it("keeps only the origin of DISPATCH_SITE_URL and refuses other schemes", () => {
    expect(readEnv({ DISPATCH_SITE_URL: "https://news.example/some/path" }).DISPATCH_SITE_URL).toBe(
      "https://news.example",
    );
    expect(() => readEnv({ DISPATCH_SITE_URL: "ftp://news.example" })).toThrow(/DISPATCH_SITE_URL/);
  });
});
