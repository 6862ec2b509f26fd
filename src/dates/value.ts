// The date value that travels from extraction to the store: the parts a date
// has (year, month, day) and, for each, whether the text stated it for the
// activity or where it was inferred from. It is formatted only at the edges:
// ISO partial strings ("2016-09-25", "2016-09", "--09-25") for the database
// columns and the dump, a reason sentence for `date_reason`.

/** Bare parts, as the date reader finds them in a sentence. */
export interface PartialDate {
  y?: number;
  m?: number;
  d?: number;
}

export type DatePart = "y" | "m" | "d";

/**
 * Where one part of a date comes from. "text": written in the text for this
 * activity; the others are inferred:
 * - "relative": the text says "hôm nay", "vừa qua": read against the publication;
 * - "publication": the article's publication date (the text gives none);
 * - "visit": the year of the visit the day falls in;
 * - "same day": the year another activity of the article states for that day;
 * - "story": the day of the story told before (no date of its own);
 * - "occasion": the month of the activity it is the occasion of ("nhân dịp");
 * - "first activity": a visit's first day reported of an activity in it;
 * - "another report": another article's report of the same activity.
 */
export type PartSource = "text" | "relative" | "publication" | "visit" | "same day" | "story" | "occasion" | "first activity" | "another report";

export interface DateValue extends PartialDate {
  /** For each part present, where it comes from. */
  from: Partial<Record<DatePart, PartSource>>;
}

const PARTS: DatePart[] = ["y", "m", "d"];

/** A date whose every part comes from `source` ("text": as written). */
export function dateFrom(p: PartialDate, source: PartSource): DateValue {
  const v: DateValue = { from: {} };
  for (const k of PARTS) {
    if (p[k] === undefined) continue;
    v[k] = p[k];
    v.from[k] = source;
  }
  return v;
}

/** The same date with a year it lacked, inferred from `source`. */
export function withYear(v: DateValue, y: number, source: PartSource): DateValue {
  if (v.y !== undefined) return v;
  return { ...v, y, from: { ...v.from, y: source } };
}

/** The same date without its day (an activity that keeps only the month). */
export function monthOf(v: DateValue): DateValue {
  const { d: _d, from, ...rest } = v;
  const { d: _fd, ...parts } = from;
  return { ...rest, from: parts };
}

/** The bare parts. */
export function partsOf(v: PartialDate): PartialDate {
  const p: PartialDate = {};
  for (const k of PARTS) if (v[k] !== undefined) p[k] = v[k];
  return p;
}

/** The finest part the date has: the day, else the month, else the year. */
export function finestPart(v: PartialDate): DatePart | null {
  return v.d !== undefined ? "d" : v.m !== undefined ? "m" : v.y !== undefined ? "y" : null;
}

/** Is the date the publication's, for news with no date of its own ("hôm nay", or none at all)? A year alone from it does not count. */
export function fromPublication(v: DateValue | null): boolean {
  const k = v ? finestPart(v) : null;
  return !!k && (v!.from[k] === "publication" || v!.from[k] === "relative");
}

/** Was the day (else the month, else the year) written for the activity? */
export function isStated(v: DateValue | null): boolean {
  const k = v ? finestPart(v) : null;
  return !!k && v!.from[k] === "text";
}

// ------------------------------------------------------------ edges: text out

/** The ISO partial form: "2016-09-25", "2016-09", "2016", "--09-25"; null when it says too little. */
export function formatDate(p: PartialDate | null | undefined): string | null {
  if (!p || (p.y === undefined && p.m === undefined)) return null;
  const mm = p.m !== undefined ? String(p.m).padStart(2, "0") : undefined;
  const dd = p.d !== undefined ? String(p.d).padStart(2, "0") : undefined;
  if (p.y === undefined) return mm && dd ? `--${mm}-${dd}` : null;
  if (!mm) return String(p.y);
  return dd ? `${p.y}-${mm}-${dd}` : `${p.y}-${mm}`;
}

