import { adminEnabled, adminSessionForRoute } from "@/lib/admin/request";
import { db } from "@/lib/db";
import { exportOpml } from "@/lib/ingest/opml";

export const dynamic = "force-dynamic";

/** Every subscription as an OPML file (a download); 401 without a session, 404 when the admin area is off. */
export async function GET(): Promise<Response> {
  if (!adminEnabled()) return new Response("Not found\n", { status: 404 });
  if (!(await adminSessionForRoute()))
    return new Response("Sign in at /admin/sign-in first.\n", {
      status: 401,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(await exportOpml(db), {
    headers: {
      "content-type": "text/x-opml; charset=utf-8",
      "content-disposition": `attachment; filename="dispatch-subscriptions-${date}.opml"`,
      "cache-control": "no-store",
    },
  });
}
