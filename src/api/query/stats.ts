// Event counts by group, for /v1/stats and country timelines: from the
// rollup table when it can answer the filters exactly (rollups.ts), else
// aggregated over the matching events.
import type { Reader } from "../../db/reader.ts";
import { EVENT_TYPE_LABELS, TOPIC_LABELS, type EventTypeCode } from "../routes/labels.ts";
import { eventConditions, type EventFilters } from "./events.ts";
import { rollupConditions, rollupFrom, rollupOfficialSql, type Rollup } from "./rollups.ts";
import { inSample, SAMPLE_EVERY } from "./sample.ts";
import { sql, where, type Sql } from "./sql.ts";

export const STATS_GROUPS = ["country", "type", "year", "topic", "ministry"] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export interface StatsRow {
  key: string | null;
  name_vi: string | null;
  name_en: string | null;
  country: string | null;
  count: number;
}

/**
 * Counts per group over the matching events (an event counts once in each of
 * its countries, topics, ministries); `extra`: more conditions on `e`.
 */
export function liveStatsSql(group: StatsGroup, f: EventFilters, extra: Sql[] = []): Sql {
  return groupSql(group, sql`events e`, where([...eventConditions(f), ...extra]));
}

/** Counts per group over the rows of `from` (`e`: type, span_from and the filter keys of events) that `w` keeps. */
function groupSql(group: StatsGroup, from: Sql, w: Sql): Sql {
  switch (group) {
    case "country":
      return sql`SELECT c.code::text AS key, c.name_vi, c.name_en, c.code::text AS country, count(*)::int AS count
        FROM ${from} CROSS JOIN LATERAL unnest(e.country_codes) k(code) JOIN countries c ON c.code = k.code ${w}
        GROUP BY c.code ORDER BY count DESC, key`;
    case "ministry":
      return sql`SELECT mi.id::text AS key, mi.name_vi, mi.name_en, mi.country_code::text AS country, count(*)::int AS count
        FROM ${from} CROSS JOIN LATERAL unnest(e.ministry_ids) k(id) JOIN ministries mi ON mi.id = k.id ${w}
        GROUP BY mi.id ORDER BY count DESC, mi.code`;
    case "type":
      return sql`SELECT e.type::text AS key, NULL AS name_vi, NULL AS name_en, NULL AS country, count(*)::int AS count
        FROM ${from} ${w} GROUP BY e.type ORDER BY count DESC, key`;
    case "year":
      return sql`SELECT extract(year FROM e.span_from)::int::text AS key, NULL AS name_vi, NULL AS name_en, NULL AS country, count(*)::int AS count
        FROM ${from} ${w} GROUP BY 1 ORDER BY 1 NULLS LAST`;
    case "topic":
      return sql`SELECT t.topic AS key, NULL AS name_vi, NULL AS name_en, NULL AS country, count(*)::int AS count
        FROM ${from} CROSS JOIN LATERAL unnest(e.topics) AS t(topic) ${w} GROUP BY t.topic ORDER BY count DESC, key`;
  }
}

