// meta.count of a list without counting a large result: exact when a rollup
// (or an official's kept count) knows it or when at most EXACT_COUNT_LIMIT rows match (counting stops
// there); beyond, the planner's estimate, marked meta.count_estimated. When
// the planner expects more rows than the limit, nothing is counted: a count
// capped at the limit is then planned as a scan that stops early, which on a
// text filter reads a large part of the table. A text filter's estimate can
// also be far too low (a sample of the column that misses a common word): the
// sample of one event in SAMPLE_EVERY then tells before anything is counted.
import type { Reader } from "../../db/reader.ts";
import { recall, remember } from "./hints.ts";
import { SAMPLE_EVERY, type TextSample } from "./sample.ts";
import { join, raw, sql, type Sql } from "./sql.ts";
import { textLookups, type Needle } from "./text-contains.ts";

export const EXACT_COUNT_LIMIT = 1000;

/** The sample's share of EXACT_COUNT_LIMIT: a sample with this many rows says more than the limit match. */
export const SAMPLE_SHARE = Math.ceil(EXACT_COUNT_LIMIT / SAMPLE_EVERY);
const share = raw(String(SAMPLE_SHARE));

/**
 * `n`: the rows of `fromWhere` (a `FROM … WHERE …` among one row in
 * SAMPLE_EVERY) counted up to SAMPLE_SHARE, which then says that more than
 * EXACT_COUNT_LIMIT rows match in all.
 */
export function sampleCountSql(fromWhere: Sql): Sql {
  return sql`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${share}) x`;
}

/** Whether `fromWhere` (a `FROM … WHERE …`) gives at least `rows` rows, read up to that many. */
export function holdsRows(fromWhere: Sql, rows: number): Sql {
  return sql`(SELECT count(*) FROM (SELECT 1 ${fromWhere} LIMIT ${raw(String(rows))}) x) >= ${raw(String(rows))}`;
}

/**
 * Whether about `rows` rows or more contain the text, as `sample` tells (its
 * share of them, written out, not bound, so that the planner matches the
 * sample's partial indexes): a rough answer, to choose how to read the same
 * rows.
 */
export function commonIn(sample: TextSample, text: string | Needle, rows: number): Sql {
  const share = Math.max(1, Math.round(rows / sample.every));
  const inSample = raw(`${sample.alias}.id % ${sample.every} = 0`);
  const folded = raw(`${sample.alias}.search_folded`);
  const lookups = textLookups(folded, text).map((c) => sql`FROM ${raw(`${sample.table} ${sample.alias}`)} WHERE ${inSample} AND ${c}`);
  if (lookups.length === 1) return holdsRows(lookups[0]!, share);
  return holdsRows(sql`FROM (${join(lookups.map((l) => sql`(SELECT 1 ${l} LIMIT ${raw(String(share))})`), " UNION ALL ")}) x`, share);
}

export interface ListCount {
  count: number;
  estimated: boolean;
}

/**
 * `fromWhere` is the list's `FROM … WHERE …`; `exact`, when given, a query
 * answering `count` exactly and cheaply (a rollup); `sample`, when given, the
 * same rows' `FROM … WHERE …` among one in SAMPLE_EVERY (a text filter's, whose
 * estimate can be far too low: the sample then tells a common text from a
 * rare one before counting).
 */
export async function countRows(db: Reader, fromWhere: Sql, exact?: Sql | null, sample?: Sql | null): Promise<ListCount> {
  if (exact) {
    const [row] = await db.query<{ count: number }>(exact);
    return { count: row?.count ?? 0, estimated: false };
  }
  // The plan's estimate first: above the limit, counting up to it would be wasted.
  const estimate = await plannedRows(db, fromWhere);
  if (estimate > EXACT_COUNT_LIMIT) return { count: estimate, estimated: true };
  const capped = sql`SELECT count(*)::int AS count FROM (SELECT 1 ${fromWhere} LIMIT ${EXACT_COUNT_LIMIT + 1}) x`;
  const [row] = await db.query<{ count: number | null }>(
    sample
      ? // Counted only when the sample has fewer than its share of the limit.
        sql`WITH s AS MATERIALIZED (${sampleCountSql(sample)})
          SELECT c.count FROM (${capped}) c WHERE (SELECT n FROM s) < ${share}`
      : capped,
  );
  const count = row?.count ?? EXACT_COUNT_LIMIT + 1;
  if (count <= EXACT_COUNT_LIMIT) return { count, estimated: false };
  return { count: Math.max(EXACT_COUNT_LIMIT + 1, estimate), estimated: true };
}

/**
 * How many rows the planner expects `fromWhere` (a list's `FROM … WHERE …`)
 * to give; the same list's estimate of the last minute, when there is one
 * (hints.ts): it changes with the table's statistics, not from one request
 * to the next.
 */
export async function plannedRows(db: Reader, fromWhere: Sql): Promise<number> {
  const key = `rows:${fromWhere.text}\0${JSON.stringify(fromWhere.values)}`;
  const known = recall<number>(db, key);
  if (known !== undefined) return known;
  const [plan] = await db.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(sql`EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere}`);
  const rows = Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
  remember(db, key, rows);
  return rows;
}

/** The count's part of a list's meta. */
export function countMeta(c: ListCount): { count: number; count_estimated?: true } {
  return c.estimated ? { count: c.count, count_estimated: true } : { count: c.count };
}
