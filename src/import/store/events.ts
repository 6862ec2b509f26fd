// Events: each report of an activity is a source with what its article says;
// the event row is the merge of its sources in article order (src/identity/events.ts).
// Rows and links are written here, a batch's events at once (a new batch's
// events are resolved in memory by ./open-events.ts) or one event rebuilt
// after an article's sources went.
import { Prisma } from "../../db/generated/client.ts";
import { describeDate, formatDate } from "../../dates/value.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import { eventSpan, mergeEvents, type EventFacts } from "../../identity/events.ts";
import { eventFactsOf } from "./facts.ts";
import { datePrecision, foldFacts, searchText, type Tx } from "./rows.ts";

/** One report of an event: its article, sentence and what the article says (as its source's JSON holds it). */
export interface EventSource {
  articleId: number;
  sentence: string;
  facts: unknown;
}

/** An event to write: its merged facts, its participants' names and aliases (its search text), and the sources to add. */
export interface EventWrite {
  id: number;
  /** Not stored yet: its row is inserted, else updated. */
  created: boolean;
  facts: EventFacts;
  names: string[];
  added: EventSource[];
}

const sorted = <T>(xs: T[]) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const ids = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);

/**
 * The event row's columns (as named in the table) for these merged facts,
 * with the filter keys the link-table triggers keep (event_filter_keys): the
 * triggers then find them right and leave the row alone, instead of writing a
 * new version of it (and its indexes) once per link table.
 */
function eventRow(f: EventFacts, g: Gazetteer, names: string[]) {
  const span = eventSpan(f.start, f.end);
  const label = g.eventTypes.get(f.type);
  return {
    type: f.type, start: formatDate(f.start), start_precision: datePrecision(f.start), end: formatDate(f.end), end_precision: datePrecision(f.end),
    span_from: span?.[0] ?? null, span_to: span?.[1] ?? null, date_reason: describeDate(f.start), place: f.place, summary: f.summary, topics: f.topics,
    mechanism: f.mechanism, ordinal: f.ordinal,
    search_text: searchText([
      f.summary, f.place, f.mechanism, label?.vi, label?.en,
      ...names,
      ...f.countries.flatMap((c) => [g.countries.get(c)?.vi, g.countries.get(c)?.en]),
    ]),
    country_codes: sorted(f.countries), ministry_ids: ids(f.ministries), official_ids: ids(f.participants.map((p) => p.official)),
  };
}

const COLUMNS = Prisma.sql`type, start, start_precision, "end", end_precision, span_from, span_to, date_reason, place, summary, topics, mechanism, ordinal, search_text,
  country_codes, ministry_ids, official_ids`;

