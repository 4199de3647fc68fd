import { NextResponse, type NextRequest } from "next/server";
import { parseArticleParam } from "@/lib/articles/slug";
import { logger } from "@/lib/logger";
import { resolveStory } from "@/lib/stories";
import { storyDetailJson } from "@/lib/stories/present";

export const dynamic = "force-dynamic";

/** `GET /api/stories/{id}`: one story with every article; a merged story's old id answers with the story it joined. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = parseArticleParam(raw);
  if (id === null)
    return NextResponse.json(
      { error: "Not found", details: [`"${raw.slice(0, 40)}" is not a story id`] },
      { status: 404 },
    );
  try {
    const found = await resolveStory(id);
    if (!found)
      return NextResponse.json({ error: "Not found", details: [`There is no story ${id}`] }, { status: 404 });
    return NextResponse.json(storyDetailJson(found.story));
  } catch (error) {
    logger.error({ err: error, id }, "story lookup failed");
    return NextResponse.json({ error: "Lookup failed" }, { status: 500 });
  }
}
