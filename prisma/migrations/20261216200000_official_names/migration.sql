-- The officials' folded names (search_folded), each once. A search with
-- fewer hits than asked looks for the names similar to the query
-- (src/api/query/search.ts); many officials share a name (at 1 M synthetic
-- events, 50,000 officials have 22,072 names), and its trigram index read
-- and tested every official with a similar name: for "nguyen van an", 443 of
-- them from long lists of common trigrams. The similar names are looked for
-- here, and only their best officials read.
--
-- A name stays when its last official is renamed or goes: it then finds no
-- official.
CREATE TABLE "official_names" ("folded" TEXT NOT NULL, CONSTRAINT "official_names_pkey" PRIMARY KEY ("folded"));
-- New names go straight into the index (see 20261214100000_search_similarity_price).
CREATE INDEX "official_names_trgm_idx" ON "official_names" USING GIN ("folded" gin_trgm_ops) WITH (fastupdate = off);
-- An official's name's officials.
CREATE INDEX "officials_search_folded_idx" ON "officials" ("search_folded");

-- Officials written are filed as the list items are ('official'), so that
-- their names are noted at commit, where writers take turns: two writers
-- never wait on each other's new name.
CREATE TRIGGER "officials_names_ins" AFTER INSERT ON "officials" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('official', 'id');
CREATE TRIGGER "officials_names_upd" AFTER UPDATE ON "officials" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('official', 'id');

-- Adds the names of these officials (all when ids is null).
CREATE FUNCTION hoptac_note_names(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO official_names (folded)
  SELECT DISTINCT o.search_folded FROM officials o WHERE (ids IS NULL OR o.id = ANY(ids)) AND o.search_folded IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;

-- As in 20261216100000_text_words, and the names of the officials written.
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
    PERFORM hoptac_note_words('event', events);
  END IF;
  IF agreements IS NOT NULL THEN
    PERFORM hoptac_write_agreement_docs(agreements);
    PERFORM hoptac_note_words('agreement', agreements);
  END IF;
  IF officials IS NOT NULL THEN
    PERFORM hoptac_note_names(officials);
  END IF;
  RETURN NULL;
END $$;

SELECT hoptac_note_names(NULL);
ANALYZE "official_names";
