import { NextResponse, type NextRequest } from "next/server";
import { getArticle } from "@/lib/articles/queries";
import { parseArticleParam } from "@/lib/articles/slug";
import { logger } from "@/lib/logger";
import { articleDetailJson } from "@/lib/search/present";

export const dynamic = "force-dynamic";

/** `GET /api/articles/{id}` (or `{id}-{slug}`): one article with its body, countries and regions. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = parseArticleParam(raw);
  if (id === null)
    return NextResponse.json(
      { error: "Not found", details: [`"${raw.slice(0, 40)}" is not an article id`] },
      { status: 404 },
    );
  try {
    const article = await getArticle(id);
    if (!article)
      return NextResponse.json(
        { error: "Not found", details: [`There is no article ${id}`] },
        { status: 404 },
      );
    return NextResponse.json(articleDetailJson(article));
  } catch (error) {
    logger.error({ err: error, id }, "article lookup failed");
    return NextResponse.json({ error: "Lookup failed" }, { status: 500 });
  }
}
