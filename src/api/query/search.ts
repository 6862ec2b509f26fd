// /v1/search: one box across officials, ministries, countries, events and
// agreements. A hit that contains the query (ignoring case and diacritics)
// scores 1; otherwise, for typos, pg_trgm's word similarity when it reaches
// the threshold, for the kinds named by a short name (officials, ministries,
// countries: see SIMILAR_KINDS). Best first; among equal scores by kind, then
// shorter labels.
// Each kind gives only its best `limit` hits: those containing the query come
// shortest label first straight from an index on the label's length (events
// and agreements: see labelWalk), and the
// (costly) similar ones are looked for only when fewer than `limit` contain it:
// a first statement reads the hits that contain the query, and only when they
// are too few does a second one add the similar ones (planning the similarity
// of every kind costs more than reading a common word's hits). Among equal
// scores a kind follows those before it, so it is read only when they give
// fewer than `limit` hits: events and agreements, the costliest walks, last.
import type { Reader } from "../../db/reader.ts";
import { changedSince } from "./changes.ts";
import { commonIn } from "./count.ts";
import { AGREEMENT_SAMPLE, OFFICIAL_SAMPLE, SMALL_EVENT_SAMPLE, type TextSample } from "./sample.ts";
import { foldedContains, heldInWords, isPhrase, isShortWord, keepsNeedle, keptNeedle, needleOf, textContains, textLookups, type Needle, type WordsTable } from "./text-contains.ts";
import { join, normalizeQuery, raw, rowCount, samePlan, sql, where, type Sql } from "./sql.ts";

