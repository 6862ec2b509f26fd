// Small SQL building blocks shared by the queries. Every value is a bound
// parameter (Prisma.sql tagged templates); only fixed fragments are raw.
import { Prisma } from "../../db/generated/client.ts";

export const { sql, join, raw, empty } = Prisma;
export type Sql = Prisma.Sql;

/** `WHERE a AND b …`, or nothing. */
export function where(conditions: Sql[]): Sql {
  return conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
}

/** The text for a LIKE pattern that matches it literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Whitespace collapsed, so that "to  lam" is "to lam". */
export function normalizeQuery(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** A keyset sort key over a nullable date: rows without a date come last in both directions. */
export function dateSortKey(column: Sql, descending: boolean): Sql {
  return descending ? sql`coalesce(${column}, '-infinity'::date)` : sql`coalesce(${column}, 'infinity'::date)`;
}

/** Whether a cursor's key can be a dateSortKey value. */
export function isDateKey(key: string | null): boolean {
  if (key === null) return false;
  if (key === "infinity" || key === "-infinity") return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m || m[1] === "0000") return false;
  const d = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === key;
}

/** `(key, id) > (after)` or `<`, for the page after a cursor. */
export function after(key: Sql, id: Sql, position: { key: Sql; id: number }, descending: boolean): Sql {
  return descending ? sql`(${key}, ${id}) < (${position.key}, ${position.id})` : sql`(${key}, ${id}) > (${position.key}, ${position.id})`;
}

export const direction = (descending: boolean): Sql => raw(descending ? "DESC" : "ASC");

/**
 * Marks a query whose best plan is the same whatever its values (a lookup by
 * primary key): the reader may then plan it once per connection and reuse
 * the plan. Lists are planned for their values every time. Its LIMITs must
 * be written in (rowCount), not bound.
 */
export function samePlan(q: Sql): Sql {
  SAME_PLAN.add(q);
  return q;
}
const SAME_PLAN = new WeakSet<Sql>();

/**
 * A row count (a LIMIT) written into a samePlan query's text rather than
 * bound: with a parameter there the generic plan does not know how few rows
 * are asked for, looks costlier than a custom one, and Postgres plans every
 * execution again. Each count is then a text of its own (few: a page's limit).
 */
export function rowCount(n: number): Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a row count: ${n}`);
  return raw(String(n));
}

export const isSamePlan = (q: Sql): boolean => SAME_PLAN.has(q);
