// Events of one store transaction, resolved in memory and written together.
// Each report is matched as one-at-a-time would match it — against the stored
// events (found through their filter keys) and the events this transaction
// has created or changed so far (held here, with the same filters) — and the
// events held here are written at once when the batch ends (./events.ts).
import { Prisma } from "../../db/generated/client.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import { agreeingTypes, candidateSpan, eventMatch, eventSpan, mergeEvents, type EventFacts } from "../../identity/events.ts";
import { eventFactsOf } from "./facts.ts";
import { officialNames, writeEvents, type EventSource } from "./events.ts";
import type { HeldNames, OpenMentions } from "./open-mentions.ts";
import { foldFacts, type Tx } from "./rows.ts";

interface OpenEvent {
  id: number;
  /** Not stored yet: its row is inserted, else updated. */
  created: boolean;
  /** Every source, in article order (the stored ones and this transaction's). */
  sources: EventSource[];
  /** This transaction's sources, to insert. */
  added: EventSource[];
  /** The merge of its sources as read back, which the next reports are matched against. */
  facts: EventFacts;
  /** What its row is written from: the merge, or a new event's one report as given. */
  written: EventFacts;
  /** Its participants' names and aliases as they were when it last changed (its search text). */
  names: string[];
}

/** What one article says of an event, as its source's JSON holds it. */
const asJson = (f: EventFacts): unknown => JSON.parse(JSON.stringify(f));
const merged = (sources: EventSource[]) => foldFacts(eventFactsOf(sources.map((s) => s.facts)), mergeEvents);

type CandidateRow = { id: number; sources: { a: number; s: string; f: unknown }[] | null };

/**
 * What the lookup of a report's stored candidates needs (a row of its
 * recordset): a stored event is read only when eventMatch could accept it —
 * the type, foreign countries and days may agree (candidateSpan), and, when
 * the report names people, it shares one of them, names nobody, or is the
 * same numbered session (every match needs one of these).
 */
function candidateKeys(n: number, articleId: number, f: EventFacts) {
  const span = candidateSpan(f);
  return {
    n, a: articleId, types: agreeingTypes(f.type), foreign: f.countries.filter((c) => c !== "VN"), lo: span?.[0] ?? null, hi: span?.[1] ?? null,
    people: [...new Set(f.participants.map((p) => p.official))], ordinal: f.ordinal,
  };
}

/** The conditions on a stored event `e` of a report `r` (candidateKeys), leaving out the events held and those its own article reports. */
const MAY_JOIN = Prisma.sql`e.type = ANY(r.types)
  AND (CASE WHEN cardinality(r."foreign") > 0 THEN e.country_codes && r."foreign" ELSE e.country_codes <@ ARRAY['VN']::text[] END)
  AND NOT (e.id = ANY(h.ids))
  AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = r.a)
  AND (r.lo IS NULL OR e.span_from IS NULL OR daterange(e.span_from, e.span_to, '[]') && daterange(r.lo, r.hi, '[]'))
  AND (cardinality(r.people) = 0 OR e.official_ids && r.people OR e.official_ids = ARRAY[]::int[] OR e.ordinal = r.ordinal)`;

/** A stored event whose span meets the report's days (through events_span_range_idx). */
const ON_ITS_DAYS = Prisma.sql`r.lo IS NOT NULL AND e.span_from IS NOT NULL AND daterange(e.span_from, e.span_to, '[]') && daterange(r.lo, r.hi, '[]')`;

/**
 * The stored events each report may join, each branch through indexes whose
 * entries stay few as the knowledge base grows (not every event of a country
 * or of a person): the planner joins the report's keys to each branch's index
 * reads, and MAY_JOIN checks the rest.
 */
