// Events: the filters shared by every event list (/events, a country's or an
// official's events, /stats), the keyset page query, and the representation.
import type { z } from "zod";
import type { Reader } from "../../db/reader.ts";
import { storedDateParts } from "../../dates/parts.ts";
import type { EventDetailSchema, EventSchema } from "../schemas/resources.ts";
import { commonIn, countRows, EXACT_COUNT_LIMIT, SAMPLE_SHARE, sampleCountSql, type ListCount } from "./count.ts";
import { changedSince } from "./changes.ts";
import type { CursorPosition } from "./cursor.ts";
import { heldInWords, isPhrase, keepsNeedle, keptNeedle, textContains, textLookups, textTest, type Needle } from "./text-contains.ts";
import { knownWay, rememberWay, type PageWay } from "./page-ways.ts";
import { pageBody, pageBodySql, typedItem, type PageBody, type PageBodyRow } from "./page-body.ts";
import { rollupTotalSql } from "./rollups.ts";
import { inSample, SMALL_EVENT_SAMPLE } from "./sample.ts";
import { countryJson, groupPairs, type Pairs, ministryJson, sourceJson } from "./json.ts";
import { after, dateSortKey, direction, join, raw, samePlan, sql, where, type Sql } from "./sql.ts";
import { EVENT_TYPE_LABELS, type EventTypeCode, type Label } from "../routes/labels.ts";

export interface EventFilters {
  /** Events involving every one of these countries. */
  countries?: string[];
  official?: number;
  ministry?: number;
  /** Events of any of these types. */
  types?: string[];
  topic?: string;
  /** First day of the range (YYYY-MM-DD): events whose span ends on or after it. */
  from?: string;
  /** Last day of the range (YYYY-MM-DD): events whose span starts on or before it. */
  to?: string;
  q?: string;
  /** Events created or changed at or after this time. */
  updatedSince?: Date;
}

export type EventSort = "date" | "-date";

/**
 * The conditions on `events e` for the filters; a null span never overlaps a
 * range. Countries, officials and ministries are tested on the event's own
 * filter keys (arrays kept by triggers, with GIN indexes), text on its stored
 * folded text (trigram index), or, for rows a walk of the date index has
 * already read (`walked`), by the plain test alone, after the words of the
 * events' texts have said whether any holds it (text-contains.ts). The text
 * is read from `needle` when given (a kept needle: textLookups for its index).
 */
export function eventConditions(f: EventFilters, text: "indexed" | "walked" = "indexed", needle?: Needle): Sql[] {
  const c: Sql[] = [];
  const countries = [...new Set(f.countries ?? [])];
  if (countries.length) c.push(sql`e.country_codes @> ${countries}::text[]`);
  if (f.official !== undefined) c.push(sql`e.official_ids @> ARRAY[${f.official}]::int[]`);
  if (f.ministry !== undefined) c.push(sql`e.ministry_ids @> ARRAY[${f.ministry}]::int[]`);
  if (f.types?.length) c.push(sql`e.type IN (${join(f.types.map((t) => sql`${t}::event_type`))})`);
  if (f.topic !== undefined) c.push(sql`e.topics @> ARRAY[${f.topic}]::text[]`);
  if (f.from !== undefined) c.push(sql`e.span_to >= ${f.from}::date`);
  if (f.to !== undefined) c.push(sql`e.span_from <= ${f.to}::date`);
  if (f.q !== undefined) {
    const q = needle ?? f.q;
    const held = heldInWords("event_words", q);
    if (held) c.push(held);
    c.push(text === "walked" ? textTest(sql`e.search_folded`, q) : textContains(sql`e.search_folded`, q));
  }
  if (f.updatedSince !== undefined) c.push(changedSince("event", sql`e.id`, f.updatedSince));
  return c;
}

/**
 * The sets of conditions whose events together are those of the filters:
 * eventConditions, or with a kept needle of several words one set per way to
 * look the text up (textLookups), of which only one reads its index.
 */
