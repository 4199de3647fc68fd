import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ApiError, apiRoute, handleApiError } from "./errors";

const request = new NextRequest("http://127.0.0.1/api/articles?q=x");

describe("handleApiError", () => {
  it("answers an ApiError with its own status and details", async () => {
    const response = handleApiError(new ApiError(404, ["There is no article 7"]), request);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Not found", details: ["There is no article 7"] });
  });

  it("answers an unreachable database with 503 and a retry hint, however deep the cause", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const response = handleApiError(new Error("query failed", { cause }), request);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("answers anything else with a 500 that reveals nothing", async () => {
    const response = handleApiError(new Error("SELECT secret FROM internals"), request);
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret");
  });
});

describe("apiRoute", () => {
  it("passes answers through and maps what the handler throws", async () => {
    const ok = apiRoute(() => Promise.resolve(Response.json({ ok: true })));
    expect((await ok(request)).status).toBe(200);
    const refused = apiRoute(() => Promise.reject(new ApiError(400, ["page must be a positive integer"])));
    const response = await refused(request);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: string[] }).details).toEqual([
      "page must be a positive integer",
    ]);
  });
});