/** The same counts from the rollup table; groups whose count fell to zero are left out. */
function rollupGroupSql(group: StatsGroup, c: Rollup): Sql {
  switch (group) {
    case "country":
      return sql`SELECT c.code::text AS key, c.name_vi, c.name_en, c.code::text AS country, x.count FROM (
          SELECT r.key, sum(r.events)::int AS count ${rollupFrom("country", c)} GROUP BY r.key HAVING sum(r.events) > 0) x
        JOIN countries c ON c.code = x.key ORDER BY x.count DESC, key`;
    case "ministry":
      return sql`SELECT mi.id::text AS key, mi.name_vi, mi.name_en, mi.country_code::text AS country, x.count FROM (
          SELECT r.key, sum(r.events)::int AS count ${rollupFrom("ministry", c)} GROUP BY r.key HAVING sum(r.events) > 0) x
        JOIN ministries mi ON mi.id = x.key::int ORDER BY x.count DESC, mi.code`;
    case "type":
      return sql`SELECT r.type::text AS key, NULL AS name_vi, NULL AS name_en, NULL AS country, sum(r.events)::int AS count
        ${rollupFrom("", c, true)} GROUP BY r.type HAVING sum(r.events) > 0 ORDER BY count DESC, key`;
    case "year":
      return sql`SELECT nullif(r.year_from, 0)::text AS key, NULL AS name_vi, NULL AS name_en, NULL AS country, sum(r.events)::int AS count
        ${rollupFrom("", c, true)} GROUP BY r.year_from HAVING sum(r.events) > 0 ORDER BY nullif(r.year_from, 0) NULLS LAST`;
    case "topic":
      return sql`SELECT r.key, NULL AS name_vi, NULL AS name_en, NULL AS country, sum(r.events)::int AS count
        ${rollupFrom("topic", c)} GROUP BY r.key HAVING sum(r.events) > 0 ORDER BY count DESC, key`;
  }
}

/** `officialRolled`: the rollups count the official of the filters (see rollupConditions). */
export function statsSql(group: StatsGroup, f: EventFilters, officialRolled = false): Sql {
  const c = rollupConditions(f, officialRolled);
  return c ? rollupGroupSql(group, c) : liveStatsSql(group, f);
}

/** The number of events matching, exactly. */
export function eventTotalSql(f: EventFilters, officialRolled = false): Sql {
  const c = rollupConditions(f, officialRolled);
  return c
    ? sql`SELECT coalesce(sum(r.events), 0)::int AS count ${rollupFrom("", c)}`
    : sql`SELECT count(*)::int AS count FROM events e ${where(eventConditions(f))}`;
}

function labelled(group: StatsGroup, row: StatsRow): StatsRow {
  if (group === "type" && row.key) {
    const label = EVENT_TYPE_LABELS[row.key as EventTypeCode];
    return { ...row, name_vi: label.vi, name_en: label.en };
  }
  if (group === "topic" && row.key) {
    const label = TOPIC_LABELS.get(row.key);
    return { ...row, name_vi: label?.vi ?? null, name_en: label?.en ?? null };
  }
  return row;
}

/** Whether the rollups count the events of the filters' official (asked only when there is one). */
export async function officialRolled(db: Reader, f: EventFilters): Promise<boolean> {
  if (f.official === undefined) return false;
  const [row] = await db.query<{ rolled: boolean }>(rollupOfficialSql(f.official));
  return row?.rolled ?? false;
}

/** Text-filtered stats are estimated when the sample says more events than this match. */
export const EXACT_UP_TO = 2000;

/** How an estimated answer was made: counted over a sample of the events and scaled up. */
export interface StatsApproximation {
  method: "sample";
  /** The share of the events counted. */
  fraction: number;
  /** The events of the sample that matched. */
  sample_matches: number;
}

export interface StatsOptions {
  /** Count every matching event even when a text filter matches many (no estimate). */
  exact?: boolean;
  /** Estimate above this many matching events (EXACT_UP_TO unless told). */
  exactUpTo?: number;
}

/**
 * Counts per group and the total, exact from the rollups or the events; with
 * a text filter that many events match, estimated from a sample (one event in
 * SAMPLE_EVERY, counts multiplied by SAMPLE_EVERY) and said so by `approximation`.
 */