function foundConditions(f: EventFilters, needle?: Needle): Sql[][] {
  if (!needle || f.q === undefined) return [eventConditions(f)];
  const rest = eventConditions({ ...f, q: undefined });
  const held = heldInWords("event_words", needle);
  return textLookups(sql`e.search_folded`, needle).map((lookup) => [...rest, ...(held ? [held] : []), lookup]);
}

/**
 * A condition that says nothing new but bounds a newest-first walk of the
 * date index: an event that starts before `to` has its sort key at most `to`.
 */
function dateBounds(f: EventFilters, key: Sql, desc: boolean): Sql[] {
  return desc && f.to !== undefined ? [sql`${key} <= ${f.to}::date`] : [];
}

/** Whether none of these filters is set (an empty list of countries or types sets none). */
function noneSet(f: Partial<EventFilters>): boolean {
  return Object.values(f).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}

/**
 * How many events match, exactly and cheaply, or null: from the rollups, or
 * for an official alone from official_counts (its links counted by the
 * triggers as they are written), so that an official's page and its count are
 * one statement whatever its events.
 */
export function exactCountSql(f: EventFilters): Sql | null {
  const rolled = rollupTotalSql(f);
  if (rolled) return rolled;
  const { official, ...rest } = f;
  return official !== undefined && noneSet(rest) ? sql`SELECT coalesce((SELECT events FROM official_counts WHERE official_id = ${official}), 0) AS count` : null;
}

export function eventCountSql(f: EventFilters): Sql {
  return exactCountSql(f) ?? sql`SELECT count(*)::int AS count FROM (SELECT 1 FROM events e ${where(eventConditions(f))} LIMIT ${EXACT_COUNT_LIMIT + 1}) x`;
}

/** The lists nested in an event, read for a whole page at once by eventParts. */
const PARTS = ["countries", "officials", "ministries", "agreements", "sources"] as const;
type Part = (typeof PARTS)[number];

/**
 * The event's own columns, for `events e`: those of `fields` only, when given
 * (id always), with the filter keys its countries and ministries are read by.
 */
function eventColumns(fields?: readonly string[]): Sql {
  const columns: [string, Sql][] = [
    ["id", sql`e.id`],
    ["type", sql`e.type::text AS type`],
    ["start", sql`e.start`],
    ["start_precision", sql`e.start_precision::text AS start_precision`],
    ["end", sql`e."end"`],
    ["end_precision", sql`e.end_precision::text AS end_precision`],
    ["span_from", sql`e.span_from::text AS span_from`],
    ["span_to", sql`e.span_to::text AS span_to`],
    ["place", sql`e.place`],
    ["summary", sql`e.summary`],
    ["topics", sql`e.topics`],
    ["date_reason", sql`e.date_reason`],
    ["mechanism", sql`e.mechanism`],
    ["ordinal", sql`e.ordinal`],
    ["countries", sql`e.country_codes`],
    ["ministries", sql`e.ministry_ids`],
  ];
  const wanted = wantedFields(fields);
  return join(columns.filter(([name]) => !wanted || wanted.has(name)).map(([, column]) => column));
}

/** The fields asked for (id always; the label is made from the type), or undefined for all. */
function wantedFields(fields?: readonly string[]): Set<string> | undefined {
  return fields && new Set(["id", ...fields, ...(fields.includes("type_label") ? ["type"] : [])]);
}

/**
 * The nested lists of the events whose ids, country codes and ministry ids
 * these expressions give, each as one JSON array: [event id, item] pairs in
 * the order the representation lists them, or for countries and ministries
 * (few) each item once, spread over the events by their filter keys.
 */
