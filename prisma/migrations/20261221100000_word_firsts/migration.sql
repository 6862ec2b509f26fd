-- Each word's shortest events, for a search of one word (src/api/query/search.ts).
--
-- A search lists the events that contain its text shortest summary first,
-- and finds them by walking the events in that order, testing each. A word
-- common in long summaries and rare in short ones is walked far: at 1 M
-- synthetic events "tiep" is in a quarter of them, but the 20th shortest to
-- hold it is the 10,713th shortest summary (4–5 ms, most of that search).
--
-- A text without a space that an event's text contains lies within one of
-- its words (event_words), so its shortest events are among those of the
-- words that contain it. Each word keeps its shortest events here, every
-- event that holds it with a summary of at most `reach` characters (ties
-- included): about 100 of them, up to 200 before it is cut back. An event
-- written is listed again at commit with the terms (hoptac_note_terms); one
-- deleted only leaves its words' lists, which stay whole up to their reach.
-- A search whose hits go past a list's reach walks the events as before.
--
-- A statement that rewrites events' texts outside the importer's triggers
-- lists them again with hoptac_list_word_firsts(NULL).
CREATE TABLE "event_word_firsts" (
  "word" TEXT NOT NULL,
  "len" INTEGER NOT NULL,
  "event_id" INTEGER NOT NULL REFERENCES "events" ("id") ON DELETE CASCADE,
  CONSTRAINT "event_word_firsts_pkey" PRIMARY KEY ("word", "len", "event_id")
);
CREATE INDEX "event_word_firsts_event_idx" ON "event_word_firsts" ("event_id");
-- Every event holding the word with a summary of at most `reach` characters is listed (2147483647: every one).
CREATE TABLE "event_word_reach" (
  "word" TEXT NOT NULL,
  "reach" INTEGER NOT NULL,
  CONSTRAINT "event_word_reach_pkey" PRIMARY KEY ("word")
);

