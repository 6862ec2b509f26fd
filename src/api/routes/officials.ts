import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Reader } from "../../db/reader.ts";
import { notFound, problemResponses } from "../problem.ts";
import { pick, selectParam, sendSelected } from "../query/select.ts";
import { countMeta, countRows } from "../query/count.ts";
import { changedSince } from "../query/changes.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { countryJson, ministryJson, orNull, sourceJson, unitJson } from "../query/json.ts";
import { after, foldedContains, sql, where, type Sql } from "../query/sql.ts";
import { CountryCode, Cursor, eventListShape, Id, IdParams, Limit, queryObject, SearchText, UpdatedSince } from "../schemas/params.ts";
import { CountryRefSchema, listOf, MinistryRefSchema, SourceSchema, UnitRefSchema } from "../schemas/resources.ts";
import { EventListSchema, listEvents } from "./event-list.ts";

const LatestSchema = z
  .object({
    rank: z.string().nullable(),
    offices: z.array(z.string()),
    ministry: MinistryRefSchema.nullable(),
    observed_on: z.string().nullable(),
  })
  .nullable()
  .describe("Rank and offices from the most recent article that describes the official.");

const officialFields = {
  id: z.number().int(),
  name: z.string().describe("The name as Vietnamese media write it."),
  country: CountryRefSchema.nullable().describe("The official's country, when known."),
  name_en: z.string().nullable(),
  name_native: z.string().nullable().describe("The name in its own script or spelling, when known."),
  aliases: z.array(z.string()),
  event_count: z.number().int(),
  mention_count: z.number().int().describe("How many articles describe the official."),
};

export const OfficialSchema = z
  .object({ ...officialFields, latest: LatestSchema })
  .meta({ id: "Official", example: { id: 1, name: "Tô Lâm", country: { code: "VN", name_vi: "Việt Nam", name_en: "Viet Nam" }, name_en: "To Lam", name_native: null, aliases: ["To Lam"], event_count: 12, mention_count: 4, latest: null } });

export const TimelineEntrySchema = z
  .object({
    observed_on: z.string().nullable().describe("Partial ISO date the observation holds at; null when the article gives none."),
    name_as_written: z.string(),
    rank: z.string().nullable().describe('Rank as written ("Đại tướng").'),
    rank_code: z.string().nullable().describe('Rank code ("general", "colonel_general"…).'),
    offices: z.array(z.string()),
    ministry: MinistryRefSchema.nullable(),
    unit: UnitRefSchema.nullable(),
    sentence: z.string().describe("The sentence that says so."),
    source: SourceSchema,
  })
  .meta({ id: "TimelineEntry", description: "What one article says of the official's rank and offices, at its date." });

export const OfficialDetailSchema = z
  .object({ ...officialFields, timeline: z.array(TimelineEntrySchema) })
  .meta({ id: "OfficialDetail", description: "An official with the timeline of ranks and offices the articles report, oldest first; undated observations last." });

const OfficialListQuery = queryObject({
  q: SearchText.optional().describe('Name or alias, ignoring case and diacritics ("to lam" finds "Tô Lâm").').meta({ example: "to lam" }),
  country: CountryCode.optional().describe("Officials of this country (ISO code).").meta({ example: "VN" }),
  ministry: Id.optional().describe("Officials some article places in this ministry (its id)."),
  updated_since: UpdatedSince,
  limit: Limit(200, 50),
  cursor: Cursor.optional(),
  select: selectParam(Object.keys(OfficialSchema.shape)),
});

const { official: _official, ...officialEventShape } = eventListShape;
const OfficialEventsQuery = queryObject(officialEventShape);

const columns = sql`o.id, o.name, (SELECT ${countryJson("c")} FROM countries c WHERE c.code = o.country_code) AS country,
  o.name_en, o.name_native, o.aliases,
  (SELECT count(*)::int FROM event_participants ep WHERE ep.official_id = o.id) AS event_count,
  (SELECT count(*)::int FROM official_mentions om WHERE om.official_id = o.id) AS mention_count`;

const latest = sql`(SELECT json_build_object('rank', om.rank, 'offices', om.offices, 'observed_on', om.observed_on, 'ministry', ${orNull("mi", ministryJson("mi"))})
    FROM official_mentions om LEFT JOIN ministries mi ON mi.id = om.ministry_id
    WHERE om.official_id = o.id ORDER BY om.observed_from DESC NULLS LAST, om.article_id DESC LIMIT 1) AS latest`;

