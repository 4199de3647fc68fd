import { analyze, DATELINE, LEAD, TITLE, zoneOf, type Doc } from "./document";
import type { Entry } from "./gazetteer";
import {
  failsGenericChecks,
  isClubAcronym,
  isEnglishNamePart,
  isNamePart,
  isScareQuoted,
  isStationName,
  isSurnameUse,
  isUsHomonym,
  listJoined,
  namesAgreement,
  namesInArticle,
  strictLocativeBefore,
  resolveAmazon,
  resolveCommonWord,
  resolveCongo,
  resolveGeorgia,
  resolveGeoCity,
  settleWeak,
  resolveGivenName,
  resolveJersey,
  resolvePrefix,
  resolveKorea,
  resolveTurkey,
  settleGivenName,
  settleTurkey,
  independentAnchors,
  inCountryList,
  weakAnchor,
  PENDING,
  type Candidate,
  type Evidence,
  type RuleResult,
  type WeakAnchor,
} from "./rules";
import { ALLCAPS, CAP, POSSESSIVE, WORD, flagsAt, normAt } from "./tokenize";
import type { CountryTag, EvidenceZone, PlaceEvidence } from "./types";

/** Bump when the gazetteer or the rules change, so stored tags can be recomputed (scripts/retag). */
export const TAGGER_VERSION: number = 14;

/** Mentions at which a country counts as primary even outside title, dateline and lead. */
export const PRIMARY_MIN_MENTIONS = 3;

const PLACE_KINDS = new Set(["name", "city", "area", "subnational", "metonym"]);

function scan(doc: Doc): Candidate[] {
  const { norm, flags, count } = doc.t;
  const { root, lower, hasLower } = doc.gaz;
  const out: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    const f = flags[i] ?? 0;
    if (!(f & WORD)) continue;
    // Lower-case words only start adjectives and demonyms of languages that write them so ("französische").
    if (!(f & CAP) && !hasLower) continue;
    let node = (f & CAP ? root : lower).next?.get(norm[i] ?? "");
    let best: Entry | null = null;
    let bestEnd = i;
    let j = i;
    while (node) {
      j++;
      if (node.entry) {
        best = node.entry;
        bestEnd = j;
      }
      if (j >= count || !node.next) break;
      // A possessive ends the phrase: "Israel's Gaza" is two mentions.
      if ((flags[j - 1] ?? 0) & POSSESSIVE) break;
      node = node.next.get(norm[j] ?? "");
    }
    if (!best) continue;
    if (best.acronym && !(f & ALLCAPS)) continue;
    // An officeholder stands for the country only in the years of the office.
    if (best.years && doc.year !== null && !inYears(best.years, doc.year)) {
      i = bestEnd - 1;
      continue;
    }
    out.push({
      start: i,
      end: bestEnd,
      entry: best,
      code: best.code,
      forced: false,
      absorbed: false,
      pending: false,
    });
    i = bestEnd - 1;
  }
  return out;
}

function inYears(years: readonly number[], year: number): boolean {
  for (let k = 0; k + 1 < years.length; k += 2) {
    if (year >= (years[k] ?? 0) && year <= (years[k + 1] ?? 0)) return true;
  }
  return false;
}

// "Lebanon, Tennessee", "Paris, Texas", "Athens, Georgia", "Kyiv, Ukraine": the part after the comma
// decides the country and both halves count as one mention.
function applyCommaRule(doc: Doc, cands: Candidate[]): void {
  for (let k = 0; k + 1 < cands.length; k++) {
    const a = cands[k];
    const b = cands[k + 1];
    if (!a || !b || b.start !== a.end + 1) continue;
    // "LONDON (Ontario)" reads like "London, Ontario".
    const sep = normAt(doc.t, a.end);
    if (sep !== "," && !(sep === "(" && normAt(doc.t, b.end) === ")")) continue;
    if (!PLACE_KINDS.has(a.entry.kind) || a.entry.code === null || a.entry.years) continue;
    if (flagsAt(doc.t, b.end - 1) & POSSESSIVE) continue;
    const bKind = b.entry.kind;
    // "Vancouver, Washington." is the state; "In Moscow, Washington said" is not.
    const washingtonState = b.entry.phrase === "Washington" && !(flagsAt(doc.t, b.end) & WORD);
    if (b.entry.rule === "georgia") {
      const code = a.entry.code === "GE" ? "GE" : "US";
      a.code = code;
      b.code = code;
      a.forced = b.forced = b.absorbed = true;
    } else if (
      (bKind === "subnational" && (b.entry.rule !== "geo-city" || b.entry.code === a.entry.code)) ||
      bKind === "us-abbr" ||
      washingtonState
    ) {
      // A division that needs context only confirms a place of its own country ("Acapulco, Guerrero").
      a.code = b.entry.code;
      a.forced = b.forced = b.absorbed = true;
    } else if (bKind === "name" && b.entry.code === a.entry.code && a.entry.kind !== "name") {
      b.absorbed = true;
    }
  }
  // One sense per article: after "LEBANON, Tenn.", a bare "Lebanon" is the same town.
  const settled = new Map<Entry, string>();
  for (const c of cands) if (c.forced && !c.absorbed && c.code) settled.set(c.entry, c.code);
  if (settled.size === 0) return;
  for (const c of cands) {
    const code = settled.get(c.entry);
    if (code && !c.forced) {
      c.code = code;
      c.forced = true;
    }
  }
}

