import type { MetadataRoute } from "next";
import { sitemapEntries, sitemapPageCount } from "@/lib/site/sitemap";

// Read per request: articles arrive all the time, and the build has no database to read.
export const dynamic = "force-dynamic";

/** /sitemap/0.xml, /sitemap/1.xml, …: one file per 50,000 article ids (robots.txt lists them). */
export async function generateSitemaps(): Promise<{ id: number }[]> {
  return Array.from({ length: await sitemapPageCount() }, (_, id) => ({ id }));
}

export default async function sitemap({ id }: { id: Promise<string> }): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(Number(await id));
}
