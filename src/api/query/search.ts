// /v1/search: one box across officials, ministries, countries, events and
// agreements. A hit that contains the query (ignoring case and diacritics)
// scores 1; otherwise, for typos, pg_trgm's word similarity when it reaches
// the threshold. Best first; among equal scores by kind, then shorter labels.
// Each kind gives only its best `limit` hits: those containing the query come
// shortest label first straight from an index on the label's length, and the
// (costly) similar ones are looked for only when fewer than `limit` contain it:
// a first statement reads the hits that contain the query, and only when they
// are too few does a second one add the similar ones (planning the similarity
// of every kind costs more than reading a common word's hits).
import type { Reader } from "../../db/reader.ts";
import { changedSince } from "./changes.ts";
import { escapeLike, join, normalizeQuery, raw, sql, type Sql } from "./sql.ts";

export const SEARCH_KINDS = ["official", "ministry", "country", "event", "agreement"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Among equal scores: countries, then officials, ministries, agreements and events. */
const KIND_ORDER = ["country", "official", "ministry", "agreement", "event"];

export interface SearchRow {
  type: SearchKind;
  num_id: number | null;
  code: string | null;
  label: string;
  detail: string | null;
  score: number;
}

interface KindSql {
  /** `FROM …` with the table's alias. */
  from: Sql;
  /** The indexed folded text. */
  folded: Sql;
  /** type, num_id, code, label and detail. */
  columns: Sql;
  label: Sql;
  id: Sql;
}

const KINDS: Record<SearchKind, KindSql> = {
  official: {
    from: sql`FROM officials o`,
    folded: sql`hoptac_fold(o.search_text)`,
    columns: sql`'official' AS type, o.id AS num_id, NULL AS code, o.name AS label, (SELECT c.name_vi FROM countries c WHERE c.code = o.country_code) AS detail`,
    label: sql`length(o.name)`,
    id: sql`o.id`,
  },
  ministry: {
    from: sql`FROM ministries mi`,
    folded: sql`hoptac_fold(mi.name_vi || ' ' || coalesce(mi.name_en, ''))`,
    columns: sql`'ministry' AS type, mi.id AS num_id, NULL AS code, mi.name_vi AS label,
      concat_ws(' · ', mi.name_en, (SELECT c.name_vi FROM countries c WHERE c.code = mi.country_code)) AS detail`,
    label: sql`length(mi.name_vi)`,
    id: sql`mi.id`,
  },
  country: {
    from: sql`FROM countries c`,
    folded: sql`hoptac_fold(c.name_vi || ' ' || c.name_en)`,
    columns: sql`'country' AS type, NULL::int AS num_id, c.code::text AS code, c.name_vi AS label, c.name_en AS detail`,
    label: sql`length(c.name_vi)`,
    id: sql`c.code`,
  },
  event: {
    from: sql`FROM events e`,
    folded: sql`e.search_folded`,
    columns: sql`'event' AS type, e.id AS num_id, NULL AS code, e.summary AS label, concat_ws(' · ', e.type::text, e.start, e.place) AS detail`,
    label: sql`length(e.summary)`,
    id: sql`e.id`,
  },
  agreement: {
    from: sql`FROM agreements a`,
    folded: sql`hoptac_fold(a.search_text)`,
    columns: sql`'agreement' AS type, a.id AS num_id, NULL AS code, a.title AS label, concat_ws(' · ', a.type::text, a.signed) AS detail`,
    label: sql`length(a.title)`,
    id: sql`a.id`,
  },
};

/**
 * The partial index predicate of events_search_label_idx (written out
 * literally so that the planner matches it): the events whose summary and
 * folded text fit in an index row, nearly all. The index walks them by the
 * summary's length and tests the text without reading the rows; the others
 * (few) are walked apart on events_search_label_long_idx
 * (migration 20261204100000_search_label_walks).
 */
const LABEL_CARRIED = "octet_length(e.summary) + octet_length(e.search_folded) <= 2400";
const LABEL_LONG = "octet_length(e.summary) + octet_length(e.search_folded) > 2400";

/** Which parts of the search a statement reads. */
type Parts = { similar: boolean };

export function searchSql(q: string, kinds: readonly SearchKind[], limit: number, updatedSince: Date | undefined, parts: Parts): Sql {
  const text = normalizeQuery(q);
  // Only records changed since then (updated_since), tested before each kind keeps its best.
  const recent = (kind: SearchKind) => (updatedSince ? sql` AND ${changedSince(kind, KINDS[kind].id, updatedSince)}` : sql``);
  const query = sql`hoptac_fold(${text})`;
  const contains = (k: KindSql) => sql`${k.folded} LIKE '%' || hoptac_fold(${escapeLike(text)}) || '%'`;
  // A two-letter query may also be an ISO code ("cu"), scored by its similarity like a typo.
  const code = (kind: SearchKind) => (kind === "country" && /^[A-Za-z]{2}$/.test(text) ? sql` OR c.code = ${text.toUpperCase()}` : sql``);
  const exact = kinds.map((kind) => {
    const k = KINDS[kind];
    if (kind === "event") {
      // The ids first, from index-only walks, then only their rows.
      const walk = (part: string) =>
        sql`(SELECT e.id, length(e.summary) AS len FROM events e WHERE ${contains(k)}${recent(kind)} AND ${raw(part)} ORDER BY length(e.summary), e.id LIMIT ${limit})`;
      return sql`(SELECT ${k.columns}, 1::float8 AS score
        FROM (SELECT * FROM (${walk(LABEL_CARRIED)} UNION ALL ${walk(LABEL_LONG)}) w ORDER BY w.len, w.id LIMIT ${limit}) x
        JOIN events e ON e.id = x.id ORDER BY x.len, x.id)`;
    }
    return sql`(SELECT ${k.columns}, 1::float8 AS score ${k.from} WHERE ${contains(k)}${recent(kind)} ORDER BY ${k.label}, ${k.id} LIMIT ${limit})`;
  });
  const order = sql`ORDER BY hits.score DESC, array_position(${KIND_ORDER}::text[], hits.type), length(hits.label), num_id, code LIMIT ${limit}`;
  if (!parts.similar) {
    return sql`SELECT type, num_id, code, label, detail, round(score::numeric, 3)::float8 AS score FROM (${join(exact, " UNION ALL ")}) hits ${order}`;
  }
  const similar = kinds.map((kind) => {
    const k = KINDS[kind];
    return sql`(SELECT ${k.columns}, word_similarity(${query}, ${k.folded}) AS score ${k.from}
      WHERE (SELECT count(*) FROM exact) < ${limit} AND (${query} <% ${k.folded}${code(kind)}) AND NOT ${contains(k)}${recent(kind)}
      ORDER BY score DESC, ${k.label}, ${k.id} LIMIT ${limit})`;
  });
  return sql`WITH exact AS MATERIALIZED (${join(exact, " UNION ALL ")})
    SELECT type, num_id, code, label, detail, round(score::numeric, 3)::float8 AS score FROM (
      SELECT * FROM exact UNION ALL ${join(similar, " UNION ALL ")}
    ) hits ${order}`;
}

/**
 * The best `limit` hits: those containing the query, and only when fewer
 * than `limit` do, a second statement with the similar ones too.
 */
export async function search(db: Reader, q: string, kinds: readonly SearchKind[], limit: number, updatedSince?: Date): Promise<SearchRow[]> {
  const contained = await db.query<SearchRow>(searchSql(q, kinds, limit, updatedSince, { similar: false }));
  if (contained.length >= limit) return contained;
  return db.query<SearchRow>(searchSql(q, kinds, limit, updatedSince, { similar: true }));
}
