import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sendList } from "../list-bytes.ts";
import { notFound, problemResponses } from "../problem.ts";
import { sendSelected } from "../query/select.ts";
import { countCountries, countryByCode, countryExists, countryPage, countryTimeline } from "../query/countries.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { CountryParams, Cursor, eventListShape, Limit, queryObject, SearchText, UpdatedSince } from "../schemas/params.ts";
import { EventTypeSchema, listOf } from "../schemas/resources.ts";
import { EventFilterQuery, eventFilters, EventListSchema, listEvents } from "./event-list.ts";
import { EVENT_TYPES } from "./labels.ts";

const CountsSchema = z
  .object({
    events: z.number().int(),
    officials: z.number().int(),
    ministries: z.number().int(),
    agreements: z.number().int(),
    articles: z.number().int(),
  })
  .meta({ id: "CountryCounts", description: "How many events involve the country, officials and ministries belong to it, agreements it is party to and articles name it." });

export const CountrySchema = z
  .object({
    code: z.string().describe("ISO 3166-1 alpha-2 code."),
    name_vi: z.string(),
    name_en: z.string(),
    aliases: z.array(z.string()).describe("Other names the Vietnamese press uses."),
    counts: CountsSchema,
  })
  .meta({
    id: "Country",
    example: { code: "CU", name_vi: "Cuba", name_en: "Cuba", aliases: ["Cộng hòa Cuba"], counts: { events: 8, officials: 2, ministries: 1, agreements: 1, articles: 2 } },
  });

const CountryListQuery = queryObject({
  q: SearchText.optional().describe("Name in Vietnamese or English, ignoring case and diacritics.").meta({ example: "trung quoc" }),
  involved: z
    .enum(["true", "false"], { error: "must be true or false" })
    .optional()
    .describe("true: only countries the knowledge base has facts about (events, officials, ministries, agreements or articles)."),
  updated_since: UpdatedSince,
  limit: Limit(250, 250),
  cursor: Cursor.optional(),
});

const TimelineYearSchema = z
  .object({
    year: z.number().int(),
    total: z.number().int(),
    by_type: z.object(Object.fromEntries(EVENT_TYPES.map((t) => [t, z.number().int()])) as Record<(typeof EVENT_TYPES)[number], z.ZodNumber>),
  })
  .meta({ id: "TimelineYear", description: "Events in one year (the year their span starts), by type; years without events are included as zeros." });

const TimelineSchema = z
  .object({
    data: z.array(TimelineYearSchema),
    meta: z.object({
      count: z.number().int().describe("How many years."),
      next_cursor: z.null(),
      undated: z.number().int().describe("Events involving the country whose year is unknown, left out of the years."),
      types: z.array(EventTypeSchema).describe("The event types, in by_type's order."),
    }),
  })
  .meta({ id: "CountryTimeline" });

type Country = z.infer<typeof CountrySchema>;

const noCountry = (code: string) => notFound(`There is no country ${code}; GET /v1/countries lists them.`);

export const countryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/countries",
    {
      schema: {
        tags: ["countries"],
        summary: "List countries",
        description: "Every ISO country with its Vietnamese and English names and how much the knowledge base holds about it, by code.",
        querystring: CountryListQuery,
        response: { 200: listOf(CountrySchema).meta({ id: "CountryList" }), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, limit, cursor } = request.query;
      const filters = { q, involved: request.query.involved === "true", updatedSince: request.query.updated_since };
      const position = cursor === undefined ? null : decodeCursor(cursor, "countries", "code", (k) => k !== null && /^[A-Z]{2}$/.test(k));
      const [rows, total] = await Promise.all([countryPage<Country>(app.db, filters, position, limit), countCountries(app.db, filters)]);
      const page = paginate(rows, limit, "countries", "code", (r) => ({ key: r.code, id: 0 }));
      return { data: page.rows, meta: { count: total, next_cursor: page.next } };
    },
  );

  app.get(
    "/countries/:code",
    {
      schema: {
        tags: ["countries"],
        summary: "One country, with its names and counts",
        params: CountryParams,
        response: { 200: CountrySchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { code } = request.params;
      const country = await countryByCode<Country>(app.db, code);
      if (!country) throw noCountry(code);
      return country;
    },
  );

  app.get(
    "/countries/:code/events",
    {
      schema: {
        tags: ["countries", "events"],
        summary: "The events a country took part in",
        description: "The same list and filters as GET /v1/events, for events involving this country (and any country= given as well).",
        params: CountryParams,
        querystring: queryObject(eventListShape),
        response: { 200: EventListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      sendSelected(reply, request.query.select);
      const [exists, page] = await Promise.all([countryExists(app.db, code), listEvents(app.db, request.query, { countries: [code] })]);
      if (!exists) throw noCountry(code);
      return sendList(reply, page);
    },
  );

  app.get(
    "/countries/:code/timeline",
    {
      schema: {
        tags: ["countries", "events"],
        summary: "A country's events per year and type, for charts",
        description: "Counts of the events involving the country, per year and type; the /v1/events filters narrow them down.",
        params: CountryParams,
        querystring: EventFilterQuery,
        response: { 200: TimelineSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { code } = request.params;
      const timeline = await countryTimeline(app.db, code, eventFilters(request.query, { countries: [code] }));
      if (!timeline) throw noCountry(code);
      return timeline;
    },
  );
};
