import { bodyTextOf } from "@/lib/articles/body-text";
import type { ArticleInput } from "@/lib/ingest/types";

/**
 * A feed item as the parsers hand it to storeItems, for tests: `body` is the text and, as one paragraph,
 * the HTML; the link is made from the guid; English unless told otherwise.
 */
export function articleInput({
  guid,
  title,
  body,
  publishedAt,
  language = "en",
}: {
  guid: string;
  title: string;
  body: string;
  publishedAt: Date;
  language?: string;
}): ArticleInput {
  return {
    guid,
    url: `https://example.test/${guid}`,
    title,
    summary: null,
    bodyHtml: `<p>${body}</p>`,
    bodyText: bodyTextOf(`<p>${body}</p>`),
    author: null,
    publishedAt,
    dateEstimated: false,
    language,
  };
}
