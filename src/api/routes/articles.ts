import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { primaryReader } from "../../db/reader.ts";
import type { Logger } from "pino";
import { recordTooLong } from "../../import/limits.ts";
import { isWebUrl, NOT_WEB_URL } from "../../import/readers/url.ts";
import { importRecord, InputError, type StoreResult } from "../../import/run.ts";
import { API_KEY_SECURITY, requireApiKey } from "../auth.ts";
import { sendList } from "../list-bytes.ts";
import { pageBytes } from "../query/page-body.ts";
import { conflict, notFound, problem, problemResponses, unprocessable } from "../problem.ts";
import { articleBodyPage, articleFacts, articlePage, countArticles } from "../query/articles.ts";
import { countMeta } from "../query/count.ts";
import { pick, selectParam, sendSelected } from "../query/select.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { CountryCode, Cursor, Id, IdParams, Limit, NO_NUL, noNul, queryObject, repeatable, UpdatedSince } from "../schemas/params.ts";
import {
  AgreementTypeSchema, CountryRefSchema, DatePrecisionSchema, EventTypeSchema, LabelSchema, listOf, MinistryRefSchema, OfficialRefSchema, UnitRefSchema,
} from "../schemas/resources.ts";

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

const ArticleListSchema = listOf(ArticleSchema).meta({ id: "ArticleList" });
type ArticleList = z.infer<typeof ArticleListSchema>;

const ArticleListQuery = queryObject({
  country: repeatable(CountryCode).optional().describe("Articles naming all these countries as parties (ISO codes).").meta({ example: ["CU"] }),
  ministry: Id.optional().describe("Articles naming this ministry (its id)."),
  official: Id.optional().describe("Articles describing this official (their id)."),
  updated_since: UpdatedSince,
  limit: Limit(200, 50),
  cursor: Cursor.optional(),
  select: selectParam(Object.keys(ArticleSchema.shape)),
});

export const articleReadRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/articles",
    {
      schema: {
        tags: ["articles"],
        summary: "List articles",
        description: "The imported articles, newest publication first (undated ones last), with how many facts each gave.",
        querystring: ArticleListQuery,
        response: { 200: ArticleListSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      sendSelected(reply, request.query.select);
      const { country, ministry, official, limit, cursor } = request.query;
      const filters = { countries: country, ministry, official, updatedSince: request.query.updated_since };
      const position = cursor === undefined ? null : decodeCursor(cursor, "articles", "-date", (k) => k !== null);
      const counted = countArticles(app.db, filters);
      counted.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
      if (!request.query.select) {
        const body = await articleBodyPage(app.db, filters, position, limit);
        if (body) {
          return sendList<ArticleList>(reply, pageBytes(body, limit, "articles", "-date", await counted));
        }
      }
      const [rows, total] = await Promise.all([articlePage<z.infer<typeof ArticleSchema>>(app.db, filters, position, limit), counted]);
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