/**
 * Is this mention the name of a band or a work the article uses the place for (namesInArticle)? Not in the
 * dateline, which is where the story was filed: «Bologna Brinda» is a festival, "BOLOGNA -" the city (v13).
 */
function namedHere(doc: Doc, c: Candidate, named: ReadonlySet<Entry>): boolean {
  return named.has(c.entry) && zoneOf(doc, c.start) !== DATELINE;
}

function collectEvidence(doc: Doc, cands: Candidate[], named: ReadonlySet<Entry>): Evidence {
  const ev: Evidence = { byCode: new Map(), cues: new Map(), usPlaces: 0, persons: new Set() };
  for (const c of cands) {
    const e = c.entry;
    if (e.kind === "cue" && e.cue) {
      ev.cues.set(e.cue, (ev.cues.get(e.cue) ?? 0) + 1);
      continue;
    }
    if (e.kind === "person" && e.personKey) ev.persons.add(e.personKey);
    // A GeoNames city in the dateline ("BOISE (dpa) -") is as good as a hand-written one.
    const datelineCity = e.rule === "geo-city" && zoneOf(doc, c.start) === DATELINE;
    if (c.code === null || (e.rule !== null && !c.forced && !datelineCity) || c.absorbed) continue;
    if (e.kind === "us-abbr" || e.kind === "block" || e.kind === "person") continue;
    if (!c.forced && (namedHere(doc, c, named) || failsGenericChecks(doc, c))) continue;
    ev.byCode.set(c.code, (ev.byCode.get(c.code) ?? 0) + 1);
    if (
      c.code === "US" &&
      (e.kind === "city" || e.kind === "area" || e.kind === "subnational") &&
      e.phrase !== "Washington"
    ) {
      ev.usPlaces++;
    }
  }
  return ev;
}

