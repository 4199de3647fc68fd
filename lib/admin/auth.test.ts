import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import {
  createSession,
  destroySession,
  MAX_ATTEMPTS_PER_CLIENT,
  readSession,
  sessionSecret,
  signIn,
} from "./auth";
import { adminCredential, checkPassword, hashPassword } from "./password";

describe("checkPassword", () => {
  it("accepts the configured password and nothing else", async () => {
    const credential = adminCredential({ DISPATCH_ADMIN_PASSWORD: "correct horse" });
    expect(await checkPassword(credential, "correct horse")).toBe(true);
    for (const wrong of ["", "correct hors", "correct horse ", "Correct horse", "correct horse battery"])
      expect(await checkPassword(credential, wrong)).toBe(false);
  });

  it("checks a scrypt hash from hashPassword, and prefers it to the plain variable", async () => {
    const hash = await hashPassword("staple battery");
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    const credential = adminCredential({
      DISPATCH_ADMIN_PASSWORD: "ignored!",
      DISPATCH_ADMIN_PASSWORD_HASH: hash,
    });
    expect(credential.kind).toBe("hash");
    expect(await checkPassword(credential, "staple battery")).toBe(true);
    expect(await checkPassword(credential, "ignored!")).toBe(false);
  });

  it("has no default credential: nothing signs in when no password is set", async () => {
    const credential = adminCredential({});
    expect(credential.kind).toBe("none");
    for (const guess of ["", "admin", "password", "dispatch"])
      expect(await checkPassword(credential, guess)).toBe(false);
  });
});

await describeEachProvider("admin sessions", ({ provider }) => {
  const t = useTestDatabase(provider);
  const credential = adminCredential({ DISPATCH_ADMIN_PASSWORD: "operator-password" });

  it("generates the session secret once and shares it across clients (instances) and restarts", async () => {
    const first = await sessionSecret(t.db);
    const other = createDb(t.url);
    try {
      expect(Buffer.from(await sessionSecret(other)).equals(Buffer.from(first))).toBe(true);
    } finally {
      await other.$disconnect();
    }
    expect(first.byteLength).toBe(32);
    // A configured secret wins over the stored one.
    expect(new TextDecoder().decode(await sessionSecret(t.db, "x".repeat(40)))).toBe("x".repeat(40));
  });

  it("reads a session it created; refuses forged, tampered, expired and signed-out ones", async () => {
    const secret = await sessionSecret(t.db);
    const { token } = await createSession(t.db, secret);
    expect(await readSession(t.db, secret, token)).not.toBeNull();

    // Signed with another key, or with the right id but no signature: refused.
    const [header, payload] = token.split(".");
    const otherKey = new TextEncoder().encode("k".repeat(32));
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as { jti: string };
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setJti(claims.jti)
      .sign(otherKey);
    expect(await readSession(t.db, secret, forged)).toBeNull();
    expect(await readSession(t.db, secret, `${header}.${payload}.`)).toBeNull();
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${payload}.`;
    expect(await readSession(t.db, secret, none)).toBeNull();
    expect(await readSession(t.db, secret, "garbage")).toBeNull();
    expect(await readSession(t.db, secret, undefined)).toBeNull();

    // A well-signed token naming a session the database does not hold: refused.
    const unknown = await new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setJti("nope").sign(secret);
    expect(await readSession(t.db, secret, unknown)).toBeNull();

    // Expired.
    const later = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    expect(await readSession(t.db, secret, token, later)).toBeNull();

    // Signed out: the same cookie value no longer works (no replay).
    await destroySession(t.db, secret, token);
    expect(await readSession(t.db, secret, token)).toBeNull();
  });

  it("rate-limits sign-in attempts per client, right password included, and keeps other clients apart", async () => {
    const secret = await sessionSecret(t.db);
    const attempt = (client: string, password: string) =>
      signIn(t.db, { credential, password, client, secret });
    for (let i = 0; i < MAX_ATTEMPTS_PER_CLIENT; i++)
      expect((await attempt("198.51.100.1", "wrong")).status).toBe("wrong-password");
    const limited = await attempt("198.51.100.1", "operator-password");
    expect(limited).toMatchObject({ status: "rate-limited" });
    expect(limited.status === "rate-limited" && limited.retryAfterSeconds).toBeGreaterThan(800);

    // Another client is not held by the first one's failures; a success clears its own count.
    expect((await attempt("198.51.100.2", "wrong")).status).toBe("wrong-password");
    expect((await attempt("198.51.100.2", "operator-password")).status).toBe("signed-in");

    // The window passes: the first client may try again.
    const later = new Date(Date.now() + 16 * 60 * 1000);
    const again = await signIn(
      t.db,
      { credential, password: "operator-password", client: "198.51.100.1", secret },
      later,
    );
    expect(again.status).toBe("signed-in");
  });

  it("counts parallel guesses before checking them, so a burst cannot slip past the limit", async () => {
    const secret = await sessionSecret(t.db);
    const wrong = await Promise.all(
      Array.from({ length: 12 }, () =>
        signIn(t.db, { credential, password: "nope", client: "203.0.113.10", secret }),
      ),
    );
    expect(wrong.filter((r) => r.status === "wrong-password").length).toBe(MAX_ATTEMPTS_PER_CLIENT);
  });
});
