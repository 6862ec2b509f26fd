// Events of one store transaction, resolved in memory and written together.
// Each report is matched as one-at-a-time would match it — against the stored
// events (found through their filter keys) and the events this transaction
// has created or changed so far (held here, with the same filters) — and the
// events held here are written at once when the batch ends: one statement per
// table, so that the tables' statement-level triggers run once per batch.
import { Prisma } from "../../db/generated/client.ts";
import { describeDate, formatDate } from "../../dates/value.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import { agreeingTypes, candidateSpan, eventMatch, eventSpan, mergeEvents, type EventFacts } from "../../identity/events.ts";
import { eventFactsOf } from "./facts.ts";
import { datePrecision, foldFacts, searchText, type Tx } from "./rows.ts";

interface Source {
  articleId: number;
  sentence: string;
  /** What the article says, as its source's JSON holds it (null in sources written without). */
  facts: unknown;
}

interface OpenEvent {
  id: number;
  /** Not stored yet: its row is inserted, else updated. */
  created: boolean;
  /** Every source, in article order (the stored ones and this transaction's). */
  sources: Source[];
  /** This transaction's sources, to insert. */
  added: Source[];
  /** The merge of its sources as read back, which the next reports are matched against. */
  facts: EventFacts;
  /** What its row is written from: the merge, or a new event's one report as given. */
  written: EventFacts;
  /** Its participants' names and aliases as they were when it last changed (its search text). */
  names: string[];
}

/** What one article says of an event, as its source's JSON holds it. */
const asJson = (f: EventFacts): unknown => JSON.parse(JSON.stringify(f));
const merged = (sources: Source[]) => foldFacts(eventFactsOf(sources.map((s) => s.facts)), mergeEvents);