function eventPartsColumns(ids: Sql, codes: Sql, ministryIds: Sql, parts: ReadonlySet<Part>, evidence: boolean): Sql {
  const columns: Sql[] = [];
  if (parts.has("countries"))
    columns.push(sql`(SELECT json_agg(${countryJson("c")} ORDER BY c.code) FROM countries c WHERE c.code = ANY(${codes})) AS countries`);
  if (parts.has("officials"))
    columns.push(sql`(SELECT json_agg(json_build_array(ep.event_id, json_build_object('id', o.id, 'name', o.name, 'country', o.country_code, 'role', ep.role))
      ORDER BY ep.event_id, ep.role, o.name, o.id)
      FROM event_participants ep JOIN officials o ON o.id = ep.official_id WHERE ep.event_id = ANY(${ids})) AS officials`);
  if (parts.has("ministries"))
    columns.push(sql`(SELECT json_agg(${ministryJson("m")} ORDER BY m.country_code, m.code) FROM ministries m WHERE m.id = ANY(${ministryIds})) AS ministries`);
  if (parts.has("agreements"))
    columns.push(sql`(SELECT json_agg(json_build_array(a.event_id, json_build_object('id', a.id, 'type', a.type, 'title', a.title)) ORDER BY a.event_id, a.id)
      FROM agreements a WHERE a.event_id = ANY(${ids})) AS agreements`);
  if (parts.has("sources"))
    columns.push(sql`(SELECT json_agg(json_build_array(es.event_id, ${sourceJson("ar", evidence ? "es" : undefined)}) ORDER BY es.event_id, ar.id)
      FROM event_sources es JOIN articles ar ON ar.id = es.article_id WHERE es.event_id = ANY(${ids})) AS sources`);
  return join(columns);
}

/** An event row as read: its own columns and the filter keys of its countries and ministries. */
type EventKeys = { id: number; country_codes?: string[]; ministry_ids?: number[] };
type Nested = { countries?: Country[] | null; officials?: Pairs; ministries?: Ministry[] | null; agreements?: Pairs; sources?: Pairs };
type Country = { code: string };
type Ministry = { id: number };

/**
 * The rows with their nested lists (those of `fields` only, when given), read
 * for all of them at once by id: one short statement instead of a subquery per
 * list and row.
 */
async function eventParts<R extends EventKeys>(db: Reader, rows: R[], fields: readonly string[] | undefined, evidence: boolean) {
  const wanted = wantedFields(fields);
  const parts = new Set(PARTS.filter((p) => !wanted || wanted.has(p)));
  type Out = Omit<R, "country_codes" | "ministry_ids"> & Partial<Record<Part, unknown[]>>;
  if (!rows.length || !parts.size) return rows.map(({ country_codes: _c, ministry_ids: _m, ...row }) => row) as Out[];
  const codes = [...new Set(rows.flatMap((r) => r.country_codes ?? []))];
  const ministryIds = [...new Set(rows.flatMap((r) => r.ministry_ids ?? []))];
  const [nested] = await db.query<Nested>(
    sql`SELECT ${eventPartsColumns(sql`${rows.map((r) => r.id)}::int[]`, sql`${codes}::text[]`, sql`${ministryIds}::int[]`, parts, evidence)}`,
  );
  return assemble(rows, nested, parts);
}

/** The rows with the nested lists of `nested` (see eventPartsColumns). */
function assemble<R extends EventKeys>(rows: R[], nested: Nested | undefined, parts: ReadonlySet<Part>) {
  type Out = Omit<R, "country_codes" | "ministry_ids" | Part> & Partial<Record<Part, unknown[]>>;
  const countries = new Map((nested?.countries ?? []).map((c) => [c.code, c]));
  // Ministries in their listed order (country, code), kept within each event.
  const ministryRank = new Map((nested?.ministries ?? []).map((m, i) => [m.id, i]));
  const ministries = nested?.ministries ?? [];
  const officials = groupPairs(nested?.officials ?? null);
  const agreements = groupPairs(nested?.agreements ?? null);
  const sources = groupPairs(nested?.sources ?? null);
  return rows.map(({ country_codes, ministry_ids, ...row }) => {
    const out: Record<string, unknown> = row;
    if (parts.has("countries")) out.countries = (country_codes ?? []).map((code) => countries.get(code)).filter((c) => c !== undefined);
    if (parts.has("officials")) out.officials = officials.get(row.id) ?? [];
    if (parts.has("ministries"))
      out.ministries = (ministry_ids ?? [])
        .map((id) => ministryRank.get(id))
        .filter((i) => i !== undefined)
        .sort((a, b) => a - b)
        .map((i) => ministries[i]);
    if (parts.has("agreements")) out.agreements = agreements.get(row.id) ?? [];
    if (parts.has("sources")) out.sources = sources.get(row.id) ?? [];
    return out as Out;
  });
}

