/** Highest page number accepted; anything larger is treated as past the end, never as a huge OFFSET. */
export const MAX_PAGE = 100_000;

type RawParam = string | string[] | undefined;

/** The first value of a search param that may be repeated. */
export function first(value: RawParam): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads `?page=`: missing, malformed or below 1 gives 1; above MAX_PAGE gives MAX_PAGE (past the end). */
export function parsePage(value: RawParam): number {
  const raw = first(value)?.trim() ?? "";
  if (!/^\d+$/.test(raw)) return 1;
  const page = raw.length > 9 ? MAX_PAGE : Number(raw);
  return Math.min(Math.max(page, 1), MAX_PAGE);
}