/** Reads the ISO partial form back (stored columns, inputs that give one). */
export function parseDate(s: string | null | undefined): PartialDate | null {
  if (!s) return null;
  let m = /^--(\d{2})-(\d{2})$/.exec(s);
  if (m) return { m: Number(m[1]), d: Number(m[2]) };
  m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(s);
  if (!m) return null;
  const p: PartialDate = { y: Number(m[1]) };
  if (m[2]) p.m = Number(m[2]);
  if (m[3]) p.d = Number(m[3]);
  return p;
}

/** Where a year not stated comes from, in words. */
const YEAR_FROM: Record<PartSource, string> = {
  text: "stated",
  publication: "year from the publication date",
  relative: "year from the publication date",
  visit: "year of the visit it falls in",
  "same day": "year from another activity of the same day",
  story: "year of the story told before",
  occasion: "year of the activity it is the occasion of",
  "first activity": "year of its first activity",
  "another report": "year from another report",
};

/**
 * Why the date reads as it does, in words (the `date_reason` of the API and
 * the dump): "stated" when the text wrote every part for the activity, else
 * what was inferred and from what.
 */
export function describeDate(v: DateValue | null): string {
  if (!v || (v.y === undefined && v.m === undefined)) return "unknown";
  const { y, m, d } = v.from;
  const lead = d ?? m ?? y;
  // The year came from another report: the rest is described as that report had it.
  if (y === "another report" && lead !== "another report") {
    const { y: _y, from, ...rest } = v;
    const { y: _fy, ...parts } = from;
    const own = describeDate({ ...rest, from: parts });
    return `${own === "unknown" ? "stated" : own}; year from another report`;
  }
  switch (lead) {
    case "text":
      if (y === undefined) return "stated, year unknown";
      if (y === "text") return "stated";
      if (y === "same day") return "stated; year from another activity of the same day";
      return `stated ${d ? "day and month" : "month"}; ${YEAR_FROM[y]}`;
    case "relative":
      return "publication";
    case "publication":
      return d ? "publication" : "publication month";
    case "story":
      return "context";
    case "occasion":
      return "month of the activity it is the occasion of";
    case "first activity":
      return "first day reported of an activity in it";
    case "another report":
      return "another report";
    default:
      return "stated";
  }
}

// ------------------------------------------------------------- edges: JSON in

/** Reasons that say where the whole date comes from. */
const WHOLE: Record<string, Partial<Record<DatePart, PartSource>>> = {
  stated: { y: "text", m: "text", d: "text" },
  "stated, year unknown": { m: "text", d: "text" },
  "stated; year from another activity of the same day": { y: "same day", m: "text", d: "text" },
  publication: { y: "relative", m: "relative", d: "relative" },
  "publication month": { y: "publication", m: "publication", d: "publication" },
  context: { y: "story", m: "story", d: "story" },
  "month of the activity it is the occasion of": { y: "occasion", m: "occasion", d: "occasion" },
  "first day reported of an activity in it": { y: "first activity", m: "first activity", d: "first activity" },
  "another report": { y: "another report", m: "another report", d: "another report" },
};
const YEAR_SOURCE = new Map((Object.entries(YEAR_FROM) as [PartSource, string][]).filter(([k]) => k !== "relative").map(([k, v]) => [v, k]));
const FROM_OTHER = "; year from another report";

/** Where each part comes from, read back from a reason describeDate() wrote (a stored `date_reason`). */
export function sourcesOf(reason: string): Partial<Record<DatePart, PartSource>> {
  const other = reason.endsWith(FROM_OTHER);
  const r = other ? reason.slice(0, -FROM_OTHER.length) : reason;
  const stated = /^stated (?:day and month|month); (.+)$/.exec(r);
  const from = stated ? { y: YEAR_SOURCE.get(stated[1]!) ?? "text", m: "text" as const, d: "text" as const } : { ...(WHOLE[r] ?? WHOLE.stated!) };
  if (other) from.y = "another report";
  return from;
}

/**
 * A date as stored in a JSON document: the value itself, or (documents
 * written before dates carried their parts' sources) an ISO partial string
 * with its reason sentence.
 */