/**
 * The longest folded text events_date_desc_text_idx carries (its partial
 * index predicate, written out literally so that the planner matches it; an
 * index row has a bounded size, the text has none).
 */
const TEXT_INDEXED = 2000;

/**
 * A filter that at most this many events match has its page found through
 * its own indexes and sorted; more, by walking the date index (newest first,
 * the walk reads about limit × events / matching events rows, each tested on
 * the filter). The break-even measured at a million events for an official
 * is near 2,000 (either way about 3 ms). The count chooses (boundSql), not
 * the planner's estimate: a rare official, a topic no event has, or a rare
 * pair of type and topic has none it can trust, and a walk for such a filter
 * reads the whole index.
 */
const FEW_EVENTS = 2000;

/**
 * At most how many events match, when known cheaply: their exact number
 * (exactCountSql), else that of the filters without their dates, else the
 * events of the official alone.
 */
function boundSql(f: EventFilters): Sql | null {
  const bound = exactCountSql(f) ?? (f.from !== undefined || f.to !== undefined ? exactCountSql({ ...f, from: undefined, to: undefined }) : null);
  if (bound) return sql`(SELECT t.count FROM (${bound}) t)`;
  return f.official !== undefined ? sql`coalesce((SELECT oc.events FROM official_counts oc WHERE oc.official_id = ${f.official}), 0)` : null;
}

/**
 * The bound (boundSql) that chooses how a page of these filters is read, or
 * null when the page has one way only: no filter (the date index's first
 * rows), a text newest first (textWalkSql chooses), oldest first from a date.
 */
function wayBoundSql(f: EventFilters, sort: EventSort): Sql | null {
  if (sort === "-date" ? f.q !== undefined : f.from !== undefined) return null;
  return eventConditions(f).length ? boundSql(f) : null;
}

/**
 * How many of the newest events a text filter is first tested on in date
 * order: a word that one event in a hundred contains has its page among them.
 * A text of several words walks fewer: it is mostly a name that few events
 * hold, whose walk was most of its statement (8 of 9.5 ms at 1 M events),
 * and the sample that then tells how common it is reads its keys across
 * words, which a common phrase's page among the first 1,000 never needs (a
 * single word's sample is read from its trigrams, which many more events
 * hold).
 */
function textFirstWalk(q: string): number {
  return isPhrase(q) ? 1000 : 5000;
}

/**
 * The text index's events (newest first) of a text filter, chosen without the
 * planner's estimate of the text (a sample of the column's values that a text
 * common enough to walk for can miss, or a rare one hit): the newest
 * textFirstWalk events tested one by one in date order; when fewer than
 * limit + 1 of them match, the sample of one event in SAMPLE_EVERY tells
 * whether more than EXACT_COUNT_LIMIT events contain it: then the date index
 * is walked on past them, else `rare(gate)` (the events found through the
 * text index and sorted, `gate` true only then). A filter is never pushed
 * under a LIMIT, so each walk is the date index's whatever the planner
 * thinks of the text. With the way known (page-ways.ts), the walk alone or
 * `rare` alone. Each row says which way it was read.
 */