const CANDIDATES = Prisma.join([
  // A report naming people: their events on its days (both indexes at once), their undated events, all theirs if it has no days;
  Prisma.sql`cardinality(r.people) > 0 AND e.official_ids && r.people AND ${ON_ITS_DAYS}`,
  Prisma.sql`cardinality(r.people) > 0 AND e.official_ids && r.people AND e.span_from IS NULL`,
  Prisma.sql`cardinality(r.people) > 0 AND e.official_ids && r.people AND r.lo IS NULL`,
  // the events naming nobody, and its numbered session's.
  Prisma.sql`cardinality(r.people) > 0 AND e.official_ids = ARRAY[]::int[]`,
  Prisma.sql`cardinality(r.people) > 0 AND e.ordinal = r.ordinal`,
  // A report naming nobody: the events on its days, the undated ones; if it has no days, those of its foreign countries, or of Việt Nam alone.
  Prisma.sql`cardinality(r.people) = 0 AND ${ON_ITS_DAYS}`,
  Prisma.sql`cardinality(r.people) = 0 AND e.span_from IS NULL`,
  Prisma.sql`cardinality(r.people) = 0 AND r.lo IS NULL AND cardinality(r."foreign") > 0 AND e.country_codes && r."foreign"`,
  Prisma.sql`cardinality(r.people) = 0 AND r.lo IS NULL AND cardinality(r."foreign") = 0 AND e.country_codes <@ ARRAY['VN']::text[]`,
].map((branch) => Prisma.sql`SELECT r.n, e.id FROM r, h, events e WHERE ${branch} AND ${MAY_JOIN}`), " UNION ");

/** A stored event's reports, in article order (the `sources` of a CandidateRow). */
const SOURCES = Prisma.sql`(SELECT json_agg(json_build_object('a', s.article_id, 's', s.sentence, 'f', s.facts) ORDER BY s.article_id)
  FROM event_sources s WHERE s.event_id = e.id)`;

export class OpenEvents {
  private readonly open = new Map<number, OpenEvent>();
  /** The stored candidates of the current article's reports, read at once (prefetch). */
  private readonly prefetched = new Map<EventFacts, CandidateRow[]>();
  /** The names the batch had given officials as of the article being written, when replayed (replayNames). */
  private replayed: Map<number, HeldNames> | null = null;
  /**
   * New events' ids: the first from the sequence, the next ones counted on
   * from it, and the sequence moved past them when they are written. The
   * writers' lock makes this store the only one taking event ids meanwhile,
   * so the ids are those one nextval per event would give.
   */
  private ids: { first: number; last: number } | null = null;

  /** `held`: the batch's officials' names not written yet (./open-mentions.ts). */
  constructor(
    private readonly g: Gazetteer,
    private readonly held: OpenMentions,
  ) {}

  /** Is this event one this transaction created and has not written yet? */
  unwritten(id: number): boolean {
    return this.open.get(id)?.created ?? false;
  }

  get size(): number {
    return this.open.size;
  }

  /**
   * Reads at once the stored events each report of these articles may be
   * another report of (find then takes its report's rows from here): one
   * statement for a batch's articles (their officials resolved) instead of
   * one per article or report. Each event's reports are read once however
   * many of the articles' reports it may join. The stored events do not
   * change until the batch's are written (flush), which forgets these.
   */
  async prefetch(tx: Tx, articles: { articleId: number; reports: EventFacts[] }[]): Promise<void> {
    const all = articles.flatMap((a) => a.reports.map((f) => ({ articleId: a.articleId, f })));
    if (!all.length) return;
    const keys = JSON.stringify(all.map((r, n) => candidateKeys(n, r.articleId, r.f)));
    const rows = await tx.$queryRaw<(CandidateRow & { ns: number[] })[]>`
      WITH h AS (SELECT ${[...this.open.keys()]}::int[] AS ids),
      r AS (
        SELECT * FROM jsonb_to_recordset(${keys}::jsonb)
          AS r(n int, a int, types event_type[], "foreign" text[], lo date, hi date, people int[], ordinal int)
      ), c AS (${CANDIDATES})
      SELECT e.id, array_agg(c.n) AS ns, ${SOURCES} AS sources FROM c JOIN events e ON e.id = c.id GROUP BY e.id ORDER BY e.id`;
    const lists = all.map((r) => {
      const list: CandidateRow[] = [];
      this.prefetched.set(r.f, list);
      return list;
    });
    for (const { ns, ...row } of rows) for (const n of ns) lists[n]!.push(row);
  }

