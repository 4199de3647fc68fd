import "server-only";
import type { Db } from "@/lib/db";
import { detectLanguage } from "@/lib/language";
import { TAGGER_VERSION } from "@/lib/regions";
import { writeTags } from "./store";

const BATCH = 500;

/**
 * Re-tags stored articles with the current gazetteer, a batch per transaction; returns how many were tagged.
 * Articles without a language get one first (detected from their text; the feed's hint is not stored), so
 * that they are tagged, and searched, in their language.
 */
export async function retagArticles(
  db: Db,
  opts: { all?: boolean; onStart?: (total: number) => void; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const where = opts.all ? {} : { taggerVersion: { not: TAGGER_VERSION } };
  const total = await db.article.count({ where });
  opts.onStart?.(total);
  let done = 0;
  let afterId = 0;
  for (;;) {
    const batch = await db.article.findMany({
      where: { ...where, id: { gt: afterId } },
      select: { id: true, title: true, bodyText: true, language: true, publishedAt: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) break;
    const articles = batch.map((a) => ({ ...a, bodyText: a.bodyText ?? "" }));
    await db.$transaction(async (tx) => {
      for (const article of articles) {
        if (article.language !== null) continue;
        article.language = detectLanguage({ title: article.title, body: article.bodyText });
        if (article.language !== null)
          await tx.article.update({ where: { id: article.id }, data: { language: article.language } });
      }
      await writeTags(tx, articles);
      await tx.article.updateMany({
        where: { id: { in: articles.map((a) => a.id) } },
        data: { taggerVersion: TAGGER_VERSION },
      });
    });
    afterId = batch[batch.length - 1]?.id ?? afterId;
    done += batch.length;
    opts.onBatch?.(done);
  }
  return done;
}