function textWalkSql(f: EventFilters, key: Sql, cursor: Sql[], limit: number, way: PageWay, rare: (gate: Sql | null) => Sql, needle?: Needle): Sql {
  const walked = eventConditions(f, "walked", needle);
  const walk = (offset: number, rows: number, found: Sql) => sql`SELECT e.id, e.sort_key, e.type, 'walk'::text AS way, NULL::int AS matched FROM (
      SELECT e.id, e.span_from, e.span_to, e.type, e.country_codes, e.ministry_ids, e.official_ids, e.topics, e.search_folded, ${key} AS sort_key
      FROM events e ${where([raw(`length(e.search_folded) <= ${TEXT_INDEXED}`), ...cursor, ...dateBounds(f, key, true)])}
      ORDER BY sort_key DESC, id DESC LIMIT ${raw(String(rows))} OFFSET ${raw(String(offset))}) e ${where(walked)}
    ORDER BY e.sort_key DESC, e.id DESC LIMIT ${found}`;
  if (way === "walk") return sql`SELECT * FROM (${walk(0, WHOLE_WALK, sql`${limit + 1}`)}) t`;
  if (way === "whole") return sql`SELECT * FROM (${rare(null)}) t`;
  const conditions = eventConditions(f);
  const first = sql`(SELECT count(*) FROM first)`;
  const many = sql`(SELECT n FROM sampled) >= ${raw(String(SAMPLE_SHARE))}`;
  const firstWalk = textFirstWalk(f.q!);
  return sql`SELECT * FROM (WITH first AS MATERIALIZED (${walk(0, firstWalk, sql`${limit + 1}`)}),
      sampled AS MATERIALIZED (${sampleCountSql(sql`FROM events e ${where([...conditions, inSample, sql`${first} <= ${limit}`])}`)})
    SELECT * FROM first WHERE ${first} > ${limit} OR ${many}
    UNION ALL (SELECT * FROM (${walk(firstWalk, WHOLE_WALK, sql`${limit + 1} - ${first}`)}) w WHERE ${first} <= ${limit} AND ${many})
    UNION ALL (${rare(sql`${first} <= ${limit} AND NOT ${many}`)})) t`;
}
/** A row count larger than any table's, to bound a walk of a whole index (a filter is not pushed under a LIMIT). */
const WHOLE_WALK = 2 ** 62;

/** How many events a text is in to be tested as it is on the events under way on a list's `from` (see pageIdsSql). */
const COMMON_UNDER_WAY = 16_384;

/** Whether a day (YYYY-MM-DD) is the first of a year. */
const newYear = (day: string) => day.endsWith("-01-01");

/**
 * The ids and sort keys of one page (limit + 1 rows), each with the way it was
 * read where the statement chose it ("walk" or "whole", else null: page-ways.ts).
 * Oldest first from a date, the events already under way on that date (found
 * by the span's range index) come before those starting in the range (a walk
 * of the date index from that date), so that neither reads the years before.
 */
