import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { primaryReader, type Reader } from "../../db/reader.ts";
import type { Logger } from "pino";
import { recordTooLong } from "../../import/limits.ts";
import { isWebUrl, NOT_WEB_URL } from "../../import/readers/url.ts";
import { importRecord, InputError, type StoreResult } from "../../import/run.ts";
import { API_KEY_SECURITY, requireApiKey } from "../auth.ts";
import { conflict, notFound, problem, problemResponses, unprocessable } from "../problem.ts";
import { countMeta, countRows } from "../query/count.ts";
import { pick, selectParam, sendSelected } from "../query/select.ts";
import { changedSince } from "../query/changes.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { countryJson, ministryJson, orNull, unitJson } from "../query/json.ts";
import { sql, where, type Sql } from "../query/sql.ts";
import { CountryCode, Cursor, Id, IdParams, Limit, NO_NUL, noNul, queryObject, repeatable, UpdatedSince } from "../schemas/params.ts";
import {
  AgreementTypeSchema, CountryRefSchema, DatePrecisionSchema, EventTypeSchema, LabelSchema, listOf, MinistryRefSchema, OfficialRefSchema, UnitRefSchema,
} from "../schemas/resources.ts";
import { AGREEMENT_TYPE_LABELS, EVENT_TYPE_LABELS } from "./labels.ts";

const articleFields = {
  id: z.number().int(),
  source_key: z.string().describe("The article's identity across re-imports: its URL, else its file name."),
  file: z.string().nullable(),
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
  published_at: z.string().nullable().describe("Partial ISO date of publication: YYYY-MM-DD, YYYY-MM or YYYY."),
  published_precision: DatePrecisionSchema.nullable(),
  imported_at: z.string().describe("When it was first imported (ISO 8601)."),
  updated_at: z.string().describe("When it last changed (ISO 8601)."),
  counts: z.object({
    officials: z.number().int(),
    events: z.number().int(),
    agreements: z.number().int(),
    countries: z.number().int(),
    ministries: z.number().int(),
  }),
};

export const ArticleSchema = z.object(articleFields).meta({ id: "Article", description: "An imported news article: the provenance of every fact." });

const MentionSchema = z
  .object({
    official: OfficialRefSchema,
    name_as_written: z.string(),
    rank: z.string().nullable(),
    rank_code: z.string().nullable(),
    offices: z.array(z.string()),
    ministry: MinistryRefSchema.nullable(),
    unit: UnitRefSchema.nullable(),
    observed_on: z.string().nullable(),
    sentence: z.string(),
  })
  .meta({ id: "OfficialMention", description: "What the article says of one official: name, rank, offices, with the sentence." });

const ArticleEventSchema = z
  .object({
    id: z.number().int(),
    type: EventTypeSchema,
    type_label: LabelSchema,
    start: z.string().nullable(),
    start_precision: DatePrecisionSchema.nullable(),
    end: z.string().nullable(),
    place: z.string().nullable(),
    summary: z.string(),
    sentence: z.string().describe("The sentence of this article the event was read from."),
  })
  .meta({ id: "ArticleEvent" });

const ArticleAgreementSchema = z
  .object({
    id: z.number().int(),
    type: AgreementTypeSchema,
    type_label: LabelSchema,
    title: z.string(),
    signed: z.string().nullable(),
    sentence: z.string().describe("The sentence of this article the agreement was read from."),
  })
  .meta({ id: "ArticleAgreement" });

const factFields = {
  countries: z.array(CountryRefSchema).describe("Countries the article names as parties."),
  ministries: z.array(MinistryRefSchema),
  officials: z.array(MentionSchema),
  events: z.array(ArticleEventSchema),
  agreements: z.array(ArticleAgreementSchema),
};

export const ArticleFactsSchema = z.object({ ...articleFields, ...factFields }).meta({ id: "ArticleFacts", description: "An article's metadata and every fact read from it." });

export const ArticleDetailSchema = z
  .object({ ...articleFields, text: z.string().describe("The article body, without the site's chrome."), ...factFields })
  .meta({ id: "ArticleDetail", description: "An article's metadata, text, and every fact read from it with its evidence." });

const ArticleListQuery = queryObject({
  country: repeatable(CountryCode).optional().describe("Articles naming all these countries as parties (ISO codes).").meta({ example: ["CU"] }),
  ministry: Id.optional().describe("Articles naming this ministry (its id)."),
  official: Id.optional().describe("Articles describing this official (their id)."),
  updated_since: UpdatedSince,
  limit: Limit(200, 50),
  cursor: Cursor.optional(),
  select: selectParam(Object.keys(ArticleSchema.shape)),
});

