// SimHash (Charikar 2002) over word 3-shingles: texts that share most of their shingles get fingerprints
// a few bits apart, unrelated texts about 32 bits apart. A syndicated copy (another headline, a line of
// boilerplate added or dropped) stays within DUPLICATE_BITS of its original.

/** Words of the body that are fingerprinted; a copy shares its opening, and this bounds the cost. */
const MAX_WORDS = 160;
/** Fewest words for a meaningful fingerprint; shorter bodies get none. */
const MIN_WORDS = 12;
/** Largest Hamming distance between fingerprints of copies of one text. */
export const DUPLICATE_BITS = 8;

function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

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
  const words: number[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    words.push(wordHash(m[0]));
    if (words.length >= MAX_WORDS) break;
  }
  if (words.length < MIN_WORDS) return null;
  const counts = new Int32Array(64);
  for (let i = 0; i + 2 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    const c = words[i + 2]!;
    const lo = mix(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77));
    const hi = mix(lo ^ Math.imul(c, 0xc2b2ae3d) ^ 0x27d4eb2f);
    for (let bit = 0; bit < 32; bit++) {
      counts[bit]! += (lo >>> bit) & 1 ? 1 : -1;
      counts[bit + 32]! += (hi >>> bit) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (counts[bit]! > 0) lo |= 1 << bit;
    if (counts[bit + 32]! > 0) hi |= 1 << bit;
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
  if (!/^[0-9a-f]{16}$/.test(a) || !/^[0-9a-f]{16}$/.test(b)) return 64;
  const hi = parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16);
  const lo = parseInt(a.slice(8), 16) ^ parseInt(b.slice(8), 16);
  return popcount(hi) + popcount(lo);
}

/** True when two fingerprints belong to copies of one text. */
export function isCopy(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && hammingDistance(a, b) <= DUPLICATE_BITS;
}
