// Zod schemas of the resources the API returns: they serialize the responses
// and become the OpenAPI document's components.
import { z } from "zod";
import { AGREEMENT_TYPES, EVENT_TYPES } from "../routes/labels.ts";

const int = () => z.number().int();
const nullableText = (description: string) => z.string().nullable().describe(description);

export const DatePrecisionSchema = z.enum(["year", "month", "day"]).meta({
  id: "DatePrecision",
  description: "How much of a date is known. A day may still lack its year (--05-15).",
});

export const LabelSchema = z
  .object({ vi: z.string(), en: z.string() })
  .meta({ id: "Label", description: "A display label in Vietnamese and English.", example: { vi: "Chuyến thăm", en: "Visit" } });

export const EventTypeSchema = z.enum(EVENT_TYPES).meta({ id: "EventType", description: "The kind of event." });
export const AgreementTypeSchema = z.enum(AGREEMENT_TYPES).meta({ id: "AgreementType", description: "The kind of signed document." });

export const CountryRefSchema = z
  .object({
    code: z.string().describe("ISO 3166-1 alpha-2 code."),
    name_vi: z.string(),
    name_en: z.string(),
  })
  .meta({ id: "CountryRef", example: { code: "CU", name_vi: "Cuba", name_en: "Cuba" } });

export const MinistryRefSchema = z
  .object({
    id: int(),
    code: z.string().describe('Stable code such as "VN-MPS".'),
    name_vi: z.string(),
    name_en: z.string().nullable(),
    country: z.string().describe("ISO code of its country."),
  })
  .meta({ id: "MinistryRef", example: { id: 1, code: "VN-MPS", name_vi: "Bộ Công an", name_en: "Ministry of Public Security", country: "VN" } });

export const UnitRefSchema = z
  .object({ id: int(), code: z.string(), name_vi: z.string(), name_en: z.string().nullable() })
  .meta({ id: "UnitRef", description: "A unit below a ministry (Tổng cục, Cục, Vụ…)." });

export const OfficialRefSchema = z
  .object({ id: int(), name: z.string(), country: z.string().nullable() })
  .meta({ id: "OfficialRef", example: { id: 1, name: "Tô Lâm", country: "VN" } });

export const ParticipantSchema = z
  .object({
    id: int(),
    name: z.string(),
    country: z.string().nullable(),
    role: z.enum(["host", "head_of_delegation", "attendee"]).describe("The official's part in the event."),
  })
  .meta({ id: "Participant" });

export const SourceSchema = z
  .object({
    article_id: int(),
    title: z.string().nullable(),
    url: z.string().nullable(),
    published_at: nullableText("Partial ISO date of publication, when known."),
  })
  .meta({ id: "Source", description: "An article that reports the fact." });

export const EvidenceSchema = SourceSchema.extend({
  sentence: z.string().describe("The sentence of the article the fact was read from."),
}).meta({ id: "Evidence", description: "An article that reports the fact, with the sentence that says so." });

const DatePartSchema = z.enum(["year", "month", "day"]);

export const DatePartsSchema = z
  .object({
    stated: z.array(DatePartSchema).describe("The parts of `start` the article wrote for this activity."),
    inferred: z
      .array(z.object({ part: DatePartSchema, from: z.string().describe('Where it was taken from ("the publication date", "another report"…).') }))
      .describe("The parts of `start` read from elsewhere: a year taken from the publication date is inferred, not stated."),
  })
  .meta({ id: "DateParts", description: "Which parts of the event's start date the text stated, and which were inferred and from what." });

const eventFields = {
  id: int(),
  type: EventTypeSchema,
  type_label: LabelSchema,
  start: nullableText("Partial ISO date: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when the year is unknown."),
  start_precision: DatePrecisionSchema.nullable(),
  end: nullableText("Partial ISO end date, for events over several days."),
  end_precision: DatePrecisionSchema.nullable(),
  span_from: nullableText("First day the dates allow (YYYY-MM-DD); null when no year is known."),
  span_to: nullableText("Last day the dates allow (YYYY-MM-DD); null when no year is known."),
  place: z.string().nullable(),
  summary: z.string(),
  countries: z.array(CountryRefSchema),
  officials: z.array(ParticipantSchema),
  ministries: z.array(MinistryRefSchema),
  agreements: z.array(z.object({ id: int(), type: AgreementTypeSchema, title: z.string() })),
  topics: z.array(z.string()).describe("Topic codes (GET /v1/stats?group_by=topic lists them with labels)."),
};

export const EventSchema = z.object({ ...eventFields, sources: z.array(SourceSchema) }).meta({
  id: "Event",
  description: "A visit, talks, conference or other activity, with who took part and the articles that report it.",
});

export const EventDetailSchema = z
  .object({
    ...eventFields,
    date_reason: nullableText('Why the date was read this way ("stated", "stated day and month; year from the publication date"…).'),
    date_parts: DatePartsSchema,
    mechanism: nullableText("The recurring mechanism the event belongs to, when the text names one."),
    ordinal: int().nullable().describe("Which session of that mechanism (8 for the 8th conference)."),
    sources: z.array(EvidenceSchema),
  })
  .meta({ id: "EventDetail", description: "An event with the evidence sentence from each source." });

/** The envelope of every list: the items, and the count and the next page's cursor. */
export function listOf<T extends z.ZodType>(item: T, extraMeta: z.ZodRawShape = {}) {
  return z.object({
    data: z.array(item),
    meta: z.object({
      count: int().describe(
        "How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true.",
      ),
      count_estimated: z.literal(true).optional().describe("Present (true) when count is an estimate."),
      next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page."),
      ...extraMeta,
    }),
  });
}

export const AgreementPartySchema = z
  .object({ country: CountryRefSchema, ministry: MinistryRefSchema.nullable(), unit: UnitRefSchema.nullable() })
  .meta({ id: "AgreementParty", description: "A party to an agreement: a country, and its ministry or unit where the text names one." });

const agreementFields = {
  id: int(),
  type: AgreementTypeSchema,
  type_label: LabelSchema,
  title: z.string(),
  signed: nullableText("Partial ISO date of signing, when known."),
  signed_precision: DatePrecisionSchema.nullable(),
  parties: z.array(AgreementPartySchema),
  event: z
    .object({ id: int(), type: EventTypeSchema, start: z.string().nullable(), summary: z.string() })
    .nullable()
    .describe("The event at which it was signed, when known."),
};

export const AgreementSchema = z.object({ ...agreementFields, sources: z.array(SourceSchema) }).meta({ id: "Agreement" });
export const AgreementDetailSchema = z.object({ ...agreementFields, sources: z.array(EvidenceSchema) }).meta({ id: "AgreementDetail" });
