// Zod schemas for path and query parameters, shared by the routes.
import { z } from "zod";
import { badRequest } from "../problem.ts";
import { selectParam } from "../query/select.ts";
import { AGREEMENT_TYPES, EVENT_TYPES } from "../routes/labels.ts";
import { EventSchema } from "./resources.ts";

const MAX_INT = 2_147_483_647;

/** A 400 problem about one query parameter, shaped like the validation errors. */
export function queryProblem(name: string, message: string) {
  return badRequest(`The request's query has an invalid value: ${name}: ${message}`, {
    extensions: { errors: [{ in: "query", name, message }] },
  });
}

/** A repeatable query parameter: `?type=visit&type=talks`, or a single value. */
export function repeatable<T extends z.ZodType>(item: T, max = 10) {
  return z.preprocess(
    (v) => (v === undefined || Array.isArray(v) ? v : [v]),
    z.array(item).min(1).max(max, `at most ${max} values`),
  );
}

/**
 * A decimal integer as a query or path parameter: digits only, no sign, no
 * leading zero, no hex or exponent ("0x1", "1e0", "+1" and "01" are not 1).
 */
function decimal<T extends z.ZodType>(number: T) {
  return z.preprocess((v) => (typeof v === "string" && /^(0|[1-9][0-9]{0,15})$/.test(v) ? Number(v) : v), number);
}

export const Id = decimal(
  z
    .number({ error: "must be a positive integer id" })
    .int("must be a positive integer id")
    .min(1, "must be a positive integer id")
    .max(MAX_INT, `must be at most ${MAX_INT}`),
);

export const IdParams = z.object({ id: Id.describe("The numeric id.").meta({ example: 1 }) });

export const CountryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "must be a two-letter ISO 3166-1 code such as CU or VN")
  .transform((s) => s.toUpperCase());

export const CountryParams = z.object({
  code: CountryCode.describe("ISO 3166-1 alpha-2 code, in either case.").meta({ example: "CU" }),
});

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function lastDay(y: number, m: number): number {
  return m === 2 && !isLeap(y) ? 28 : DAYS_IN_MONTH[m - 1]!;
}

/** A date as YYYY, YYYY-MM or YYYY-MM-DD, read as the whole period it names. */
export interface Period {
  first: string;
  last: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function periodOf(text: string): Period | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 1) return null;
  if (m[2] === undefined) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  if (m[3] === undefined) return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(lastDay(y, mo))}` };
  const d = Number(m[3]);
  if (d < 1 || d > lastDay(y, mo)) return null;
  return { first: text, last: text };
}

export const PartialDate = z
  .string()
  .refine((s) => periodOf(s) !== null, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-05, 2024-05-15)");

/** from/to as inclusive first and last days; a 400 problem when to ends before from starts. */
export function dateRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const f = from === undefined ? undefined : periodOf(from)!.first;
  const t = to === undefined ? undefined : periodOf(to)!.last;
  if (f !== undefined && t !== undefined && t < f) throw queryProblem("to", `ends (${t}) before from begins (${f})`);
  return { from: f, to: t };
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO 8601 time, or a date (its midnight); UTC unless it gives an offset. */
export function parseTimestamp(text: string): Date | null {
  const m = TIMESTAMP.exec(text);
  if (!m || periodOf(m[1]!) === null) return null;
  const utc = text.length === 10 ? `${text}T00:00:00Z` : m[2] ? text : `${text}Z`;
  const time = new Date(utc);
  return Number.isNaN(time.getTime()) ? null : time;
}

export const Timestamp = z
  .string()
  .refine((s) => parseTimestamp(s) !== null, "must be an ISO 8601 time such as 2026-11-30T08:00:00Z, or a date such as 2026-11-30")
  .transform((s) => parseTimestamp(s)!);

/** updated_since, on every list. */
export const UpdatedSince = Timestamp.optional().describe(
  "Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). " +
    "A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions.",
);

/** Postgres text cannot hold NUL; a query with one is a client mistake, not a server error. */
export const noNul = (s: string) => !s.includes("\u0000");
export const NO_NUL = "must not contain NUL characters";

export const SearchText = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .refine(noNul, NO_NUL);

export const Limit = (max: number, fallback: number) =>
  decimal(
    z
      .number({ error: `must be an integer from 1 to ${max}` })
      .int(`must be an integer from 1 to ${max}`)
      .min(1, `must be an integer from 1 to ${max}`)
      .max(max, `must be an integer from 1 to ${max}`)
      .default(fallback),
  ).describe(`Page size, 1 to ${max} (default ${fallback}).`);

export const Cursor = z
  .string()
  .max(1000)
  .describe("Opaque cursor from a previous page's meta.next_cursor; omit for the first page.");

export const Sort = z.enum(["date", "-date"]).default("-date").describe("date: oldest first; -date: newest first (the default). Undated rows come last either way.");

export const EventTypeParam = z.enum(EVENT_TYPES, { error: `must be one of ${EVENT_TYPES.join(", ")}` });
export const AgreementTypeParam = z.enum(AGREEMENT_TYPES, { error: `must be one of ${AGREEMENT_TYPES.join(", ")}` });

/**
 * The event filters that /events, /countries/{code}/events, /officials/{id}/events
 * and /stats share. They carry no examples: Swagger UI pre-fills examples when
 * trying a request, and every filter at once would match nothing.
 */
export const eventFilterShape = {
  country: repeatable(CountryCode)
    .optional()
    .describe("ISO country code, case-insensitive; repeat it for events involving all the given countries (country=CU&country=VN)."),
  official: Id.optional().describe("An official's id: events they took part in."),
  ministry: Id.optional().describe("A ministry's id: events it took part in."),
  type: repeatable(EventTypeParam)
    .optional()
    .describe(`Event type; repeat it for any of several (type=visit&type=talks). One of ${EVENT_TYPES.join(", ")}.`),
  topic: z.string().regex(/^[a-z_]{1,64}$/, "must be a topic code such as cyber_security").optional().describe("Topic code, such as cyber_security or drugs."),
  from: PartialDate.optional()
    .describe("Events whose dates overlap the period from this date on: YYYY, YYYY-MM or YYYY-MM-DD (from=2024 means from 1 January 2024). Events whose year is unknown never match a date range."),
  to: PartialDate.optional()
    .describe("Events whose dates overlap the period up to the end of this date: YYYY, YYYY-MM or YYYY-MM-DD (to=2024-05 means to 31 May 2024)."),
  q: SearchText.optional()
    .describe('Text in the event (summary, place, participants…), ignoring case and diacritics: "to lam" finds "Tô Lâm".'),
  updated_since: UpdatedSince,
};

export const eventListShape = {
  ...eventFilterShape,
  sort: Sort,
  limit: Limit(200, 50),
  cursor: Cursor.optional(),
  select: selectParam(Object.keys(EventSchema.shape)),
};

/** A querystring schema that answers unknown parameters (typos) with a 400 instead of ignoring them. */
export function queryObject<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? "is not a parameter of this endpoint; GET /docs lists the parameters" : undefined),
  });
}
