import { NextResponse, type NextRequest } from "next/server";
import { ApiError, apiRoute } from "@/lib/api/errors";
import { parseArticleParam } from "@/lib/articles/slug";
import { resolveStory } from "@/lib/stories";
import { storyDetailJson } from "@/lib/stories/present";

export const dynamic = "force-dynamic";

/** `GET /api/stories/{id}`: one story with every article; a merged story's old id answers with the story it joined. */
export const GET = apiRoute(
  async (_request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id: raw } = await params;
    const id = parseArticleParam(raw);
    if (id === null) throw new ApiError(404, [`"${raw.slice(0, 40)}" is not a story id`]);
    const found = await resolveStory(id);
    if (!found) throw new ApiError(404, [`There is no story ${id}`]);
    return NextResponse.json(storyDetailJson(found.story));
  },
);
