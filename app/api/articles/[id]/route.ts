import { NextResponse, type NextRequest } from "next/server";
import { ApiError, apiRoute } from "@/lib/api/errors";
import { getArticle } from "@/lib/articles/queries";
import { parseArticleParam } from "@/lib/articles/slug";
import { articleDetailJson } from "@/lib/search/present";

export const dynamic = "force-dynamic";

/** `GET /api/articles/{id}` (or `{id}-{slug}`): one article with its body, countries and regions. */
export const GET = apiRoute(
  async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id: raw } = await params;
    const id = parseArticleParam(raw);
    if (id === null) throw new ApiError(404, [`"${raw.slice(0, 40)}" is not an article id`]);
    const article = await getArticle(id);
    if (!article) throw new ApiError(404, [`There is no article ${id}`]);
    return NextResponse.json(articleDetailJson(article));
  },
);