const sorted = <T>(xs: T[]) => [...new Set(xs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export class OpenEvents {
  private readonly open = new Map<number, OpenEvent>();

  constructor(private readonly g: Gazetteer) {}

  /** Is this event one this transaction created and has not written yet? */
  unwritten(id: number): boolean {
    return this.open.get(id)?.created ?? false;
  }

  get size(): number {
    return this.open.size;
  }

  /**
   * The event this report is another report of, if any: the best strong match
   * among the candidates in id order, else the only weak one.
   */
  async find(tx: Tx, articleId: number, f: EventFacts): Promise<{ id: number; stored?: Source[] } | null> {
    const span = candidateSpan(f);
    const foreign = f.countries.filter((c) => c !== "VN");
    const types = agreeingTypes(f.type);
    const held = [...this.open.keys()];
    const rows = await tx.$queryRaw<{ id: number; sources: { a: number; s: string; f: unknown }[] | null }[]>`
      SELECT e.id, (SELECT json_agg(json_build_object('a', s.article_id, 's', s.sentence, 'f', s.facts) ORDER BY s.article_id)
                    FROM event_sources s WHERE s.event_id = e.id) AS sources
      FROM events e
      WHERE e.type = ANY(${types}::event_type[])
        AND NOT (e.id = ANY(${held}::int[]))
        AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = ${articleId})
        AND ${foreign.length ? Prisma.sql`e.country_codes && ${foreign}::text[]` : Prisma.sql`e.country_codes <@ ARRAY['VN']::text[]`}
        AND ${span
          ? Prisma.sql`(e.span_from IS NULL OR daterange(e.span_from, e.span_to, '[]') && daterange(${span[0]}::date, ${span[1]}::date, '[]'))`
          : Prisma.sql`TRUE`}
      ORDER BY e.id`;
    const candidates: { id: number; facts: EventFacts | null; stored?: Source[] }[] = rows.map((r) => {
      const stored = (r.sources ?? []).map((s) => ({ articleId: s.a, sentence: s.s, facts: s.f }));
      return { id: r.id, facts: merged(stored), stored };
    });
    // The events held here, filtered as the query filters the stored ones (on the columns they will be written with).
    for (const e of this.open.values()) {
      if (!types.includes(e.facts.type) || e.sources.some((s) => s.articleId === articleId)) continue;
      const codes = sorted(e.facts.countries);
      if (foreign.length ? !codes.some((c) => foreign.includes(c)) : !codes.every((c) => c === "VN")) continue;
      const own = eventSpan(e.facts.start, e.facts.end);
      if (span && own && !(own[0] <= span[1] && span[0] <= own[1])) continue;
      candidates.push({ id: e.id, facts: e.facts });
    }
    candidates.sort((a, b) => a.id - b.id);
    const scored = candidates.flatMap((c) => {
      const match = c.facts ? eventMatch(c.facts, f) : null;
      return match ? [{ ...c, ...match }] : [];
    });
    const strong = scored.filter((r) => !r.weak).sort((a, b) => b.score - a.score);
    const pick = strong[0] ?? (scored.length === 1 ? scored[0]! : null);
    return pick ? { id: pick.id, stored: pick.stored } : null;
  }

  /** A new event from this report; its id is taken now, its rows are written with the batch. */
  async create(tx: Tx, f: EventFacts, source: { articleId: number; sentence: string }, names: (officialId: number) => string[]): Promise<number> {
    const [row] = await tx.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('events', 'id'))::int AS id`;
    const s = { ...source, facts: asJson(f) };
    const byId = [...f.participants].sort((a, b) => a.official - b.official);
    this.open.set(row!.id, { id: row!.id, created: true, sources: [s], added: [s], facts: merged([s])!, written: f, names: byId.flatMap((p) => names(p.official)) });
    return row!.id;
  }

  /**
   * Another report of the event `match` (as find gave it): the event becomes
   * the merge of all its reports in article order, with its participants'
   * names as they are now.
   */
  async add(tx: Tx, match: { id: number; stored?: Source[] }, f: EventFacts, source: { articleId: number; sentence: string }): Promise<void> {
    const s = { ...source, facts: asJson(f) };
    const e = this.open.get(match.id) ?? { id: match.id, created: false, sources: match.stored ?? [], added: [], facts: f, written: f, names: [] };
    e.sources = [...e.sources, s].sort((a, b) => a.articleId - b.articleId);
    e.added.push(s);
    e.facts = merged(e.sources)!;
    e.written = e.facts;
    const officials = e.facts.participants.map((p) => p.official);
    const names = await tx.$queryRaw<{ name: string; aliases: string[] }[]>`SELECT name, aliases FROM officials WHERE id = ANY(${officials}::int[]) ORDER BY id`;
    e.names = names.flatMap((o) => [o.name, ...o.aliases]);
    this.open.set(e.id, e);
  }

  /** Writes the events held here: rows, sources and links, one statement per table; then holds none. */
  async flush(tx: Tx): Promise<void> {
    if (!this.open.size) return;
    const list = [...this.open.values()].sort((a, b) => a.id - b.id);
    this.open.clear();
    const rows = list.map((e) => ({ ...this.row(e), id: e.id, created: e.created }));
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
    const countries = list.flatMap((e) => e.written.countries.map((c) => ({ e: e.id, k: c })));
    const ministries = list.flatMap((e) => e.written.ministries.map((m) => ({ e: e.id, k: m })));
    const participants = list.flatMap((e) => e.written.participants.map((p) => ({ e: e.id, k: p.official, r: p.role })));
    const ids = changed.map((r) => r.id);
    // Links the merges no longer have go (changed events only); the others stay or come.
    await tx.$executeRaw`
      WITH s AS (
        INSERT INTO event_sources (event_id, article_id, sentence, facts)
        SELECT x.event_id, x.article_id, x.sentence, x.facts FROM jsonb_to_recordset(${json(sources)}::jsonb) AS x(event_id int, article_id int, sentence text, facts jsonb)
      ), c0 AS (
        DELETE FROM event_countries l WHERE l.event_id = ANY(${ids}::int[])
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${json(countries)}::jsonb) AS x(e int, k text) WHERE x.e = l.event_id AND x.k = l.country_code)
      ), c1 AS (
        INSERT INTO event_countries (event_id, country_code) SELECT x.e, x.k FROM jsonb_to_recordset(${json(countries)}::jsonb) AS x(e int, k text) ON CONFLICT DO NOTHING
      ), p0 AS (
        DELETE FROM event_participants l WHERE l.event_id = ANY(${ids}::int[])
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${json(participants)}::jsonb) AS x(e int, k int) WHERE x.e = l.event_id AND x.k = l.official_id)
      ), p1 AS (
        INSERT INTO event_participants (event_id, official_id, role)
        SELECT x.e, x.k, x.r::participant_role FROM jsonb_to_recordset(${json(participants)}::jsonb) AS x(e int, k int, r text)
        ON CONFLICT (event_id, official_id) DO UPDATE SET role = EXCLUDED.role WHERE event_participants.role IS DISTINCT FROM EXCLUDED.role
      ), m0 AS (
        DELETE FROM event_ministries l WHERE l.event_id = ANY(${ids}::int[])
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(${json(ministries)}::jsonb) AS x(e int, k int) WHERE x.e = l.event_id AND x.k = l.ministry_id)
      )
      INSERT INTO event_ministries (event_id, ministry_id) SELECT x.e, x.k FROM jsonb_to_recordset(${json(ministries)}::jsonb) AS x(e int, k int) ON CONFLICT DO NOTHING`;
  }

  /** The event row's columns (as named in the table) for its merged facts. */
  private row(e: OpenEvent) {
    const f = e.written;
    const span = eventSpan(f.start, f.end);
    const label = this.g.eventTypes.get(f.type);
    const ids = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
    return {
      type: f.type, start: formatDate(f.start), start_precision: datePrecision(f.start), end: formatDate(f.end), end_precision: datePrecision(f.end),
      span_from: span?.[0] ?? null, span_to: span?.[1] ?? null, date_reason: describeDate(f.start), place: f.place, summary: f.summary, topics: f.topics,
      mechanism: f.mechanism, ordinal: f.ordinal,
      search_text: searchText([
        f.summary, f.place, f.mechanism, label?.vi, label?.en,
        ...e.names,
        ...f.countries.flatMap((c) => [this.g.countries.get(c)?.vi, this.g.countries.get(c)?.en]),
      ]),
      country_codes: sorted(f.countries), ministry_ids: ids(f.ministries), official_ids: ids(f.participants.map((p) => p.official)),
    };
  }
}

const COLUMNS = Prisma.sql`type, start, start_precision, "end", end_precision, span_from, span_to, date_reason, place, summary, topics, mechanism, ordinal, search_text,
  country_codes, ministry_ids, official_ids`;
