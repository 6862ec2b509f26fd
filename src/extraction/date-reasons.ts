// Why an event's date reads as it does, part by part. The reader writes one
// reason per date ("stated day and month; year from the publication date");
// this module is the one home of that vocabulary: it writes the reasons and
// reads them back as which parts (year, month, day) the text stated and which
// were inferred, and from what. A year taken from the publication date is
// inferred, never stated.
import type { PartialDate } from "./dates.ts";

export type DatePart = "year" | "month" | "day";

export interface DateParts {
  /** The parts the text wrote for this activity (or its sentence stated, "năm 2011"). */
  stated: DatePart[];
  /** The parts read from elsewhere, each with where it came from. */
  inferred: { part: DatePart; from: string }[];
}

/** Where a whole date or one part of it can come from, as the reasons word it. */
export const DATE_SOURCES = {
  publication: "the publication date",
  visit: "the visit it falls in",
  sameDay: "another activity of the same day",
  otherReport: "another report",
  context: "the day of the story told before it",
  occasion: "the activity it is the occasion of",
  firstDay: "the first day reported of an activity in it",
} as const;

const PARTS: DatePart[] = ["year", "month", "day"];

function present(p: PartialDate | null): DatePart[] {
  if (!p) return [];
  return PARTS.filter((x) => (x === "year" ? p.y : x === "month" ? p.m : p.d) !== undefined);
}

/** The reason for a date the text wrote: `written` as the text has it, `resolved` with its year filled in. */
export function statedReason(written: PartialDate, resolved: PartialDate, yearFrom: "publication" | "visit"): string {
  if (written.y !== undefined) return "stated";
  if (resolved.y === undefined) return "stated, year unknown";
  return `stated ${written.d !== undefined ? "day and month" : "month"}; year from ${DATE_SOURCES[yearFrom]}`;
}

/** A reason whose year was filled in later from `from` (another activity of the same day, another report). */
export function withYearFrom(reason: string | null, from: "sameDay" | "otherReport"): string {
  const head = reason && reason !== "stated, year unknown" ? reason : "stated";
  return `${head}; year from ${DATE_SOURCES[from]}`;
}

/** Whole-date reasons: no part of the date is the activity's own. */
const WHOLE: Record<string, string> = {
  publication: DATE_SOURCES.publication,
  "publication month": DATE_SOURCES.publication,
  context: DATE_SOURCES.context,
  "month of the activity it is the occasion of": DATE_SOURCES.occasion,
  "first day reported of an activity in it": DATE_SOURCES.firstDay,
};

/**
 * Which parts of `date` the text stated and which were inferred, read from
 * its reason. Earlier wordings read too: "year from the publication date",
 * "year of the visit it falls in".
 */
export function datePartsOf(date: PartialDate | null, reason: string | null): DateParts {
  const parts = present(date);
  const out: DateParts = { stated: [], inferred: [] };
  if (!parts.length || !reason || reason === "unknown") return out;
  const [head = "", ...tail] = reason.split(";").map((s) => s.trim());
  const whole = WHOLE[head];
  if (whole) {
    out.inferred = parts.map((part) => ({ part, from: whole }));
    return out;
  }
  // "stated", "stated, year unknown", "stated day and month", "stated month": the text's own parts.
  const yearTail = tail.map((t) => /^year (?:from|of) (.+)$/.exec(t)?.[1]).find(Boolean);
  const yearFrom = yearTail ? (yearTail.startsWith("the ") || yearTail.startsWith("another ") ? yearTail : `the ${yearTail}`) : null;
  for (const part of parts) {
    if (part === "year" && yearFrom) out.inferred.push({ part, from: yearFrom });
    else out.stated.push(part);
  }
  return out;
}
