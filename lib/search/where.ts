// The filter where-builder: the reader's filters as SQL conditions with bound parameters. The SQL is
// plain and quoted the same way on SQLite and PostgreSQL; only the date condition differs per engine and
// per row source, so the caller supplies it. Prisma's `sql` tag (the same runtime in both generated
// clients) renders `?` placeholders for SQLite and `$n` for PostgreSQL.
import { Prisma } from "@/lib/generated/sqlite/client";
import type { RegionSlug } from "@/lib/regions";

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
/** Ids for an `IN (…)` list, bound as integers (a JavaScript number binds as REAL on SQLite). */
export const idList = (ids: Iterable<number>): Sql => join([...ids].map((id) => sql`${BigInt(id)}`));

/** Filters as instants and ids, ready for SQL: `from` inclusive, `until` exclusive. */
export interface Filters {
  from: Date | null;
  until: Date | null;
  regions: RegionSlug[];
  countries: string[];
  sources: number[];
  /** ISO 639-1 codes. */
  languages: string[];
}

/** The kinds of filter; a facet is counted with every filter except its own kind. */
export type FilterKind = "date" | "region" | "country" | "source" | "language";

/** The filter kinds that need a lookup per candidate (everything but the date). */
export const LOOKUP_KINDS: readonly FilterKind[] = ["region", "country", "source", "language"];

/** How to reach the article behind the rows being filtered. */
export interface FilterTarget {
  /** The article id of the current row. */
  id: Sql;
  /** The source id of the current row, when the row is an article; otherwise it is looked up by id. */
  sourceId?: Sql;
  /** The FROM item (alias `fa`) that looks an article's source up by id; engines may name an index. */
  articleLookup?: Sql;
  /** The FROM item (alias `fl`) that looks an article's language up by id. */
  languageLookup?: Sql;
  /** The date condition for this row source (null when the range is open on both ends). */
  date: (from: Date | null, until: Date | null) => Sql | null;
}

/** Conditions for the filters, except the kinds in `except`; an empty list means "no filter". */
export function filterConditions(
  filters: Filters,
  target: FilterTarget,
  except: readonly FilterKind[] = [],
): Sql[] {
  const conditions: Sql[] = [];
  const applies = (kind: FilterKind) => !except.includes(kind);
  if (applies("date") && (filters.from || filters.until)) {
    const date = target.date(filters.from, filters.until);
    if (date) conditions.push(date);
  }
  if (applies("region") && filters.regions.length > 0) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM "ArticleRegion" fr WHERE fr."articleId" = ${target.id} AND fr."region" IN (${join(filters.regions)}))`,
    );
  }
  if (applies("country") && filters.countries.length > 0) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM "ArticleCountry" fc WHERE fc."articleId" = ${target.id} AND fc."code" IN (${join(filters.countries)}))`,
    );
  }
  if (applies("source") && filters.sources.length > 0) {
    conditions.push(
      target.sourceId
        ? sql`${target.sourceId} IN (${join(filters.sources)})`
        : sql`EXISTS (SELECT 1 FROM ${target.articleLookup ?? raw(`"Article" fa`)} WHERE fa."id" = ${target.id} AND fa."sourceId" IN (${join(filters.sources)}))`,
    );
  }
  if (applies("language") && filters.languages.length > 0) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${target.languageLookup ?? raw(`"Article" fl`)} WHERE fl."id" = ${target.id} AND fl."language" IN (${join(filters.languages)}))`,
    );
  }
  return conditions;
}

/**
 * How many kinds of filter that need a lookup per row are set (anything but the date, which the row sources
 * carry), leaving out the kinds in `except`.
 */
export function lookupFilterCount(filters: Filters, except: readonly FilterKind[] = []): number {
  const values: Record<FilterKind, readonly unknown[]> = {
    date: [],
    region: filters.regions,
    country: filters.countries,
    source: filters.sources,
    language: filters.languages,
  };
  return LOOKUP_KINDS.filter((kind) => !except.includes(kind) && values[kind].length > 0).length;
}

/** True when a filter needs a lookup per row (see lookupFilterCount). */
export function hasLookupFilters(filters: Filters, except: readonly FilterKind[] = []): boolean {
  return lookupFilterCount(filters, except) > 0;
}

/** Conditions joined with AND; TRUE when there are none. */
export function and(conditions: readonly (Sql | null | undefined)[]): Sql {
  const present = conditions.filter((c): c is Sql => Boolean(c));
  return present.length === 0
    ? sql`1 = 1`
    : join(
        present.map((c) => sql`(${c})`),
        " AND ",
      );
}

const HASH_SPACE = 4_294_967_296;
/** Knuth's multiplier for a 32-bit multiplicative hash (2^32 / φ). */
const HASH_MULTIPLIER = 2_654_435_761;

/** A 32-bit hash of an article id (Knuth's multiplicative hash): uniform, and the same on every run. */
export function idHash(id: Sql): Sql {
  return sql`((${id} * ${raw(String(HASH_MULTIPLIER))}) & ${raw(String(HASH_SPACE - 1))})`;
}

/** The hash bound below which about `rate` of all ids fall. */
export function sampleThreshold(rate: number): number {
  return Math.max(1, Math.floor(Math.min(1, rate) * HASH_SPACE));
}

/** Whether an id is in the sample that `sampleCondition(…, rate)` keeps, decided without the database. */
export function inSample(id: number, rate: number): boolean {
  // Math.imul keeps the product's low 32 bits, which is what `& 4294967295` keeps of it in SQL.
  return rate >= 1 || Math.imul(id, HASH_MULTIPLIER) >>> 0 < sampleThreshold(rate);
}

/** A condition keeping a uniform sample of about `rate` of the rows (by id hash); null when the rate is 1. */
export function sampleCondition(id: Sql, rate: number): Sql | null {
  return rate >= 1 ? null : sql`${idHash(id)} < ${sampleThreshold(rate)}`;
}
