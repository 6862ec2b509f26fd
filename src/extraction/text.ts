// Text normalisation shared by every reader: one Unicode form, one tone-mark
// style, and a folded form (no case, no diacritics) for matching.

const TONES = "\u0300\u0301\u0303\u0309\u0323";
// Old-style tone placement on "oa", "oe", "uy" at a syllable's end ("hoà",
// "thuỷ") moves to the first vowel ("hòa", "thủy"), the form the press uses most.
const OLD_STYLE = new RegExp(`(?<![qQ])([oO])([aAeE])([${TONES}])(?![\\p{L}\\u0300-\\u036f])`, "gu");
const OLD_STYLE_UY = new RegExp(`(?<![qQ])([uU])([yY])([${TONES}])(?![\\p{L}\\u0300-\\u036f])`, "gu");

// What normalizeText may change in a text: carriage returns, no-break and
// zero-width spaces, BOMs, combining marks, and "o"/"u" before a vowel bearing
// only a tone mark at a syllable's end (the old style, in NFC). A text with none of them, already
// in NFC, is its own normal form: most texts are, and go through untouched.
const MAY_CHANGE = /[\r\u00A0\u200B-\u200D\u2060\uFEFF]|[\u0300-\u036f]|[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ](?![A-Za-z])|[uU][ỳýỷỹỵỲÝỶỸỴ](?![A-Za-z])/;

/** NFC, one tone-mark style, no BOM, "\n" line ends, no zero-width characters. */
export function normalizeText(input: string): string {
  // An article's text is normalised once, then asked again by the reader and
  // for its content hash, in either form (a normal form is its own).
  if (input === lastInput || input === lastNormal) return lastNormal;
  lastInput = input;
  lastNormal = normalize(input);
  return lastNormal;
}
let lastInput: string | null = null;
let lastNormal = "";

// Characters that leave a text in its normal form wherever they stand, by BMP
// character: not touched by normalize's rewrites, their own NFC, and not a mark
// or Hangul vowel or final that could compose with the character before.
// (Letters that bear a tone mark are checked apart: "oà", "uỳ" at a syllable's end move it.)
const INERT = new Uint8Array(0x10000);
const TONED_A_E = 1;
const TONED_Y = 2;
const OLD_STYLE_TONE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  const composes = /\p{M}/u.test(ch) || (c >= 0x1161 && c <= 0x1175) || (c >= 0x11a8 && c <= 0x11c2);
  INERT[c] = !composes && !/[\r\u00A0\u200B-\u200D\u2060\uFEFF]/.test(ch) && ch.normalize("NFC") === ch ? 1 : 0;
}
for (const ch of "àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ") OLD_STYLE_TONE[ch.charCodeAt(0)] = TONED_A_E;
for (const ch of "ỳýỷỹỵỲÝỶỸỴ") OLD_STYLE_TONE[ch.charCodeAt(0)] = TONED_Y;

const isAsciiLetter = (c: number) => ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);

/** Whether normalize would leave the text as it is, told from its characters alone (false: maybe not). */
export function surelyNormal(input: string): boolean {
  const n = input.length;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (INERT[c] !== 1) return false;
    const tone = OLD_STYLE_TONE[c]!;
    if (tone !== 0 && i > 0 && !(i + 1 < n && isAsciiLetter(input.charCodeAt(i + 1)))) {
      const before = input.charCodeAt(i - 1) | 0x20;
      if (tone === TONED_A_E ? before === 0x6f : before === 0x75) return false;
    }
  }
  return true;
}

function normalize(input: string): string {
  if (surelyNormal(input)) return input;
  if (!MAY_CHANGE.test(input) && input.normalize("NFC") === input) return input;
  return input
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .replace(/\u00A0/g, " ")
    .normalize("NFD")
    .replace(OLD_STYLE, "$1$3$2")
    .replace(OLD_STYLE_UY, "$1$3$2")
    .normalize("NFC");
}

