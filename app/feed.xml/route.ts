import { NextResponse } from "next/server";
import { apiRoute, listParamsOrThrow } from "@/lib/api/errors";
import { atomFeed } from "@/lib/search/present";
import { searchStories } from "@/lib/stories";

export const dynamic = "force-dynamic";

/**
 * `GET /feed.xml` with the list parameters: the first page of that list as an Atom feed, one entry per
 * story like the page (its best match or newest article); `all=1` gives one entry per article.
 */
export const GET = apiRoute(async (request) => {
  const first = { ...listParamsOrThrow(request), page: 1 };
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
});