function resolve(doc: Doc, cands: Candidate[], ev: Evidence, named: ReadonlySet<Entry>): void {
  const startsAt = new Set(cands.map((c) => c.start));
  // First pass: local decisions.
  for (const c of cands) {
    const e = c.entry;
    if (c.forced) continue;
    if (
      e.kind === "block" ||
      e.kind === "person" ||
      e.kind === "cue" ||
      e.kind === "us-abbr" ||
      e.code === null
    ) {
      c.code = null;
      continue;
    }
    if (namedHere(doc, c, named) || failsGenericChecks(doc, c)) {
      c.code = null;
      continue;
    }
    let result: RuleResult = e.code;
    switch (e.rule) {
      case null:
        break;
      case "given-name":
        result = resolveGivenName(doc, c, ev);
        break;
      case "georgia":
      case "georgia-adj":
        result = PENDING;
        break;
      case "turkey":
        result = resolveTurkey(doc, c);
        break;
      case "common-word": {
        const followedByPlace = normAt(doc.t, c.end) === "," && startsAt.has(c.end + 1);
        result = resolveCommonWord(doc, c, followedByPlace);
        break;
      }
      case "amazon":
        result = resolveAmazon(doc, c);
        break;
      case "congo":
        result = resolveCongo(ev);
        break;
      case "korea":
        result = resolveKorea(ev);
        break;
      case "jersey":
        result = resolveJersey(doc, c, ev);
        break;
      case "geo-city":
        result = resolveGeoCity(doc, c);
        break;
      case "weak":
        result = PENDING;
        break;
      case "prefix":
        result = resolvePrefix(doc, c, startsAt);
        break;
    }
    c.pending = result === PENDING;
    c.code = result === PENDING ? e.code : result;
  }
  // "Svizzera italiana", "Guyane française": a lower-case adjective right after a place qualifies that place.
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    const before = cands[k - 1]!;
    if (c.entry.kind === "demonym" && before.end === c.start && !(flagsAt(doc.t, c.start) & CAP) && !c.forced)
      c.code = null;
    // "the KwaZulu-Natal Midlands", "the Texas Panhandle": an area named right after a place is part of it (v13).
    const part = c.entry.kind === "area" || c.entry.kind === "subnational";
    if (part && before.end === c.start && before.code && before.entry.kind !== "demonym" && !c.forced)
      c.code = before.code;
  }
  const cityMentions = new Map<Entry, number>();
  for (const c of cands) if (c.code) cityMentions.set(c.entry, (cityMentions.get(c.entry) ?? 0) + 1);
  for (const c of cands) {
    if (!c.forced && c.code && isUsHomonym(c, ev, cityMentions.get(c.entry) ?? 0)) c.code = "US";
  }
  // Georgia may itself be a person ("Georgia Smith"), which later mentions need to know.
  for (const c of cands) {
    if (c.pending && (c.entry.rule === "georgia" || c.entry.rule === "georgia-adj")) {
      c.code = resolveGeorgia(doc, c, ev);
      c.pending = false;
    }
  }
  // Second pass: decisions that need the whole article (people named earlier, Thanksgiving context, the
  // town in a Title Case headline confirmed by the body).
  const confirmed = new Set<string>();
  for (const c of cands) if (!c.pending && c.code && c.start >= doc.titleEnd) confirmed.add(c.entry.phrase);
  for (const c of cands) {
    if (!c.pending || c.code === null) continue;
    c.pending = false;
    switch (c.entry.rule) {
      case "given-name":
      case "georgia":
        c.code = settleGivenName(doc, c, ev, c.code);
        break;
      case "turkey":
        c.code = settleTurkey(doc, c, ev);
        break;
      case "common-word":
        c.code = confirmed.has(c.entry.phrase) ? c.code : null;
        break;
      case "weak":
        c.code = settleWeak(c.code, ev);
        break;
      default:
        break;
    }
  }
  settleOtherSenses(doc, cands);
}

// Treaty, regulation and coalition words in a blocked phrase ("Verdrag van Maastricht", "Kenia-Koalition").
const AGREEMENT_BLOCK =
  /(vertrag|verdrag|traite|tratado|trattato|accord|acuerdo|acordo|accordo|akkoord|abkommen|koalition|coalition|coalicion|coalizione|coalitie|bundnis|verordnung|reglement)/;

/**
 * One sense per article for names used as something else: after "Verdrag van Maastricht" or
 * "Kenia-Koalition", a bare "Maastricht" or "Kenia-Option" is the treaty or the coalition; after "arrestati
 * Russo e Greco", "Salvatore Russo" is the same man. Kept when a locative or the dateline places it, or
 * when the country has evidence of its own.
 */
