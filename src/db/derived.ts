// Checks the columns and tables the database derives from the knowledge base
// (events' and agreements' filter keys, agreements' folded text, officials' counts of events and mentions, event_rollups with its listed officials and its totals,
// the words of the texts and officials' names) against what they derive from: how many events' and agreements' keys and how many rollup cells and totals disagree, and how many
// words and names are missing. Zero when the triggers did their work; tests and the synthetic generator's check use it.
import { sql } from "../api/query/sql.ts";
import type { Reader } from "./reader.ts";

export async function derivedDrift(db: Reader): Promise<{ keys: number; rollups: number }> {
  const [row] = await db.query<{ keys: number; rollups: number }>(sql`SELECT
    (SELECT count(*)::int FROM events e WHERE
       e.country_codes IS DISTINCT FROM coalesce((SELECT array_agg(l.country_code::text ORDER BY l.country_code) FROM event_countries l WHERE l.event_id = e.id), ARRAY[]::text[])
       OR e.ministry_ids IS DISTINCT FROM coalesce((SELECT array_agg(l.ministry_id ORDER BY l.ministry_id) FROM event_ministries l WHERE l.event_id = e.id), ARRAY[]::int[])
       OR e.official_ids IS DISTINCT FROM coalesce((SELECT array_agg(l.official_id ORDER BY l.official_id) FROM event_participants l WHERE l.event_id = e.id), ARRAY[]::int[]))
    + (SELECT count(*)::int FROM agreements a WHERE
       a.country_codes IS DISTINCT FROM coalesce((SELECT array_agg(DISTINCT l.country_code::text ORDER BY l.country_code::text) FROM agreement_parties l WHERE l.agreement_id = a.id), ARRAY[]::text[])
       OR a.ministry_ids IS DISTINCT FROM coalesce((SELECT array_agg(DISTINCT l.ministry_id ORDER BY l.ministry_id) FROM agreement_parties l WHERE l.agreement_id = a.id AND l.ministry_id IS NOT NULL), ARRAY[]::int[])
       OR a.search_folded IS DISTINCT FROM hoptac_fold(a.search_text))
    + (SELECT count(*)::int FROM officials o LEFT JOIN official_counts c ON c.official_id = o.id WHERE
       coalesce(c.events, 0) <> (SELECT count(*) FROM event_participants l WHERE l.official_id = o.id)
       OR coalesce(c.mentions, 0) <> (SELECT count(*) FROM official_mentions l WHERE l.official_id = o.id)) AS keys,
    (SELECT count(*)::int FROM (
       SELECT c.scope, c.dim, c.key, e.type, coalesce(extract(year FROM e.span_from)::int, 0) AS year_from,
              coalesce(extract(year FROM e.span_to)::int, 0) AS year_to, count(*)::int AS events
       FROM events e CROSS JOIN LATERAL hoptac_event_cells(e.country_codes, e.ministry_ids, e.topics) c GROUP BY 1, 2, 3, 4, 5, 6
       UNION ALL
       SELECT 'official:' || o.official_id, c.dim, c.key, e.type, coalesce(extract(year FROM e.span_from)::int, 0),
              coalesce(extract(year FROM e.span_to)::int, 0), count(*)::int
       FROM events e JOIN rollup_officials o ON o.official_id = ANY(e.official_ids)
       CROSS JOIN LATERAL hoptac_event_cells(e.country_codes, e.ministry_ids, e.topics) c WHERE c.scope = '' GROUP BY 1, 2, 3, 4, 5, 6) want
     FULL JOIN (SELECT scope, dim, key, type, year_from, year_to, sum(events)::int AS events FROM event_rollups_current
                GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(events) <> 0) have USING (scope, dim, key, type, year_from, year_to)
     WHERE want.events IS DISTINCT FROM have.events)
    + (SELECT count(*)::int FROM (SELECT scope, dim, key, sum(events)::int AS events FROM event_rollups GROUP BY 1, 2, 3 HAVING sum(events) <> 0) want
     FULL JOIN (SELECT * FROM event_rollup_totals WHERE events <> 0) have USING (scope, dim, key)
     WHERE want.events IS DISTINCT FROM have.events) AS rollups`);
  return row!;
}

/**
 * How many events' ready list items (event_docs) differ from what their rows
 * make now, are missing, or belong to events gone: zero when the triggers did
 * their work.
 */
export async function eventDocsDrift(db: Reader): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n
    FROM hoptac_event_list_json(NULL) j FULL JOIN event_docs d ON d.event_id = j.event_id
    WHERE d.list_json IS DISTINCT FROM j.list_json`);
  return row!.n;
}

/**
 * How many agreements' ready list items (agreement_docs) differ from what
 * their rows make now, are missing, or belong to agreements gone: zero when
 * the triggers did their work.
 */
export async function agreementDocsDrift(db: Reader): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n
    FROM hoptac_agreement_list_json(NULL) j FULL JOIN agreement_docs d ON d.agreement_id = j.agreement_id
    WHERE d.list_json IS DISTINCT FROM j.list_json`);
  return row!.n;
}

/**
 * How far the words' lists of their shortest events (event_word_firsts) are
 * from the events: pairs of a word and an event listed wrongly or missing
 * (every event holding a word with a summary no longer than the word's
 * reach is listed, and no other), and words without a reach. Zero when
 * every write listed its events again.
 */
export async function wordFirstsDrift(db: Reader): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`WITH held AS (
      SELECT DISTINCT x AS word, length(e.summary) AS len, e.id FROM events e, unnest(string_to_array(e.search_folded, ' ')) x WHERE x <> ''
    ), due AS (
      SELECT h.word, h.len, h.id FROM held h JOIN event_word_reach r ON r.word = h.word AND h.len <= r.reach
    )
    SELECT (SELECT count(*)::int FROM (SELECT word, len, id FROM due EXCEPT SELECT word, len, event_id FROM event_word_firsts) m)
      + (SELECT count(*)::int FROM (SELECT word, len, event_id FROM event_word_firsts EXCEPT SELECT word, len, id FROM due) x)
      + (SELECT count(DISTINCT h.word)::int FROM held h WHERE NOT EXISTS (SELECT 1 FROM event_word_reach r WHERE r.word = h.word)) AS n`);
  return row!.n;
}

/**
 * How many words of events' and agreements' folded texts their word tables
 * (event_words, agreement_words) lack, and officials' folded names
 * official_names lacks: zero when every write noted its words and names.
 */
export async function searchTermsMissing(db: Reader): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`SELECT
    (SELECT count(DISTINCT w)::int FROM events e, unnest(string_to_array(e.search_folded, ' ')) w
      WHERE w <> '' AND NOT EXISTS (SELECT 1 FROM event_words x WHERE x.word = w))
    + (SELECT count(DISTINCT w)::int FROM agreements a, unnest(string_to_array(a.search_folded, ' ')) w
      WHERE w <> '' AND NOT EXISTS (SELECT 1 FROM agreement_words x WHERE x.word = w))
    + (SELECT count(DISTINCT o.search_folded)::int FROM officials o
      WHERE NOT EXISTS (SELECT 1 FROM official_names x WHERE x.folded = o.search_folded)) AS n`);
  return row!.n;
}