const metadata = sql`a.id, a.source_key, a.file, a.url, a.outlet, a.title, a.published_at, a.published_precision::text AS published_precision,
  to_json(a.imported_at) #>> '{}' AS imported_at, to_json(a.updated_at) #>> '{}' AS updated_at,
  json_build_object(
    'officials', (SELECT count(*)::int FROM official_mentions om WHERE om.article_id = a.id),
    'events', (SELECT count(*)::int FROM event_sources es WHERE es.article_id = a.id),
    'agreements', (SELECT count(*)::int FROM agreement_sources s WHERE s.article_id = a.id),
    'countries', (SELECT count(*)::int FROM article_countries ac WHERE ac.article_id = a.id),
    'ministries', (SELECT count(*)::int FROM article_ministries am WHERE am.article_id = a.id)) AS counts`;

const facts = sql`
  coalesce((SELECT json_agg(${countryJson("c")} ORDER BY c.code)
    FROM article_countries ac JOIN countries c ON c.code = ac.country_code WHERE ac.article_id = a.id), '[]'::json) AS countries,
  coalesce((SELECT json_agg(${ministryJson("mi")} ORDER BY mi.country_code, mi.code)
    FROM article_ministries am JOIN ministries mi ON mi.id = am.ministry_id WHERE am.article_id = a.id), '[]'::json) AS ministries,
  coalesce((SELECT json_agg(json_build_object(
      'official', json_build_object('id', o.id, 'name', o.name, 'country', o.country_code),
      'name_as_written', om.name_as_written, 'rank', om.rank, 'rank_code', om.rank_code, 'offices', om.offices,
      'ministry', ${orNull("mi", ministryJson("mi"))}, 'unit', ${orNull("u", unitJson("u"))}, 'observed_on', om.observed_on, 'sentence', om.sentence)
      ORDER BY om.id)
    FROM official_mentions om JOIN officials o ON o.id = om.official_id
    LEFT JOIN ministries mi ON mi.id = om.ministry_id LEFT JOIN units u ON u.id = om.unit_id
    WHERE om.article_id = a.id), '[]'::json) AS officials,
  coalesce((SELECT json_agg(json_build_object('id', e.id, 'type', e.type, 'start', e.start, 'start_precision', e.start_precision,
      'end', e."end", 'place', e.place, 'summary', e.summary, 'sentence', es.sentence) ORDER BY e.id)
    FROM event_sources es JOIN events e ON e.id = es.event_id WHERE es.article_id = a.id), '[]'::json) AS events,
  coalesce((SELECT json_agg(json_build_object('id', g.id, 'type', g.type, 'title', g.title, 'signed', g.signed, 'sentence', s.sentence) ORDER BY g.id)
    FROM agreement_sources s JOIN agreements g ON g.id = s.agreement_id WHERE s.article_id = a.id), '[]'::json) AS agreements`;

type ArticleDetail = z.infer<typeof ArticleDetailSchema>;
type Unlabelled = Omit<ArticleDetail, "events" | "agreements"> & {
  events: Omit<ArticleDetail["events"][number], "type_label">[];
  agreements: Omit<ArticleDetail["agreements"][number], "type_label">[];
};

/** An article with every fact read from it (and its text, when asked). */
export async function articleFacts(db: Reader, id: number, withText: boolean): Promise<ArticleDetail | null> {
  const text = withText ? sql`, a.text` : sql``;
  const [row] = await db.query<Unlabelled>(sql`SELECT ${metadata}${text}, ${facts} FROM articles a WHERE a.id = ${id}`);
  if (!row) return null;
  return {
    ...row,
    events: row.events.map((e) => ({ ...e, type_label: EVENT_TYPE_LABELS[e.type] })),
    agreements: row.agreements.map((g) => ({ ...g, type_label: AGREEMENT_TYPE_LABELS[g.type] })),
  };
}

/** Newest publication first; undated articles last. The key is compared bytewise ("C"). */
const sortKey = sql`(coalesce(a.published_at, '') COLLATE "C")`;

