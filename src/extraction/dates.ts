// Date reader: finds the date expressions of one sentence. Like chrono-node's
// parsers it keeps what the text *said* (day, month, year where written) apart
// from what is implied later (src/dates/value.ts: the year, with where it came from).

import type { PartialDate } from "../dates/value.ts";
import { foldAligned } from "./text.ts";

export type { PartialDate };

export type PartOfDay = "morning" | "noon" | "afternoon" | "evening" | "night";

export interface DateMention {
  start: PartialDate;
  end?: PartialDate;
  /** "today" for "hôm nay"/"chiều nay", "recent" for "vừa qua"/"mới đây". */
  relative?: "today" | "yesterday" | "recent";
  partOfDay?: PartOfDay;
  index: number;
  length: number;
  text: string;
}

const PARTS: Record<string, PartOfDay> = { sáng: "morning", trưa: "noon", chiều: "afternoon", tối: "evening", đêm: "night" };
const PART_WORD = "(sáng|trưa|chiều|tối|đêm)";
const D = "(\\d{1,2})";
const M = "(\\d{1,2})";
const Y = "((?:19|20)\\d{2})";
const SEP = "[/.-]";
const DASH = "\\s*(?:-|–|—|đến|tới)\\s*";

interface Pattern {
  re: RegExp;
  /** Whether a sentence may hold a match, from its text, folded form and traits: a cheap test first. */
  may(text: string, folded: string, traits: Traits): boolean;
  read(m: RegExpExecArray): Omit<DateMention, "index" | "length" | "text" | "partOfDay"> | null;
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));
const valid = (p: PartialDate) =>
  (p.d === undefined || (p.d >= 1 && p.d <= 31)) && (p.m === undefined || (p.m >= 1 && p.m <= 12)) && (p.y === undefined || (p.y >= 1900 && p.y <= 2100));

function date(d?: string, m?: string, y?: string): PartialDate | null {
  const p: PartialDate = {};
  if (d !== undefined) p.d = num(d);
  if (m !== undefined) p.m = num(m);
  if (y !== undefined) p.y = num(y);
  return valid(p) ? p : null;
}

// Cheap tests of what a pattern needs: ASCII digits (a day and month written with
// a separator, "15/5", "15-5", "30.10"), and words its folded text holds. The
// characters are looked at once per sentence (Traits), the words by indexOf.
interface Traits {
  digits: boolean;
  separated: boolean;
}
const DIGIT = /[0-9]/;
const SEPARATED = /[0-9][/.-][0-9]/;
function traitsOf(text: string): Traits {
  const digits = DIGIT.test(text);
  return { digits, separated: digits && SEPARATED.test(text) };
}
const thangDigits = (_: string, folded: string, t: Traits) => t.digits && folded.includes("thang");
const namDigits = (_: string, folded: string, t: Traits) => t.digits && folded.includes("nam");
const separated = (_: string, __: string, t: Traits) => t.separated;
const span = (text: string, folded: string, t: Traits) =>
  t.separated && (text.includes("-") || text.includes("–") || text.includes("—") || folded.includes("den") || folded.includes("toi"));
const twoDays = (_: string, folded: string, t: Traits) => t.separated && folded.includes("va");
// The relative words folded: "qua" alone is in "quan" (most sentences), "nay" in "này".
// As /(?:hom|sang|trua|chieu|toi|dem) nay|(?:hom|vua) qua|moi day/ tests.
const BEFORE_NAY = ["hom", "sang", "trua", "chieu", "toi", "dem"];
const BEFORE_QUA = ["hom", "vua"];
function follows(folded: string, word: string, before: string[]): boolean {
  for (let p = folded.indexOf(word); p >= 0; p = folded.indexOf(word, p + 1)) {
    for (const b of before) if (p >= b.length && folded.startsWith(b, p - b.length)) return true;
  }
  return false;
}
const relative = (_: string, folded: string) => follows(folded, " nay", BEFORE_NAY) || follows(folded, " qua", BEFORE_QUA) || folded.includes("moi day");

