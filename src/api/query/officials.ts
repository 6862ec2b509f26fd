// Officials: the list's filters and name-ordered page, one official with
// their latest mentions, the paged list of every mention (what each article
// says of them), and their representation.
import type { Reader } from "../../db/reader.ts";
import { changedSince } from "./changes.ts";
import { countRows, EXACT_COUNT_LIMIT, plannedRows, type ListCount } from "./count.ts";
import type { CursorPosition } from "./cursor.ts";
import { countryJson, ministryJson, orNull, sourceJson, unitJson } from "./json.ts";
import { heldInWords, textContains } from "./text-contains.ts";
import { after, dateSortKey, direction, raw, rowCount, samePlan, sql, where, type Sql } from "./sql.ts";

export interface OfficialFilters {
  /** Name or alias, ignoring case and diacritics. */
  q?: string;
  country?: string;
  /** Officials some article places in this ministry. */
  ministry?: number;
  updatedSince?: Date;
}

/** How many of the latest mentions one official carries; the rest are paged at /officials/{id}/mentions. */
export const RECENT_MENTIONS = 5;

const country = sql`CASE WHEN c.code IS NULL THEN NULL ELSE ${countryJson("c")} END`;
// The counts are kept ready in official_counts (a busy official has thousands of links).
const eventCount = sql`coalesce((SELECT oc.events FROM official_counts oc WHERE oc.official_id = o.id), 0)`;
const mentionCount = sql`coalesce((SELECT oc.mentions FROM official_counts oc WHERE oc.official_id = o.id), 0)`;

/** The columns of `officials o` joined to its country (`officialFrom`). */
const columns = sql`o.id, o.name, ${country} AS country, o.name_en, o.name_native, o.aliases,
  ${eventCount} AS event_count, ${mentionCount} AS mention_count`;

/** An official and their country: a join, not a lookup per row, when a page has many. */
const officialFrom = sql`officials o LEFT JOIN countries c ON c.code = o.country_code`;

const latest = sql`(SELECT json_build_object('rank', om.rank, 'offices', om.offices, 'ministry', ${orNull("mi", ministryJson("mi"))}, 'observed_on', om.observed_on)
    FROM official_mentions om LEFT JOIN ministries mi ON mi.id = om.ministry_id
    WHERE om.official_id = o.id ORDER BY om.observed_from DESC NULLS LAST, om.article_id DESC LIMIT 1)`;

/**
 * An official of a list (`officialFrom`) as its JSON item's text, the fields
 * in the list schema's order: the API sends it as it comes, without decoding
 * and encoding it again.
 */
const listItem = sql`json_build_object('id', o.id, 'name', o.name, 'country', ${country}, 'name_en', o.name_en, 'name_native', o.name_native,
    'aliases', o.aliases, 'event_count', ${eventCount}, 'mention_count', ${mentionCount}, 'latest', ${latest})::text`;

/** A row of officialPage: the official's id, name (the sort key) and JSON item. */
export interface OfficialListRow {
  id: number;
  sort_key: string;
  item: string;
}

/** A mention (`official_mentions om`) as its JSON item, from `mentionJoins`. */
const mentionItem = sql`json_build_object(
    'observed_on', om.observed_on, 'name_as_written', om.name_as_written, 'rank', om.rank, 'rank_code', om.rank_code,
    'offices', om.offices, 'ministry', ${orNull("mi", ministryJson("mi"))}, 'unit', ${orNull("u", unitJson("u"))},
    'sentence', om.sentence, 'source', ${sourceJson("ar")})`;

/** The mention's article, ministry and unit, for mentionItem. */
const mentionJoins = sql`JOIN articles ar ON ar.id = om.article_id
    LEFT JOIN ministries mi ON mi.id = om.ministry_id LEFT JOIN units u ON u.id = om.unit_id`;

/**
 * The official with their latest mentions, newest first (the first page of
 * their mentions): the walk of official_mentions_latest_idx, as `latest` is.
 */
