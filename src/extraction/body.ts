// Body stage: separates the article from the site around it (navigation,
// clock, teasers, credits, sign-offs), finds title and publication date, and
// splits the body into sentences (./sentences.ts).
import { parseDate, type PartialDate } from "../dates/value.ts";
import { loadGazetteer, type PageChrome } from "./gazetteer.ts";
import { splitSentences } from "./sentences.ts";
import { countOf, fold, foldEach, foldsLongerThan, normalizeText } from "./text.ts";

export interface Sentence {
  text: string;
  /** The text folded character for character (foldEach), made once for every reader of the sentence. */
  folded: string;
  paragraph: number;
  index: number;
  isTitle: boolean;
}

export interface ArticleBody {
  title: string | null;
  publishedAt: PartialDate | null;
  publishedFrom: "metadata" | "byline" | "record" | null;
  /** The day the page was saved, from the site's clock line. */
  siteClock: PartialDate | null;
  outlet: string | null;
  paragraphs: string[];
  sentences: Sentence[];
}

export interface BodyHints {
  title?: string | null;
  publishedAt?: PartialDate | null;
}

/** Site furniture is short: a longer line with a chrome phrase is body text. */
const CHROME_MAX_WORDS = 15;
// Menu bullets and lines of bare punctuation, besides page.json's chrome phrases.
const BARE_LINE = /^\s*•|^[|!\s[\]()]*$/u;
const WEEKDAY = String.raw`(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|\d)|Chủ\s+[Nn]hật)`;
const CLOCK_LINE = new RegExp(String.raw`^${WEEKDAY},?\s*(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})`, "u");
/** "Thứ Hai, 08/12/2025 12:08 GMT+7": a site's clock, the time the page was saved. */
const isSiteClock = (line: string) => CLOCK_LINE.test(line) && /\d{1,2}:\d{2}/.test(line) && /GMT/iu.test(line);
const WEEKDAYS = new RegExp(WEEKDAY, "gu");
const DATE_IN_LINE = /(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?![\d/])/u;
const METADATA = /^\s*date\s+(\d{4}(?:-\d{2}){0,2})(?=\s|$)/u;

// Each rewrite of stripCredits is tried only on a line that holds what it looks for.
const PHOTO = /[Ảả][Nn][Hh]/;
/** Letter case of each BMP character as `\p{Ll}` (1) and `\p{Lu}` (2) see it. */
const CASE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  CASE[c] = /\p{Ll}/u.test(ch) ? 1 : /\p{Lu}/u.test(ch) ? 2 : 0;
}
/** Whether three lower-case letters stand right before an upper-case one (or the line has other planes' letters). */
function glued(line: string): boolean {
  let lower = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    const k = CASE[c];
    if (k === 2 && lower >= 3) return true;
    lower = k === 1 ? lower + 1 : 0;
  }
  return false;
}
/** Whitespace as `\s` sees it, by BMP character. */
const WHITE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) WHITE[c] = c >= 0xd800 && c <= 0xdfff ? 0 : /\s/.test(String.fromCharCode(c)) ? 1 : 0;

/** Whether `/\s\s|[^\S ]/` matches: whitespace other than a space, or two in a row. */
function oddSpacing(line: string): boolean {
  let before = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const white = WHITE[c] === 1;
    if (white && (before || c !== 32)) return true;
    before = white;
  }
  return false;
}

/** Whether line.split(/\s+/) has more than n pieces (one more than its runs of whitespace), counted without splitting. */
function moreWordsThan(line: string, n: number): boolean {
  if (n < 1) return true;
  let pieces = 1;
  for (let i = 0; i < line.length; i++) {
    if (WHITE[line.charCodeAt(i)] === 1 && (i === 0 || WHITE[line.charCodeAt(i - 1)] !== 1) && ++pieces > n) return true;
  }
  return false;
}

function stripCredits(line: string, page: PageChrome): string {
  const [bracketed, bare] = page.datelines;
  let out = line;
  if (PHOTO.test(out)) {
    out = out
      .replace(/\(\s*Ảnh\s*:[^)]*\)/giu, " ")
      .replace(/Ảnh\s*:\s*(?:\p{Lu}[\p{L}.]*\s*){1,4}(?:[-/]\s*\p{Lu}[\p{L}.+]*\s*){0,2}\.?/gu, " ")
      .replace(/\s*[-–]?\s*ảnh\s+\d+(?=\p{Lu}|\s|$)/gu, ". ");
  }
  if (out.includes("![")) out = out.replace(/!\[[^\]]*\]\([^)]*\)/g, " ");
  if (out.includes("|")) out = out.replace(/\s*\|+\s*/g, " ");
  // Words glued by lost line breaks: "Bộ trưởngĐiều phối" → "Bộ trưởng Điều phối".
  if (glued(out)) out = out.replace(/(\p{Ll}{3})(\p{Lu})/gu, "$1 $2");
  out = out.replace(bracketed, "").replace(bare, "");
  if (oddSpacing(out)) out = out.replace(/\s+/g, " ");
  return out.trim();
}

