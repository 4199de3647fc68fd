import type { MetadataRoute } from "next";
import { sitemapFileUrls } from "@/lib/site/sitemap";

// The sitemap files depend on the database and the host: build this per request, not at build time.
export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: { userAgent: "*", allow: "/", disallow: "/api/" },
    sitemap: await sitemapFileUrls(),
  };
}