function pageIdsSql(f: EventFilters, sort: EventSort, position: CursorPosition | null, limit: number, way: PageWay = "either", needle?: Needle): Sql {
  const desc = sort === "-date";
  const key = dateSortKey(sql`e.span_from`, desc);
  const cursor = position ? [after(key, sql`e.id`, { key: sql`${position.key}::date`, id: position.id }, desc)] : [];
  const order = sql`ORDER BY sort_key ${direction(desc)}, id ${direction(desc)} LIMIT ${limit + 1}`;
  const chose = way === "either";
  const select = (conditions: Sql[], read?: "walk" | "whole", matched = sql`NULL::int`) =>
    sql`SELECT e.id, ${key} AS sort_key, e.type, ${raw(chose && read ? `'${read}'::text` : "NULL::text")} AS way, ${matched} AS matched
      FROM events e ${where([...conditions, ...cursor])}`;
  /** The events of any of these sets of conditions (foundConditions: one set, or sets no event meets two of). */
  const selectAny = (sets: Sql[][], read?: "walk" | "whole", matched?: Sql) =>
    sets.length === 1 ? select(sets[0]!, read, matched) : join(sets.map((c) => sql`(${select(c, read, matched)})`), " UNION ALL ");
  /**
   * All the events of `sets`, found whole by their own indexes and then
   * sorted: the date index is not walked. `counted`: each row says how many
   * there were (they were all read).
   */
  const sorted = (sets: Sql[][], counted = false) =>
    sql`SELECT f.id, f.sort_key, f.type, f.way, ${counted ? sql`count(*) OVER ()::int` : sql`f.matched`} AS matched
      FROM (${selectAny(sets, "whole")} OFFSET 0) f ${order}`;
  if (desc && f.q !== undefined) {
    // Text newest first: the texts the text index carries are tested on it, the longer ones (few) walked apart.
    const found = foundConditions(f, needle).map((c) => [...c, ...dateBounds(f, key, desc)]);
    const indexed = raw(`length(e.search_folded) <= ${TEXT_INDEXED}`);
    const carried = textWalkSql(f, key, cursor, limit, way, (gate) => sorted(found.map((c) => [...c, indexed, ...(gate ? [gate] : [])]), true), needle);
    // The longer ones say 0: they are counted by their rows.
    const longer = selectAny(found.map((c) => [...c, raw(`length(e.search_folded) > ${TEXT_INDEXED}`)]), undefined, sql`0`);
    // How many events match, when every one was read: the carried ones sorted whole (none walked), and the longer ones all on hand.
    const longers = sql`count(*) FILTER (WHERE x.matched = 0) OVER ()`;
    return sql`SELECT x.id, x.sort_key, x.type, x.way,
        CASE WHEN bool_and(x.matched IS NOT NULL) OVER () AND ${longers} <= ${limit} THEN max(x.matched) OVER () + ${longers} END AS matched
      FROM ((${carried} ${order}) UNION ALL (${longer} ${order})) x ${order}`;
  }
  if (desc || f.from === undefined) {
    const conditions = [...eventConditions(f), ...dateBounds(f, key, desc)];
    const bound = wayBoundSql(f, sort);
    if (!bound || way === "walk") return sql`${select(conditions)} ${order}`;
    if (way === "whole") return sorted([conditions]);
    const few = raw(String(FEW_EVENTS));
    return sql`SELECT * FROM ((${select([...conditions, sql`${bound} > ${few}`], "walk")} ${order}) UNION ALL (${sorted([[...conditions, sql`${bound} <= ${few}`]])})) x ${order}`;
  }
  // Under way on `from` (which implies the range), found whole and then sorted: walking the date index would read the years before.
  // Their span holds the day before `from` and `from` itself: asked of the range index as one range, so that the events
  // starting on `from` (every event of that year or month dated by its year or month alone) are not read and dropped.
  const spans = sql`daterange(e.span_from, e.span_to, '[]') @> daterange(${f.from}::date - 1, ${f.from}::date, '[]')`;
  const undated = { ...f, from: undefined, to: undefined };
  const [indexed, tested] = [eventConditions(undated), eventConditions(undated, "walked")];
  const began = sql`e.span_from < ${f.from}::date`;
  // On a new year's day only dates that cross it are under way (a date of a year or month alone stays within it): a few,
  // found by the range index alone (behind OFFSET 0) and the other filters tested on each. Left to the planner, whose
  // estimate of the range is a default (4,807 rows for the 4 under way on 1 January 2020 at 1 M events), they were read
  // beside another index: 159,000 keys of the pairs' for a common phrase (65 ms), 506,000 start dates for a rare name
  // (62 ms). On another day the events of its year or month dated by it alone are under way, thousands: the planner's,
  // but for a common text, tested as it is (the plain test of 5,300 events under way on 15 March 2020 took 10 ms where
  // the planner read 250,000 entries of the trigram index for "tiep", 60 ms; a rare name's index read takes 0.2 ms).
  const common = f.q === undefined ? null : commonIn(SMALL_EVENT_SAMPLE, f.q, COMMON_UNDER_WAY);
  const underWay = newYear(f.from)
    ? sql`SELECT e.id, ${key} AS sort_key, e.type, NULL::text AS way, NULL::int AS matched
        FROM (SELECT * FROM events e WHERE ${spans} AND e.span_from IS NOT NULL OFFSET 0) e ${where([...tested, began, ...cursor])}`
    : common === null
      ? select([...indexed, spans, began])
      : sql`(${select([...indexed, spans, began, sql`NOT ${common}`])}) UNION ALL (${select([...tested, spans, began, common])})`;
  const starting = select([...eventConditions(f), sql`${key} >= ${f.from}::date`]);
  return sql`SELECT * FROM ((SELECT * FROM (${underWay} OFFSET 0) u ${order}) UNION ALL (${starting} ${order})) x ${order}`;
}