-- Lists these events under their words (all of them when ids is null).
CREATE FUNCTION hoptac_list_word_firsts(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  kept CONSTANT integer := 100;
  touched text[];
  grown text[];
BEGIN
  IF ids IS NULL THEN
    DELETE FROM event_word_firsts;
    DELETE FROM event_word_reach;
    -- rank() by length keeps the events as long as the 100th's.
    INSERT INTO event_word_firsts (word, len, event_id)
    SELECT word, len, id FROM (
      SELECT w.word, length(e.summary) AS len, e.id, rank() OVER (PARTITION BY w.word ORDER BY length(e.summary)) AS r
      FROM events e, LATERAL (SELECT DISTINCT x AS word FROM unnest(string_to_array(e.search_folded, ' ')) x WHERE x <> '') w
    ) ranked WHERE r <= kept;
    INSERT INTO event_word_reach (word, reach)
    SELECT word, CASE WHEN count(*) < kept THEN 2147483647 ELSE max(len) END FROM event_word_firsts GROUP BY word;
    RETURN;
  END IF;

  DELETE FROM event_word_firsts WHERE event_id = ANY(ids);
  touched := ARRAY(SELECT DISTINCT x FROM events e, unnest(string_to_array(e.search_folded, ' ')) x WHERE e.id = ANY(ids) AND x <> '');
  -- A word no event had before: these events are all of its events.
  WITH added AS (
    INSERT INTO event_word_reach (word, reach) SELECT t, 2147483647 FROM unnest(touched) t ON CONFLICT DO NOTHING RETURNING word, reach
  ), listed AS (
    INSERT INTO event_word_firsts (word, len, event_id)
    SELECT DISTINCT x, length(e.summary), e.id
    FROM events e, unnest(string_to_array(e.search_folded, ' ')) x
    LEFT JOIN event_word_reach r ON r.word = x LEFT JOIN added a ON a.word = x
    WHERE e.id = ANY(ids) AND x <> '' AND length(e.summary) <= coalesce(r.reach, a.reach)
    ON CONFLICT DO NOTHING RETURNING word
  )
  SELECT ARRAY(SELECT DISTINCT word FROM listed) INTO grown;
  -- Lists grown past twice their size are cut back to the 100th's length.
  UPDATE event_word_reach r SET reach = cut.len
  FROM (
    SELECT g.word, (SELECT f.len FROM event_word_firsts f WHERE f.word = g.word ORDER BY f.len, f.event_id OFFSET kept - 1 LIMIT 1) AS len
    FROM (SELECT f.word FROM event_word_firsts f WHERE f.word = ANY(grown) GROUP BY f.word HAVING count(*) > 2 * kept) g
  ) cut
  WHERE r.word = cut.word;
  DELETE FROM event_word_firsts f USING event_word_reach r
  WHERE f.word = ANY(grown) AND r.word = f.word AND f.len > r.reach;
END $$;

-- As in 20261216100000_search_terms, and the events' words' shortest events.
CREATE OR REPLACE FUNCTION hoptac_note_terms(kind text, ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CASE kind
  WHEN 'event' THEN
    INSERT INTO event_words (word)
    SELECT DISTINCT w FROM events e, unnest(string_to_array(e.search_folded, ' ')) w
    WHERE (ids IS NULL OR e.id = ANY(ids)) AND w <> ''
    ON CONFLICT DO NOTHING;
    PERFORM hoptac_list_word_firsts(ids);
  WHEN 'agreement' THEN
    INSERT INTO agreement_words (word)
    SELECT DISTINCT w FROM agreements a, unnest(string_to_array(a.search_folded, ' ')) w
    WHERE (ids IS NULL OR a.id = ANY(ids)) AND w <> ''
    ON CONFLICT DO NOTHING;
  WHEN 'official' THEN
    INSERT INTO official_names (folded)
    SELECT DISTINCT o.search_folded FROM officials o
    WHERE (ids IS NULL OR o.id = ANY(ids)) AND o.search_folded IS NOT NULL
    ON CONFLICT DO NOTHING;
  END CASE;
END $$;

-- The words of the events' texts that contain the pattern, up to 51 (more: too many to merge), read through the
-- words' trigram index whatever the pattern, as hoptac_terms_hold reads it.
CREATE FUNCTION hoptac_event_words_like(pattern text) RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET enable_seqscan = off SET enable_indexscan = off SET enable_indexonlyscan = off AS $$
BEGIN
  RETURN ARRAY(SELECT x.word FROM event_words x WHERE x.word LIKE pattern LIMIT 51);
END $$;

-- The first n events (shortest summary, then id) whose text is LIKE the pattern, from the words' lists, with
-- answered true; or one row with answered false when the lists cannot tell: a pattern with a space or under three
-- letters, more than 50 words that contain it, or hits past a list's reach. No hit: one row of nulls, answered.
CREATE FUNCTION hoptac_event_firsts(pattern text, n integer) RETURNS TABLE (id integer, len integer, answered boolean)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  words text[];
  least_reach integer;
  reaches integer;
  found_ids integer[];
  found_lens integer[];
  found integer;
BEGIN
  IF strpos(pattern, ' ') > 0 OR length(pattern) < 5 THEN
    RETURN QUERY SELECT NULL::integer, NULL::integer, false;
    RETURN;
  END IF;
  words := hoptac_event_words_like(pattern);
  IF cardinality(words) > 50 THEN
    RETURN QUERY SELECT NULL::integer, NULL::integer, false;
    RETURN;
  END IF;
  IF cardinality(words) = 0 THEN
    RETURN QUERY SELECT NULL::integer, NULL::integer, true;
    RETURN;
  END IF;
  SELECT min(r.reach), count(*) INTO least_reach, reaches FROM event_word_reach r WHERE r.word = ANY(words);
  IF reaches < cardinality(words) THEN
    RETURN QUERY SELECT NULL::integer, NULL::integer, false;
    RETURN;
  END IF;
  -- The first n of each word's list hold the first n of all (an event before the nth of all is before it in its list).
  SELECT array_agg(f.event_id ORDER BY f.len, f.event_id), array_agg(f.len ORDER BY f.len, f.event_id) INTO found_ids, found_lens
  FROM (
    SELECT DISTINCT x.event_id, x.len
    FROM unnest(words) w(word), LATERAL (
      SELECT y.event_id, y.len FROM event_word_firsts y WHERE y.word = w.word ORDER BY y.len, y.event_id LIMIT n
    ) x
    ORDER BY x.len, x.event_id LIMIT n
  ) f;
  found := coalesce(cardinality(found_ids), 0);
  -- Fewer than n: every event that holds a word, which only whole lists tell; else the nth no longer than every reach.
  IF (found < n AND least_reach = 2147483647) OR (found = n AND found_lens[n] <= least_reach) THEN
    IF found = 0 THEN
      RETURN QUERY SELECT NULL::integer, NULL::integer, true;
    ELSE
      RETURN QUERY SELECT u.id, u.len, true FROM unnest(found_ids, found_lens) u(id, len);
    END IF;
  ELSE
    RETURN QUERY SELECT NULL::integer, NULL::integer, false;
  END IF;
END $$;

SELECT hoptac_list_word_firsts(NULL);
ANALYZE "event_word_firsts";
ANALYZE "event_word_reach";
