// SimHash (Charikar 2002) over word 3-shingles: texts that share most of their shingles get fingerprints
// a few bits apart, unrelated texts about 32 bits apart. A syndicated copy (another headline, a line of
// boilerplate added or dropped) stays within DUPLICATE_BITS of its original.

/** Words of the body that are fingerprinted; a copy shares its opening, and this bounds the cost. */
const MAX_WORDS = 100;
/** Characters read for MAX_WORDS words: a long body is never scanned to its end. */
const MAX_CHARS = 1_200;
/** Fewest words for a meaningful fingerprint; shorter bodies get none. */
const MIN_WORDS = 12;
/** Largest Hamming distance between fingerprints of copies of one text. */
export const DUPLICATE_BITS = 8;

/** Word characters: ASCII letters and digits, and anything beyond Latin-1 punctuation that is not a space or dash. */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c <= 0xbf || c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  return c !== 0xfeff;
}

/** FNV-1a hashes of the first MAX_WORDS words, case-folded, in one pass without building strings. */
function wordHashes(text: string): number[] {
  const words: number[] = [];
  const end = Math.min(text.length, MAX_CHARS);
  let h = 0;
  let inWord = false;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 32;
    if (isWordCode(c)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      const lower = c >= 65 && c <= 90 ? c | 0x20 : c;
      h = Math.imul(h ^ lower, 0x01000193);
    } else if (inWord) {
      inWord = false;
      words.push(h >>> 0);
      if (words.length >= MAX_WORDS) break;
    }
  }
  return words;
}

const SPREAD = Int32Array.from(
  { length: 16 },
  (_, n) => (n & 1) | ((n & 2) << 7) | ((n & 4) << 14) | ((n & 8) << 21),
);

/** A 32-bit finaliser (murmur3's fmix32): spreads three word hashes over all bits. */
function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The 64-bit SimHash of a text's word 3-shingles as 16 hex digits, or null for very short texts. */
export function simhash(text: string): string | null {
  const words = wordHashes(text);
  if (words.length < MIN_WORDS) return null;
  // Ones per bit position, counted four bits at a time: SPREAD puts the bits of a nibble into four byte
  // lanes of one integer, so one addition counts four positions (at most 255 shingles, see MAX_WORDS).
  const lanes = new Int32Array(16);
  const shingles = words.length - 2;
  for (let i = 0; i < shingles; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    const c = words[i + 2]!;
    const lo = mix(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77));
    const hi = mix(lo ^ Math.imul(c, 0xc2b2ae3d) ^ 0x27d4eb2f);
    for (let n = 0; n < 8; n++) {
      lanes[n]! += SPREAD[(lo >>> (4 * n)) & 15]!;
      lanes[n + 8]! += SPREAD[(hi >>> (4 * n)) & 15]!;
    }
  }
  // A bit of the fingerprint is set when most shingles have it set.
  let lo = 0;
  let hi = 0;
  for (let n = 0; n < 8; n++) {
    for (let k = 0; k < 4; k++) {
      const bit = 4 * n + k;
      if (((lanes[n]! >>> (8 * k)) & 255) * 2 > shingles) lo |= 1 << bit;
      if (((lanes[n + 8]! >>> (8 * k)) & 255) * 2 > shingles) hi |= 1 << bit;
    }
  }
  return (hi >>> 0).toString(16).padStart(8, "0") + (lo >>> 0).toString(16).padStart(8, "0");
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Bits that differ between two fingerprints (64 when either is malformed). */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== 16 || b.length !== 16) return 64;
  // Read digit by digit (no pattern test, no substrings): the grouping compares an arrival with every
  // candidate's fingerprint.
  let distance = 0;
  for (let half = 0; half < 16; half += 8) {
    let bits = 0;
    for (let i = half; i < half + 8; i++) {
      const x = hexDigit(a.charCodeAt(i));
      const y = hexDigit(b.charCodeAt(i));
      if (x < 0 || y < 0) return 64;
      bits = (bits << 4) | (x ^ y);
    }
    distance += popcount(bits);
  }
  return distance;
}

/** The value of a lower-case hex digit, or -1. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** True when two fingerprints belong to copies of one text. */
export function isCopy(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && hammingDistance(a, b) <= DUPLICATE_BITS;
}
