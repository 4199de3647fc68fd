// What `prisma migrate diff` can compare. Prisma's SQLite introspection does not see generated columns (it
// lists a table's columns with PRAGMA table_info, which leaves them out), and its schema language cannot
// declare one: on SQLite `Article.bodyText` is generated from `bodyHtml` (migration
// 20261204000000_body_text_derived), so the migrations look to Prisma as if they lacked it. The drift checks
// compare the migrations with the schema less those fields; migration.test.ts checks the columns themselves.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Fields that are generated columns on SQLite: model and field. */
export const SQLITE_GENERATED_FIELDS = [["Article", "bodyText"]] as const;

/** A copy of `schemaFile` without the SQLite generated fields, in a new temporary folder; its path. */
export function schemaForDiff(schemaFile: string, provider: "sqlite" | "postgresql"): string {
  let text = readFileSync(schemaFile, "utf8");
  if (provider === "sqlite") {
    for (const [model, field] of SQLITE_GENERATED_FIELDS) {
      const block = new RegExp(`(model ${model} \\{[\\s\\S]*?)\\n  ${field} +[^\\n]*`);
      if (!block.test(text)) throw new Error(`${schemaFile}: no field ${model}.${field}`);
      text = text.replace(block, "$1");
    }
  }
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "dispatch-schema-")), "schema.prisma");
  writeFileSync(file, text);
  return file;
}
