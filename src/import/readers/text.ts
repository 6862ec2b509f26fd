// Bytes to text, and the checks every input's text must pass.

export type Decoded = { text: string } | { reason: string };

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes a file's bytes: UTF-8 (BOM stripped), or UTF-16 when it starts with its BOM. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { reason: "empty" };
  // Windows editors save "Unicode" as UTF-16 with a BOM; without one it would look binary.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : null;
  if (utf16) return { text: normalize(new TextDecoder(utf16).decode(bytes)) };
  if (looksBinary(bytes)) return { reason: "binary file" };
  try {
    return { text: normalize(UTF8.decode(bytes)) };
  } catch {
    return { reason: "not valid UTF-8 text" };
  }
}

/** A NUL byte, or more than 2% control bytes other than tab, line feeds and form feed. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return control > sample.length * 0.02;
}

/** Half of a UTF-16 surrogate pair standing alone (a JSON "\ud800"): no character, and Postgres cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFC, LF line ends, no BOM, no control characters; a lone surrogate becomes U+FFFD, the replacement character. */
export function normalize(text: string): string {
  // Control characters (a NUL from a JSON "\u0000" among them) carry nothing and Postgres refuses NUL.
  return (
    text
      .replace(/^\uFEFF/, "")
      .replace(/\r\n?/g, "\n")
      // eslint-disable-next-line no-control-regex -- matching them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
      .replace(LONE_SURROGATE, "\uFFFD")
      .normalize("NFC")
  );
}

// Letters only Vietnamese writes: ă ơ ư đ, the hook and dot-below tones, and tilde
// or stacked tones on vowels other languages leave bare. In the corpus they are
// 17–24% of an article's letters; in English or French text with Vietnamese
// names, under 6%.
const VIETNAMESE_LETTER = /[ảạăằắẳẵặầấẩẫậđẻẽẹềếểễệỉĩịỏọồốổỗộơờớởỡợủũụưừứửữựỳỷỹỵ]/u;

// Which BMP characters are letters and which Vietnamese-only letters, worked out once.
const LETTER_KIND = (() => {
  const kind = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    kind[c] = /\p{L}/u.test(ch) ? (VIETNAMESE_LETTER.test(ch) ? 2 : 1) : 0;
  }
  return kind;
})();

/** True when at least 8% of the letters (and two or more) are Vietnamese-only ones. */
export function looksVietnameseText(text: string): boolean {
  let letters = 0;
  let vietnamese = 0;
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < lower.length) {
      // Outside the BMP: a letter perhaps, never a Vietnamese one.
      const c = String.fromCodePoint(lower.codePointAt(i)!);
      i++;
      if (/\p{L}/u.test(c)) letters++;
      continue;
    }
    const k = LETTER_KIND[code]!;
    if (k === 0) continue;
    letters++;
    if (k === 2) vietnamese++;
  }
  return vietnamese >= 2 && vietnamese >= letters * 0.08;
}

/** Why an article's text cannot be imported, or null when it can. */
export function textProblem(text: string, ifEmpty = "empty"): string | null {
  if (!text.trim()) return ifEmpty;
  if (!looksVietnameseText(text)) return "not Vietnamese text";
  return null;
}