function settleOtherSenses(doc: Doc, cands: Candidate[]): void {
  if (doc.gaz.language === "en") {
    settleEnglishSurnames(doc, cands);
    return;
  }
  // Word -> true when only its capitalized mentions are the other sense (surnames).
  const other = new Map<string, boolean>();
  // Transit stops named after places, with the names listed beside them and their other mentions.
  const stations = new Set<Candidate>();
  for (const c of cands) {
    if (c.entry.kind === "block") {
      const words: string[] = [];
      for (let k = c.start; k < c.end; k++) words.push(normAt(doc.t, k));
      if (!AGREEMENT_BLOCK.test(words.join(" "))) continue;
      for (let k = c.start; k < c.end; k++) if (flagsAt(doc.t, k) & CAP) other.set(normAt(doc.t, k), false);
    } else if (c.code === null && !c.forced && namesAgreement(doc, c)) {
      other.set(normAt(doc.t, c.start), false);
    } else if (c.code === null && !c.forced && isSurnameUse(doc, c)) {
      other.set(normAt(doc.t, c.start), true);
    } else if (
      c.code === null &&
      !c.forced &&
      (isClubAcronym(doc, c) || isEnglishNamePart(doc, c) || isScareQuoted(doc, c))
    ) {
      other.set(normAt(doc.t, c.start), false);
    } else if (!c.forced && isStationName(doc, c)) {
      stations.add(c);
    }
  }
  // A stop's neighbours in a list are stops too ("entre Argentine et Rome", "l'arrêt à Rome ni à Anvers"), and
  // a name listed with an English name of a thing is a thing ("Manhattan und Long Island Iced Tea").
  for (const c of cands) if (c.code === null && !c.forced && isEnglishNamePart(doc, c)) stations.add(c);
  for (let grew = stations.size > 0; grew;) {
    grew = false;
    for (let k = 0; k + 1 < cands.length; k++) {
      const a = cands[k]!;
      const b = cands[k + 1]!;
      if (stations.has(a) === stations.has(b) || a.forced || b.forced || !listJoined(doc, a, b)) continue;
      if (a.entry.kind === "demonym" || b.entry.kind === "demonym") continue;
      stations.add(stations.has(a) ? b : a);
      grew = true;
    }
    for (const s of stations) {
      const w = normAt(doc.t, s.start);
      if (!other.has(w)) {
        other.set(w, false);
        for (const c of cands)
          if (!c.forced && normAt(doc.t, c.start) === w && !stations.has(c)) {
            stations.add(c);
            grew = true;
          }
      }
    }
  }
  for (const c of stations) c.code = null;
  if (other.size === 0) return;
  const isOther = (c: Candidate): boolean => {
    const capOnly = other.get(normAt(doc.t, c.start));
    return capOnly !== undefined && (!capOnly || (flagsAt(doc.t, c.start) & CAP) !== 0);
  };
  dropOtherSense(doc, cands, isOther);
}

/**
 * English: once a place word is a surname after a given name or a title ("Substitute Ross Brazil"), its
 * other capitalized mentions are the same person ("Brazil, on for only six minutes"; tagger v13).
 */
function settleEnglishSurnames(doc: Doc, cands: Candidate[]): void {
  const surnames = new Set<string>();
  for (const c of cands)
    if (!c.forced && c.end - c.start === 1 && isNamePart(doc, c)) surnames.add(normAt(doc.t, c.start));
  if (surnames.size === 0) return;
  dropOtherSense(doc, cands, (c) => c.end - c.start === 1 && surnames.has(normAt(doc.t, c.start)));
}

/**
 * Unplaces the mentions used in another sense (a surname, a treaty, a stop), except in the dateline or after
 * a locative, and for countries that have a mention in their own sense too.
 */
function dropOtherSense(doc: Doc, cands: Candidate[], isOther: (c: Candidate) => boolean): void {
  const solid = new Set<string>();
  for (const c of cands) if (c.code && !c.absorbed && !isOther(c)) solid.add(c.code);
  for (const c of cands) {
    if (!c.code || c.forced || solid.has(c.code) || !isOther(c)) continue;
    if (zoneOf(doc, c.start) === DATELINE || strictLocativeBefore(doc, c)) continue;
    c.code = null;
  }
}

/**
 * The evidence rule (English since tagger v9, where only ENGLISH_THING_NOUNS make a mention weak): a country
 * whose every mention is weak (a nationality word, or a name inside a noun phrase: "Japanischer
 * Staudenknöterich", "point de Hongrie") needs two weak mentions attached to different words; one strong
 * mention (rules.ts, weakAnchor) is enough.
 */
function requireEvidence(doc: Doc, cands: Candidate[]): void {
  const placed = cands.filter((c) => c.code !== null && !c.absorbed);
  // Per code: null once a strong mention or two independent weak ones are seen, else the weak anchors.
  const weak = new Map<string, WeakAnchor[] | null>();
  for (let k = 0; k < placed.length; k++) {
    const c = placed[k]!;
    const code = c.code!;
    const seen = weak.get(code);
    if (seen === null) continue;
    let anchor = weakAnchor(doc, c);
    // A member of a list of countries is strong: "des États-Unis et de la France", "deutsch-polnische". Not
    // in English, where a weak mention is always part of a thing's name: "Jersey and Guernsey cows" (v14).
    const before = placed[k - 1];
    const after = placed[k + 1];
    if (
      anchor !== null &&
      doc.gaz.language !== "en" &&
      ((before && before.code !== code && inCountryList(doc, before, c)) ||
        (after && after.code !== code && inCountryList(doc, c, after)))
    )
      anchor = null;
    if (anchor === null) {
      weak.set(code, null);
    } else if (!seen) {
      weak.set(code, [anchor]);
    } else if (seen.some((a) => independentAnchors(a, anchor))) {
      weak.set(code, null);
    } else {
      seen.push(anchor);
    }
  }
  for (const c of placed) if (c.code !== null && weak.get(c.code)) c.code = null;
}

