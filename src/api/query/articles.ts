// Articles: the list (newest publication first) with each article's fact
// counts, and one article with every fact read from it.
import type { z } from "zod";
import type { Reader } from "../../db/reader.ts";
import { AGREEMENT_TYPE_LABELS, EVENT_TYPE_LABELS } from "../routes/labels.ts";
import type { ArticleDetailSchema } from "../routes/articles.ts";
import { changedSince } from "./changes.ts";
import { countRows, type ListCount } from "./count.ts";
import type { CursorPosition } from "./cursor.ts";
import { countryJson, ministryJson, orNull, unitJson } from "./json.ts";
import { pageBody, pageBodySql, type PageBody, type PageBodyRow } from "./page-body.ts";
import { sql, where, type Sql } from "./sql.ts";

export interface ArticleFilters {
  /** Articles naming all these countries as parties. */
  countries?: string[];
  ministry?: number;
  /** Articles describing this official. */
  official?: number;
  updatedSince?: Date;
}

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

function conditions(f: ArticleFilters): Sql[] {
  const c: Sql[] = [];
  for (const code of new Set(f.countries ?? [])) {
    c.push(sql`EXISTS (SELECT 1 FROM article_countries ac WHERE ac.article_id = a.id AND ac.country_code = ${code})`);
  }
  if (f.ministry !== undefined) c.push(sql`EXISTS (SELECT 1 FROM article_ministries am WHERE am.article_id = a.id AND am.ministry_id = ${f.ministry})`);
  if (f.official !== undefined) c.push(sql`EXISTS (SELECT 1 FROM official_mentions om WHERE om.article_id = a.id AND om.official_id = ${f.official})`);
  if (f.updatedSince !== undefined) c.push(changedSince("article", sql`a.id`, f.updatedSince));
  return c;
}

export function countArticles(db: Reader, f: ArticleFilters): Promise<ListCount> {
  return countRows(db, sql`FROM articles a ${where(conditions(f))}`);
}

/**
 * An article of a list as its item's JSON text, the fields in the list
 * schema's order: the same text as articlePage's row serialized (by the
 * list's schema, or as JSON with select=).
 */
const listItem = sql`(SELECT row_to_json(r)::text FROM (SELECT a.id, a.source_key, a.file, a.url, a.outlet, a.title, a.published_at,
    a.published_precision, a.imported_at, a.updated_at, (SELECT row_to_json(c) FROM (SELECT
      (SELECT count(*) FROM official_mentions om WHERE om.article_id = a.id) AS officials,
      (SELECT count(*) FROM event_sources es WHERE es.article_id = a.id) AS events,
      (SELECT count(*) FROM agreement_sources s WHERE s.article_id = a.id) AS agreements,
      (SELECT count(*) FROM article_countries ac WHERE ac.article_id = a.id) AS countries,
      (SELECT count(*) FROM article_ministries am WHERE am.article_id = a.id) AS ministries) c) AS counts) r)`;

/** One page as its items' JSON (page-body.ts), in articlePage's order. */
export async function articleBodyPage(db: Reader, f: ArticleFilters, position: CursorPosition | null, limit: number): Promise<PageBody | null> {
  const [row] = await db.query<PageBodyRow>(
    pageBodySql(
      sql`SELECT page.*, row_number() OVER (ORDER BY page.sort_key DESC, page.id DESC) AS i
        FROM (SELECT a.id, ${sortKey} AS sort_key, ${listItem} AS item FROM articles a ${where(articlePageConditions(f, position))}
          ORDER BY ${sortKey} DESC, a.id DESC LIMIT ${limit + 1}) page`,
      limit,
    ),
  );
  return pageBody(row);
}

function articlePageConditions(f: ArticleFilters, position: CursorPosition | null): Sql[] {
  const cursor = position ? [sql`(${sortKey}, a.id) < (${position.key} COLLATE "C", ${position.id})`] : [];
  return [...conditions(f), ...cursor];
}

/** One page, newest publication first (limit + 1 rows), with each article's fact counts. */
export function articlePage<T>(db: Reader, f: ArticleFilters, position: CursorPosition | null, limit: number): Promise<(T & { sort_key: string })[]> {
  return db.query<T & { sort_key: string }>(sql`
    SELECT ${metadata}, ${sortKey} AS sort_key FROM articles a ${where(articlePageConditions(f, position))}
    ORDER BY ${sortKey} DESC, a.id DESC LIMIT ${limit + 1}`);
}
