import "server-only";
import { randomBytes } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Db } from "@/lib/db";
import { checkPassword, type AdminCredential } from "./password";

/** Name of the session cookie. */
export const SESSION_COOKIE = "dispatch_admin";
/** How long a session lasts after sign-in. */
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Sign-in attempts allowed per client, and over all clients, in one window. */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_ATTEMPTS_PER_CLIENT = 5;
export const MAX_ATTEMPTS_TOTAL = 100;
/** The key that counts attempts over every client (so rotating X-Forwarded-For values does not help). */
const ALL_CLIENTS = "*";
const SECRET_KEY = "session-secret";

const secrets = new WeakMap<Db, Promise<Uint8Array>>();

/** True when Prisma refused a row because its unique key is taken (two instances racing to create it). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * The key that signs session cookies: DISPATCH_SESSION_SECRET when set, else one generated on first use
 * and kept in the database, so every instance shares it and sessions survive restarts.
 */
export function sessionSecret(db: Db, configured?: string): Promise<Uint8Array> {
  if (configured) return Promise.resolve(new TextEncoder().encode(configured));
  let secret = secrets.get(db);
  if (!secret) {
    secret = loadOrCreateSecret(db);
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

async function loadOrCreateSecret(db: Db): Promise<Uint8Array> {
  const read = () => db.setting.findUnique({ where: { key: SECRET_KEY }, select: { value: true } });
  let row = await read();
  if (!row) {
    try {
      await db.setting.create({ data: { key: SECRET_KEY, value: randomBytes(32).toString("base64url") } });
    } catch (error) {
      // Another instance created it first: use theirs.
      if (!isUniqueViolation(error)) throw error;
    }
    row = await read();
  }
  if (!row) throw new Error("the session secret could not be stored");
  return new Uint8Array(Buffer.from(row.value, "base64url"));
}

/** A valid, signed-in session. */
export interface AdminSession {
  id: string;
  expiresAt: Date;
}

/** Starts a session: a random id stored in the database, carried in a signed JWT (the cookie's value). */
export async function createSession(
  db: Db,
  secret: Uint8Array,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_SECONDS * 1000);
  await db.adminSession.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.adminSession.create({ data: { id, expiresAt, createdAt: now } });
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setJti(id)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
  return { token, expiresAt };
}

/** The session a cookie value names, or null when it is forged, expired or signed out. */
export async function readSession(
  db: Db,
  secret: Uint8Array,
  token: string | undefined,
  now: Date = new Date(),
): Promise<AdminSession | null> {
  if (!token || token.length > 2048) return null;
  let id: string | undefined;
  try {
    const { payload } = await jwtVerify(token, secret, {
      algorithms: ["HS256"],
      currentDate: now,
    });
    id = payload.jti;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
  if (!id) return null;
  const session = await db.adminSession.findUnique({ where: { id }, select: { id: true, expiresAt: true } });
  return session && session.expiresAt > now ? session : null;
}

/** Ends the session a cookie value names, for every instance: the row goes, so the cookie is worthless. */
export async function destroySession(db: Db, secret: Uint8Array, token: string | undefined): Promise<void> {
  const session = await readSession(db, secret, token);
  if (session) await db.adminSession.deleteMany({ where: { id: session.id } });
}

/** True when Prisma found no row to update (a conditional update whose condition did not hold). */
function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/**
 * Counts one attempt for a key in the current window; returns the count including this one. Each step is
 * one conditional UPDATE … RETURNING (increment in the window, else restart an expired window) or an
 * INSERT, so parallel attempts on any instance each count once and each sees its own count.
 */
async function countAttempt(db: Db, client: string, now: Date): Promise<number> {
  const windowOpen = new Date(now.getTime() - LOGIN_WINDOW_SECONDS * 1000);
  const orNull = (error: unknown) => {
    if (isNotFound(error) || isUniqueViolation(error)) return null;
    throw error;
  };
  for (let tries = 0; tries < 5; tries++) {
    const counted =
      (await db.loginAttempt
        .update({
          where: { client, windowStart: { gte: windowOpen } },
          data: { failures: { increment: 1 } },
          select: { failures: true },
        })
        .catch(orNull)) ??
      (await db.loginAttempt
        .update({
          where: { client, windowStart: { lt: windowOpen } },
          data: { failures: 1, windowStart: now },
          select: { failures: true },
        })
        .catch(orNull)) ??
      (await db.loginAttempt
        .create({ data: { client, failures: 1, windowStart: now }, select: { failures: true } })
        .catch(orNull));
    if (counted) return counted.failures;
  }
  throw new Error("the sign-in attempt could not be counted");
}

/** What a sign-in attempt came to. */
export type SignInResult =
  | { status: "signed-in"; token: string; expiresAt: Date }
  | { status: "wrong-password" }
  | { status: "rate-limited"; retryAfterSeconds: number };

/**
 * Checks a password under the rate limit. Every attempt is counted before the password is looked at
 * (so parallel guesses cannot slip past the limit); a success clears the client's count.
 */
export async function signIn(
  db: Db,
  input: { credential: AdminCredential; password: string; client: string; secret: Uint8Array },
  now: Date = new Date(),
): Promise<SignInResult> {
  const client = input.client.slice(0, 200) || "unknown";
  const [mine, all] = [await countAttempt(db, client, now), await countAttempt(db, ALL_CLIENTS, now)];
  if (mine > MAX_ATTEMPTS_PER_CLIENT || all > MAX_ATTEMPTS_TOTAL) {
    const row = await db.loginAttempt.findUnique({
      where: { client: mine > MAX_ATTEMPTS_PER_CLIENT ? client : ALL_CLIENTS },
      select: { windowStart: true },
    });
    const reopens = (row?.windowStart.getTime() ?? now.getTime()) + LOGIN_WINDOW_SECONDS * 1000;
    return {
      status: "rate-limited",
      retryAfterSeconds: Math.max(1, Math.ceil((reopens - now.getTime()) / 1000)),
    };
  }
  if (!(await checkPassword(input.credential, input.password))) return { status: "wrong-password" };
  await db.loginAttempt.deleteMany({ where: { client } });
  return { status: "signed-in", ...(await createSession(db, input.secret, now)) };
}
