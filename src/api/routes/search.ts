import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../problem.ts";
import { escapeLike, join, normalizeQuery, sql, type Sql } from "../query/sql.ts";
import { Limit, NO_NUL, noNul, queryObject, repeatable } from "../schemas/params.ts";

const KINDS = ["official", "ministry", "country", "event", "agreement"] as const;
type Kind = (typeof KINDS)[number];

export const SearchHitSchema = z
  .object({
    type: z.enum(KINDS).describe("What kind of thing matched."),
    id: z.union([z.number().int(), z.string()]).describe("Its id: a number, or the ISO code for a country."),
    label: z.string().describe("Its name, title or summary."),
    detail: z.string().nullable().describe("A few words to tell similar hits apart."),
    score: z
      .number()
      .describe("1 when the text contains the query (ignoring case and diacritics), else the trigram word similarity of the query to it, 0 to 1."),
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
});

const SearchResultSchema = z
  .object({
    data: z.array(SearchHitSchema),
    meta: z.object({ count: z.number().int().describe("How many hits are returned (the best ones, up to limit)."), next_cursor: z.null() }),
  })
  .meta({ id: "SearchResults" });

/**
 * One branch per kind of thing. `folded` is the indexed expression (the trigram
 * index is on exactly it); a row matches when it contains the query or, for
 * typos, when the query's word similarity to it reaches pg_trgm's threshold.
 */
function branch(kind: Kind, q: string): Sql {
  const query = sql`hoptac_fold(${q})`;
  const pattern = sql`'%' || hoptac_fold(${escapeLike(q)}) || '%'`;
  const match = (folded: Sql) => sql`(${folded} LIKE ${pattern} OR ${query} <% ${folded})`;
  // A hit that contains the query scores 1 without computing the (costly) similarity.
  const score = (folded: Sql) => sql`CASE WHEN ${folded} LIKE ${pattern} THEN 1 ELSE word_similarity(${query}, ${folded}) END AS score`;
  switch (kind) {
    case "official": {
      const folded = sql`hoptac_fold(o.search_text)`;
      return sql`SELECT 'official' AS type, o.id AS num_id, NULL AS code, o.name AS label,
          (SELECT c.name_vi FROM countries c WHERE c.code = o.country_code) AS detail, ${score(folded)}
        FROM officials o WHERE ${match(folded)}`;
    }
    case "ministry": {
      const folded = sql`hoptac_fold(mi.name_vi || ' ' || coalesce(mi.name_en, ''))`;
      return sql`SELECT 'ministry' AS type, mi.id AS num_id, NULL AS code, mi.name_vi AS label,
          concat_ws(' · ', mi.name_en, (SELECT c.name_vi FROM countries c WHERE c.code = mi.country_code)) AS detail, ${score(folded)}
        FROM ministries mi WHERE ${match(folded)}`;
    }
    case "country": {
      const folded = sql`hoptac_fold(c.name_vi || ' ' || c.name_en)`;
      // A two-letter query may also be an ISO code ("cu").
      const code = /^[A-Za-z]{2}$/.test(q) ? sql` OR c.code = ${q.toUpperCase()}` : sql``;
      return sql`SELECT 'country' AS type, NULL AS num_id, c.code::text AS code, c.name_vi AS label, c.name_en AS detail, ${score(folded)}
        FROM countries c WHERE ${match(folded)}${code}`;
    }
    case "event": {
      const folded = sql`e.search_folded`;
      return sql`SELECT 'event' AS type, e.id AS num_id, NULL AS code, e.summary AS label,
          concat_ws(' · ', e.type::text, e.start, e.place) AS detail, ${score(folded)}
        FROM events e WHERE ${match(folded)}`;
    }
    case "agreement": {
      const folded = sql`hoptac_fold(a.search_text)`;
      return sql`SELECT 'agreement' AS type, a.id AS num_id, NULL AS code, a.title AS label,
          concat_ws(' · ', a.type::text, a.signed) AS detail, ${score(folded)}
        FROM agreements a WHERE ${match(folded)}`;
    }
  }
}

/** Among equal scores: countries, then officials, ministries, agreements and events; shorter labels first. */
const KIND_ORDER = ["country", "official", "ministry", "agreement", "event"];

const PATHS: Record<Kind, string> = {
  official: "officials",
  ministry: "ministries",
  country: "countries",
  event: "events",
  agreement: "agreements",
};

export function searchSql(q: string, kinds: readonly Kind[], limit: number): Sql {
  const text = normalizeQuery(q);
  return sql`SELECT type, num_id, code, label, detail, round(score::numeric, 3)::float8 AS score FROM (
      ${join(kinds.map((k) => sql`(${branch(k, text)})`), " UNION ALL ")}
    ) hits ORDER BY hits.score DESC, array_position(${KIND_ORDER}::text[], hits.type), length(hits.label), num_id, code LIMIT ${limit}`;
}

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/search",
    {
      schema: {
        tags: ["search"],
        summary: "Search officials, ministries, countries, events and agreements",
        description:
          "One box across the knowledge base, best matches first. Case, diacritics and đ are ignored; small typos are tolerated (pg_trgm word similarity).",
        querystring: SearchQuery,
        response: { 200: SearchResultSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const kinds = request.query.type ? [...new Set(request.query.type)] : [...KINDS];
      const rows = await app.db.query<{ type: Kind; num_id: number | null; code: string | null; label: string; detail: string | null; score: number }>(
        searchSql(q, kinds, limit),
      );
      const data = rows.map((r) => {
        const id = r.code ?? r.num_id!;
        return { type: r.type, id, label: r.label, detail: r.detail || null, score: r.score, href: `/v1/${PATHS[r.type]}/${id}` };
      });
      return { data, meta: { count: data.length, next_cursor: null } };
    },
  );
};