export const SEARCH_KINDS = ["official", "ministry", "country", "event", "agreement"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Among equal scores: countries, then officials, ministries, agreements and events. */
const KIND_ORDER: SearchKind[] = ["country", "official", "ministry", "agreement", "event"];

/**
 * The kinds whose similar (typo) hits are looked for: those named by a short
 * name. An event's or agreement's folded text is a paragraph of common
 * syllables, in which the trigrams of a name with a typo or no hit
 * ("nguyen van an") stand in most rows: at 1 M events the similarity test
 * reads hundreds of thousands of them, seconds per request. A typo in a
 * person's, body's or country's name finds it here, and its events from it.
 */
const SIMILAR_KINDS: readonly SearchKind[] = ["official", "ministry", "country"];

export interface SearchRow {
  type: SearchKind;
  num_id: number | null;
  code: string | null;
  label: string;
  detail: string | null;
  score: number;
}

interface KindSql {
  /** `FROM …` with the table's alias. */
  from: Sql;
  /**
   * What `columns` reads besides the table: a country's name, joined once
   * rather than looked up per row (a lookup in a table of 250 rows is planned
   * as a scan of all of them, about 10 µs a hit).
   */
  joins: Sql;
  /** The indexed folded text. */
  folded: Sql;
  /** How the folded text is tested for the query: as the kind's own list tests it. */
  contains: (folded: Sql, needle: Needle) => Sql;
  /** type, num_id, code, label and detail. */
  columns: Sql;
  label: Sql;
  id: Sql;
}

const KINDS: Record<SearchKind, KindSql> = {
  official: {
    from: sql`FROM officials o`,
    joins: sql`LEFT JOIN countries oc ON oc.code = o.country_code`,
    folded: sql`o.search_folded`,
    contains: textContains,
    columns: sql`'official' AS type, o.id AS num_id, NULL AS code, o.name AS label, oc.name_vi AS detail`,
    label: sql`length(o.name)`,
    id: sql`o.id`,
  },
  ministry: {
    from: sql`FROM ministries mi`,
    joins: sql`LEFT JOIN countries mc ON mc.code = mi.country_code`,
    folded: sql`mi.search_folded`,
    contains: foldedContains,
    columns: sql`'ministry' AS type, mi.id AS num_id, NULL AS code, mi.name_vi AS label,
      concat_ws(' · ', mi.name_en, mc.name_vi) AS detail`,
    label: sql`length(mi.name_vi)`,
    id: sql`mi.id`,
  },
  country: {
    from: sql`FROM countries c`,
    joins: sql``,
    folded: sql`c.search_folded`,
    contains: foldedContains,
    columns: sql`'country' AS type, NULL::int AS num_id, c.code::text AS code, c.name_vi AS label, c.name_en AS detail`,
    label: sql`length(c.name_vi)`,
    id: sql`c.code`,
  },
  event: {
    from: sql`FROM events e`,
    joins: sql``,
    folded: sql`e.search_folded`,
    contains: textContains,
    columns: sql`'event' AS type, e.id AS num_id, NULL AS code, e.summary AS label, concat_ws(' · ', e.type::text, e.start, e.place) AS detail`,
    label: sql`length(e.summary)`,
    id: sql`e.id`,
  },
  agreement: {
    from: sql`FROM agreements a`,
    joins: sql``,
    folded: sql`a.search_folded`,
    contains: textContains,
    columns: sql`'agreement' AS type, a.id AS num_id, NULL AS code, a.title AS label, concat_ws(' · ', a.type::text, a.signed) AS detail`,
    label: sql`length(a.title)`,
    id: sql`a.id`,
  },
};

/**
 * The kinds whose hits containing the query come from a walk of an index in
 * the hits' order (the label's length, then id) that carries the folded text:
 * events_search_label_idx, agreements_search_label_idx and
 * officials_search_label_idx (migrations 20261204100000_search_label_walks,
 * 20261205100200_agreement_search_label and 20261217100000_official_search_label).
 * Each index holds the rows whose label and folded text fit in an index row
 * (`carried`, written out literally so that the planner matches the partial
 * index), nearly all; the others are walked apart on a small index.
 *
 * `perHit`: how many index entries the first walk reads for each hit asked
 * for, at most `most`. A common word's first hits lie within it (at 1 M
 * events, the 20th event containing "cuba" is the 5,494th shortest summary;
 * the 20th of 50,000 agreements the 411th); a rarer word's are read through
 * the text's index and sorted. The walk stops at the last hit asked for, so only a text whose hits
 * are rare among the shortest labels reads all of it: "tiep", in a quarter of
 * the events but the 20th of them the 10,713th shortest summary, read its
 * 250,000 hits to sort them (455 ms) when the walk stopped at 10,000 entries,
 * and a walk of 50,000 takes 26 ms at most. It stays a small part of the
 * table (agreements are a twentieth of events), for which the planner walks
 * the index rather than sort the table.
 *
 * `common`: a kind is walked only for a text that about `rows` of its rows
 * or more contain, as its sample tells (commonIn); the others, however many
 * short labels the walk would pass, are read through the text's index and
 * sorted. Either way gives the same hits, so a rough count serves. At 1 M
 * events the walk of 10,000 events was most of the search for a name no event
 * holds (13 of 23 ms), and the walks of the 1,000 shortest officials' names
 * and agreements' titles two thirds of the search for a name (2 of 3 ms),
 * which found none there: short names are foreign ones, so that even
 * "nguyen", in 1,764 of 50,000 officials, was read faster than walked. Near
 * each line either way costs about the same (texts in 1,300 to 3,500 events;
 * 400 to 1,800 officials; agreements, whose walk reads its index alone, were
 * walked faster from about 500).
 */
type LabelWalk = {
  table: string; alias: string; label: string; folded: string; perHit: number; most: number;
  /** The rows the label index holds, and the others (walked apart); none: all of them. */
  carried?: string; long?: string;
  /** The table of the words of the kind's texts (heldInWords); none: no such test. */
  words?: WordsTable;
  /** How many rows must contain the text, as the sample tells, for the first walk to pay (else it is skipped); none: always. */
  common?: { sample: TextSample; rows: number };
  /**
   * A function giving the first hits of a text of one word from its words' lists of their shortest rows, when
   * they can tell (migration 20261221100000_word_firsts); the walk is the rest's. None: always walked.
   */
  firsts?: string;
};
const LABEL_WALKS: Partial<Record<SearchKind, LabelWalk>> = {
  official: {
    table: "officials", alias: "o", label: "length(o.name)", folded: "o.search_folded", perHit: 50, most: 1_000, words: "official_names",
    common: { sample: OFFICIAL_SAMPLE, rows: 2048 },
    carried: "octet_length(o.name) + octet_length(o.search_folded) <= 2400",
    long: "octet_length(o.name) + octet_length(o.search_folded) > 2400",
  },
  event: {
    table: "events", alias: "e", label: "length(e.summary)", folded: "e.search_folded", perHit: 2500, most: 50_000, words: "event_words",
    carried: "octet_length(e.summary) + octet_length(e.search_folded) <= 2400",
    long: "octet_length(e.summary) + octet_length(e.search_folded) > 2400",
    common: { sample: SMALL_EVENT_SAMPLE, rows: 4096 },
    firsts: "hoptac_event_firsts",
  },
  agreement: {
    table: "agreements", alias: "a", label: "length(a.title)", folded: "a.search_folded", perHit: 50, most: 5_000, words: "agreement_words",
    common: { sample: AGREEMENT_SAMPLE, rows: 512 },
    carried: "octet_length(a.title) + octet_length(a.search_folded) <= 2400",
    long: "octet_length(a.title) + octet_length(a.search_folded) > 2400",
  },
};

/**
 * The ids and label lengths of a walked kind's first `limit` hits that contain
 * the query, in label order: the first `entries` entries of the label index,
 * tested on the index; only when they hold fewer than `limit` hits, every
 * carried row that contains it, read through the text's index and sorted
 * (`OFFSET 0` keeps the planner from walking the label index on: the text is
 * rare among short labels, and a rare text's estimate can be far off, so that
 * a walk of all 1 M entries for a pair of words no event holds looked cheap);
 * and the long rows, apart. The same hits as one walk of every entry.
 *
 * A word under three letters ("vu") has no index to be read through: its rows
 * would be read whole, every one tested and then sorted, as would the sample's
 * rows to tell whether it is common. Its walk is not bounded instead, and
 * stops at the last hit asked for, having read no more than the rows would
 * have been: at 1 M events, "vu" read 50,000 officials and 50,000 agreements
 * three times over (55 ms), where its first hits are among the first
 * thousands of each.
 */
function labelWalk(kind: SearchKind, needle: Needle, recent: ((id: Sql) => Sql) | undefined, count: number, entries?: number): Sql {
  const w = LABEL_WALKS[kind]!;
  const budget = rowCount(entries ?? Math.min(w.perHit * count, w.most));
  const limit = rowCount(count);
  const [table, label, folded] = [raw(`${w.table} ${w.alias}`), raw(w.label), raw(w.folded)];
  const id = raw(`${w.alias}.id`);
  const order = sql`ORDER BY ${label}, ${id}`;
  // The rows past the first walk, read as the kind's lists read them (textContains), in one way or, for a kept phrase, two (textLookups).
  const lookups = textLookups(folded, needle);
  // A word under three letters is walked to its last hit (see above), whatever a sample would say.
  const unbounded = entries === undefined && isShortWord(needle.text);
  // The first hits from the words' lists when they tell (`firsts`): a text of one word, no date to filter by, the
  // first walk's usual budget. The parts below then read nothing: each is gated on the lists not having told.
  const listed = w.firsts && !recent && entries === undefined && !unbounded && !isPhrase(needle.text);
  const untold = listed ? [sql`NOT (SELECT bool_or(answered) FROM listed)`] : [];
  // Whether a word of the kind's texts holds the text (heldInWords): tested once, before any of the parts reads a row.
  // Beside the lists the words are not asked twice: lists that do not tell found words that hold the text (or the
  // text folded into two, which the words would not rule out either).
  const words = w.words && !listed ? heldInWords(w.words, needle) : undefined;
  const held = words ? [sql`(SELECT v FROM held)`] : [];
  const carried = w.carried ? [raw(w.carried)] : [];
  // Whether the first walk pays, asked of the sample only when a word holds the text: as one more condition the
  // planner could test it first, for it prices the sample's read below the words' lookup.
  const sampled = w.common && entries === undefined && !unbounded ? commonIn(w.common.sample, needle, w.common.rows) : undefined;
  const walks = [...untold, ...(sampled ? [words ? sql`CASE WHEN (SELECT v FROM held) THEN ${sampled} ELSE false END` : sampled] : held)];
  const after = (id: Sql) => recent?.(id) ?? sql``;
  // Each lookup's hits past the walk, and the long rows, apart; the caller sorts them all.
  const hits = unbounded ? [] : lookups.map(
    (c) => sql`(SELECT id, len FROM (SELECT ${id} AS id, ${label} AS len FROM ${table}
      WHERE ${join([...untold, ...held, sql`(SELECT count(*) FROM head) < ${limit}`, ...carried, c], " AND ")}${after(id)} OFFSET 0) hits ORDER BY len, id LIMIT ${limit})`,
  );
  const longRows = w.long;
  const long = longRows
    ? lookups.map((c) => sql`(SELECT ${id}, ${label} FROM ${table} WHERE ${join([...untold, ...held, raw(longRows), c], " AND ")}${after(id)} ${order} LIMIT ${limit})`)
    : [];
  const ctes = [
    ...(words ? [sql`held AS MATERIALIZED (SELECT ${words} AS v)`] : []),
    ...(listed ? [sql`listed AS MATERIALIZED (SELECT * FROM ${raw(w.firsts!)}(${needle.pattern}, ${limit}))`] : []),
    sql`head AS MATERIALIZED (
      SELECT h.id, h.len FROM (SELECT ${id} AS id, ${label} AS len, ${folded} AS folded FROM ${table}
        ${where([...walks, ...carried])} ${order} ${unbounded ? sql`OFFSET 0` : sql`LIMIT ${budget}`}) h
      WHERE ${foldedContains(sql`h.folded`, needle)}${after(sql`h.id`)} LIMIT ${limit})`,
  ];
  return sql`(WITH ${join(ctes, ", ")}
    ${listed ? sql`SELECT id, len FROM listed WHERE answered AND id IS NOT NULL
    UNION ALL
    ` : sql``}SELECT id, len FROM head${unbounded ? sql`` : sql` WHERE (SELECT count(*) FROM head) >= ${limit}`}
    UNION ALL
    ${join([...hits, ...long], "\n    UNION ALL\n    ")})`;
}

/**
 * Which parts of the search a statement reads; `budget`, the first walks'
 * entries, walked whatever the sample says of the text (else their kind's
 * perHit × limit, for a common text); `contained`, the hits that contain the
 * query when already read (all of them, fewer than `limit`), so that the
 * similar ones are added to them without reading them again.
 */
type Parts = { similar: boolean; budget?: number; contained?: readonly SearchRow[] };

/**
 * Whether the first statement (the hits that contain the query) keeps one plan
 * for every text: without a date to filter by, for a text that keepsNeedle. Its
 * parts run only as far as the text needs (the gates on the words, the sample
 * and the walks' counts are tested when it runs), so a plan made without the
 * text reads what one made for it reads, and its planning (about 2 ms at
 * 1 M events, most of a search) is done once per connection. So for a word
 * under three letters, whose statement (another text: see labelWalk) reads
 * no trigram index, and a third of whose search its planning was.
 */
function keepsPlan(text: string, updatedSince: Date | undefined): boolean {
  return updatedSince === undefined && (keepsNeedle(text) || isShortWord(text));
}

export function searchSql(q: string, kinds: readonly SearchKind[], limit: number, updatedSince: Date | undefined, parts: Parts): Sql {
  const text = normalizeQuery(q);
  const kept = !parts.similar && keepsPlan(text, updatedSince) ? keptNeedle(text) : undefined;
  const needle = kept?.needle ?? needleOf(text);
  // Only records changed since then (updated_since), tested before each kind keeps its best.
  const recentId = (kind: SearchKind) => (id: Sql) => (updatedSince ? sql` AND ${changedSince(kind, id, updatedSince)}` : sql``);
  const recent = (kind: SearchKind) => recentId(kind)(KINDS[kind].id);
  const contains = (k: KindSql) => k.contains(k.folded, needle);
  // A two-letter query may also be an ISO code ("cu"), scored by its similarity like a typo.
  const code = (kind: SearchKind) => (kind === "country" && /^[A-Za-z]{2}$/.test(text) ? sql` OR c.code = ${text.toUpperCase()}` : sql``);
  // Limits are written in, not bound, so that a plan kept for a statement (samePlan) knows how few rows are asked for.
  const n = rowCount(limit);
  const exact = kinds.map((kind) => {
    const k = KINDS[kind];
    const w = LABEL_WALKS[kind];
    if (w) {
      // The ids first, from index-only walks, then only their rows.
      const walks = labelWalk(kind, needle, updatedSince ? recentId(kind) : undefined, limit, parts.budget);
      return sql`(SELECT ${k.columns}, 1::float8 AS score
        FROM (SELECT * FROM ${walks} w ORDER BY w.len, w.id LIMIT ${n}) x
        JOIN ${raw(`${w.table} ${w.alias}`)} ON ${raw(w.alias)}.id = x.id ${k.joins} ORDER BY x.len, x.id)`;
    }
    return sql`(SELECT ${k.columns}, 1::float8 AS score ${k.from} ${k.joins} WHERE ${contains(k)}${recent(kind)} ORDER BY ${k.label}, ${k.id} LIMIT ${n})`;
  });
  const order = sql`ORDER BY hits.score DESC, array_position(${KIND_ORDER}::text[], hits.type), length(hits.label), num_id, code LIMIT ${n}`;
  if (!parts.similar) {
    // Every hit here scores 1, so the kinds' hits follow each other in KIND_ORDER: a kind is read only while
    // those before it give fewer than `limit` (h0, h1, …: the hits so far), and a walk past thousands of short
    // labels (agreements', events') never runs when the names before them are enough.
    const inOrder = KIND_ORDER.flatMap((kind) => {
      const i = kinds.indexOf(kind);
      return i < 0 ? [] : [exact[i]!];
    });
    const columns = sql`SELECT type, num_id, code, label, detail, round(score::numeric, 3)::float8 AS score`;
    const hitsSoFar = inOrder.map((kindHits, i) => {
      const before = raw(`h${i - 1}`);
      const read = i === 0 ? kindHits : sql`SELECT * FROM ${before} UNION ALL (SELECT * FROM ${kindHits} x WHERE (SELECT count(*) FROM ${before}) < ${n})`;
      return sql`${raw(`h${i}`)} AS MATERIALIZED (${read})`;
    });
    const ctes = kept ? [kept.cte, ...hitsSoFar] : hitsSoFar;
    const statement = sql`WITH ${join(ctes, ", ")} ${columns} FROM ${raw(`h${inOrder.length - 1}`)} hits ${order}`;
    return kept ? samePlan(statement) : statement;
  }
  // The folded query is read from a subquery run once per statement, so that
  // the planner prices every text's similarity test alike (a name's trigram
  // index serves any text: see 20261214100000_search_similarity_price) and
  // never folds the query per row. With the hits that contain the query handed
  // in, and no date to filter by, nothing in the plan then depends on the
  // values (samePlan): the connection plans it once instead of every search
  // (1.1 ms at 1 M events).
  const folded = sql`(SELECT hoptac_fold(${text}))`;
  const similar = kinds.filter((kind) => SIMILAR_KINDS.includes(kind)).map((kind) => {
    const k = KINDS[kind];
    if (kind === "official" && !updatedSince) return similarOfficials(folded, n);
    // A similar name is one that does not contain the query: strpos, as every kind's test (its index aside) is.
    return sql`(SELECT ${k.columns}, word_similarity(${folded}, ${k.folded}) AS score ${k.from} ${k.joins}
      WHERE (SELECT count(*) FROM exact) < ${n} AND (${k.folded} %> ${folded}${code(kind)}) AND strpos(${k.folded}, ${folded}) = 0${recent(kind)}
      ORDER BY score DESC, ${k.label}, ${k.id} LIMIT ${n})`;
  });
  const known = parts.contained
    ? sql`SELECT x.type, x.num_id, x.code, x.label, x.detail, x.score
        FROM json_to_recordset(${JSON.stringify(parts.contained)}::json) AS x(type text, num_id int, code text, label text, detail text, score float8)`
    : join(exact, " UNION ALL ");
  const statement = sql`WITH exact AS MATERIALIZED (${known})
    SELECT type, num_id, code, label, detail, round(score::numeric, 3)::float8 AS score FROM (
      SELECT * FROM exact${similar.length ? sql` UNION ALL ${join(similar, " UNION ALL ")}` : sql``}
    ) hits ${order}`;
  return parts.contained !== undefined && updatedSince === undefined ? samePlan(statement) : statement;
}

/**
 * The `n` officials whose names are most similar to the query (and do not
 * contain it), in the order of the other kinds' similar hits, found among
 * their distinct names (official_names, migration 20261216100000_search_terms):
 * the names at least as similar as the n-th official's, then their officials.
 * The same rows as testing every official's name; an official changed since a
 * date is tested on its own row instead.
 */
function similarOfficials(folded: Sql, n: Sql): Sql {
  const k = KINDS.official;
  return sql`(WITH names AS MATERIALIZED (
      SELECT x.folded, word_similarity(${folded}, x.folded) AS score,
        (SELECT count(*) FROM officials c WHERE c.search_folded = x.folded) AS officials
      FROM official_names x
      WHERE (SELECT count(*) FROM exact) < ${n} AND x.folded %> ${folded} AND strpos(x.folded, ${folded}) = 0),
    nth AS (SELECT coalesce(max(score), -1) AS score FROM (SELECT score, sum(officials) OVER (ORDER BY score DESC) AS officials FROM names) c WHERE officials >= ${n})
    SELECT ${k.columns}, x.score FROM names x JOIN officials o ON o.search_folded = x.folded ${k.joins}
    WHERE x.score >= (SELECT score FROM nth)
    ORDER BY x.score DESC, ${k.label}, ${k.id} LIMIT ${n})`;
}

/**
 * The best `limit` hits: those containing the query, and only when fewer
 * than `limit` do, a second statement that adds the similar ones to them
 * (handed back, not read again: for a text of common syllables, reading the
 * events that contain it is most of the search's time).
 */
export async function search(db: Reader, q: string, kinds: readonly SearchKind[], limit: number, updatedSince?: Date): Promise<SearchRow[]> {
  const contained = await db.query<SearchRow>(searchSql(q, kinds, limit, updatedSince, { similar: false }));
  if (contained.length >= limit || !kinds.some((kind) => SIMILAR_KINDS.includes(kind))) return contained;
  return db.query<SearchRow>(searchSql(q, kinds, limit, updatedSince, { similar: true, contained }));
}
