import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import {
  destroySession,
  readSession,
  SESSION_COOKIE,
  sessionSecret,
  signIn,
  type AdminSession,
  type SignInResult,
} from "./auth";
import { adminCredential } from "./password";

/** Where the sign-in page lives. */
export const SIGN_IN_PATH = "/admin/sign-in";
/** A path on this site to return to after sign-in (never `//host` or `/\\host`, which leave the site). */
export const LOCAL_PATH = /^\/(?![/\\])[^\s\\]{0,500}$/;

/** True when a password (or its hash) is configured; otherwise the admin area does not exist. */
export function adminEnabled(): boolean {
  return adminCredential(env).kind !== "none";
}

/** The session of the current request, or null. */
export async function currentSession(): Promise<AdminSession | null> {
  if (!adminEnabled()) return null;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return readSession(db, await sessionSecret(db, env.DISPATCH_SESSION_SECRET), token);
}

/** For admin pages: a 404 when the admin area is off, the sign-in page when there is no session. */
export async function requireAdminPage(returnTo: string): Promise<AdminSession> {
  if (!adminEnabled()) notFound();
  const session = await currentSession();
  if (!session) redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(returnTo)}`);
  return session;
}

/**
 * For Server Actions, first thing: without a valid session it redirects to the sign-in page (a plain
 * form post gets a 303, a JavaScript call follows it), so the action never runs.
 */
export async function requireAdminAction(): Promise<AdminSession> {
  if (!adminEnabled()) notFound();
  const session = await currentSession();
  if (!session) redirect(SIGN_IN_PATH);
  return session;
}

/** For route handlers: the session, or null (the handler answers 401). */
export async function adminSessionForRoute(): Promise<AdminSession | null> {
  return currentSession();
}

/**
 * Who is signing in, for the rate limit: the first X-Forwarded-For address (the client, behind a proxy;
 * Next.js fills it with the socket's address when absent). A client that forges the header is still
 * held by the limit over all clients.
 */
async function clientKey(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for") ?? "";
  return forwarded.split(",")[0]?.trim() || "unknown";
}

/** True when the request came over HTTPS (directly or via a proxy that says so): the cookie gets Secure. */
async function overHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

/** Checks the password (rate-limited) and, when right, sets the session cookie. */
export async function signInFromRequest(password: string): Promise<SignInResult["status"] | "off"> {
  const credential = adminCredential(env);
  if (credential.kind === "none") return "off";
  const result = await signIn(db, {
    credential,
    password,
    client: await clientKey(),
    secret: await sessionSecret(db, env.DISPATCH_SESSION_SECRET),
  });
  if (result.status === "signed-in") {
    (await cookies()).set(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: "lax",
      secure: await overHttps(),
      path: "/",
      expires: result.expiresAt,
    });
  }
  return result.status;
}

/** Ends the current session in the database and clears the cookie. */
export async function signOutFromRequest(): Promise<void> {
  const jar = await cookies();
  await destroySession(
    db,
    await sessionSecret(db, env.DISPATCH_SESSION_SECRET),
    jar.get(SESSION_COOKIE)?.value,
  );
  jar.delete(SESSION_COOKIE);
}
