import { NextResponse, type NextRequest } from "next/server";
import { parseListParams } from "@/lib/articles/params";
import { logger } from "@/lib/logger";
import { atomFeed } from "@/lib/search/present";
import { searchStories } from "@/lib/stories";

export const dynamic = "force-dynamic";

/**
 * `GET /feed.xml` with the list parameters: the first page of that list as an Atom feed, one entry per
 * story like the page (its best match or newest article); `all=1` gives one entry per article.
 */
export async function GET(request: NextRequest) {
  const { params, errors } = parseListParams(request.nextUrl.searchParams);
  if (errors.length > 0)
    return NextResponse.json({ error: "Invalid parameters", details: errors }, { status: 400 });
  try {
    const first = { ...params, page: 1 };
    const now = new Date();
    const result = await searchStories(first, { now });
    const items = result.entries.map((e) => e.card);
    const xml = atomFeed({ ...result, items }, first, request.nextUrl.origin, now);
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
