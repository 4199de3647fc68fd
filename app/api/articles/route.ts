import { NextResponse } from "next/server";
import { apiRoute, listParamsOrThrow } from "@/lib/api/errors";
import { searchArticles } from "@/lib/search";
import { articleListJson } from "@/lib/search/present";

export const dynamic = "force-dynamic";

/**
 * `GET /api/articles?q=&from=&to=&range=&region=&country=&source=&sort=&page=&pageSize=&tz=`: one page of
 * results, one item per article (as with `all=1` on the page; each item names its story).
 */
export const GET = apiRoute(async (request) =>
  NextResponse.json(articleListJson(await searchArticles({ ...listParamsOrThrow(request), all: true }))),
);
