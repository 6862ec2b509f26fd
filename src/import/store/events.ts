// Events: each report of an activity is a source with what its article says;
// the event row is the merge of its sources in article order (src/identity/events.ts).
// An event rebuilt after an article's sources went (a new batch's events are
// resolved and written by ./open-events.ts).
import { Prisma } from "../../db/generated/client.ts";
import { describeDate, formatDate } from "../../dates/value.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import { eventSpan, mergeEvents, type EventFacts } from "../../identity/events.ts";
import { eventFactsOf } from "./facts.ts";
import { datePrecision, foldFacts, searchText, type Tx } from "./rows.ts";

/** The event row's own columns for these merged facts; `names` are its participants' names and aliases. */
function columns(f: EventFacts, g: Gazetteer, names: string[]) {
  const span = eventSpan(f.start, f.end);
  const label = g.eventTypes.get(f.type);
  return Prisma.sql`${f.type}::event_type, ${formatDate(f.start)}, ${datePrecision(f.start)}::date_precision, ${formatDate(f.end)}, ${datePrecision(f.end)}::date_precision,
    ${span?.[0] ?? null}::date, ${span?.[1] ?? null}::date, ${describeDate(f.start)}, ${f.place}, ${f.summary}, ${f.topics}::text[], ${f.mechanism}, ${f.ordinal}::int,
    ${searchText([
      f.summary, f.place, f.mechanism, label?.vi, label?.en,
      ...names,
      ...f.countries.flatMap((c) => [g.countries.get(c)?.vi, g.countries.get(c)?.en]),
    ])}`;
}

/**
 * The filter keys the link-table triggers keep (event_filter_keys), written
 * with the row: the triggers then find them right and leave the row alone,
 * instead of writing a new version of it (and its indexes) once per link table.
 */
function keys(f: EventFacts) {
  const ids = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return Prisma.sql`${[...new Set(f.countries)].sort()}::text[], ${ids(f.ministries)}::int[], ${ids(f.participants.map((p) => p.official))}::int[]`;
}

const COLUMNS = Prisma.sql`type, start, start_precision, "end", end_precision, span_from, span_to, date_reason, place, summary, topics, mechanism, ordinal, search_text,
  country_codes, ministry_ids, official_ids`;

/** An event is the merge of its sources' accounts, in article order; with none left it goes. */
export async function rebuildEvent(tx: Tx, id: number, g: Gazetteer): Promise<void> {
  const [src] = await tx.$queryRaw<{ facts: unknown[] | null }[]>`
    SELECT (SELECT json_agg(facts ORDER BY article_id) FROM event_sources WHERE event_id = ${id}) AS facts`;
  const f = foldFacts(eventFactsOf(src?.facts), mergeEvents);
  if (!f) {
    await tx.$executeRaw`DELETE FROM events WHERE id = ${id}`;
    return;
  }
  const officials = f.participants.map((p) => p.official);
  const names = await tx.$queryRaw<{ name: string; aliases: string[] }[]>`SELECT name, aliases FROM officials WHERE id = ANY(${officials}::int[]) ORDER BY id`;
  // Links the merge no longer has go; the others stay or come.
  await tx.$executeRaw`
    WITH e AS (
      UPDATE events SET (${COLUMNS}, updated_at) = (${columns(f, g, names.flatMap((o) => [o.name, ...o.aliases]))}, ${keys(f)}, CURRENT_TIMESTAMP) WHERE id = ${id}
    ), c0 AS (
      DELETE FROM event_countries WHERE event_id = ${id} AND NOT (country_code = ANY(${f.countries}::text[]))
    ), c1 AS (
      INSERT INTO event_countries (event_id, country_code) SELECT ${id}, x FROM unnest(${f.countries}::text[]) x ON CONFLICT DO NOTHING
    ), p0 AS (
      DELETE FROM event_participants WHERE event_id = ${id} AND NOT (official_id = ANY(${officials}::int[]))
    ), p1 AS (
      INSERT INTO event_participants (event_id, official_id, role)
      SELECT ${id}, x.o, x.r::participant_role FROM unnest(${officials}::int[], ${f.participants.map((pp) => pp.role)}::text[]) x(o, r)
      ON CONFLICT (event_id, official_id) DO UPDATE SET role = EXCLUDED.role WHERE event_participants.role IS DISTINCT FROM EXCLUDED.role
    ), m0 AS (
      DELETE FROM event_ministries WHERE event_id = ${id} AND NOT (ministry_id = ANY(${f.ministries}::int[]))
    )
    INSERT INTO event_ministries (event_id, ministry_id) SELECT ${id}, x FROM unnest(${f.ministries}::int[]) x ON CONFLICT DO NOTHING`;
}
