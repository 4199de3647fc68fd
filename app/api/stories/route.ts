import { NextResponse, type NextRequest } from "next/server";
import { parseListParams } from "@/lib/articles/params";
import { logger } from "@/lib/logger";
import { topStories } from "@/lib/stories";
import { topStoriesJson } from "@/lib/stories/present";

export const dynamic = "force-dynamic";

/** `GET /api/stories` with the list parameters of `/api/articles`: stories ranked by sources and recency. */
export async function GET(request: NextRequest) {
  const { params, errors } = parseListParams(request.nextUrl.searchParams);
  if (errors.length > 0)
    return NextResponse.json({ error: "Invalid parameters", details: errors }, { status: 400 });
  try {
    return NextResponse.json(topStoriesJson(await topStories(params)));
  } catch (error) {
    logger.error({ err: error, url: request.nextUrl.search }, "top stories failed");
    return NextResponse.json({ error: "Stories failed" }, { status: 500 });
  }
}