// Ordered: longer, more specific forms first; overlaps keep the first found.
const PATTERNS: Pattern[] = [
  // "từ ngày 28/5 - 4/6/2024", "từ 12 đến 16/9/2023", "từ ngày 17 – 20/02", "2-4/4"
  {
    may: span,
    re: new RegExp(`(?<![\\d/.])${D}(?:${SEP}${M})?(?:${SEP}${Y})?${DASH}(?:ngày\\s+)?${D}${SEP}${M}(?:${SEP}${Y})?(?![\\d/])`, "giu"),
    read: (m) => {
      const end = date(m[4], m[5], m[6]);
      if (!end) return null;
      const start = date(m[1], m[2] ?? m[5], m[3] ?? m[6]);
      if (!start || start.m === undefined) return null;
      // "28/12 - 3/1/2024": a start later in the year than the end lies in the year before.
      if (m[2] !== undefined && m[3] === undefined && start.y !== undefined && end.m !== undefined && start.m > end.m) start.y -= 1;
      // "16-3" alone would read as a span ending on day 3 of nothing: require a real order.
      if (start.m === end.m && start.y === end.y && (start.d ?? 0) >= (end.d ?? 0)) return null;
      return { start, end };
    },
  },
  // "trong các ngày 05-11 và 06-11": two days given one after the other
  {
    may: twoDays,
    re: new RegExp(`(?<![\\d/.])${D}${SEP}${M}(?:${SEP}${Y})?\\s+và\\s+(?:ngày\\s+)?${D}${SEP}${M}(?:${SEP}${Y})?(?![\\d/])`, "giu"),
    read: (m) => {
      const end = date(m[4], m[5], m[6] ?? m[3]);
      const start = date(m[1], m[2], m[3] ?? m[6]);
      if (!start || !end) return null;
      return { start, end };
    },
  },
  // "15/5/2023", "15-5-2023", "15.5.2023"
  {
    may: separated,
    re: new RegExp(`(?<![\\d/.])${D}${SEP}${M}${SEP}${Y}(?![\\d/])`, "giu"),
    read: (m) => {
      const start = date(m[1], m[2], m[3]);
      return start ? { start } : null;
    },
  },
  // "tháng 11/2023", "tháng 9-2013", "tháng 9 năm 2024"
  {
    may: thangDigits,
    re: new RegExp(`tháng\\s+${M}(?:\\s*${SEP}\\s*|\\s+năm\\s+)${Y}(?!\\d)`, "giu"),
    read: (m) => {
      const start = date(undefined, m[1], m[2]);
      return start ? { start } : null;
    },
  },
  // "ngày 15/5", "Chiều 16/4", "hôm 16/3", "Sáng 30.10", "(6/7)"
  {
    may: separated,
    re: new RegExp(`(?<=(?:ngày|hôm|nay|${PART_WORD.slice(1, -1)}|\\()\\s*)${D}${SEP}${M}(?![\\d/]|\\.\\d)`, "giu"),
    read: (m) => {
      const start = date(m[1], m[2]);
      return start ? { start } : null;
    },
  },
  // "tháng 9", "tháng 11 vừa qua"
  {
    may: thangDigits,
    re: new RegExp(`tháng\\s+${M}(?![\\d/])`, "giu"),
    read: (m) => {
      const start = date(undefined, m[1]);
      return start ? { start } : null;
    },
  },
  // "năm 2011", "vào năm 2016"
  {
    may: namDigits,
    re: new RegExp(`năm\\s+${Y}(?!\\d)`, "giu"),
    read: (m) => {
      const start = date(undefined, undefined, m[1]);
      return start ? { start } : null;
    },
  },
  // "hôm nay", "chiều nay", "hôm qua", "vừa qua", "mới đây"
  {
    may: relative,
    re: /(?<!\p{L})(hôm nay|sáng nay|trưa nay|chiều nay|tối nay|đêm nay|hôm qua|vừa qua|mới đây)(?!\p{L})/giu,
    read: (m) => {
      const w = (m[1] ?? "").toLowerCase();
      return { start: {}, relative: w === "hôm qua" ? "yesterday" : w === "vừa qua" || w === "mới đây" ? "recent" : "today" };
    },
  },
];

const PART_BEFORE = new RegExp(`${PART_WORD}(?:\\s+(?:ngày|hôm|nay))?\\s*\\(?\\s*$`, "iu");

/** Whether [a, b) overlaps none of the places taken. */
function free(taken: [number, number][], a: number, b: number): boolean {
  return taken.every(([x, y]) => b <= x || a >= y);
}

/** Every date expression of a sentence, in text order, without overlaps. */
export function readDates(sentence: string, folded = foldAligned(sentence)): DateMention[] {
  const found: DateMention[] = [];
  const taken: [number, number][] = [];
  const traits = traitsOf(sentence);
  for (const p of PATTERNS) {
    if (!p.may(sentence, folded, traits)) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(sentence); m; m = p.re.exec(sentence)) {
      const a = m.index;
      const b = a + m[0].length;
      if (!free(taken, a, b)) continue;
      const r = p.read(m);
      if (!r) continue;
      const before = sentence.slice(Math.max(0, a - 14), a);
      const part = PART_BEFORE.exec(before) ?? (r.relative ? /^(sáng|trưa|chiều|tối|đêm)/iu.exec(m[0]) : null);
      // The reading is the pattern's own new object: completed in place (its keys in the order a copy would have).
      const mention = r as DateMention;
      mention.index = a;
      mention.length = b - a;
      mention.text = m[0];
      const word = part?.[1]?.toLowerCase();
      if (word && PARTS[word]) mention.partOfDay = PARTS[word];
      found.push(mention);
      taken.push([a, b]);
    }
  }
  // "Chiều nay (10/10/2018)": the written date makes the relative word redundant.
  const result = found.filter(
    (f) => !(f.relative === "today" && found.some((g) => !g.relative && g.index > f.index && g.index - (f.index + f.length) <= 3)),
  );
  return result.sort((a, b) => a.index - b.index);
}
