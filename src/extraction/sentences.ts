// Cuts a paragraph into sentences, in one pass over its characters. A
// sentence ends:
// - after a full stop, "!", "?" or "…" (and a closing quote or bracket),
//   where spaces lead to a capital or an opening quote or bracket;
// - after "./.", the sign-off mark some outlets end an article with;
// - at a full stop glued to the next sentence ("chủ trì Lễ đón.Phát biểu …"):
//   a lower-case word of two letters or more before it, a capitalised word
//   after it ("TP.HCM", "1.500" stay whole).
// The cuts are those of splitting on
// `(?<=[.!?…]["”»)]?)\s+(?=[\p{Lu}“"«(])|(?<=\.\/\.)\s*|(?<=\p{Ll}{2}\.)(?=\p{Lu}\p{Ll})`.

/** Per BMP character: 1 whitespace (as `\s` sees it), 2 lower-case letter, 4 upper-case letter. */
const KIND = new Uint8Array(0x10000);
const SPACE = 1;
const LOWER = 2;
const UPPER = 4;
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  KIND[c] = (/\s/u.test(ch) ? SPACE : 0) | (/\p{Ll}/u.test(ch) ? LOWER : 0) | (/\p{Lu}/u.test(ch) ? UPPER : 0);
}
const ASTRAL_LOWER = /^\p{Ll}$/u;
const ASTRAL_UPPER = /^\p{Lu}$/u;

const isEndMark = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026; // . ! ? …
const isCloser = (c: number) => c === 0x22 || c === 0x201d || c === 0xbb || c === 0x29; // " ” » )
const isOpener = (c: number) => c === 0x201c || c === 0x22 || c === 0xab || c === 0x28; // “ " « (
/** End marks and closers, by BMP character. */
const MARK = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) MARK[c] = isEndMark(c) || isCloser(c) ? 1 : 0;
const isSpace = (s: string, i: number) => i < s.length && (KIND[s.charCodeAt(i)]! & SPACE) !== 0;

/** The letter case of the code point starting at i (LOWER, UPPER or 0), and where it ends. */
function caseAt(s: string, i: number): { kind: number; end: number } {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const ch = s.slice(i, i + 2);
      return { kind: ASTRAL_LOWER.test(ch) ? LOWER : ASTRAL_UPPER.test(ch) ? UPPER : 0, end: i + 2 };
    }
  }
  return { kind: i < s.length && !(c >= 0xd800 && c <= 0xdfff) ? KIND[c]! & (LOWER | UPPER) : 0, end: i + 1 };
}

/** Whether the code point ending at i (exclusive) is a lower-case letter, and where it starts (-1: it is not). */
function lowerBefore(s: string, i: number): number {
  if (i < 1) return -1;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return ASTRAL_LOWER.test(s.slice(i - 2, i)) ? i - 2 : -1;
  }
  if (c >= 0xd800 && c <= 0xdfff) return -1;
  return KIND[c]! & LOWER ? i - 1 : -1;
}

/** Where a cut that may start at q ends (the spaces it takes), or -1 when no sentence ends at q. */
function cutAt(s: string, q: number): number {
  const n = s.length;
  const c1 = q >= 1 ? s.charCodeAt(q - 1) : -1;
  // After an end mark (and a closer): spaces, then a capital or an opener.
  if (isEndMark(c1) || (isCloser(c1) && q >= 2 && isEndMark(s.charCodeAt(q - 2)))) {
    if (isSpace(s, q)) {
      let e = q;
      while (isSpace(s, e)) e++;
      if (e < n && (isOpener(s.charCodeAt(e)) || caseAt(s, e).kind === UPPER)) return e;
    }
  }
  // After "./.", with the spaces that follow.
  if (c1 === 0x2e && q >= 3 && s.charCodeAt(q - 2) === 0x2f && s.charCodeAt(q - 3) === 0x2e) {
    let e = q;
    while (isSpace(s, e)) e++;
    return e;
  }
  // A full stop glued between a lower-case word and a capitalised one.
  if (c1 === 0x2e) {
    const b = lowerBefore(s, q - 1);
    if (b >= 0 && lowerBefore(s, b) >= 0) {
      const first = caseAt(s, q);
      if (first.kind === UPPER && first.end < n && caseAt(s, first.end).kind === LOWER) return q;
    }
  }
  return -1;
}

/** The paragraph cut into sentences, each trimmed; bits of one character or none are dropped. */
export function splitSentences(paragraph: string): string[] {
  const s = paragraph.replace(/\.\/\.$/u, ".");
  const parts: string[] = [];
  // As a split with a regular expression does: a cut may not be empty where the last one ended.
  let p = 0;
  let q = 0;
  const n = s.length;
  while (q < n) {
    // Every cut follows an end mark, a closer or a full stop (never inside a surrogate pair).
    const e = q >= 1 && MARK[s.charCodeAt(q - 1)] === 1 ? cutAt(s, q) : -1;
    if (e < 0 || e === p) {
      q++;
      continue;
    }
    parts.push(s.slice(p, q));
    p = e;
    q = p;
  }
  parts.push(s.slice(p));
  return parts.map((x) => x.trim()).filter((x) => x.length > 1);
}
