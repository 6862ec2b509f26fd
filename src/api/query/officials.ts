// Officials: the list's filters and name-ordered page, one official with the
// timeline of what each article says of them, and their representation.
import type { Reader } from "../../db/reader.ts";
import { changedSince } from "./changes.ts";
import { countRows, type ListCount } from "./count.ts";
import type { CursorPosition } from "./cursor.ts";
import { countryJson, ministryJson, orNull, sourceJson, unitJson } from "./json.ts";
import { after, foldedContains, sql, where, type Sql } from "./sql.ts";

export interface OfficialFilters {
  /** Name or alias, ignoring case and diacritics. */
  q?: string;
  country?: string;
  /** Officials some article places in this ministry. */
  ministry?: number;
  updatedSince?: Date;
}

const columns = sql`o.id, o.name, (SELECT ${countryJson("c")} FROM countries c WHERE c.code = o.country_code) AS country,
  o.name_en, o.name_native, o.aliases,
  (SELECT count(*)::int FROM event_participants ep WHERE ep.official_id = o.id) AS event_count,
  (SELECT count(*)::int FROM official_mentions om WHERE om.official_id = o.id) AS mention_count`;

const latest = sql`(SELECT json_build_object('rank', om.rank, 'offices', om.offices, 'observed_on', om.observed_on, 'ministry', ${orNull("mi", ministryJson("mi"))})
    FROM official_mentions om LEFT JOIN ministries mi ON mi.id = om.ministry_id
    WHERE om.official_id = o.id ORDER BY om.observed_from DESC NULLS LAST, om.article_id DESC LIMIT 1) AS latest`;

/** The official with the timeline of what each article says of them. */
function officialDetailSql(id: number): Sql {
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

export async function officialExists(db: Reader, id: number): Promise<boolean> {
  const rows = await db.query<unknown>(sql`SELECT 1 FROM officials WHERE id = ${id}`);
  return rows.length > 0;
}

function conditions(f: OfficialFilters): Sql[] {
  const c: Sql[] = [];
  if (f.q !== undefined) c.push(foldedContains(sql`hoptac_fold(o.search_text)`, f.q));
  if (f.country !== undefined) c.push(sql`o.country_code = ${f.country}`);
  if (f.ministry !== undefined) c.push(sql`EXISTS (SELECT 1 FROM official_mentions m WHERE m.official_id = o.id AND m.ministry_id = ${f.ministry})`);
  if (f.updatedSince !== undefined) c.push(changedSince("official", sql`o.id`, f.updatedSince));
  return c;
}

export function countOfficials(db: Reader, f: OfficialFilters): Promise<ListCount> {
  return countRows(db, sql`FROM officials o ${where(conditions(f))}`);
}

/** One page in name order (limit + 1 rows), each with its latest rank and offices. */
export function officialPage<T>(db: Reader, f: OfficialFilters, position: CursorPosition | null, limit: number): Promise<(T & { sort_key: string })[]> {
  const cursor = position ? [after(sql`o.name`, sql`o.id`, { key: sql`${position.key}`, id: position.id }, false)] : [];
  return db.query<T & { sort_key: string }>(sql`
    SELECT ${columns}, ${latest}, o.name AS sort_key
    FROM officials o ${where([...conditions(f), ...cursor])} ORDER BY o.name, o.id LIMIT ${limit + 1}`);
}

export async function officialById<T>(db: Reader, id: number): Promise<T | null> {
  const [row] = await db.query<T>(officialDetailSql(id));
  return row ?? null;
}
