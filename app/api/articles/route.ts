import { NextResponse, type NextRequest } from "next/server";
import { parseListParams } from "@/lib/articles/params";
import { logger } from "@/lib/logger";
import { searchArticles } from "@/lib/search";
import { articleListJson } from "@/lib/search/present";

export const dynamic = "force-dynamic";

/** `GET /api/articles?q=&from=&to=&range=&region=&country=&source=&sort=&page=&pageSize=&tz=`: one page of results. */
export async function GET(request: NextRequest) {
  const { params, errors } = parseListParams(request.nextUrl.searchParams);
  if (errors.length > 0)
    return NextResponse.json({ error: "Invalid parameters", details: errors }, { status: 400 });
  try {
    return NextResponse.json(articleListJson(await searchArticles(params)));
  } catch (error) {
    logger.error({ err: error, url: request.nextUrl.search }, "article search failed");
    return NextResponse.json({ error: "Search failed" }, { status: 500 });
  }
}
