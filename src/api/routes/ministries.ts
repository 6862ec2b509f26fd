import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound, problemResponses } from "../problem.ts";
import { countMeta, countRows } from "../query/count.ts";
import { changedSince } from "../query/changes.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { eventPage, represent } from "../query/events.ts";
import { countryJson, orNull, unitJson } from "../query/json.ts";
import { after, sql, where, type Sql } from "../query/sql.ts";
import { foldedContains } from "../query/text-contains.ts";
import { CountryCode, Cursor, IdParams, Limit, queryObject, SearchText, UpdatedSince } from "../schemas/params.ts";
import { CountryRefSchema, EventSchema, listOf, UnitRefSchema } from "../schemas/resources.ts";

const RECENT_EVENTS = 10;

const ministryFields = {
  id: z.number().int(),
  code: z.string().describe('Stable code such as "VN-MPS".'),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  kind: z.string().describe('"ministry" or "agency".'),
  aliases: z.array(z.string()),
  country: CountryRefSchema,
  counts: z
    .object({ events: z.number().int(), officials: z.number().int(), agreements: z.number().int(), units: z.number().int(), articles: z.number().int() })
    .describe("Events it took part in, officials seen in it, agreements it is party to, its units, and articles that name it."),
};

export const MinistrySchema = z.object(ministryFields).meta({ id: "Ministry", description: "A ministry or agency of one country." });

export const MinistryOfficialSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    country: z.string().nullable(),
    rank: z.string().nullable(),
    offices: z.array(z.string()),
    unit: UnitRefSchema.nullable(),
    observed_on: z.string().nullable(),
  })
  .meta({ id: "MinistryOfficial", description: "An official some article places in the ministry, with the most recent such description." });

export const MinistryDetailSchema = z
  .object({
    ...ministryFields,
    units: z.array(UnitRefSchema.extend({ aliases: z.array(z.string()) })),
    officials: z.array(MinistryOfficialSchema),
    recent_events: z.array(EventSchema).describe(`Its ${RECENT_EVENTS} most recent events; GET /v1/events?ministry={id} lists them all.`),
  })
  .meta({ id: "MinistryDetail", description: "A ministry with its units, the officials seen in it, and its recent events." });

const MinistryListQuery = queryObject({
  country: CountryCode.optional().describe("Ministries of this country (ISO code).").meta({ example: "CN" }),
  q: SearchText.optional().describe("Name in Vietnamese or English, ignoring case and diacritics.").meta({ example: "bo cong an" }),
  updated_since: UpdatedSince,
  limit: Limit(200, 50),
  cursor: Cursor.optional(),
});

const columns = sql`mi.id, mi.code, mi.name_vi, mi.name_en, mi.kind, mi.aliases,
  (SELECT ${countryJson("c")} FROM countries c WHERE c.code = mi.country_code) AS country,
  json_build_object(
    'events', (SELECT count(*)::int FROM event_ministries em WHERE em.ministry_id = mi.id),
    'officials', (SELECT count(DISTINCT om.official_id)::int FROM official_mentions om WHERE om.ministry_id = mi.id),
    'agreements', (SELECT count(DISTINCT ap.agreement_id)::int FROM agreement_parties ap WHERE ap.ministry_id = mi.id),
    'units', (SELECT count(*)::int FROM units u WHERE u.ministry_id = mi.id),
    'articles', (SELECT count(*)::int FROM article_ministries am WHERE am.ministry_id = mi.id)) AS counts`;

type Ministry = z.infer<typeof MinistrySchema>;

export const ministryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/ministries",
    {
      schema: {
        tags: ["ministries"],
        summary: "List ministries and agencies",
        description: "Ministries and agencies the articles name, by code (country first).",
        querystring: MinistryListQuery,
        response: { 200: listOf(MinistrySchema).meta({ id: "MinistryList" }), ...problemResponses(400) },
      },
    },
    async (request) => {
      const { country, q, limit, cursor } = request.query;
      const conditions: Sql[] = [];
      if (country !== undefined) conditions.push(sql`mi.country_code = ${country}`);
      if (q !== undefined) conditions.push(foldedContains(sql`mi.search_folded`, q));
      if (request.query.updated_since !== undefined) conditions.push(changedSince("ministry", sql`mi.id`, request.query.updated_since));
      const counting = countRows(app.db, sql`FROM ministries mi ${where(conditions)}`);
      const position = cursor === undefined ? null : decodeCursor(cursor, "ministries", "code", (k) => k !== null);
      if (position) conditions.push(after(sql`mi.code`, sql`mi.id`, { key: sql`${position.key}`, id: position.id }, false));
      const [rows, total] = await Promise.all([
        app.db.query<Ministry>(sql`SELECT ${columns} FROM ministries mi ${where(conditions)} ORDER BY mi.code, mi.id LIMIT ${limit + 1}`),
        counting,
      ]);
      const page = paginate(rows, limit, "ministries", "code", (r) => ({ key: r.code, id: r.id }));
      return { data: page.rows, meta: { ...countMeta(total), next_cursor: page.next } };
    },
  );

  app.get(
    "/ministries/:id",
    {
      schema: {
        tags: ["ministries"],
        summary: "One ministry, with its units, officials and recent events",
        params: IdParams,
        response: { 200: MinistryDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const [[ministry], events] = await Promise.all([
        app.db.query<(Ministry & Pick<z.infer<typeof MinistryDetailSchema>, "units" | "officials">)>(sql`
          SELECT ${columns},
            coalesce((SELECT json_agg(json_build_object('id', u.id, 'code', u.code, 'name_vi', u.name_vi, 'name_en', u.name_en, 'aliases', u.aliases) ORDER BY u.code)
              FROM units u WHERE u.ministry_id = mi.id), '[]'::json) AS units,
            coalesce((SELECT json_agg(x.official ORDER BY x.name, x.id) FROM (
              SELECT DISTINCT ON (o.id) o.id, o.name, json_build_object('id', o.id, 'name', o.name, 'country', o.country_code,
                  'rank', om.rank, 'offices', om.offices, 'unit', ${orNull("u", unitJson("u"))}, 'observed_on', om.observed_on) AS official
              FROM official_mentions om JOIN officials o ON o.id = om.official_id LEFT JOIN units u ON u.id = om.unit_id
              WHERE om.ministry_id = mi.id
              ORDER BY o.id, om.observed_from DESC NULLS LAST, om.article_id DESC) x), '[]'::json) AS officials
          FROM ministries mi WHERE mi.id = ${id}`),
        eventPage(app.db, { ministry: id }, "-date", null, RECENT_EVENTS),
      ]);
      if (!ministry) throw notFound(`There is no ministry ${id}.`);
      return { ...ministry, recent_events: events.slice(0, RECENT_EVENTS).map(represent) };
    },
  );
};