export async function eventStats(
  db: Reader,
  group: StatsGroup,
  f: EventFilters,
  options: StatsOptions = {},
): Promise<{ rows: StatsRow[]; total: number; approximation?: StatsApproximation }> {
  if (f.q !== undefined && !options.exact) {
    const sample = await db.query<NumberedRow>(textStatsSql(group, f, true));
    const matches = sample[0]?.total ?? 0;
    if (matches * SAMPLE_EVERY > (options.exactUpTo ?? EXACT_UP_TO)) {
      return {
        rows: groupRows(sample).map((r) => labelled(group, { ...r, count: r.count * SAMPLE_EVERY })),
        total: matches * SAMPLE_EVERY,
        approximation: { method: "sample", fraction: 1 / SAMPLE_EVERY, sample_matches: matches },
      };
    }
    // Few match: they are read once for the groups and the total (counted apart, the text was looked up twice).
    const all = await db.query<NumberedRow>(textStatsSql(group, f, false));
    return { rows: groupRows(all).map((r) => labelled(group, r)), total: all[0]?.total ?? 0 };
  }
  const rolled = await officialRolled(db, f);
  if (rollupConditions(f, rolled)) {
    // Both from the rollups, a few rows each: one round trip.
    const read = await db.query<NumberedRow>(statsWithTotalSql(group, f, rolled));
    return { rows: groupRows(read).map((r) => labelled(group, r)), total: read[0]?.total ?? 0 };
  }
  // Counted over the events: the groups and the total side by side, on two connections.
  const [rows, [total]] = await Promise.all([db.query<StatsRow>(statsSql(group, f, rolled)), db.query<{ count: number }>(eventTotalSql(f, rolled))]);
  return { rows: rows.map((r) => labelled(group, r)), total: total?.count ?? 0 };
}

/** A row of groupsBesideTotal. */
type NumberedRow = StatsRow & { n: number | null; total: number };

/**
 * The rows of `groups` in their order (`n`), each with the count of `total`
 * (a one-row `count`) as `total`, in one statement. No group at all gives one
 * row with the total and a null `n`. The numbering keeps the groups' order:
 * a subquery with ORDER BY is never merged into the statement around it, and
 * a window without ORDER BY numbers the rows as they come.
 */
function groupsBesideTotal(groups: Sql, total: Sql): Sql {
  return sql`SELECT g.key, g.name_vi, g.name_en, g.country, g.count, g.n, t.count AS total
    FROM (${total}) t
    LEFT JOIN LATERAL (SELECT s.*, (row_number() OVER ())::int AS n FROM (${groups}) s) g ON true
    ORDER BY g.n`;
}

/** The group rows of groupsBesideTotal. */
function groupRows(rows: NumberedRow[]): StatsRow[] {
  return rows.filter((r) => r.n !== null).map(({ n: _, total: __, ...r }) => r);
}

/** statsSql's rows beside eventTotalSql's count (groupsBesideTotal). */
export function statsWithTotalSql(group: StatsGroup, f: EventFilters, officialRolled = false): Sql {
  return groupsBesideTotal(statsSql(group, f, officialRolled), eventTotalSql(f, officialRolled));
}

/**
 * The groups of the events of text filters beside their number
 * (groupsBesideTotal), those of the sample alone when `sampled`: the matching
 * events are read once, for both.
 */
function textStatsSql(group: StatsGroup, f: EventFilters, sampled: boolean): Sql {
  return sql`WITH e AS MATERIALIZED (SELECT e.type, e.span_from, e.country_codes, e.ministry_ids, e.topics
      FROM events e ${where([...eventConditions(f), ...(sampled ? [inSample] : [])])})
    ${groupsBesideTotal(groupSql(group, sql`e`, sql``), sql`SELECT count(*)::int AS count FROM e`)}`;
}

/** Events per year (of their span's start; null: unknown) and type, for a timeline. */
export function yearTypeSql(f: EventFilters): Sql {
  const c = rollupConditions(f);
  return c
    ? sql`SELECT nullif(r.year_from, 0) AS year, r.type::text AS type, sum(r.events)::int AS count
        ${rollupFrom("", c, true)} GROUP BY r.year_from, r.type HAVING sum(r.events) > 0`
    : sql`SELECT extract(year FROM e.span_from)::int AS year, e.type::text AS type, count(*)::int AS count
        FROM events e ${where(eventConditions(f))} GROUP BY 1, 2`;
}
