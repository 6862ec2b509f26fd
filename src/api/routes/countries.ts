import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Reader } from "../../db/reader.ts";
import { notFound, problemResponses } from "../problem.ts";
import { sendSelected } from "../query/select.ts";
import { changedSince } from "../query/changes.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { yearTypeSql } from "../query/stats.ts";
import { foldedContains, sql, where, type Sql } from "../query/sql.ts";
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

const countryColumns = sql`c.code::text AS code, c.name_vi, c.name_en, c.aliases, json_build_object(
    'events', (SELECT coalesce(sum(r.events), 0)::int FROM event_rollups r WHERE r.scope = '' AND r.dim = 'country' AND r.key = c.code::text),
    'officials', (SELECT count(*)::int FROM officials o WHERE o.country_code = c.code),
    'ministries', (SELECT count(*)::int FROM ministries m WHERE m.country_code = c.code),
    'agreements', (SELECT count(DISTINCT ap.agreement_id)::int FROM agreement_parties ap WHERE ap.country_code = c.code),
    'articles', (SELECT count(*)::int FROM article_countries ac WHERE ac.country_code = c.code)) AS counts`;

const involved = sql`(EXISTS (SELECT 1 FROM event_countries ec WHERE ec.country_code = c.code)
  OR EXISTS (SELECT 1 FROM officials o WHERE o.country_code = c.code)
  OR EXISTS (SELECT 1 FROM ministries m WHERE m.country_code = c.code)
  OR EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.country_code = c.code)
  OR EXISTS (SELECT 1 FROM article_countries ac WHERE ac.country_code = c.code))`;

type Country = z.infer<typeof CountrySchema>;

async function countryExists(db: Reader, code: string): Promise<boolean> {
  return (await db.query<unknown>(sql`SELECT 1 FROM countries WHERE code = ${code}`)).length > 0;
}

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
      const conditions: Sql[] = [];
      if (q !== undefined) conditions.push(foldedContains(sql`hoptac_fold(c.name_vi || ' ' || c.name_en)`, q));
      if (request.query.involved === "true") conditions.push(involved);
      if (request.query.updated_since !== undefined) conditions.push(changedSince("country", sql`c.code`, request.query.updated_since));
      const countSql = sql`SELECT count(*)::int AS count FROM countries c ${where(conditions)}`;
      const position = cursor === undefined ? null : decodeCursor(cursor, "countries", "code", (k) => k !== null && /^[A-Z]{2}$/.test(k));
      if (position) conditions.push(sql`c.code > ${position.key}`);
      const [rows, [total]] = await Promise.all([
        app.db.query<Country>(sql`SELECT ${countryColumns} FROM countries c ${where(conditions)} ORDER BY c.code LIMIT ${limit + 1}`),
        app.db.query<{ count: number }>(countSql),
      ]);
      const page = paginate(rows, limit, "countries", "code", (r) => ({ key: r.code, id: 0 }));
      return { data: page.rows, meta: { count: total?.count ?? 0, next_cursor: page.next } };
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
      const [country] = await app.db.query<Country>(sql`SELECT ${countryColumns} FROM countries c WHERE c.code = ${code}`);
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
      return page;
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
      const [exists, rows] = await Promise.all([
        countryExists(app.db, code),
        app.db.query<{ year: number | null; type: (typeof EVENT_TYPES)[number]; count: number }>(yearTypeSql(eventFilters(request.query, { countries: [code] }))),
      ]);
      if (!exists) throw noCountry(code);
      const emptyYear = () => Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<(typeof EVENT_TYPES)[number], number>;
      const years = rows.flatMap((r) => (r.year === null ? [] : [r.year]));
      const byYear = new Map<number, { year: number; total: number; by_type: Record<(typeof EVENT_TYPES)[number], number> }>();
      if (years.length) {
        for (let y = Math.min(...years); y <= Math.max(...years); y++) byYear.set(y, { year: y, total: 0, by_type: emptyYear() });
      }
      let undated = 0;
      for (const r of rows) {
        if (r.year === null) {
          undated += r.count;
          continue;
        }
        const entry = byYear.get(r.year)!;
        entry.total += r.count;
        entry.by_type[r.type] += r.count;
      }
      const data = [...byYear.values()];
      return { data, meta: { count: data.length, next_cursor: null, undated, types: [...EVENT_TYPES] } };
    },
  );
};
