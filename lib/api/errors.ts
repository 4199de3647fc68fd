import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { parseListParams, type ListParams } from "@/lib/articles/params";
import { RETRY_AFTER_SECONDS } from "@/lib/db-health";
import { logger } from "@/lib/logger";

// The one place route handlers turn an outcome into an HTTP error (dub's `handleApiError` is the model):
// handlers throw ApiError for what the client got wrong, and everything else is logged once here and
// answered without internals.

type ErrorStatus = 400 | 401 | 404 | 405 | 409 | 413 | 422 | 429;

const TITLES: Record<ErrorStatus, string> = {
  400: "Invalid parameters",
  401: "Sign-in required",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Too large",
  422: "Unprocessable",
  429: "Too many requests",
};

/** A refusal the client can act on: its status, and details that say what to change. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: ErrorStatus,
    readonly details: readonly string[] = [],
  ) {
    super(`${TITLES[status]}${details.length ? `: ${details.join("; ")}` : ""}`);
  }
}

// Connection failures as the pg driver, Prisma's adapters and Node report them: the database is away,
// not the request at fault.
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|connect(ion)? timeout|terminating connection|the database system is (starting up|shutting down)|Can't reach database server/i;

function unreachable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (UNREACHABLE.test(`${typeof code === "string" ? code : ""} ${e.message}`)) return true;
  }
  return false;
}

/** The JSON answer for any error a route handler met: ApiError as itself, an unreachable database as 503, else 500. */
export function handleApiError(
  error: unknown,
  request: Pick<NextRequest, "method" | "nextUrl">,
): NextResponse {
  if (error instanceof ApiError)
    return NextResponse.json(
      { error: TITLES[error.status], details: error.details },
      { status: error.status },
    );
  const where = { method: request.method, path: request.nextUrl.pathname, query: request.nextUrl.search };
  if (unreachable(error)) {
    logger.warn({ err: error, ...where }, "database unreachable");
    return NextResponse.json(
      {
        error: "Service unavailable",
        details: [`The database is not reachable; retry in ${RETRY_AFTER_SECONDS} seconds`],
      },
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
    );
  }
  logger.error({ err: error, ...where }, "request failed");
  return NextResponse.json(
    { error: "Internal error", details: ["The server failed; the log has the details"] },
    { status: 500 },
  );
}

/** Wraps a route handler so that whatever it throws reaches handleApiError. */
export function apiRoute(
  handler: (request: NextRequest) => Promise<Response>,
): (request: NextRequest) => Promise<Response>;
export function apiRoute<C>(
  handler: (request: NextRequest, context: C) => Promise<Response>,
): (request: NextRequest, context: C) => Promise<Response>;
export function apiRoute<C>(handler: (request: NextRequest, context: C) => Promise<Response>) {
  return async (request: NextRequest, context: C) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return handleApiError(error, request);
    }
  };
}

/** The list state of an API or feed request; a parameter that does not parse is a 400 that names it. */
export function listParamsOrThrow(request: Pick<NextRequest, "nextUrl">): ListParams {
  const { params, errors } = parseListParams(request.nextUrl.searchParams);
  if (errors.length > 0) throw new ApiError(400, errors);
  return params;
}
