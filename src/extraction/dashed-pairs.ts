// Pairs of capitalised words joined by a dash ("Việt - Trung", "Việt-Nga"),
// found from the dashes of a text instead of trying a pattern at every
// character. The pairs are those of
// `(?<!\p{L})(\p{Lu}\p{Ll}+)\s?[-–]\s?(\p{Lu}\p{Ll}+)(?!\p{L})` matched left to right.

export interface DashedPair {
  index: number;
  length: number;
  first: string;
  second: string;
}

const PAIR = /(?<!\p{L})(\p{Lu}\p{Ll}+)\s?[-–]\s?(\p{Lu}\p{Ll}+)(?!\p{L})/gu;

/** Per BMP character: 1 lower-case letter, 2 upper-case letter, 4 other letter, 8 whitespace. */
const KIND = new Uint8Array(0x10000);
const LOWER = 1;
const UPPER = 2;
const LETTER = 1 | 2 | 4;
const SPACE = 8;
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  KIND[c] = (/\p{Ll}/u.test(ch) ? LOWER : /\p{Lu}/u.test(ch) ? UPPER : /\p{L}/u.test(ch) ? 4 : 0) | (/\s/u.test(ch) ? SPACE : 0);
}
const SURROGATE = /[\uD800-\uDFFF]/;

const kindAt = (s: string, i: number) => (i >= 0 && i < s.length ? KIND[s.charCodeAt(i)]! : 0);

/** The dashed pairs of a text, in text order, never overlapping. */
export function dashedPairs(text: string): DashedPair[] {
  let dash = nextDash(text, 0);
  if (dash < 0) return [];
  // Letters outside the BMP: the pattern itself.
  if (SURROGATE.test(text)) return [...text.matchAll(PAIR)].map((m) => ({ index: m.index, length: m[0].length, first: m[1]!, second: m[2]! }));
  const out: DashedPair[] = [];
  let free = 0;
  for (; dash >= 0; dash = nextDash(text, dash + 1)) {
    // The first word ends right before the dash, or one space before it.
    let end = dash;
    if (kindAt(text, end - 1) & SPACE) end--;
    let start = end;
    while (kindAt(text, start - 1) === LOWER) start--;
    if (start === end || kindAt(text, start - 1) !== UPPER) continue;
    start--;
    if (start < free || kindAt(text, start - 1) & LETTER) continue;
    // The second begins right after it, or one space after it.
    let from = dash + 1;
    if (kindAt(text, from) & SPACE) from++;
    if (kindAt(text, from) !== UPPER) continue;
    let to = from + 1;
    while (kindAt(text, to) === LOWER) to++;
    if (to === from + 1 || kindAt(text, to) & LETTER) continue;
    out.push({ index: start, length: to - start, first: text.slice(start, end), second: text.slice(from, to) });
    free = to;
  }
  return out;
}

function nextDash(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x2013) return i;
  }
  return -1;
}