  /**
   * The officials' names events take are held's (what the batch has given
   * them so far); a batch whose officials were all resolved before its
   * reports are written gives, before each article's reports, the names its
   * officials had then (namesGiven).
   */
  replayNames(): void {
    this.replayed = new Map();
  }

  namesGiven(renamed: HeldNames[]): void {
    for (const r of renamed) this.replayed?.set(r.id, r);
  }

  /**
   * The event this report is another report of, if any: the best strong match
   * among the candidates in id order, else the only weak one.
   */
  async find(tx: Tx, articleId: number, f: EventFacts): Promise<{ id: number; stored?: EventSource[] } | null> {
    const span = candidateSpan(f);
    const foreign = f.countries.filter((c) => c !== "VN");
    const types = agreeingTypes(f.type);
    // Read before this article's earlier reports: an event they have changed since is held here, and taken from here.
    if (!this.prefetched.has(f)) await this.prefetch(tx, [{ articleId, reports: [f] }]);
    const rows = this.prefetched.get(f)!.filter((r) => !this.open.has(r.id));
    const candidates: { id: number; facts: EventFacts | null; stored?: EventSource[] }[] = rows.map((r) => {
      const stored = (r.sources ?? []).map((s) => ({ articleId: s.a, sentence: s.s, facts: s.f }));
      return { id: r.id, facts: merged(stored), stored };
    });
    // The events held here, filtered as the query filters the stored ones (on the columns they will be written with).
    for (const e of this.open.values()) {
      if (!types.includes(e.facts.type) || e.sources.some((s) => s.articleId === articleId)) continue;
      const codes = e.facts.countries;
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
    let id: number;
    if (this.ids) id = ++this.ids.last;
    else {
      const [row] = await tx.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('events', 'id'))::int AS id`;
      id = row!.id;
      this.ids = { first: id, last: id };
    }
    const s = { ...source, facts: asJson(f) };
    const byId = [...f.participants].sort((a, b) => a.official - b.official);
    this.open.set(id, { id, created: true, sources: [s], added: [s], facts: merged([s])!, written: f, names: byId.flatMap((p) => names(p.official)) });
    return id;
  }

  /**
   * Another report of the event `match` (as find gave it): the event becomes
   * the merge of all its reports in article order, with its participants'
   * names as they are now.
   */
  async add(tx: Tx, match: { id: number; stored?: EventSource[] }, f: EventFacts, source: { articleId: number; sentence: string }): Promise<void> {
    const s = { ...source, facts: asJson(f) };
    const e = this.open.get(match.id) ?? { id: match.id, created: false, sources: match.stored ?? [], added: [], facts: f, written: f, names: [] };
    e.sources = [...e.sources, s].sort((a, b) => a.articleId - b.articleId);
    e.added.push(s);
    e.facts = merged(e.sources)!;
    e.written = e.facts;
    e.names = await officialNames(tx, e.facts.participants.map((p) => p.official), (id) => (this.replayed ? (this.replayed.get(id) ?? this.held.unwritten(id)) : this.held.names(id)));
    this.open.set(e.id, e);
  }

  /** Writes the events held here (./events.ts: one statement per table); then holds none. */
  async flush(tx: Tx): Promise<void> {
    const list = [...this.open.values()];
    this.open.clear();
    this.prefetched.clear();
    this.replayed = null;
    const ids = this.ids;
    this.ids = null;
    if (ids && ids.last > ids.first) await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('events', 'id'), ${ids.last})`;
    await writeEvents(tx, this.g, list.map((e) => ({ id: e.id, created: e.created, facts: e.written, names: e.names, added: e.added })));
  }
}

