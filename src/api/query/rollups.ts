// Event counts from the rollup table (event_rollups, kept from the changes a
// trigger on events leaves pending; read with those not yet folded in, as
// event_rollups_current), for the filters it can answer exactly: at most one of country (or
// two countries together), ministry, topic or an official it lists (one with
// many events, in rollup_officials), any types, and a date range in whole
// years. Other filters are counted over the events themselves. Without types
// or years, and when no count is by type or year, the cells' sums per group
// (event_rollup_totals, read as event_rollup_totals_current) answer with
// about one row a group.
import { EVENT_TYPES } from "../routes/labels.ts";
import type { EventFilters } from "./events.ts";
import { empty, join, raw, sql, type Sql } from "./sql.ts";

export type RollupDim = "" | "country" | "ministry" | "topic";

/** The rollup scope of some filters, and their conditions on the cells' type and years (`r`). */
export interface Rollup {
  scope: string;
  /** None when the filters name neither types nor years: then the totals answer. */
  conditions: Sql[];
}

/**
 * The rollup scope and conditions that stand for these filters, or null when
 * the rollups cannot. `officialRolled`: the official of the filters is one the
 * rollups count (rollupOfficialSql tells).
 */
export function rollupConditions(f: EventFilters, officialRolled = false): Rollup | null {
  if ((f.official !== undefined && !officialRolled) || f.q !== undefined || f.updatedSince !== undefined) return null;
  const countries = [...new Set(f.countries ?? [])].sort();
  const scopes = [
    // Two countries have a scope of their own: the pair, in code order.
    ...(countries.length === 2 ? [`countries:${countries.join("+")}`] : countries.map((c) => `country:${c}`)),
    ...(f.ministry !== undefined ? [`ministry:${f.ministry}`] : []),
    ...(f.topic !== undefined ? [`topic:${f.topic}`] : []),
    ...(f.official !== undefined ? [`official:${f.official}`] : []),
  ];
  if (scopes.length > 1) return null;
  // A range counts from the years of the spans: exact only for whole years.
  if (f.from !== undefined && !f.from.endsWith("-01-01")) return null;
  if (f.to !== undefined && !f.to.endsWith("-12-31")) return null;
  const c: Sql[] = [];
  // Years without types name every type all the same: the cells' index (scope, dim, key, type, years) is then
  // read key by key and type by type, and priced so. With the type left open, PostgreSQL 18 priced the
  // years as a skip over every key and type of the table, and with some samples read all its cells instead.
  const types = f.types?.length ? f.types : f.from !== undefined || f.to !== undefined ? EVENT_TYPES : [];
  if (types.length) c.push(sql`r.type IN (${join(types.map((t) => sql`${t}::event_type`))})`);
  // An event whose year is unknown (year 0) never matches a range.
  if (f.from !== undefined) c.push(sql`r.year_to >= ${Number(f.from.slice(0, 4))}`);
  if (f.to !== undefined) c.push(sql`r.year_from BETWEEN 1 AND ${Number(f.to.slice(0, 4))}`);
  return { scope: scopes[0] ?? "", conditions: c };
}

/**
 * `FROM … r WHERE …` for one group dimension ('' for the events themselves):
 * the cells (event_rollups) when the filters have types or years or when
 * `byTypeOrYear` (the query reads r.type or r.year_from), else their totals
 * (event_rollup_totals: r.key and r.events only).
 */
export function rollupFrom(dim: RollupDim, rollup: Rollup, byTypeOrYear = false): Sql {
  const totals = !rollup.conditions.length && !byTypeOrYear;
  const table = raw(totals ? "event_rollup_totals_current" : "event_rollups_current");
  const cells = cellsOf(dim, rollup.scope);
  const own = ownKeys(dim, rollup.scope);
  if (!own) return sql`FROM ${table} r WHERE ${join([...cells, ...rollup.conditions], " AND ")}`;
  // The scope's own keys count every event of the scope: read from its cells as a whole, once per key.
  const columns = raw(totals ? "r.events" : "r.type, r.year_from, r.year_to, r.events");
  const whole = cellsOf("", rollup.scope);
  return sql`FROM (SELECT r.key, ${columns} FROM ${table} r WHERE ${join(cells, " AND ")}
    UNION ALL SELECT k.key, ${columns} FROM ${table} r, unnest(${own}::text[]) AS k(key) WHERE ${join(whole, " AND ")}) r
    ${rollup.conditions.length ? sql`WHERE ${join(rollup.conditions, " AND ")}` : empty}`;
}

/**
 * The conditions on r.scope, r.dim (and r.key) of the cells of a scope and
 * group dimension. One country's, ministry's or topic's events as a whole are
 * its group cells of every event (scope '', e.g. dim 'country', key 'CU'): the
 * rollups keep no cells of their own for them.
 */
function cellsOf(dim: RollupDim, scope: string): Sql[] {
  const single = dim === "" ? /^(country|ministry|topic):(.+)$/.exec(scope) : null;
  if (single) return [sql`r.scope = ''`, sql`r.dim = ${single[1]}`, sql`r.key = ${single[2]}`];
  // The events themselves have key '': said, it bounds the index scan by the key as well. Left out, the
  // planner prices the years' conditions as a skip over every key of the table and may read it whole.
  if (dim === "") return [sql`r.scope = ${scope}`, sql`r.dim = ''`, sql`r.key = ''`];
  return [sql`r.scope = ${scope}`, sql`r.dim = ${dim}`];
}

/**
 * The keys of a group dimension that are the scope's own (its country,
 * ministry or topic; a pair's two countries): every event of the scope
 * counts in them, so the rollups keep no cells of their own for them
 * (they are the scope's cells as a whole). Null when there are none.
 */
function ownKeys(dim: RollupDim, scope: string): string[] | null {
  const m = /^(country|countries|ministry|topic):(.+)$/.exec(scope);
  if (!m || dim === "") return null;
  if (m[1] === "countries") return dim === "country" ? m[2]!.split("+") : null;
  return m[1] === dim ? [m[2]!] : null;
}

/** The number of events matching, or null when the rollup cannot tell. */
export function rollupTotalSql(f: EventFilters): Sql | null {
  const c = rollupConditions(f);
  return c ? sql`SELECT coalesce(sum(r.events), 0)::int AS count ${rollupFrom("", c)}` : null;
}

/** Whether the rollups count this official's events (`rolled`: true or false). */
export function rollupOfficialSql(official: number): Sql {
  return sql`SELECT EXISTS (SELECT 1 FROM rollup_officials WHERE official_id = ${official}) AS rolled`;
}