/** Writes these events: rows, added sources and links, one statement per table, so that the tables' statement triggers run once. */
export async function writeEvents(tx: Tx, g: Gazetteer, events: EventWrite[]): Promise<void> {
  if (!events.length) return;
  const list = [...events].sort((a, b) => a.id - b.id);
  const rows = list.map((e) => ({ ...eventRow(e.facts, g, e.names), id: e.id, created: e.created }));
  const json = (xs: unknown[]) => JSON.stringify(xs);
  const created = rows.filter((r) => r.created);
  const changed = rows.filter((r) => !r.created);
  const recordset = Prisma.sql`x(id int, type event_type, start text, start_precision date_precision, "end" text, end_precision date_precision,
    span_from date, span_to date, date_reason text, place text, summary text, topics text[], mechanism text, ordinal int, search_text text,
    country_codes text[], ministry_ids int[], official_ids int[])`;
  if (created.length) {
    await tx.$executeRaw`
      INSERT INTO events (id, ${COLUMNS}, updated_at)
      SELECT id, ${COLUMNS}, CURRENT_TIMESTAMP FROM jsonb_to_recordset(${json(created)}::jsonb) AS ${recordset} ORDER BY id`;
  }
  if (changed.length) {
    await tx.$executeRaw`
      UPDATE events e SET (${COLUMNS}, updated_at) = (x.type, x.start, x.start_precision, x."end", x.end_precision, x.span_from, x.span_to, x.date_reason,
        x.place, x.summary, x.topics, x.mechanism, x.ordinal, x.search_text, x.country_codes, x.ministry_ids, x.official_ids, CURRENT_TIMESTAMP)
      FROM jsonb_to_recordset(${json(changed)}::jsonb) AS ${recordset} WHERE e.id = x.id`;
  }
  const sources = list.flatMap((e) => e.added.map((s) => ({ event_id: e.id, article_id: s.articleId, sentence: s.sentence, facts: s.facts })));
  const countries = list.flatMap((e) => e.facts.countries.map((c) => ({ e: e.id, k: c })));
  const ministries = list.flatMap((e) => e.facts.ministries.map((m) => ({ e: e.id, k: m })));
  const participants = list.flatMap((e) => e.facts.participants.map((p) => ({ e: e.id, k: p.official, r: p.role })));
  const changedIds = changed.map((r) => r.id);
  // Links the merges no longer have go (changed events only); the others stay or come.
  await tx.$executeRaw`
    WITH s AS (
      INSERT INTO event_sources (event_id, article_id, sentence, facts)
      SELECT x.event_id, x.article_id, x.sentence, x.facts FROM jsonb_to_recordset(${json(sources)}::jsonb) AS x(event_id int, article_id int, sentence text, facts jsonb)
    ), c0 AS (
      DELETE FROM event_countries l WHERE l.event_id = ANY(${changedIds}::int[])
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${json(countries)}::jsonb) AS x(e int, k text) WHERE x.e = l.event_id AND x.k = l.country_code)
    ), c1 AS (
      INSERT INTO event_countries (event_id, country_code) SELECT x.e, x.k FROM jsonb_to_recordset(${json(countries)}::jsonb) AS x(e int, k text) ON CONFLICT DO NOTHING
    ), p0 AS (
      DELETE FROM event_participants l WHERE l.event_id = ANY(${changedIds}::int[])
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${json(participants)}::jsonb) AS x(e int, k int) WHERE x.e = l.event_id AND x.k = l.official_id)
    ), p1 AS (
      INSERT INTO event_participants (event_id, official_id, role)
      SELECT x.e, x.k, x.r::participant_role FROM jsonb_to_recordset(${json(participants)}::jsonb) AS x(e int, k int, r text)
      ON CONFLICT (event_id, official_id) DO UPDATE SET role = EXCLUDED.role WHERE event_participants.role IS DISTINCT FROM EXCLUDED.role
    ), m0 AS (
      DELETE FROM event_ministries l WHERE l.event_id = ANY(${changedIds}::int[])
        AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${json(ministries)}::jsonb) AS x(e int, k int) WHERE x.e = l.event_id AND x.k = l.ministry_id)
    )
    INSERT INTO event_ministries (event_id, ministry_id) SELECT x.e, x.k FROM jsonb_to_recordset(${json(ministries)}::jsonb) AS x(e int, k int) ON CONFLICT DO NOTHING`;
}

/**
 * The names and aliases of these officials, in id order (an event's search
 * text carries them); `held`: names a batch has given and not written yet,
 * or officials it has created and not written. Only the others are read.
 */
export async function officialNames(
  tx: Tx, officials: number[], held: (id: number) => { name: string; aliases: string[] } | undefined = () => undefined,
): Promise<string[]> {
  const list = ids(officials).map((id) => ({ id, names: held(id) }));
  const read = list.filter((o) => !o.names).map((o) => o.id);
  const stored = new Map(read.length
    ? (await tx.$queryRaw<{ id: number; name: string; aliases: string[] }[]>`SELECT id, name, aliases FROM officials WHERE id = ANY(${read}::int[])`)
      .map((o) => [o.id, o])
    : []);
  return list.flatMap((o) => {
    const h = o.names ?? stored.get(o.id);
    return h ? [h.name, ...h.aliases] : [];
  });
}

/** An event is the merge of its sources' accounts, in article order; with none left it goes. */
export async function rebuildEvent(tx: Tx, id: number, g: Gazetteer): Promise<void> {
  const [src] = await tx.$queryRaw<{ facts: unknown[] | null }[]>`
    SELECT (SELECT json_agg(facts ORDER BY article_id) FROM event_sources WHERE event_id = ${id}) AS facts`;
  const f = foldFacts(eventFactsOf(src?.facts), mergeEvents);
  if (!f) {
    await tx.$executeRaw`DELETE FROM events WHERE id = ${id}`;
    return;
  }
  await writeEvents(tx, g, [{ id, created: false, facts: f, names: await officialNames(tx, f.participants.map((p) => p.official)), added: [] }]);
}
