// meta.count of a list without counting a large result: exact when a rollup
// (or an official's kept count) knows it or when at most EXACT_COUNT_LIMIT rows match (counting stops
// there); beyond, the planner's estimate, marked meta.count_estimated. When
// the planner expects more rows than the limit, nothing is counted: a count
// capped at the limit is then planned as a scan that stops early, which on a
// text filter reads a large part of the table.
import type { Reader } from "../../db/reader.ts";
import { sql, type Sql } from "./sql.ts";

export const EXACT_COUNT_LIMIT = 1000;

export interface ListCount {
  count: number;
  estimated: boolean;
}

/**
 * `fromWhere` is the list's `FROM … WHERE …`; `exact`, when given, a query
 * answering `count` exactly and cheaply (a rollup).
 */
export async function countRows(db: Reader, fromWhere: Sql, exact?: Sql | null): Promise<ListCount> {
  if (exact) {
    const [row] = await db.query<{ count: number }>(exact);
    return { count: row?.count ?? 0, estimated: false };
  }
  // The plan's estimate first: above the limit, counting up to it would be wasted.
  const estimate = await plannedRows(db, fromWhere);
  if (estimate > EXACT_COUNT_LIMIT) return { count: estimate, estimated: true };
  const [row] = await db.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM (SELECT 1 ${fromWhere} LIMIT ${EXACT_COUNT_LIMIT + 1}) x`);
  const count = row?.count ?? 0;
  if (count <= EXACT_COUNT_LIMIT) return { count, estimated: false };
  return { count: Math.max(EXACT_COUNT_LIMIT + 1, estimate), estimated: true };
}

/** How many rows the planner expects `fromWhere` (a list's `FROM … WHERE …`) to give. */
export async function plannedRows(db: Reader, fromWhere: Sql): Promise<number> {
  const [plan] = await db.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(sql`EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere}`);
  return Math.round(plan?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0);
}

/** The count's part of a list's meta. */
export function countMeta(c: ListCount): { count: number; count_estimated?: true } {
  return c.estimated ? { count: c.count, count_estimated: true } : { count: c.count };
}
