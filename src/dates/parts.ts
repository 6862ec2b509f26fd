// A date's parts as the API and the dump show them: which parts of the start
// date the text stated for the activity and which were inferred, each with
// where it came from in words. A year taken from the publication date is
// inferred, never stated.
import { dateFromJson, type DatePart, type DateValue, type PartSource } from "./value.ts";

export type PartName = "year" | "month" | "day";

export interface DateParts {
  stated: PartName[];
  inferred: { part: PartName; from: string }[];
}

const NAMES: [DatePart, PartName][] = [
  ["y", "year"],
  ["m", "month"],
  ["d", "day"],
];

/** Where an inferred part comes from, in words. */
const FROM: Record<Exclude<PartSource, "text">, string> = {
  relative: "the publication date, which the text refers to (\"hôm nay\", \"vừa qua\")",
  publication: "the publication date",
  visit: "the visit it falls in",
  "same day": "another activity of the same day",
  story: "the day of the story told before it",
  occasion: "the activity it is the occasion of",
  "first activity": "the first day reported of an activity in it",
  "another report": "another report of the same activity",
};

export function datePartsOf(v: DateValue | null): DateParts {
  const out: DateParts = { stated: [], inferred: [] };
  if (!v) return out;
  for (const [k, part] of NAMES) {
    const source = v.from[k];
    if (v[k] === undefined || !source) continue;
    if (source === "text") out.stated.push(part);
    else out.inferred.push({ part, from: FROM[source] });
  }
  return out;
}

/** The parts of a stored date: its ISO partial form and its reason sentence. */
export function storedDateParts(start: string | null, reason: string | null): DateParts {
  if (!start || !reason || reason === "unknown") return { stated: [], inferred: [] };
  return datePartsOf(dateFromJson(start, reason));
}