function officialDetailSql(id: number): Sql {
  return samePlan(sql`SELECT ${columns},
    coalesce((SELECT json_agg(r.item ORDER BY r.observed_from DESC NULLS LAST, r.article_id DESC) FROM (
        SELECT om.observed_from, om.article_id, ${mentionItem} AS item
        FROM official_mentions om ${mentionJoins}
        WHERE om.official_id = o.id ORDER BY om.observed_from DESC NULLS LAST, om.article_id DESC LIMIT ${rowCount(RECENT_MENTIONS)}) r), '[]'::json) AS recent_mentions
    FROM ${officialFrom} WHERE o.id = ${id}`);
}

export async function officialExists(db: Reader, id: number): Promise<boolean> {
  const rows = await db.query<unknown>(sql`SELECT 1 FROM officials WHERE id = ${id}`);
  return rows.length > 0;
}

function conditions(f: OfficialFilters): Sql[] {
  const c: Sql[] = [];
  if (f.q !== undefined) {
    // No official's name holds it, so no official: told by the names before any official is read.
    const held = heldInWords("official_names", f.q);
    if (held) c.push(held);
    c.push(textContains(sql`o.search_folded`, f.q));
  }
  if (f.country !== undefined) c.push(sql`o.country_code = ${f.country}`);
  if (f.ministry !== undefined) c.push(sql`EXISTS (SELECT 1 FROM official_mentions m WHERE m.official_id = o.id AND m.ministry_id = ${f.ministry})`);
  if (f.updatedSince !== undefined) c.push(changedSince("official", sql`o.id`, f.updatedSince));
  return c;
}

/**
 * One page in name order (limit + 1 rows), each with its latest rank and
 * offices, and how many officials match. A first page counts its matches in
 * the same statement when they are few (at most EXACT_COUNT_LIMIT; counting
 * stops there) and then sorts only them: the rows a name search finds are
 * read once, and nothing is planned twice. More matches are estimated by
 * the planner and their page read on its own; a later page is counted beside
 * it (countRows). The matches are read back by id as an array (one index
 * probe each): as `IN (SELECT …)`, a match count guessed high makes the
 * planner join them to every official.
 */
export async function officialPage(db: Reader, f: OfficialFilters, position: CursorPosition | null, limit: number) {
  const fromWhere = sql`FROM officials o ${where(conditions(f))}`;
  const page = (filter: Sql[]) =>
    sql`SELECT o.id, o.name AS sort_key, ${listItem} AS item FROM ${officialFrom} ${where(filter)} ORDER BY o.name, o.id LIMIT ${limit + 1}`;
  if (position) {
    const cursor = after(sql`o.name`, sql`o.id`, { key: sql`${position.key}`, id: position.id }, false);
    const [rows, count] = await Promise.all([db.query<OfficialListRow>(page([...conditions(f), cursor])), countRows(db, fromWhere)]);
    return { rows, count };
  }
  type Counted = OfficialListRow & { total: number };
  const read = await db.query<Counted>(sql`WITH m AS MATERIALIZED (SELECT o.id ${fromWhere} LIMIT ${EXACT_COUNT_LIMIT + 1}),
      t AS (SELECT count(*)::int AS total FROM m)
    SELECT p.*, t.total FROM t LEFT JOIN LATERAL (${page([sql`o.id = ANY (ARRAY(SELECT id FROM m))`, sql`t.total <= ${EXACT_COUNT_LIMIT}`])}) p ON true
    ORDER BY p.sort_key, p.id`);
  const total = read[0]?.total ?? 0;
  if (total <= EXACT_COUNT_LIMIT) {
    const rows = read.filter((r) => r.id !== null).map(({ total: _, ...row }): OfficialListRow => row);
    return { rows, count: { count: total, estimated: false } satisfies ListCount };
  }
  const [rows, estimate] = await Promise.all([db.query<OfficialListRow>(page(conditions(f))), plannedRows(db, fromWhere)]);
  return { rows, count: { count: Math.max(EXACT_COUNT_LIMIT + 1, estimate), estimated: true } satisfies ListCount };
}

export async function officialById<T>(db: Reader, id: number): Promise<T | null> {
  const [row] = await db.query<T>(officialDetailSql(id));
  return row ?? null;
}

