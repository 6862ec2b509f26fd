import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound, problemResponses } from "../problem.ts";
import { pick, selectParam, sendSelected } from "../query/select.ts";
import { countMeta } from "../query/count.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { countOfficials, officialById, officialExists, officialPage } from "../query/officials.ts";
import { CountryCode, Cursor, eventListShape, Id, IdParams, Limit, queryObject, SearchText, UpdatedSince } from "../schemas/params.ts";
import { CountryRefSchema, listOf, MinistryRefSchema, SourceSchema, UnitRefSchema } from "../schemas/resources.ts";
import { EventListSchema, listEvents, sendEventList } from "./event-list.ts";

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
      const filters = { q, country, ministry, updatedSince: request.query.updated_since };
      const position = cursor === undefined ? null : decodeCursor(cursor, "officials", "name", (k) => k !== null);
      const [rows, total] = await Promise.all([officialPage<z.infer<typeof OfficialSchema>>(app.db, filters, position, limit), countOfficials(app.db, filters)]);
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
      const official = await officialById<z.infer<typeof OfficialDetailSchema>>(app.db, request.params.id);
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
      return sendEventList(reply, page);
    },
  );
};