export const articleReadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/articles",
    {
      schema: {
        tags: ["articles"],
        summary: "List articles",
        description: "The imported articles, newest publication first (undated ones last), with how many facts each gave.",
        querystring: ArticleListQuery,
        response: { 200: listOf(ArticleSchema).meta({ id: "ArticleList" }), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      sendSelected(reply, request.query.select);
      const { country, ministry, official, limit, cursor } = request.query;
      const conditions: Sql[] = [];
      for (const code of new Set(country ?? [])) {
        conditions.push(sql`EXISTS (SELECT 1 FROM article_countries ac WHERE ac.article_id = a.id AND ac.country_code = ${code})`);
      }
      if (ministry !== undefined) conditions.push(sql`EXISTS (SELECT 1 FROM article_ministries am WHERE am.article_id = a.id AND am.ministry_id = ${ministry})`);
      if (official !== undefined) conditions.push(sql`EXISTS (SELECT 1 FROM official_mentions om WHERE om.article_id = a.id AND om.official_id = ${official})`);
      if (request.query.updated_since !== undefined) conditions.push(changedSince("article", sql`a.id`, request.query.updated_since));
      const counting = countRows(app.db, sql`FROM articles a ${where(conditions)}`);
      const position = cursor === undefined ? null : decodeCursor(cursor, "articles", "-date", (k) => k !== null);
      if (position) conditions.push(sql`(${sortKey}, a.id) < (${position.key} COLLATE "C", ${position.id})`);
      const [rows, total] = await Promise.all([
        app.db.query<(z.infer<typeof ArticleSchema> & { sort_key: string })>(sql`
          SELECT ${metadata}, ${sortKey} AS sort_key FROM articles a ${where(conditions)}
          ORDER BY ${sortKey} DESC, a.id DESC LIMIT ${limit + 1}`),
        counting,
      ]);
      const page = paginate(rows, limit, "articles", "-date", (r) => ({ key: r.sort_key, id: r.id }));
      return { data: page.rows.map((r) => pick(r, request.query.select)), meta: { ...countMeta(total), next_cursor: page.next } };
    },
  );

  app.get(
    "/articles/:id",
    {
      schema: {
        tags: ["articles"],
        summary: "One article: metadata, text, and every fact read from it with its evidence",
        params: IdParams,
        response: { 200: ArticleDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const article = await articleFacts(app.db, request.params.id, true);
      if (!article) throw notFound(`There is no article ${request.params.id}.`);
      return article;
    },
  );
};

/** A record field: text without NUL characters, which Postgres cannot store. */
const recordText = () => z.string().refine(noNul, NO_NUL).nullish();

const ArticleRecordSchema = z
  .object({
    url: z
      .string()
      .refine(noNul, NO_NUL)
      .refine((u) => u.trim() === "" || isWebUrl(u), NOT_WEB_URL)
      .nullish()
      .describe("The article's http(s) URL: its identity, so that posting it again updates it instead of adding a copy."),
    title: recordText(),
    published_at: recordText().describe("Publication date: ISO (2024-06-04, or a timestamp) or as the page prints it (04/06/2024)."),
    text: recordText().describe("The article as plain text, paragraphs separated by blank lines. Give text or html."),
    html: recordText().describe("The page's HTML, read when there is no text; its meta tags fill the fields the record leaves out."),
  })
  .describe("One article in the importer's JSON record form. Fields other than these are ignored.")
  .meta({
    example: {
      url: "https://example.org/tin-tuc/hop-tac",
      title: "Việt Nam và Cuba bàn thêm về phòng, chống tội phạm mạng",
      published_at: "2025-08-16",
      text: "Ngày 15/8, tại Hà Nội, Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã hội đàm với Thượng tướng Lázaro Alberto Álvarez Casas, Bộ trưởng Bộ Nội vụ Cuba.",
    },
  });

const IngestResultSchema = z
  .object({
    status: z.enum(["imported", "updated", "unchanged"]).describe("imported: new; updated: its content changed since the last import; unchanged: nothing to do."),
    article_id: z.number().int(),
    source_key: z.string(),
    facts: z
      .object({ officials: z.number().int(), events: z.number().int(), agreements: z.number().int(), countries: z.number().int(), ministries: z.number().int() })
      .describe("How many facts were read from the article."),
    article: ArticleFactsSchema.describe("The article as stored, with every fact read from it (GET /v1/articles/{id} adds the text)."),
  })
  .meta({ id: "IngestResult" });

/** A Prisma error for a unique constraint: another request stored the same article at the same moment. */
function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}

export const articleWriteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/articles",
    {
      // Checked first, before the body is even read.
      onRequest: requireApiKey,
      schema: {
        tags: ["articles"],
        summary: "Ingest one article and return what was extracted",
        description:
          "Reads the article, extracts its facts and stores them, exactly as the importer does with a file. Idempotent: an article is identified by its URL " +
          "(else by its content), and posting it again unchanged does nothing (200). An article longer than the server's MAX_ARTICLE_CHARS " +
          "(200,000 characters of text by default; 10 times that of html) is refused with 413. Needs the API key (Authorization: Bearer <key> or X-API-Key).",
        security: API_KEY_SECURITY,
        body: ArticleRecordSchema,
        response: { 200: IngestResultSchema, 201: IngestResultSchema, ...problemResponses(400, 401, 409, 413, 415, 422, 503) },
      },
    },
    async (request, reply) => {
      const tooLong = recordTooLong(request.body, app.extraction.maxChars);
      if (tooLong) throw problem(413, `The article is ${tooLong}; send a shorter one, or raise MAX_ARTICLE_CHARS on the server.`);
      let result: StoreResult;
      try {
        result = await importRecord(app.prisma, request.body, { log: request.log as unknown as Logger, pool: app.extraction });
      } catch (err) {
        if (err instanceof InputError) throw unprocessable(`The article cannot be used: ${err.reason}.`);
        if (isUniqueViolation(err)) throw conflict("The same article was being stored by another request at the same moment; send it again.");
        throw err;
      }
      const article = await articleFacts(primaryReader(app.prisma), result.articleId, false);
      if (!article) throw new Error(`article ${result.articleId} vanished after it was stored`);
      reply.code(result.status === "unchanged" ? 200 : 201).header("location", `/v1/articles/${result.articleId}`);
      return { status: result.status, article_id: result.articleId, source_key: result.sourceKey, facts: result.facts, article };
    },
  );
};