/** One page of events (limit + 1 rows, to tell whether another page follows), without their nested lists. */
export function eventPageSql(
  f: EventFilters, sort: EventSort, position: CursorPosition | null, limit: number, fields?: readonly string[], way: PageWay = "either",
): Sql {
  const desc = sort === "-date";
  return sql`WITH page AS (${pageIdsSql(f, sort, position, limit, way)})
    SELECT ${eventColumns(fields)}, page.sort_key::text AS sort_key
    FROM page JOIN events e ON e.id = page.id
    ORDER BY page.sort_key ${direction(desc)}, e.id ${direction(desc)}`;
}

const eventItem = typedItem(EVENT_TYPE_LABELS);

/**
 * The kept needle (text-contains.ts) of a page of these filters read this
 * way, or undefined: newest first, with a text alone (no other filter, whose
 * own index a plan made for its values may read instead) that keepsNeedle,
 * read a way chosen before (page-ways.ts; the statement that chooses is
 * planned for its text). Such a page is then read by one plan whatever the
 * text: planning it was about half of its statement (0.6 of 1.5 ms for four
 * common words at 1 M events).
 */
function keptPageNeedle(f: EventFilters, sort: EventSort, way: PageWay): { needle: Needle; cte: Sql } | undefined {
  const { q, ...others } = f;
  if (sort !== "-date" || way === "either" || q === undefined || !keepsNeedle(q)) return undefined;
  return noneSet(others) ? keptNeedle(q) : undefined;
}

/**
 * One page of events as one row (page-body.ts): the page's events as their
 * ready list items (event_docs, each behind its `{"id":…,"type":…,"type_label":…,`),
 * with `total` (a one-row count, such as a rollup's) when given: the page and
 * its count in one statement; and the way the statement chose to read the
 * page, when it chose (page-ways.ts).
 */
export function eventDocBodySql(
  f: EventFilters, sort: EventSort, position: CursorPosition | null, limit: number, total?: Sql | null, way: PageWay = "either",
): Sql {
  const dir = direction(sort === "-date");
  const kept = keptPageNeedle(f, sort, way);
  const body = pageBodySql(
    sql`SELECT page.id, page.sort_key::text AS sort_key, page.way, page.matched,
        ${eventItem(sql`page.id`, sql`page.type`, sql`d.list_json`)} AS item,
        row_number() OVER (ORDER BY page.sort_key ${dir}, page.id ${dir}) AS i
      FROM (${pageIdsSql(f, sort, position, limit, way, kept?.needle)}) page LEFT JOIN event_docs d ON d.event_id = page.id`,
    limit,
    sql`${total ? sql`(SELECT t.count FROM (${total}) t)` : sql`NULL::int`} AS total, max(n.way) AS way, max(n.matched)::int AS matched`,
  );
  return kept ? samePlan(sql`WITH ${kept.cte} ${body}`) : body;
}

/**
 * The row of eventDocBodySql; `matched`, how many events match when the page
 * read every one of them (a text's first page, read whole), else null.
 */
export type EventDocBodyRow = PageBodyRow & { total: number | null; way: "walk" | "whole" | null; matched: number | null };

