import "server-only";
import type { Db } from "@/lib/db";
import { decodeBytes } from "./charset";
import { parseDocument } from "./parse";
import { feedUrlSchema, SourceInputError } from "./sources";
import { checkTarget } from "./ssrf";

/** Largest OPML upload accepted (a list of a few thousand subscriptions fits easily). */
export const MAX_OPML_BYTES = 512 * 1024;

/** What importing a subscription list did, feed by feed. */
export interface OpmlImportReport {
  added: { feedUrl: string; name: string }[];
  existing: { feedUrl: string; name: string }[];
  refused: { feedUrl: string; reason: string }[];
}

/**
 * Subscribes to the feeds of an uploaded OPML file. The file is size-checked, then parsed by the same
 * parser as every feed (no DTD entity expansion); each address must be http(s) and pass the SSRF guard's
 * static check (its resolved address is checked again at every fetch). New feeds are due at once.
 * Throws SourceInputError when the file is too large or not OPML.
 */
export async function importOpml(
  db: Db,
  bytes: Uint8Array,
  opts: { allowPrivateNetwork: boolean },
): Promise<OpmlImportReport> {
  if (bytes.byteLength === 0) throw new SourceInputError("the file is empty");
  if (bytes.byteLength > MAX_OPML_BYTES)
    throw new SourceInputError(
      `the file is ${Math.ceil(bytes.byteLength / 1024)} KB; OPML files up to ${MAX_OPML_BYTES / 1024} KB are accepted`,
    );
  const parsed = parseDocument(bytes, { contentType: "text/x-opml", url: null, fetchedAt: new Date() });
  if (!parsed.ok) throw new SourceInputError(`not an OPML file: ${parsed.reason}`);
  if (parsed.doc.kind !== "opml")
    throw new SourceInputError("not an OPML file (it is a feed: subscribe to its address)");

  const report: OpmlImportReport = { added: [], existing: [], refused: [] };
  // The parser drops addresses it cannot use (javascript:, mailto:, garbage); name them as refused too.
  const kept = new Set(parsed.doc.feeds.map((f) => f.feedUrl));
  const seen = new Set<string>();
  for (const [, , double, single] of decodeBytes(bytes).text.matchAll(
    /\bxmlUrl\s*=\s*("([^"]*)"|'([^']*)')/gi,
  )) {
    const raw = (double ?? single ?? "").replace(/&amp;/g, "&").trim();
    let resolved: string | null = null;
    try {
      resolved = new URL(raw).href;
    } catch {
      resolved = null;
    }
    if (raw === "" || seen.has(raw) || (resolved !== null && kept.has(resolved))) continue;
    seen.add(raw);
    report.refused.push({ feedUrl: raw.slice(0, 300), reason: "not an http(s) feed address" });
  }
  for (const entry of parsed.doc.feeds) {
    const url = feedUrlSchema.safeParse(entry.feedUrl);
    if (!url.success) {
      report.refused.push({ feedUrl: entry.feedUrl, reason: url.error.issues[0]?.message ?? "invalid URL" });
      continue;
    }
    const refusal = checkTarget(new URL(url.data), opts.allowPrivateNetwork);
    if (refusal !== null) {
      report.refused.push({ feedUrl: url.data, reason: refusal });
      continue;
    }
    const name = entry.title?.slice(0, 200) || new URL(url.data).hostname;
    const existing = await db.source.findUnique({ where: { feedUrl: url.data }, select: { name: true } });
    if (existing) {
      report.existing.push({ feedUrl: url.data, name: existing.name });
      continue;
    }
    const created = await db.source.upsert({
      where: { feedUrl: url.data },
      update: {},
      create: { name, feedUrl: url.data, siteUrl: entry.siteUrl },
      select: { name: true },
    });
    report.added.push({ feedUrl: url.data, name: created.name });
  }
  return report;
}

function xmlAttr(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;");
}

/** Every subscription (sources with a feed) as an OPML 2.0 document. */
export async function exportOpml(db: Db, now: Date = new Date()): Promise<string> {
  const sources = await db.source.findMany({
    where: { feedUrl: { not: null } },
    orderBy: { id: "asc" },
    select: { name: true, feedUrl: true, siteUrl: true },
  });
  const outlines = sources
    .map(
      (s) =>
        `    <outline type="rss" text="${xmlAttr(s.name)}" title="${xmlAttr(s.name)}" xmlUrl="${xmlAttr(s.feedUrl ?? "")}"${
          s.siteUrl ? ` htmlUrl="${xmlAttr(s.siteUrl)}"` : ""
        }/>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Dispatch subscriptions</title>
    <dateCreated>${now.toUTCString()}</dateCreated>
  </head>
  <body>
${outlines}
  </body>
</opml>
`;
}
