import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** The operator's credential as configured: a plain password, a scrypt hash, or nothing (admin area off). */
export type AdminCredential =
  { kind: "password"; password: string } | { kind: "hash"; hash: string } | { kind: "none" };

/** Reads the credential from the environment's two variables (the hash wins when both are set). */
export function adminCredential(vars: {
  DISPATCH_ADMIN_PASSWORD?: string | undefined;
  DISPATCH_ADMIN_PASSWORD_HASH?: string | undefined;
}): AdminCredential {
  if (vars.DISPATCH_ADMIN_PASSWORD_HASH) return { kind: "hash", hash: vars.DISPATCH_ADMIN_PASSWORD_HASH };
  if (vars.DISPATCH_ADMIN_PASSWORD) return { kind: "password", password: vars.DISPATCH_ADMIN_PASSWORD };
  return { kind: "none" };
}

const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const scryptOptions = (n: number, r: number, p: number) => ({
  N: n,
  r,
  p,
  maxmem: 256 * n * r + 1024 * 1024,
});

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64), the format DISPATCH_ADMIN_PASSWORD_HASH takes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, scryptOptions(N, R, P));
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/**
 * True when `attempt` matches the credential. Both sides are compared as fixed-length digests with
 * timingSafeEqual, so the time taken says nothing about how much of the password was right.
 */
export async function checkPassword(credential: AdminCredential, attempt: string): Promise<boolean> {
  if (credential.kind === "none") return false;
  if (credential.kind === "password") return timingSafeEqual(digest(attempt), digest(credential.password));
  const [scheme, n, r, p, salt, hash] = credential.hash.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  if (expected.length === 0) return false;
  const key = await scryptAsync(
    attempt,
    Buffer.from(salt, "base64"),
    expected.length,
    scryptOptions(Number(n), Number(r), Number(p)),
  );
  return timingSafeEqual(key, expected);
}