/** Folds one NFC character to at most one lower-case base letter (or a space). */
function foldChar(c: string): string {
  if (c === "đ" || c === "Đ") return "d";
  const base = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (base.length !== 1) return /\p{L}|\p{N}/u.test(c) ? c.toLowerCase() : " ";
  return /[\p{L}\p{N}]/u.test(base) ? base.toLowerCase() : " ";
}

// foldChar of every BMP character, worked out on first sight: 0 is not yet
// known, 0xFFFF a fold longer than one code unit (kept in LONG_FOLDS).
const FOLDS = new Uint16Array(0x10000);
const LONG_FOLDS = new Map<number, string>();

function foldCode(code: number): string {
  let f = FOLDS[code]!;
  if (f === 0) {
    const s = foldChar(String.fromCharCode(code));
    if (s.length === 1) f = s.charCodeAt(0);
    else {
      f = 0xffff;
      LONG_FOLDS.set(code, s);
    }
    FOLDS[code] = f;
  }
  return f === 0xffff ? LONG_FOLDS.get(code)! : String.fromCharCode(f);
}

/** A few recent results of a pure string function: sentences are folded by several stages in turn. */
function memo(fn: (s: string) => string, size: number): (s: string) => string {
  const cache = new Map<string, string>();
  // The last call's, asked again by the next stage.
  let last: string | null = null;
  let lastResult = "";
  return (s) => {
    if (s === last) return lastResult;
    let r = cache.get(s);
    if (r === undefined) {
      r = fn(s);
      if (cache.size >= size) cache.clear();
      cache.set(s, r);
    }
    last = s;
    lastResult = r;
    return r;
  };
}

/**
 * Folded form of an NFC string with the same length, index for index, so that
 * a match found in the folded text maps straight back to the original.
 * Made anew on each call: for a text folded once and kept (a sentence's).
 */
export function foldEach(s: string): string {
  // Most texts fold code unit for code unit: into a buffer, made a string at once.
  const n = s.length;
  if (buffer.length < n) buffer = new Uint16Array(Math.max(n, buffer.length * 2));
  let i = 0;
  for (; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) break;
    let f = FOLDS[code]!;
    if (f === 0) {
      foldCode(code);
      f = FOLDS[code]!;
    }
    if (f === 0xffff) break;
    buffer[i] = f;
  }
  if (i === n) return decode(buffer, n);
  return foldSlowly(s);
}

/** foldAligned with the results of recent calls kept: texts folded by several stages in turn. */
export const foldAligned = memo(foldEach, 256);

let buffer = new Uint16Array(1024);
const CHUNK = 4096;
function decode(codes: Uint16Array, n: number): string {
  if (n <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  let out = "";
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  return out;
}

/** foldAligned of a text with characters outside the BMP or folding to more than one code unit. */
function foldSlowly(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
      // Characters outside the BMP take two code units: keep the length.
      out += foldChar(s.slice(i, i + 2)) + " ";
      i++;
    } else out += foldCode(code);
  }
  return out;
}

/** Folded, trimmed, single-spaced form for keys and comparisons. */
export const fold = memo((s: string): string => foldAligned(normalizeText(s)).replace(/\s+/g, " ").trim(), 20_000);

/**
 * Whether fold(s) is surely longer than n characters, without folding: it
 * keeps a letter for each ASCII letter and digit of s.
 */
export function foldsLongerThan(s: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const lower = c | 0x20;
    if (((c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x7a)) && ++count > n) return true;
  }
  return false;
}

/** How many times a character stands in a string, counted up to `atMost`. */
export function countOf(s: string, ch: string, atMost = Infinity): number {
  const code = ch.charCodeAt(0);
  let n = 0;
  for (let i = 0; i < s.length && n < atMost; i++) if (s.charCodeAt(i) === code) n++;
  return n;
}

export function isUpperInitial(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Collapses runs of spaces; trims punctuation a phrase should not end with. */
export function tidy(s: string): string {
  return s.replace(/\s+/g, " ").replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, "").trim();
}
