-- The words of events' and agreements' folded texts, each once: the runs of
-- characters between spaces. A text without a space that a row's text
-- contains lies within one of its words, so when no word holds it no row
-- does, and a search can say so from a few hundred or thousand words instead
-- of a million texts (src/api/query/search.ts). At 1 M synthetic events "campuchea",
-- a typo no event holds, read 3.8 ms of trigram lists in the events' index
-- to find nothing.
--
-- A word stays when the last text that had it changes or goes: a word too
-- many only sends a search on to the texts, which answer it as before.
CREATE TABLE "event_words" ("word" TEXT NOT NULL, CONSTRAINT "event_words_pkey" PRIMARY KEY ("word"));
CREATE TABLE "agreement_words" ("word" TEXT NOT NULL, CONSTRAINT "agreement_words_pkey" PRIMARY KEY ("word"));
-- New words go straight into the index rather than a pending list that
-- every search would read whole (as 20261214100000_search_similarity_price
-- found for names).
CREATE INDEX "event_words_trgm_idx" ON "event_words" USING GIN ("word" gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX "agreement_words_trgm_idx" ON "agreement_words" USING GIN ("word" gin_trgm_ops) WITH (fastupdate = off);

-- Adds the words of these events' or agreements' texts ('event' or
-- 'agreement'; all of them when ids is null). Called where their ready items
-- are rewritten at commit, where writers take turns, so that two writers
-- never wait on each other's new words.
CREATE FUNCTION hoptac_note_words(kind text, ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF kind = 'event' THEN
    INSERT INTO event_words (word)
    SELECT DISTINCT w FROM events e, unnest(string_to_array(e.search_folded, ' ')) w
    WHERE (ids IS NULL OR e.id = ANY(ids)) AND w <> ''
    ON CONFLICT DO NOTHING;
  ELSIF kind = 'agreement' THEN
    INSERT INTO agreement_words (word)
    SELECT DISTINCT w FROM agreements a, unnest(string_to_array(a.search_folded, ' ')) w
    WHERE (ids IS NULL OR a.id = ANY(ids)) AND w <> ''
    ON CONFLICT DO NOTHING;
  ELSE
    RAISE EXCEPTION 'hoptac_note_words: no words are kept for %', kind;
  END IF;
END $$;

-- As in 20261206300000_docs_set_based, and the words of the texts written.
CREATE OR REPLACE FUNCTION hoptac_refresh_docs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  events integer[];
  agreements integer[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hoptac_docs'));
  DELETE FROM docs_pending WHERE tx = NEW.tx;
  WITH done AS (DELETE FROM docs_stale WHERE tx = NEW.tx RETURNING kind, id)
  SELECT array_agg(id) FILTER (WHERE kind = 'event'), array_agg(id) FILTER (WHERE kind = 'agreement') INTO events, agreements FROM done;
  IF events IS NOT NULL THEN
    PERFORM hoptac_write_event_docs(events);
    PERFORM hoptac_note_words('event', events);
  END IF;
  IF agreements IS NOT NULL THEN
    PERFORM hoptac_write_agreement_docs(agreements);
    PERFORM hoptac_note_words('agreement', agreements);
  END IF;
  RETURN NULL;
END $$;

SELECT hoptac_note_words('event', NULL);
SELECT hoptac_note_words('agreement', NULL);
ANALYZE "event_words";
ANALYZE "agreement_words";
