/** Query parameters that only identify a campaign or a click, never the page. Compared lower-cased. */
// prettier-ignore
const TRACKING_PARAMS = new Set([
  "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid",
  "igshid", "igsh", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "yclid",
  "ref_src", "ref_url", "mkt_tok", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_cid",
  "vero_conv", "vero_id", "wickedid", "twclid", "ttclid", "srsltid", "_ga", "_gl", "ncid",
  "sr_share", "cmpid", "li_fat_id", "epik", "trk", "trkcampaign", "at_medium", "at_campaign",
]);
const TRACKING_PREFIXES = ["utm_", "pk_", "mtm_", "itm_"];

function isTrackingParam(rawName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, " ")).toLowerCase();
  } catch {
    name = rawName.toLowerCase();
  }
  return TRACKING_PARAMS.has(name) || TRACKING_PREFIXES.some((p) => name.startsWith(p));
}

/** Drops tracking parameters from a parsed URL in place, leaving the other parameters byte-for-byte and in order. */
function stripTrackingParams(url: URL): void {
  if (url.search === "") return;
  // URLSearchParams would re-encode ("%20" -> "+") and change what the server sees; edit the raw string.
  const kept = url.search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "" && !isTrackingParam(pair.split("=", 1)[0] ?? ""));
  url.search = kept.length > 0 ? `?${kept.join("&")}` : "";
}

/** Canonical form of a link for deduplication: lower-case scheme/host, no default port, no fragment, no tracking parameters. Unparseable input comes back trimmed. */
export function normalizeLink(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  // The WHATWG parser already lower-cases scheme and host and drops the default port.
  parsed.hash = "";
  stripTrackingParams(parsed);
  return parsed.href;
}

/** Resolves `raw` against the first usable base and returns it only if it is absolute http(s). */
export function resolveUrl(
  raw: string | null | undefined,
  ...bases: (string | null | undefined)[]
): string | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  let resolved: URL | null = null;
  try {
    resolved = new URL(trimmed);
  } catch {
    for (const base of bases) {
      if (base === null || base === undefined || base === "") continue;
      try {
        resolved = new URL(trimmed, base);
        break;
      } catch {
        // Try the next base.
      }
    }
  }
  if (resolved === null) return null;
  if (resolved.protocol !== "http:" && resolved.protocol !== "https:") return null;
  return resolved.href;
}

/** Absolute http(s) article link with tracking parameters removed (the fragment is kept: some sites route on it), or null. */
export function cleanArticleUrl(
  raw: string | null | undefined,
  ...bases: (string | null | undefined)[]
): string | null {
  const resolved = resolveUrl(raw, ...bases);
  if (resolved === null) return null;
  const url = new URL(resolved);
  stripTrackingParams(url);
  if (url.hash === "#") url.hash = "";
  return url.href;
}

// A relative base with nothing to resolve it against is dropped rather than guessed.
/** Resolves a chain of xml:base values (outermost first) against the document URL. */
export function resolveBase(
  documentUrl: string | null,
  ...bases: (string | null | undefined)[]
): string | null {
  let current = documentUrl;
  for (const base of bases) {
    if (base === null || base === undefined || base.trim() === "") continue;
    try {
      const next = current === null ? new URL(base.trim()) : new URL(base.trim(), current);
      if (next.protocol === "http:" || next.protocol === "https:") current = next.href;
    } catch {
      // A malformed base is ignored, as feed readers have always done.
    }
  }
  return current;
}

/** BCP 47-ish language tag lower-cased with "-" separators, or null when it does not look like one. */
export function normalizeLanguage(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const tag = raw.trim().toLowerCase().replace(/_/g, "-");
  return /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/.test(tag) ? tag : null;
}

// ---------------------------------------------------------------------------------------------
// Dates

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Offsets in minutes east of UTC for the zone names that turn up in real feeds. */
// prettier-ignore
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, ist: 330, cet: 60, met: 60, mez: 60, cest: 120,
  mest: 120, mesz: 120, eet: 120, eest: 180, msk: 180, west: 60, est: -300, edt: -240,
  cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480,
  hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150, jst: 540, kst: 540, hkt: 480,
  sgt: 480, awst: 480, acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};

/** Minutes east of UTC for "+0530", "-05:00", "+05", "Z", "EST", "GMT+2"..., or null if unknown. */
function parseZone(raw: string | undefined): number | null {
  if (raw === undefined || raw === "") return 0;
  const zone = raw.trim().toLowerCase();
  const numeric = /^(?:(?:gmt|utc|ut))?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (numeric) {
    const [, sign, hh, mm] = numeric;
    const minutes = Number(hh) * 60 + Number(mm ?? "0");
    if (minutes > 14 * 60) return null;
    return sign === "-" ? -minutes : minutes;
  }
  const named = ZONES[zone];
  if (named !== undefined) return named;
  // RFC 2822 §4.3: military single-letter zones were specified wrongly in RFC 822; treat as UTC.
  if (/^[a-y]$/.test(zone)) return 0;
  return null;
}

