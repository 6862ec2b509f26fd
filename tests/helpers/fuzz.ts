// Hostile values for fuzz tests, drawn from a seeded generator so that every
// run sends the same requests (and a failure can be replayed).

export { seeded } from "./random.ts";

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/**
 * Values as they appear in a URL, already percent-encoded where a client
 * would encode them, and deliberately malformed where a hostile one would not.
 */
export const HOSTILE_URL_VALUES: readonly string[] = [
  // wrong types and numbers that only look like ids
  "abc", "true", "null", "[]", "%7B%7D", "1.5", "-1", "0", "0x1", "1e0", "%2B1", "01", "NaN", "Infinity",
  // huge numbers
  "2147483648", "99999999999999999999999", "1e309", "9".repeat(400),
  // NUL and control characters
  "%00", "a%00b", "%07%08", "%0D%0A",
  // lone surrogates (UTF-8 of a surrogate is not UTF-8) and other invalid UTF-8
  "%ED%A0%80", "a%ED%B0%80b", "%C0%AF", "%FF%FE", "%E0%A4%A",
  // right-to-left and zero-width marks
  "%E2%80%AE", "%E2%80%8F", "abc%E2%80%AEdef", "%E2%80%8B", "%EF%BB%BF",
  // SQL-ish
  "'%20OR%201%3D1%20--", "1%3B%20DROP%20TABLE%20articles", "%22", "%5C", "'", "1'%20UNION%20SELECT%20*%20FROM%20pg_user--",
  "%25'%20OR%20'%25'%3D'", "%24%24", "%5Cx00",
  // LIKE wildcards
  "%25", "_", "%25%25", "%5C%25", "%5Ba-z%5D", "%25_%25",
  // malformed percent-encoding
  "%", "%zz", "%%", "%2", "%G0", "%u0041",
  // long values
  "a".repeat(500), "x".repeat(3000), "%C3%A1".repeat(300),
  // empty, spaces, unicode
  "", "%20", "T%C3%B4%20L%C3%A2m", "%F0%9F%98%80", "a%CC%81%CC%81%CC%81",
  // dates and codes out of range
  "2024-13-01", "2024-02-30", "0000", "-2024", "99999-01-01", "ZZ", "cu", "C", "CUB", "%C4%90%C3%80",
  // cursor-like garbage
  "eyJhIjoxfQ", "eyJrIjpudWxsLCJpIjotMX0", "AAAA", "....",
];
