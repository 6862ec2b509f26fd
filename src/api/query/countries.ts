// Countries: the list (by code) with each country's counts, one country, and
// a country's timeline of events per year and type.
import type { Reader } from "../../db/reader.ts";
import { EVENT_TYPES, type EventTypeCode } from "../routes/labels.ts";
import { changedSince } from "./changes.ts";
import type { CursorPosition } from "./cursor.ts";
import type { EventFilters } from "./events.ts";
import { sql, where, type Sql } from "./sql.ts";
import { foldedContains } from "./text-contains.ts";
import { yearTypeSql } from "./stats.ts";

export interface CountryFilters {
  /** Name in Vietnamese or English, ignoring case and diacritics. */
  q?: string;
  /** Only countries the knowledge base has facts about. */
  involved?: boolean;
  updatedSince?: Date;
}

const countryColumns = sql`c.code::text AS code, c.name_vi, c.name_en, c.aliases, json_build_object(
    'events', (SELECT coalesce(sum(r.events), 0)::int FROM event_rollup_totals_current r WHERE r.scope = '' AND r.dim = 'country' AND r.key = c.code::text),
    'officials', (SELECT count(*)::int FROM officials o WHERE o.country_code = c.code),
    'ministries', (SELECT count(*)::int FROM ministries m WHERE m.country_code = c.code),
    'agreements', (SELECT count(DISTINCT ap.agreement_id)::int FROM agreement_parties ap WHERE ap.country_code = c.code),
    'articles', (SELECT count(*)::int FROM article_countries ac WHERE ac.country_code = c.code)) AS counts`;

const involved = sql`(EXISTS (SELECT 1 FROM event_countries ec WHERE ec.country_code = c.code)
  OR EXISTS (SELECT 1 FROM officials o WHERE o.country_code = c.code)
  OR EXISTS (SELECT 1 FROM ministries m WHERE m.country_code = c.code)
  OR EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.country_code = c.code)
  OR EXISTS (SELECT 1 FROM article_countries ac WHERE ac.country_code = c.code))`;

function conditions(f: CountryFilters): Sql[] {
  const c: Sql[] = [];
  if (f.q !== undefined) c.push(foldedContains(sql`c.search_folded`, f.q));
  if (f.involved) c.push(involved);
  if (f.updatedSince !== undefined) c.push(changedSince("country", sql`c.code`, f.updatedSince));
  return c;
}

/** How many countries match (they are few: always exact). */
export async function countCountries(db: Reader, f: CountryFilters): Promise<number> {
  const [row] = await db.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM countries c ${where(conditions(f))}`);
  return row?.count ?? 0;
}

/** One page by code (limit + 1 rows). */
export function countryPage<T>(db: Reader, f: CountryFilters, position: CursorPosition | null, limit: number): Promise<T[]> {
  const cursor = position ? [sql`c.code > ${position.key}`] : [];
  return db.query<T>(sql`SELECT ${countryColumns} FROM countries c ${where([...conditions(f), ...cursor])} ORDER BY c.code LIMIT ${limit + 1}`);
}

export async function countryByCode<T>(db: Reader, code: string): Promise<T | null> {
  const [row] = await db.query<T>(sql`SELECT ${countryColumns} FROM countries c WHERE c.code = ${code}`);
  return row ?? null;
}

export async function countryExists(db: Reader, code: string): Promise<boolean> {
  return (await db.query<unknown>(sql`SELECT 1 FROM countries WHERE code = ${code}`)).length > 0;
}

type ByType = Record<EventTypeCode, number>;

/**
 * Events per year and type for these filters (the country `code`'s), every
 * year between the first and the last, and those whose year is unknown; null
 * when there is no such country. One statement: whether the country exists
 * comes with the counts.
 */
export async function countryTimeline(db: Reader, code: string, f: EventFilters) {
  const read = await db.query<{ known: boolean; year: number | null; type: EventTypeCode | null; count: number | null }>(sql`
    SELECT c.known, y.year, y.type, y.count FROM (SELECT EXISTS (SELECT 1 FROM countries WHERE code = ${code}) AS known) c
    LEFT JOIN LATERAL (${yearTypeSql(f)}) y ON c.known`);
  if (!read[0]?.known) return null;
  const rows = read.filter((r): r is { known: boolean; year: number | null; type: EventTypeCode; count: number } => r.type !== null);
  const emptyYear = () => Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as ByType;
  const years = rows.flatMap((r) => (r.year === null ? [] : [r.year]));
  const byYear = new Map<number, { year: number; total: number; by_type: ByType }>();
  if (years.length) {
    for (let y = Math.min(...years); y <= Math.max(...years); y++) byYear.set(y, { year: y, total: 0, by_type: emptyYear() });
  }
  let undated = 0;
  for (const r of rows) {
    if (r.year === null) {
      undated += r.count;
      continue;
    }
    const entry = byYear.get(r.year)!;
    entry.total += r.count;
    entry.by_type[r.type] += r.count;
  }
  const data = [...byYear.values()];
  return { data, meta: { count: data.length, next_cursor: null, undated, types: [...EVENT_TYPES] } };
}
