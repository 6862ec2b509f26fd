-- The terms a search is first asked of, each once: the words of events' and
-- agreements' folded texts (runs of characters between spaces), and the
-- officials' folded names (src/api/query/text-contains.ts, search.ts).
--
-- A text without a space that a row's text contains lies within one of its
-- words, so when no word holds it no row does: at 1 M synthetic events
-- "campuchea", a typo no event holds, read 3.8 ms of trigram lists in the
-- events' index to find nothing, where their words are 768.
--
-- Many officials share a name (at 1 M synthetic events, 50,000 officials
-- have 22,072 names), and the trigram index of officials read and tested
-- every official with a similar name: for "nguyen van an", 443 of them. The
-- similar names are looked for among the names, and only their best
-- officials read.
--
-- A term stays when the last row that had it changes or goes: a word too
-- many only sends a search on to the texts, a name too many finds no
-- official.
CREATE TABLE "event_words" ("word" TEXT NOT NULL, CONSTRAINT "event_words_pkey" PRIMARY KEY ("word"));
CREATE TABLE "agreement_words" ("word" TEXT NOT NULL, CONSTRAINT "agreement_words_pkey" PRIMARY KEY ("word"));
CREATE TABLE "official_names" ("folded" TEXT NOT NULL, CONSTRAINT "official_names_pkey" PRIMARY KEY ("folded"));
-- New terms go straight into the index rather than a pending list that every
-- search would read whole (as 20261214100000_search_similarity_price found).
CREATE INDEX "event_words_trgm_idx" ON "event_words" USING GIN ("word" gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX "agreement_words_trgm_idx" ON "agreement_words" USING GIN ("word" gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX "official_names_trgm_idx" ON "official_names" USING GIN ("folded" gin_trgm_ops) WITH (fastupdate = off);
-- A name's officials.
CREATE INDEX "officials_search_folded_idx" ON "officials" ("search_folded");

-- Adds the terms of these rows ('event', 'agreement' or 'official'; all of
-- them when ids is null). Called where the list items are rewritten at
-- commit, where writers take turns, so that two writers never wait on each
-- other's new terms.
CREATE FUNCTION hoptac_note_terms(kind text, ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  CASE kind
  WHEN 'event' THEN
    INSERT INTO event_words (word)
    SELECT DISTINCT w FROM events e, unnest(string_to_array(e.search_folded, ' ')) w
    WHERE (ids IS NULL OR e.id = ANY(ids)) AND w <> ''
    ON CONFLICT DO NOTHING;
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

-- Officials written are filed as the list items are ('official'), so that
-- their names are noted at commit.
CREATE TRIGGER "officials_names_ins" AFTER INSERT ON "officials" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('official', 'id');
CREATE TRIGGER "officials_names_upd" AFTER UPDATE ON "officials" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('official', 'id');

-- As in 20261206300000_docs_set_based, and the terms of the rows written.
CREATE OR REPLACE FUNCTION hoptac_refresh_docs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  events integer[];
  agreements integer[];
  officials integer[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hoptac_docs'));
  DELETE FROM docs_pending WHERE tx = NEW.tx;
  WITH done AS (DELETE FROM docs_stale WHERE tx = NEW.tx RETURNING kind, id)
  SELECT array_agg(id) FILTER (WHERE kind = 'event'), array_agg(id) FILTER (WHERE kind = 'agreement'), array_agg(id) FILTER (WHERE kind = 'official')
  INTO events, agreements, officials FROM done;
  IF events IS NOT NULL THEN
    PERFORM hoptac_write_event_docs(events);
    PERFORM hoptac_note_terms('event', events);
  END IF;
  IF agreements IS NOT NULL THEN
    PERFORM hoptac_write_agreement_docs(agreements);
    PERFORM hoptac_note_terms('agreement', agreements);
  END IF;
  IF officials IS NOT NULL THEN
    PERFORM hoptac_note_terms('official', officials);
  END IF;
  RETURN NULL;
END $$;

SELECT hoptac_note_terms('event', NULL);
SELECT hoptac_note_terms('agreement', NULL);
SELECT hoptac_note_terms('official', NULL);
ANALYZE "event_words";
ANALYZE "agreement_words";
ANALYZE "official_names";
