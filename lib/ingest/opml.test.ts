import { expect, it } from "vitest";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { exportOpml, importOpml, MAX_OPML_BYTES } from "./opml";
import { addSource, SourceInputError } from "./sources";

const bytes = (text: string) => new TextEncoder().encode(text);

await describeEachProvider("OPML import and export", ({ provider }) => {
  const t = useTestDatabase(provider);

  it("adds new feeds, reports those already there and refuses unusable ones with the reason", async () => {
    await addSource(t.db, { feedUrl: "https://known.example/feed.xml", name: "Known" });
    const report = await importOpml(
      t.db,
      bytes(`<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
        <outline text="News"><outline type="rss" text="New &amp; Fresh" xmlUrl="https://fresh.example/rss" htmlUrl="https://fresh.example/"/></outline>
        <outline type="rss" text="Known again" xmlUrl="https://known.example/feed.xml"/>
        <outline type="rss" text="Script" xmlUrl="javascript:alert(1)"/>
        <outline type="rss" text="Loopback" xmlUrl="http://127.0.0.1/feed"/>
      </body></opml>`),
      { allowPrivateNetwork: false },
    );
    expect(report.added).toEqual([{ feedUrl: "https://fresh.example/rss", name: "New & Fresh" }]);
    expect(report.existing).toEqual([{ feedUrl: "https://known.example/feed.xml", name: "Known" }]);
    expect(report.refused.map((r) => r.feedUrl)).toEqual(["javascript:alert(1)", "http://127.0.0.1/feed"]);
    expect(report.refused[0]?.reason).toMatch(/not an http\(s\) feed address/);
    expect(report.refused[1]?.reason).toMatch(/refused: 127\.0\.0\.1/);
    const fresh = await t.db.source.findUnique({ where: { feedUrl: "https://fresh.example/rss" } });
    expect(fresh).toMatchObject({
      name: "New & Fresh",
      siteUrl: "https://fresh.example/",
      nextFetchAt: null,
    });
  });

  it("refuses files that are too large, empty or not OPML, and never expands entities", async () => {
    await expect(
      importOpml(t.db, new Uint8Array(MAX_OPML_BYTES + 1), { allowPrivateNetwork: false }),
    ).rejects.toThrow(/OPML files up to 512 KB/);
    await expect(importOpml(t.db, new Uint8Array(), { allowPrivateNetwork: false })).rejects.toThrow(
      SourceInputError,
    );
    await expect(
      importOpml(t.db, bytes(`<rss version="2.0"><channel><title>x</title></channel></rss>`), {
        allowPrivateNetwork: false,
      }),
    ).rejects.toThrow(/not an OPML file/);
    const lol = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>
      <opml version="2.0"><body><outline type="rss" text="&c;&x;" xmlUrl="https://bomb.example/&c;"/></body></opml>`;
    const before = await t.db.source.count();
    const outcome = await importOpml(t.db, bytes(lol), { allowPrivateNetwork: false }).catch(
      (e: unknown) => e,
    );
    const after = await t.db.source.findMany({ where: { feedUrl: { contains: "bomb.example" } } });
    // Either refused outright or imported with the entity references left unexpanded: never a 100-fold name.
    if (outcome instanceof Error) expect(await t.db.source.count()).toBe(before);
    for (const s of after) {
      expect(s.name).not.toContain("aaaaaaaaaaaaaaaaaaaa");
      expect(s.name).not.toContain("root:");
      expect(s.feedUrl?.length ?? 0).toBeLessThan(200);
    }
  });

  it("exports every subscription, escaped, and the export imports back as already there", async () => {
    await addSource(t.db, { feedUrl: "https://quote.example/feed?a=1&b=2", name: `Quotes "&" <angles>` });
    const opml = await exportOpml(t.db);
    expect(opml).toContain(`xmlUrl="https://quote.example/feed?a=1&amp;b=2"`);
    expect(opml).toContain(`text="Quotes &quot;&amp;&quot; &lt;angles&gt;"`);
    const again = await importOpml(t.db, bytes(opml), { allowPrivateNetwork: false });
    expect(again.added).toEqual([]);
    expect(again.refused).toEqual([]);
    expect(again.existing.map((e) => e.feedUrl)).toContain("https://quote.example/feed?a=1&b=2");
  });
});
