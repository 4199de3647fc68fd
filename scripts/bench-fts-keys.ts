/**
 * What the search key costs FTS5 at write time: `npm run bench:fts-keys [-- --size 100000]`.
 *
 * The word index's rows are keyed by publication minute * 2^31 + article id (the search key, lib/search/sqlite.ts),
 * so that key order is date order. A feed's items span months, so consecutive keys in one transaction lie
 * hundreds of minutes, 2^40 and more, apart, where consecutive ids lie one apart: FTS5 stores each row's key
 * as a varint delta in every doclist, and merges segments whose key ranges overlap. This loads the bench
 * corpus's texts (unstemmed) into four bare FTS5 tables, one feed of the corpus at a time as `npm run
 * ingest` writes it (2,000 items a transaction, in key order, in multi-row statements), with rowid = id or
 * the search key and FTS5's default `hashsize` or ours (16 MB), and prints the seconds of inserts, commits
 * and the final `optimize`, and the index's size. Nothing else is written: the difference is the key's.
 */
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createCorpus, feedItem, itemKind, SOURCE_COUNT } from "@/lib/bench/corpus";

const { values } = parseArgs({ options: { size: { type: "string", default: "100000" } } });
const corpus = createCorpus(Number(values.size));
const PER_TRANSACTION = 2_000;
const PER_STATEMENT = 1_000;

type Row = [id: number, minute: number, title: string, summary: string, body: string];
const feeds: Row[][] = [];
let id = 0;
for (let source = 0; source < SOURCE_COUNT; source++) {
  const rows: Row[] = [];
  for (let position = 0; position < corpus.perFeed; position++) {
    if (itemKind(corpus, source, position).repeat) continue;
    const item = feedItem(corpus, source, position);
    const minute = Math.floor(item.publishedAt.getTime() / 60_000);
    rows.push([++id, minute, item.title, item.summary, item.paragraphs.join("\n\n")]);
  }
  feeds.push(rows);
}

const file = path.join(os.tmpdir(), `dispatch-fts-keys-${process.pid}.db`);
const remove = () => ["", "-wal", "-shm"].forEach((s) => rmSync(file + s, { force: true }));

console.log(`${id.toLocaleString("en-US")} articles, ${SOURCE_COUNT} feeds`);
console.log("rowid       hashsize  inserts  commits  optimize  total   index MB");
for (const keyed of [false, true]) {
  for (const hashsize of [null, 16_777_216]) {
    remove();
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec(
      `CREATE VIRTUAL TABLE f USING fts5(title, summary, body, content = '', tokenize = 'unicode61 remove_diacritics 2')`,
    );
    if (hashsize) db.exec(`INSERT INTO f (f, rank) VALUES ('hashsize', ${hashsize})`);
    const rowid = ([rowId, minute]: Row) =>
      keyed ? BigInt(minute) * 2147483648n + BigInt(rowId) : BigInt(rowId);
    let inserts = 0;
    let commits = 0;
    for (const rows of feeds) {
      for (let i = 0; i < rows.length; i += PER_TRANSACTION) {
        const batch = rows
          .slice(i, i + PER_TRANSACTION)
          .map((r) => [rowid(r), r[2], r[3], r[4]] as const)
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        const t0 = performance.now();
        db.exec("BEGIN");
        for (let j = 0; j < batch.length; j += PER_STATEMENT) {
          const chunk = batch.slice(j, j + PER_STATEMENT);
          db.prepare(
            `INSERT INTO f (rowid, title, summary, body) VALUES ${chunk.map(() => "(?, ?, ?, ?)").join(", ")}`,
          ).run(...chunk.flat());
        }
        const t1 = performance.now();
        db.exec("COMMIT");
        inserts += t1 - t0;
        commits += performance.now() - t1;
      }
    }
    const t = performance.now();
    db.exec(`INSERT INTO f (f) VALUES ('optimize')`);
    const optimize = performance.now() - t;
    db.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = (db.prepare(`SELECT sum(length(block)) AS n FROM f_data`).get() as { n: number }).n;
    db.close();
    const s = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
    console.log(
      `${(keyed ? "search key" : "id").padEnd(11)} ${(hashsize ? "16 MB" : "default").padEnd(9)}${s(inserts)}  ${s(commits)}  ${s(optimize)}  ${s(inserts + commits + optimize)}  ${(bytes / 1e6).toFixed(0).padStart(8)}`,
    );
  }
}
remove();