/** The official with the timeline of what each article says of them. */
export function officialDetailSql(id: number): Sql {
  return sql`SELECT ${columns},
    coalesce((SELECT json_agg(json_build_object(
        'observed_on', om.observed_on, 'name_as_written', om.name_as_written, 'rank', om.rank, 'rank_code', om.rank_code,
        'offices', om.offices, 'ministry', ${orNull("mi", ministryJson("mi"))}, 'unit', ${orNull("u", unitJson("u"))},
        'sentence', om.sentence, 'source', ${sourceJson("ar")})
      ORDER BY om.observed_from NULLS LAST, ar.published_at NULLS LAST, om.id)
      FROM official_mentions om JOIN articles ar ON ar.id = om.article_id
      LEFT JOIN ministries mi ON mi.id = om.ministry_id LEFT JOIN units u ON u.id = om.unit_id
      WHERE om.official_id = o.id), '[]'::json) AS timeline
    FROM officials o WHERE o.id = ${id}`;
}

async function officialExists(db: Reader, id: number): Promise<boolean> {
  const rows = await db.query<unknown>(sql`SELECT 1 FROM officials WHERE id = ${id}`);
  return rows.length > 0;
}

export const officialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/officials",
    {
      schema: {
        tags: ["officials"],
        summary: "List officials",
        description: "Officials by name, country or ministry, in name order.",
        querystring: OfficialListQuery,
        response: { 200: listOf(OfficialSchema).meta({ id: "OfficialList" }), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      sendSelected(reply, request.query.select);
      const { q, country, ministry, limit, cursor } = request.query;
      const conditions: Sql[] = [];
      if (q !== undefined) conditions.push(foldedContains(sql`hoptac_fold(o.search_text)`, q));
      if (country !== undefined) conditions.push(sql`o.country_code = ${country}`);
      if (ministry !== undefined) {
        conditions.push(sql`EXISTS (SELECT 1 FROM official_mentions m WHERE m.official_id = o.id AND m.ministry_id = ${ministry})`);
      }
      if (request.query.updated_since !== undefined) conditions.push(changedSince("official", sql`o.id`, request.query.updated_since));
      const counting = countRows(app.db, sql`FROM officials o ${where(conditions)}`);
      const position = cursor === undefined ? null : decodeCursor(cursor, "officials", "name", (k) => k !== null);
      if (position) conditions.push(after(sql`o.name`, sql`o.id`, { key: sql`${position.key}`, id: position.id }, false));
      const [rows, total] = await Promise.all([
        app.db.query<(z.infer<typeof OfficialSchema> & { sort_key: string })>(sql`
          SELECT ${columns}, ${latest}, o.name AS sort_key
          FROM officials o ${where(conditions)} ORDER BY o.name, o.id LIMIT ${limit + 1}`),
        counting,
      ]);
      const page = paginate(rows, limit, "officials", "name", (r) => ({ key: r.sort_key, id: r.id }));
      return { data: page.rows.map((r) => pick(r, request.query.select)), meta: { ...countMeta(total), next_cursor: page.next } };
    },
  );

  app.get(
    "/officials/:id",
    {
      schema: {
        tags: ["officials"],
        summary: "One official, with the timeline of ranks and offices",
        params: IdParams,
        response: { 200: OfficialDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const [official] = await app.db.query<z.infer<typeof OfficialDetailSchema>>(officialDetailSql(request.params.id));
      if (!official) throw notFound(`There is no official ${request.params.id}.`);
      return official;
    },
  );

  app.get(
    "/officials/:id/events",
    {
      schema: {
        tags: ["officials", "events"],
        summary: "The events an official took part in",
        description: "The same list and filters as GET /v1/events, for one official.",
        params: IdParams,
        querystring: OfficialEventsQuery,
        response: { 200: EventListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      sendSelected(reply, request.query.select);
      const [exists, page] = await Promise.all([officialExists(app.db, id), listEvents(app.db, request.query, { official: id })]);
      if (!exists) throw notFound(`There is no official ${id}.`);
      return page;
    },
  );
};