/** A row of mentionPageSql: the page's mentions (none: one row of nulls), each with the official's mention count. */
type MentionRow<T> = { found: boolean; total: number; article_id: number | null; sort_key: string | null; item: T | null };

/**
 * The article ids and sort keys of one page of an official's mentions (limit
 * + 1 rows): by date, undated last either way, ties by article. Dated and
 * undated mentions are walked apart on official_mentions_latest_idx (forward
 * newest first, backward oldest first), from the cursor on, so that a page
 * reads its own entries of the index and not the official's others.
 */
function mentionKeysSql(official: number, desc: boolean, position: CursorPosition | null, limit: number): Sql {
  const dir = direction(desc);
  const undatedKey = desc ? "-infinity" : "infinity";
  const undatedCursor = position !== null && position.key === undatedKey;
  const dated: Sql[] = [sql`om.official_id = ${official}`, sql`om.observed_from IS NOT NULL`];
  const undated: Sql[] = [sql`om.official_id = ${official}`, sql`om.observed_from IS NULL`];
  if (position && !undatedCursor) dated.push(after(sql`om.observed_from`, sql`om.article_id`, { key: sql`${position.key}::date`, id: position.id }, desc));
  if (undatedCursor) undated.push(desc ? sql`om.article_id < ${position.id}` : sql`om.article_id > ${position.id}`);
  const datedWalk = sql`SELECT om.article_id, om.observed_from AS sort_key FROM official_mentions om ${where(dated)}
    ORDER BY om.observed_from ${desc ? raw("DESC NULLS LAST") : raw("ASC NULLS FIRST")}, om.article_id ${dir} LIMIT ${rowCount(limit + 1)}`;
  const undatedWalk = sql`SELECT om.article_id, NULL::date AS sort_key FROM official_mentions om ${where(undated)}
    ORDER BY om.article_id ${dir} LIMIT ${rowCount(limit + 1)}`;
  const walks = undatedCursor ? sql`(${undatedWalk})` : sql`(${datedWalk}) UNION ALL (${undatedWalk})`;
  return sql`SELECT k.article_id, ${dateSortKey(sql`k.sort_key`, desc)} AS sort_key FROM (${walks}) k
    ORDER BY k.sort_key ${dir} NULLS LAST, k.article_id ${dir} LIMIT ${rowCount(limit + 1)}`;
}

/**
 * One page of an official's mentions (limit + 1 rows) with, in the same
 * statement, whether the official exists and how many mentions they have
 * (exact: kept in official_counts). Only the page's
 * rows are read. Every step is a walk of one official's index entries, the
 * same plan whatever the official: planned once per connection (samePlan).
 */
function mentionPageSql(official: number, desc: boolean, position: CursorPosition | null, limit: number): Sql {
  const dir = direction(desc);
  return samePlan(sql`SELECT t.found, t.total, p.article_id, p.sort_key::text AS sort_key, p.item
    FROM (SELECT EXISTS (SELECT 1 FROM officials WHERE id = ${official}) AS found,
        coalesce((SELECT mentions FROM official_counts WHERE official_id = ${official}), 0) AS total) t
    LEFT JOIN LATERAL (
      SELECT page.article_id, page.sort_key, ${mentionItem} AS item
      FROM (${mentionKeysSql(official, desc, position, limit)}) page
      JOIN official_mentions om ON om.official_id = ${official} AND om.article_id = page.article_id
      ${mentionJoins}) p ON true
    ORDER BY p.sort_key ${dir}, p.article_id ${dir}`);
}

/** One page of an official's mentions with their count, or null when there is no such official. */
export async function mentionPage<T>(db: Reader, official: number, desc: boolean, position: CursorPosition | null, limit: number) {
  const read = await db.query<MentionRow<T>>(mentionPageSql(official, desc, position, limit));
  if (!read[0]?.found) return null;
  const rows = read.filter((r): r is MentionRow<T> & { article_id: number; item: T } => r.article_id !== null);
  return { rows, count: { count: read[0].total, estimated: false } satisfies ListCount };
}
