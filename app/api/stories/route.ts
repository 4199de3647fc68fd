import { NextResponse } from "next/server";
import { apiRoute, listParamsOrThrow } from "@/lib/api/errors";
import { topStories } from "@/lib/stories";
import { topStoriesJson } from "@/lib/stories/present";

export const dynamic = "force-dynamic";

/** `GET /api/stories` with the list parameters of `/api/articles`: stories ranked by sources and recency. */
export const GET = apiRoute(async (request) =>
  NextResponse.json(topStoriesJson(await topStories(listParamsOrThrow(request)))),
);