/**
 * An officeholder named in full stands for the bare surname too: after "o primeiro-ministro, Luís
 * Montenegro", a headline's "Montenegro e Chapo assinam" is the man, not the Balkan country (tagger v13).
 * Kept after a locative or in the dateline, or when the country has a mention of its own.
 */
function settleOfficeholderSurnames(doc: Doc, cands: Candidate[]): void {
  const surnames = new Map<string, string>();
  for (const c of cands) {
    if (c.entry.years === null || c.end - c.start < 2 || !c.code) continue;
    surnames.set(normAt(doc.t, c.end - 1), c.code);
  }
  if (surnames.size === 0) return;
  const isSurname = (c: Candidate): boolean => {
    const holder = surnames.get(normAt(doc.t, c.start));
    return c.end - c.start === 1 && holder !== undefined && holder !== c.code;
  };
  dropOtherSense(doc, cands, isSurname);
}

/** A namesake abroad this much smaller than the city read first still wins with one place of its own. */
const NAMESAKE_RATIO = 5;
const LOCAL_KINDS: ReadonlySet<string> = new Set(["city", "subnational", "area"]);

/**
 * A city that other countries' cities share its name with ("San José": Costa Rica, the Philippines, the US)
 * is the namesake in the one country the article otherwise places, when its own country has no other
 * mention: with any mention of that country when the namesake is at least a fifth of its size, with two
 * distinct cities or regions of it when it is smaller ("San Antonio" beside Santiago and Maule is Chile's
 * port; "Boston" beside "britânicos" and "Reino Unido" stays Massachusetts's; tagger v14).
 */
function settleNamesakes(cands: Candidate[]): void {
  if (!cands.some((c) => c.code !== null && c.entry.namesakes !== null)) return;
  // Per country, the entries that place it and how many of them are cities or regions.
  const mentions = new Map<string, Set<Entry>>();
  for (const c of cands) {
    if (c.code === null || c.absorbed) continue;
    let set = mentions.get(c.code);
    if (!set) mentions.set(c.code, (set = new Set()));
    set.add(c.entry);
  }
  const local = (code: string): number =>
    [...(mentions.get(code) ?? [])].filter((e) => LOCAL_KINDS.has(e.kind)).length;
  const settled: [Candidate, string][] = [];
  for (const c of cands) {
    const namesakes = c.entry.namesakes;
    if (c.code === null || c.absorbed || namesakes === null) continue;
    const own = mentions.get(c.code);
    if (own && [...own].some((e) => e !== c.entry)) continue;
    const others = [...namesakes.keys()].filter((code) => code !== c.code && mentions.has(code));
    const [other] = others;
    if (others.length !== 1 || other === undefined) continue;
    const population = namesakes.get(other) ?? 0;
    if (population * NAMESAKE_RATIO >= (namesakes.get(c.code) ?? 0) || local(other) >= 2)
      settled.push([c, other]);
  }
  for (const [c, code] of settled) c.code = code;
}

/** Distinct places of the other country that outweigh a lone GeoNames city. */
const STRAY_CITY_AGAINST = 2;

/**
 * A city known only from the GeoNames list, the one place of its country in an article whose other places
 * are several places of one other country (and no third), is that country's namesake: "HARLINGEN – …
 * Terschelling, Vlieland, Fryslân" is the Frisian port, not the Texan city (tagger v12; counting any number
 * of countries lost three true ones in the earlier batches and found nothing more).
 */
function dropStrayCities(cands: Candidate[]): void {
  const placesOf = new Map<string, Set<Entry>>();
  for (const c of cands) {
    if (c.code === null || c.absorbed) continue;
    let places = placesOf.get(c.code);
    if (!places) placesOf.set(c.code, (places = new Set()));
    places.add(c.entry);
  }
  if (placesOf.size !== 2) return;
  // A nationality word is no place: "het Duitse Herzogenrath" is one place in Germany (v14).
  const placeCount = (places: Set<Entry>): number => [...places].filter((e) => e.kind !== "demonym").length;
  for (const [code, places] of placesOf) {
    const [only] = places;
    if (places.size !== 1 || only?.rule !== "geo-city") continue;
    const others = [...placesOf].find(([other]) => other !== code)![1];
    if (placeCount(others) < STRAY_CITY_AGAINST) continue;
    for (const c of cands) if (c.code === code) c.code = null;
  }
}
interface Tally {
  mentions: number;
  title: boolean;
  dateline: boolean;
  lead: boolean;
  phrases: Map<string, { count: number; zones: Set<EvidenceZone> }>;
}