export function dateFromJson(x: unknown, reason?: string | null): DateValue | null {
  if (x === null || x === undefined) return null;
  if (typeof x === "object") {
    const o = x as DateValue;
    return { ...partsOf(o), from: { ...(o.from ?? {}) } };
  }
  const p = parseDate(String(x));
  if (!p) return null;
  const from = sourcesOf(reason ?? "stated");
  const v: DateValue = { ...p, from: {} };
  for (const k of PARTS) if (p[k] !== undefined) v.from[k] = from[k] ?? "text";
  return v;
}

// ------------------------------------------------------------------ reckoning

export function precisionOf(p: PartialDate | null | undefined): "year" | "month" | "day" | null {
  if (!p) return null;
  if (p.d !== undefined && p.m !== undefined) return "day";
  if (p.m !== undefined && p.y !== undefined) return "month";
  if (p.y !== undefined) return "year";
  return null;
}

/** How much a date says, to pick the better of two: a year counts most, then the finest part (a day with no year above a month with one). */
export function dateDetail(p: PartialDate | null | undefined): number {
  if (!p) return 0;
  return (p.y !== undefined ? 4 : 0) + ({ day: 3, month: 2, year: 1 }[precisionOf(p) ?? "year"] ?? 0) + (p.y === undefined && p.d !== undefined ? 2 : 0);
}

/** The first and last day a partial date allows; null without a year. */
export function spanOf(p: PartialDate | null | undefined): [string, string] | null {
  if (!p || p.y === undefined) return null;
  const y = String(p.y).padStart(4, "0");
  if (p.m === undefined) return [`${y}-01-01`, `${y}-12-31`];
  const mm = String(p.m).padStart(2, "0");
  if (p.d !== undefined) {
    const d = `${y}-${mm}-${String(p.d).padStart(2, "0")}`;
    return [d, d];
  }
  const last = new Date(Date.UTC(p.y, p.m, 0)).getUTCDate();
  return [`${y}-${mm}-01`, `${y}-${mm}-${String(last).padStart(2, "0")}`];
}

/** Compares two partial dates on the parts both state: are they compatible? */
export function compatible(a: PartialDate | null | undefined, b: PartialDate | null | undefined): boolean {
  if (!a || !b) return true;
  for (const k of PARTS) {
    if (a[k] !== undefined && b[k] !== undefined && a[k] !== b[k]) return false;
  }
  return true;
}

/** Two dates that state the same parts alike. */
export function sameParts(a: PartialDate, b: PartialDate): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

/**
 * The year a day or month without one takes from a reference date (the
 * publication): the same year unless that puts it after the reference, then
 * the year before (GUIDE.md, Dates). Undefined when it cannot tell.
 */
export function yearBefore(p: PartialDate, ref: PartialDate | null | undefined): number | undefined {
  if (p.y !== undefined) return p.y;
  if (!ref || ref.y === undefined || p.m === undefined) return undefined;
  let y = ref.y;
  if (ref.m !== undefined && (p.m > ref.m || (p.m === ref.m && p.d !== undefined && ref.d !== undefined && p.d > ref.d))) y -= 1;
  return y;
}

/**
 * The year that puts a day or month without one nearest to a date of the same
 * activity (another report's): its year, or the one before or after across
 * the turn of a year ("30/12" against January).
 */
export function nearestYear(p: PartialDate, ref: PartialDate): number | undefined {
  if (p.y !== undefined) return p.y;
  if (ref.y === undefined || p.m === undefined) return undefined;
  const at = (y: number, x: PartialDate) => Date.UTC(y, (x.m ?? 7) - 1, x.d ?? 15);
  const target = at(ref.y, ref);
  return [ref.y - 1, ref.y, ref.y + 1].reduce((best, y) => (Math.abs(at(y, p) - target) < Math.abs(at(best, p) - target) ? y : best));
}

/** Bare parts with the year yearBefore() gives them (unchanged when they have one or none can be told). */
export function resolveYear(p: PartialDate, ref: PartialDate | null | undefined): PartialDate {
  const y = yearBefore(p, ref);
  return y === undefined || p.y !== undefined ? p : { ...p, y };
}
