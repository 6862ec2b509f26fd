import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../problem.ts";
import { search, SEARCH_KINDS, type SearchKind } from "../query/search.ts";
import { Limit, NO_NUL, noNul, queryObject, repeatable, UpdatedSince } from "../schemas/params.ts";

const KINDS = SEARCH_KINDS;
type Kind = SearchKind;

const PATHS: Record<Kind, string> = {
  official: "officials",
  ministry: "ministries",
  country: "countries",
  event: "events",
  agreement: "agreements",
};

export const SearchHitSchema = z
  .object({
    type: z.enum(KINDS).describe("What kind of thing matched."),
    id: z.union([z.number().int(), z.string()]).describe("Its id: a number, or the ISO code for a country."),
    label: z.string().describe("Its name, title or summary."),
    detail: z.string().nullable().describe("A few words to tell similar hits apart."),
    score: z
      .number()
      .describe("1 when the text contains the query (ignoring case and diacritics), else (officials, ministries and countries) the trigram word similarity of the query to the name, 0 to 1."),
    href: z.string().describe("The API path of the full resource."),
  })
  .meta({ id: "SearchHit", example: { type: "official", id: 1, label: "Tô Lâm", detail: "Việt Nam", score: 1, href: "/v1/officials/1" } });

const SearchQuery = queryObject({
  q: z
    .string()
    .trim()
    .min(2, "must be at least 2 characters")
    .max(200, "must be at most 200 characters")
    .refine(noNul, NO_NUL)
    .describe('What to look for, ignoring case and diacritics and tolerating typos ("to lam", "Lazaro Alvares").')
    .meta({ example: "to lam" }),
  type: repeatable(z.enum(KINDS, { error: `must be one of ${KINDS.join(", ")}` }))
    .optional()
    .describe(`Only these kinds of results; repeat it for several. One of ${KINDS.join(", ")}.`),
  limit: Limit(100, 20),
  updated_since: UpdatedSince,
});

const SearchResultSchema = z
  .object({
    data: z.array(SearchHitSchema),
    meta: z.object({ count: z.number().int().describe("How many hits are returned (the best ones, up to limit)."), next_cursor: z.null() }),
  })
  .meta({ id: "SearchResults" });

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/search",
    {
      schema: {
        tags: ["search"],
        operationId: "search",
        summary: "Search officials, ministries, countries, events and agreements",
        description:
          "One box across the knowledge base, best matches first. Case, diacritics and đ are ignored; small typos in the name of an official, ministry or country are tolerated (pg_trgm word similarity); events and agreements are found by the text they contain.",
        querystring: SearchQuery,
        response: { 200: SearchResultSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const kinds = request.query.type ? [...new Set(request.query.type)] : [...KINDS];
      const rows = await search(app.db, q, kinds, limit, request.query.updated_since);
      const data = rows.map((r) => {
        const id = r.code ?? r.num_id!;
        return { type: r.type, id, label: r.label, detail: r.detail || null, score: r.score, href: `/v1/${PATHS[r.type]}/${id}` };
      });
      return { data, meta: { count: data.length, next_cursor: null } };
    },
  );
};
