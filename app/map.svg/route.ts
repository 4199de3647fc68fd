import { worldMapSvg } from "@/lib/map/world";

// Built once at build time: the outlines do not depend on the request or the database.
export const dynamic = "force-static";

/**
 * `GET /map.svg`: the world map's country outlines, a path per country with its code as the id. List pages
 * draw each country with `<use href="/map.svg#DE">`, so the outlines are downloaded once and cached
 * instead of being repeated in every page's HTML and RSC payload.
 */
export function GET() {
  return new Response(worldMapSvg(), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // Pages ask for it with a version of its content (mapSpriteHref), so it can be kept for a year.
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
