import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { listBytes, sendList } from "../list-bytes.ts";
import { notFound, problemResponses } from "../problem.ts";
import { pick, selectParam, sendSelected } from "../query/select.ts";
import { countMeta } from "../query/count.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { mentionPage, officialById, officialExists, officialPage, RECENT_MENTIONS } from "../query/officials.ts";
import { isDateKey } from "../query/sql.ts";
import { CountryCode, Cursor, eventListShape, Id, IdParams, Limit, queryObject, SearchText, Sort, UpdatedSince } from "../schemas/params.ts";
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

export const MentionSchema = z
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
  .meta({ id: "Mention", description: "What one article says of the official's rank and offices, at its date." });

export const OfficialDetailSchema = z
  .object({
    ...officialFields,
    recent_mentions: z
      .array(MentionSchema)
      .describe(`The latest ${RECENT_MENTIONS} mentions, newest first (undated ones last): the first items of mentions_href, which pages through all mention_count of them.`),
    mentions_href: z.string().describe("The API path of every mention of the official, a page at a time, oldest or newest first: the timeline of their ranks and offices."),
    events_href: z.string().describe("The API path of the events the official took part in."),
  })
  .meta({ id: "OfficialDetail", description: "An official with their latest mentions, and the paths of all their mentions and events." });

const MentionListSchema = listOf(MentionSchema).meta({ id: "MentionList", description: "A page of an official's mentions." });

type Official = z.infer<typeof OfficialSchema>;
const OfficialListSchema = listOf(OfficialSchema).meta({ id: "OfficialList" });
type OfficialList = z.infer<typeof OfficialListSchema>;

const OfficialListQuery = queryObject({
  q: SearchText.optional().describe('Name or alias, ignoring case and diacritics ("to lam" finds "Tô Lâm").').meta({ example: "to lam" }),
  country: CountryCode.optional().describe("Officials of this country (ISO code).").meta({ example: "VN" }),
  ministry: Id.optional().describe("Officials some article places in this ministry (its id)."),
  updated_since: UpdatedSince,
  limit: Limit(200, 50),
  cursor: Cursor.optional(),
  select: selectParam(Object.keys(OfficialSchema.shape)),
});

const MentionListQuery = queryObject({
  sort: Sort.describe("date: oldest first, for the timeline of ranks and offices; -date: newest first (the default). Undated mentions come last either way."),
  limit: Limit(200, 50),
  cursor: Cursor.optional(),
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
        response: { 200: OfficialListSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      sendSelected(reply, request.query.select);
      const { q, country, ministry, limit, cursor } = request.query;
      const filters = { q, country, ministry, updatedSince: request.query.updated_since };
      const position = cursor === undefined ? null : decodeCursor(cursor, "officials", "name", (k) => k !== null);
      const { rows, count } = await officialPage(app.db, filters, position, limit);
      const page = paginate(rows, limit, "officials", "name", (r) => ({ key: r.sort_key, id: r.id }));
      const meta = { ...countMeta(count), next_cursor: page.next };
      const { select } = request.query;
      if (select) return { data: page.rows.map((r) => pick(JSON.parse(r.item) as Official, select)), meta };
      return sendList<OfficialList>(reply, listBytes(page.rows.map((r) => r.item).join(","), meta));
    },
  );

  app.get(
    "/officials/:id",
    {
      schema: {
        tags: ["officials"],
        summary: "One official, with their latest mentions",
        description: "The official, their latest ranks and offices as articles report them, and the paths of all their mentions and events.",
        params: IdParams,
        response: { 200: OfficialDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const official = await officialById<Omit<z.infer<typeof OfficialDetailSchema>, "mentions_href" | "events_href">>(app.db, id);
      if (!official) throw notFound(`There is no official ${id}.`);
      return { ...official, mentions_href: `/v1/officials/${id}/mentions`, events_href: `/v1/officials/${id}/events` };
    },
  );

  app.get(
    "/officials/:id/mentions",
    {
      schema: {
        tags: ["officials"],
        summary: "What each article says of an official's rank and offices",
        description:
          "Every mention of the official, a page at a time: the rank, offices, ministry and unit one article gives them at its date, with the sentence and the article. " +
          "sort=date reads it as the timeline of their career; ties of a date by article. meta.count is exact. Pages follow meta.next_cursor.",
        params: IdParams,
        querystring: MentionListQuery,
        response: { 200: MentionListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { sort, limit, cursor } = request.query;
      const position = cursor === undefined ? null : decodeCursor(cursor, "mentions", sort, isDateKey);
      const read = await mentionPage<z.infer<typeof MentionSchema>>(app.db, id, sort === "-date", position, limit);
      if (!read) throw notFound(`There is no official ${id}.`);
      const page = paginate(read.rows, limit, "mentions", sort, (r) => ({ key: r.sort_key, id: r.article_id }));
      return { data: page.rows.map((r) => r.item), meta: { ...countMeta(read.count), next_cursor: page.next } };
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
      return sendList(reply, page);
    },
  );
};