/** Publication date from a byline such as "04/06/2024" or "Thứ Năm, 11/05/2017, 08:00". */
function bylineDate(line: string): PartialDate | null {
  if (isSiteClock(line)) return null;
  const m = DATE_IN_LINE.exec(line);
  if (!m) return null;
  const rest = line
    .replace(m[0], "")
    .replace(WEEKDAYS, "")
    .replace(/\d{1,2}:\d{2}(?::\d{2})?|GMT\s*[+-]\d+|ngày|\||View count:?\s*\d+|[,\s\-–()]/giu, "");
  // A byline carries little besides the date (an author or two at most).
  if (rest.length > 70) return null;
  return { d: Number(m[1]), m: Number(m[2]), y: Number(m[3]) };
}

/** The indexes of the first three lines that pass a test. */
function firstLines(lines: string[], test: (line: string) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < lines.length && out.length < 3; i++) if (test(lines[i]!)) out.push(i);
  return out;
}

/** Rejoins a sentence broken over two lines ("đang thăm và làm việc" / "tại Việt Nam."). */
function joinWrapped(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && line && /^\p{Ll}/u.test(line) && !".!?:;|".includes(prev.charAt(prev.length - 1))) out[out.length - 1] = `${prev} ${line}`;
    else out.push(line);
  }
  return out;
}

export function readBody(raw: string, hints: BodyHints = {}, page: PageChrome = loadGazetteer().page): ArticleBody {
  let text = normalizeText(raw);
  let publishedAt: PartialDate | null = null;
  let publishedFrom: ArticleBody["publishedFrom"] = null;
  if (hints.publishedAt) {
    publishedAt = hints.publishedAt;
    publishedFrom = "record";
  }
  // The page's head: its first few non-empty lines, where a title given apart
  // (an HTML page's, a record's) may now stand before the metadata or clock line.
  const rawLines = text.split("\n");
  const head = firstLines(rawLines, (l) => l.trim() !== "");
  for (const i of head) {
    const meta = METADATA.exec(rawLines[i]!);
    if (!meta) continue;
    rawLines[i] = rawLines[i]!.slice(meta[0].length);
    if (!publishedAt) {
      publishedAt = parseDate(meta[1]);
      publishedFrom = "metadata";
    }
    // The text without its metadata (a line cut short has no "\n": the lines split alike).
    text = rawLines.join("\n");
    break;
  }
  const outlet = page.outlets.find((o) => o.test(text))?.name ?? null;

  let lines = joinWrapped(rawLines.map((l) => l.trim()));
  let siteClock: PartialDate | null = null;
  // The site clock opens the page; only the title may come before a bare one,
  // and one with a time and zone is the clock among the first three lines.
  const nonEmpty = firstLines(lines, (l) => l.length > 0);
  const titleFirst = hints.title && nonEmpty[0] !== undefined && fold(lines[nonEmpty[0]]!) === fold(hints.title);
  const at =
    nonEmpty[0] !== undefined && CLOCK_LINE.test(lines[nonEmpty[0]]!)
      ? nonEmpty[0]
      : titleFirst && nonEmpty[1] !== undefined && CLOCK_LINE.test(lines[nonEmpty[1]]!)
        ? nonEmpty[1]
        : nonEmpty.slice(0, 3).find((i) => isSiteClock(lines[i]!));
  const clock = at !== undefined ? CLOCK_LINE.exec(lines[at] ?? "") : null;
  if (clock && at !== undefined) {
    siteClock = { d: Number(clock[1]), m: Number(clock[2]), y: Number(clock[3]) };
    lines.splice(at, 1);
  }
  const cut = lines.findIndex((l, i) => (!foldsLongerThan(l, page.cutMarkerLength) && page.cutMarkers.has(fold(l))) || (i > 2 && page.signOff.test(l)));
  if (cut >= 0) lines = lines.slice(0, cut);

  const kept: string[] = [];
  let title: string | null = hints.title ? normalizeText(hints.title).trim() : null;
  for (const [i, line] of lines.entries()) {
    if (!line || isSiteClock(line)) continue;
    // Before the chrome test: a byline may carry a view counter ("29/11/2017 | 08:35 | View count: 3252").
    if (i < 15 && kept.length < 6) {
      const by = bylineDate(line);
      if (by) {
        if (!publishedAt) {
          publishedAt = by;
          publishedFrom = "byline";
        }
        continue;
      }
    }
    // Chrome phrases mark short lines only: "đăng ký" in a paragraph of the body is text.
    if ((!moreWordsThan(line, CHROME_MAX_WORDS) && page.chrome.test(line)) || BARE_LINE.test(line)) continue;
    const clean = stripCredits(line, page);
    if (countOf(clean, " ", 2) < 2 && !".!?".includes(clean.charAt(clean.length - 1) || "-")) continue; // section names, menu items
    kept.push(clean);
  }
  if (!title) {
    const t = kept.slice(0, 3).find((l) => l.length <= 220 && !/[.!?:]$/.test(l) && countOf(l, " ", 3) >= 3);
    if (t && kept.length > 1) title = t;
  }
  const paragraphs = kept.filter(Boolean);
  const sentences: Sentence[] = [];
  // The page's own title line may differ from a given title in spacing or case.
  const titleKey = title !== null ? fold(title) : null;
  paragraphs.forEach((p, pi) => {
    const isTitle = titleKey !== null && !foldsLongerThan(p, titleKey.length) && fold(p) === titleKey;
    for (const s of isTitle ? [p] : splitSentences(p)) sentences.push({ text: s, folded: foldEach(s), paragraph: pi, index: sentences.length, isTitle });
  });
  return { title, publishedAt, publishedFrom, siteClock, outlet, paragraphs, sentences };
}
