import { NextResponse, type NextRequest } from "next/server";
import { parseListParams } from "@/lib/articles/params";
import { logger } from "@/lib/logger";
import { searchArticles } from "@/lib/search";
import { atomFeed } from "@/lib/search/present";

export const dynamic = "force-dynamic";

/** `GET /feed.xml` with the list parameters: the first page of that list as an Atom feed. */
export async function GET(request: NextRequest) {
  const { params, errors } = parseListParams(request.nextUrl.searchParams);
  if (errors.length > 0)
    return NextResponse.json({ error: "Invalid parameters", details: errors }, { status: 400 });
  try {
    const first = { ...params, page: 1 };
    const now = new Date();
    const xml = atomFeed(await searchArticles(first, { now }), first, request.nextUrl.origin, now);
    return new NextResponse(xml, {
      headers: {
        "Content-Type": "application/atom+xml; charset=utf-8",
        "Cache-Control": "public, max-age=300",
      },
    });
  } catch (error) {
    logger.error({ err: error, url: request.nextUrl.search }, "feed failed");
    return NextResponse.json({ error: "Feed failed" }, { status: 500 });
  }
}