/** One event with its nested lists, the evidence sentences included, in one statement. */
export function eventByIdSql(id: number): Sql {
  return samePlan(sql`SELECT ${eventColumns()}, ${eventPartsColumns(sql`ARRAY[e.id]`, sql`e.country_codes`, sql`e.ministry_ids`, new Set(PARTS), true)}
    FROM events e WHERE e.id = ${id}`);
}

type EventDetail = z.infer<typeof EventDetailSchema>;
type EventItem = z.infer<typeof EventSchema>;

/** A row of eventPageSql: the event without its label, and the sort key. */
export type EventRow = Omit<EventDetail, "type_label" | "sources"> & { sources: EventItem["sources"]; sort_key: string };
type EventDetailRow = Omit<EventDetail, "type_label" | "date_parts">;

export function represent<R extends { type: EventTypeCode }>(row: R): Omit<R, "sort_key"> & { type_label: Label } {
  const { sort_key: _, ...rest } = row as R & { sort_key?: unknown };
  return { ...rest, type_label: EVENT_TYPE_LABELS[row.type] };
}

/** How many events match: exact from the rollups or an official's kept count, or when few; else an estimate. */
export async function countEvents(db: Reader, f: EventFilters): Promise<ListCount> {
  const conditions = eventConditions(f);
  const sample = f.q !== undefined ? sql`FROM events e ${where([...conditions, inSample])}` : null;
  return countRows(db, sql`FROM events e ${where(conditions)}`, exactCountSql(f), sample);
}

export async function eventPage(
  db: Reader, f: EventFilters, sort: EventSort, position: CursorPosition | null, limit: number, fields?: readonly string[],
): Promise<EventRow[]> {
  const rows = await db.query<EventRow & EventKeys>(eventPageSql(f, sort, position, limit, fields, knownWay(db, f, sort)));
  return (await eventParts(db, rows, fields, false)) as unknown as EventRow[];
}

/**
 * One page of events as list items' JSON, with how many events match: in the
 * same statement when it is cheap to know (exactCountSql), else counted beside
 * it (countEvents). A text's first page is read before counting: when no page
 * follows it, its rows are all the matches, and counting them would test the
 * text on the same events again (for a rare phrase of common syllables,
 * thousands of them); when the page read every match to sort them, it says
 * how many there were. A null page when an item is missing from event_docs
 * (then read the rows as eventPage does).
 */
export async function eventDocPage(
  db: Reader, f: EventFilters, sort: EventSort, position: CursorPosition | null, limit: number,
): Promise<{ page: PageBody | null; count: ListCount }> {
  const total = exactCountSql(f);
  const textFirstPage = !total && f.q !== undefined && position === null;
  const counted = total || textFirstPage ? null : countEvents(db, f);
  counted?.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
  const way = knownWay(db, f, sort);
  const [row] = await db.query<EventDocBodyRow>(eventDocBodySql(f, sort, position, limit, total, way));
  if (way === "either") {
    if (row?.way) rememberWay(db, f, sort, row.way);
    // A first page that found nothing: no event matches, and reading them whole is an index's few entries (a
    // name or typo no event holds: 0.1–0.2 ms at a million events, where choosing walked the newest 1,000 first).
    else if (position === null && row?.rows === 0) rememberWay(db, f, sort, "whole");
  }
  const page = pageBody(row);
  let count: ListCount;
  if (counted) count = await counted;
  else if (total) count = { count: row?.total ?? 0, estimated: false };
  // A missing item leaves the page, and so its count, to the caller's rows.
  else if (!page || page.rows <= limit) count = { count: row?.rows ?? 0, estimated: false };
  else if (row?.matched != null) count = { count: row.matched, estimated: false };
  else count = await countEvents(db, f);
  return { page, count };
}

export async function eventById(db: Reader, id: number): Promise<EventDetail | null> {
  const rows = await db.query<EventKeys & Nested>(eventByIdSql(id));
  const [row] = assemble(rows, rows[0], new Set(PARTS)) as unknown as EventDetailRow[];
  return row ? { ...represent(row), date_parts: storedDateParts(row.start, row.date_reason) } : null;
}
