import type { MetadataRoute } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { sitemapEntries, sitemapPageCount } from "@/lib/site/sitemap";

// Read per request: articles arrive all the time, and the build has no database to read.
export const dynamic = "force-dynamic";

/**
 * /sitemap/0.xml, /sitemap/1.xml, …: one file per 50,000 article ids (robots.txt lists them). Next.js also
 * calls this while building (for static params), when there may be no database yet: the build then learns of
 * the first file only, and every request asks again, so the count always follows the database.
 */
export async function generateSitemaps(): Promise<{ id: number }[]> {
  const pages = process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD ? 1 : await sitemapPageCount();
  return Array.from({ length: pages }, (_, id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(Number(await id));
}
