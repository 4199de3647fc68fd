import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { importFile, type FileReport } from "./import-files";

const manifestSchema = z.object({
  articles: z.array(
    z.object({
      file: z.string(),
      source: z.object({ name: z.string(), siteUrl: z.url().nullable().default(null) }),
      url: z.url().nullable().default(null),
      publishedAt: z.coerce.date().optional(),
    }),
  ),
  feeds: z.array(z.string()),
});

/** Default location of the committed sample content. */
export const SAMPLE_DIR = path.join(process.cwd(), "prisma", "seed");

/**
 * Imports the committed sample content (the seed article and the sample feeds) described by
 * manifest.json. Safe to run again: every item is deduplicated, so nothing is added twice.
 */
export async function importSampleContent(db: Db, dir: string = SAMPLE_DIR): Promise<FileReport[]> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")));
  const reports: FileReport[] = [];
  for (const article of manifest.articles) {
    reports.push(
      await importFile(db, path.join(dir, article.file), {
        sourceName: article.source.name,
        sourceUrl: article.source.siteUrl,
        url: article.url,
        publishedAt: article.publishedAt,
      }),
    );
  }
  for (const feed of manifest.feeds) reports.push(await importFile(db, path.join(dir, feed)));
  return reports;
}