function expandYear(raw: string): number {
  const year = Number(raw);
  if (raw.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (raw.length === 3) return 1900 + year;
  return year;
}

/** A UTC instant from calendar fields, or null if any field is out of range (no 31 February). */
function makeDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 24 || minute > 59 || second > 60) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null;
  // A leap second is folded into the preceding second.
  const sec = Math.min(second, 59);
  const ms = Date.UTC(year, month - 1, day, hour, minute, sec, millis) - offsetMinutes * 60_000;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

// ISO 8601 / RFC 3339 / W3CDTF, including "2003", "2003-12", "2003-12-31", "20031231", a space
// instead of "T", missing seconds, fractions and zones written "Z", "+01", "+0100" or "+01:00".
const ISO_RE =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T\s]+(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(z|[+-]\d{1,2}(?::?\d{2})?|[a-z]{1,5})?)?)?)?$/i;

// RFC 822 / 2822 and the variants found in the wild: optional weekday, 1- or 2-digit day,
// month name (any case, full or abbreviated), 2- or 4-digit year, time with or without seconds,
// numeric or named zone, "-" instead of spaces ("01-Jan-2004").
const RFC822_RE =
  /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{2,4})(?:[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(am|pm)?\s*(?:\(?([a-z]{1,5}(?:[+-]\d{1,4}(?::\d{2})?)?|[+-]\d{1,2}:?\d{2})\)?)?(?:\s*\([^)]*\))?$/i;

// "January 5, 2004 10:00 PM EST", "Jan 5 2004", "Mon Jan 5 10:00:00 2004" (asctime) and friends.
const MONTH_FIRST_RE =
  /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:(\d{4})\s*)?(?:(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?)?\s*(\d{4})?$/i;

function monthNumber(name: string): number | null {
  return MONTHS[name.slice(0, 3).toLowerCase()] ?? null;
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  const pm = meridiem.toLowerCase() === "pm";
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

function fraction(raw: string | undefined): number {
  return raw === undefined ? 0 : Math.round(Number(`0.${raw}`) * 1000);
}

/** Parses RFC 822/2822, RFC 3339/ISO 8601/W3CDTF and common variants; no zone means UTC. Null when unparseable. */
export function parseDate(raw: string | null | undefined): Date | null {
  if (raw === null || raw === undefined) return null;
  const text = raw.trim().replace(/\s+/g, " ");
  if (text === "" || text.length > 100) return null;

  const iso = ISO_RE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const offset = parseZone(zone);
    if (offset === null) return null;
    return makeDate(
      Number(y),
      Number(mo ?? "1"),
      Number(d ?? "1"),
      Number(h ?? "0"),
      Number(mi ?? "0"),
      Number(s ?? "0"),
      fraction(frac),
      offset,
    );
  }

  const rfc = RFC822_RE.exec(text);
  if (rfc) {
    const [, d, monName, y, h, mi, s, frac, meridiem, zone] = rfc;
    const month = monthNumber(monName ?? "");
    const offset = parseZone(zone);
    if (month === null || offset === null || y === undefined) return null;
    return makeDate(
      expandYear(y),
      month,
      Number(d),
      to24h(Number(h ?? "0"), meridiem),
      Number(mi ?? "0"),
      Number(s ?? "0"),
      fraction(frac),
      offset,
    );
  }

  const mf = MONTH_FIRST_RE.exec(text);
  if (mf) {
    const [, monName, d, y1, h, mi, s, meridiem, zone, y2] = mf;
    const month = monthNumber(monName ?? "");
    const year = y1 ?? y2;
    const offset = parseZone(zone);
    if (month === null || offset === null || year === undefined) return null;
    return makeDate(
      Number(year),
      month,
      Number(d),
      to24h(Number(h ?? "0"), meridiem),
      Number(mi ?? "0"),
      Number(s ?? "0"),
      0,
      offset,
    );
  }
  return null;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;
// Epoch-zero and earlier dates come from CMS bugs (an unset timestamp), not from 1970 news.
const EARLIEST_MS = Date.UTC(1970, 0, 2);

// A missing or unparseable date, one before 1970-01-02, or one more than a day after `fetchedAt`
// becomes `fetchedAt` with dateEstimated=true.
/** The publication instant from the first candidate date that parses, or the fetch time marked estimated. */
export function pickPublishedAt(
  candidates: readonly (string | Date | null | undefined)[],
  fetchedAt: Date,
): { publishedAt: Date; dateEstimated: boolean } {
  for (const candidate of candidates) {
    if (candidate === null || candidate === undefined) continue;
    const date = candidate instanceof Date ? candidate : parseDate(candidate);
    if (date === null || Number.isNaN(date.getTime())) continue;
    if (date.getTime() < EARLIEST_MS) continue;
    if (date.getTime() > fetchedAt.getTime() + ONE_DAY_MS) {
      return { publishedAt: new Date(fetchedAt.getTime()), dateEstimated: true };
    }
    return { publishedAt: date, dateEstimated: false };
  }
  return { publishedAt: new Date(fetchedAt.getTime()), dateEstimated: true };
}
