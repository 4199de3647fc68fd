import "server-only";
import { providerOfDb, sqliteBulkWriter, type Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { evidencePhrases, storyFeatures } from "./features";
import { simhash } from "./simhash";
import { groupArticles } from "./store";

const BATCH = 500;

/**
 * Regroups every stored article from scratch, oldest first, a batch per transaction, exactly as ingest
 * would have grouped them arriving in that order (features and fingerprints are recomputed too). Story
 * ids are new afterwards: links to old story pages stop working. Returns how many articles were grouped.
 */
export async function restoryArticles(
  db: Db,
  opts: { onStart?: (total: number) => void; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const provider = providerOfDb(db);
  const total = await db.article.count();
  opts.onStart?.(total);
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Article" SET "storyId" = NULL, "duplicateOfId" = NULL`;
    await tx.$executeRaw`DELETE FROM "StoryKey"`;
    await tx.$executeRaw`DELETE FROM "StoryTerm"`;
    await tx.$executeRaw`DELETE FROM "Story"`;
  });
  let done = 0;
  let afterDate: Date | null = null;
  let afterId = 0;
  for (;;) {
    const after: { publishedAt: Date; id: number } | null = afterDate
      ? { publishedAt: afterDate, id: afterId }
      : null;
    const batch = await db.article.findMany({
      where: after
        ? {
            OR: [
              { publishedAt: { gt: after.publishedAt } },
              { publishedAt: after.publishedAt, id: { gt: after.id } },
            ],
          }
        : {},
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      take: BATCH,
      select: {
        id: true,
        sourceId: true,
        title: true,
        summary: true,
        bodyText: true,
        publishedAt: true,
        countries: { select: { code: true, primary: true, evidence: true } },
      },
    });
    if (batch.length === 0) break;
    const arriving = batch.map(({ bodyText, ...a }) => ({
      id: a.id,
      sourceId: a.sourceId,
      title: a.title,
      publishedAt: a.publishedAt,
      simhash: simhash(bodyText ?? ""),
      features: storyFeatures({
        title: a.title,
        summary: a.summary,
        bodyText: bodyText ?? "",
        countries: a.countries.filter((c) => c.primary).map((c) => c.code),
        places: a.countries.flatMap((c) => evidencePhrases(c.evidence)),
      }),
    }));
    await db.$transaction(
      async (tx) => {
        const values = arriving.map(
          (a) =>
            Prisma.sql`(${Prisma.raw(String(Math.trunc(a.id)))}, ${a.simhash}, ${JSON.stringify(a.features)})`,
        );
        await tx.$executeRaw`UPDATE "Article" SET "simhash" = v.column2, "storyFeatures" = v.column3
          FROM (VALUES ${Prisma.join(values)}) AS v WHERE "Article"."id" = v.column1`;
        await groupArticles(tx, arriving, { provider, sqlite: sqliteBulkWriter(db) });
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    const last: { publishedAt: Date; id: number } = batch[batch.length - 1]!;
    afterDate = last.publishedAt;
    afterId = last.id;
    done += batch.length;
    opts.onBatch?.(done);
  }
  return done;
}