const ZONE_NAMES: readonly EvidenceZone[] = ["title", "dateline", "lead", "body"];
const MAX_EVIDENCE_PHRASE = 80;

/** The candidate's words as written in the article ("in der Ukraine" -> "Ukraine"). */
function phraseText(doc: Doc, c: Candidate): string {
  const text = c.start < doc.titleEnd ? doc.title : doc.body;
  const from = doc.t.start[c.start] ?? 0;
  let to = doc.t.start[c.end - 1] ?? from;
  while (to < text.length && to - from < MAX_EVIDENCE_PHRASE) {
    const ch = text.charCodeAt(to);
    // Letters, digits, hyphens and apostrophes inside the last word.
    if (/[\p{L}\p{N}\-'’.]/u.test(text[to] ?? "") && !(ch === 46 && !/\p{Lu}/u.test(text[to - 1] ?? "")))
      to++;
    else break;
  }
  return text
    .slice(from, to)
    .replace(/\s+/g, " ")
    .replace(/[.'’-]+$/, "");
}

/** Salience in 0..1 from where and how often a country is mentioned (docs/regions.md). */
export function salienceOf(t: Tally): number {
  const weight = (t.title ? 3 : 0) + (t.dateline ? 3 : 0) + (t.lead ? 2 : 0) + t.mentions;
  return Math.round((weight / (weight + 4)) * 1000) / 1000;
}

/** What the tagger reads: the text, and when known its language (ISO 639-1) and publication date. */
export interface TagInput {
  title: string;
  body: string;
  language?: string | null;
  date?: Date | null;
  /** Also return what placed each country (the phrases, how often, where); costs a little time. */
  evidence?: boolean;
}

/** Countries mentioned in an article, most salient first; `primary` marks the ones the article is about. */
export function tagCountries(input: TagInput): CountryTag[] {
  const doc = analyze(input.title, input.body, input.language ?? null, input.date ?? null);
  const withEvidence = input.evidence === true;
  const cands = scan(doc);
  if (cands.length === 0) return [];
  applyCommaRule(doc, cands);
  const named = namesInArticle(doc, cands);
  const ev = collectEvidence(doc, cands, named);
  resolve(doc, cands, ev, named);
  settleOfficeholderSurnames(doc, cands);
  settleNamesakes(cands);
  requireEvidence(doc, cands);
  dropStrayCities(cands);

  const tallies = new Map<string, Tally>();
  for (const c of cands) {
    if (c.code === null || c.absorbed) continue;
    let t = tallies.get(c.code);
    if (!t) {
      t = { mentions: 0, title: false, dateline: false, lead: false, phrases: new Map() };
      tallies.set(c.code, t);
    }
    t.mentions++;
    const zone = zoneOf(doc, c.start);
    if (zone === TITLE) t.title = true;
    else if (zone === DATELINE) t.dateline = t.lead = true;
    else if (zone === LEAD) t.lead = true;
    if (withEvidence) {
      const phrase = phraseText(doc, c);
      let p = t.phrases.get(phrase);
      if (!p) {
        p = { count: 0, zones: new Set() };
        t.phrases.set(phrase, p);
      }
      p.count++;
      p.zones.add(ZONE_NAMES[zone] ?? "body");
    }
  }
  const tags: CountryTag[] = [];
  for (const [code, t] of tallies) {
    const tag: CountryTag = {
      code,
      salience: salienceOf(t),
      primary: t.title || t.dateline || t.lead || t.mentions >= PRIMARY_MIN_MENTIONS,
      mentions: t.mentions,
    };
    if (withEvidence) {
      const evidence: PlaceEvidence[] = [...t.phrases].map(([phrase, p]) => ({
        phrase,
        count: p.count,
        zones: ZONE_NAMES.filter((z) => p.zones.has(z)),
      }));
      tag.evidence = evidence.sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
    }
    tags.push(tag);
  }
  tags.sort((a, b) => b.salience - a.salience || b.mentions - a.mentions || a.code.localeCompare(b.code));
  // An article always has a subject: with no primary country, the most salient ones become primary.
  const top = tags[0];
  if (top && !tags.some((t) => t.primary)) {
    for (const t of tags) if (t.salience === top.salience) t.primary = true;
  }
  return tags;
}
