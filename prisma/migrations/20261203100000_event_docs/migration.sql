-- Each event's list item, kept ready as JSON text (event_docs), so that a page
-- of events is an index walk for its ids and a primary-key read of their
-- items, with nothing to join, parse or re-encode. The text is the item as
-- the API writes it, from "start" to the closing brace; the API puts its id,
-- type and type label (which live in code) in front.
--
-- The database keeps it right by itself, whoever writes: a statement trigger
-- on every table an item is made of marks the events it touched (for this
-- transaction), and a deferred trigger rewrites their items once, at commit.
-- A writer that fills event_docs itself in bulk (the synthetic generator)
-- says so with set_config('hoptac.event_docs_written', 'on', true) and calls
-- hoptac_write_event_docs at the end.
CREATE TABLE "event_docs" (
  "event_id" INTEGER NOT NULL,
  "list_json" TEXT NOT NULL,
  CONSTRAINT "event_docs_pkey" PRIMARY KEY ("event_id")
);

-- The events a transaction touched and whose items it has still to rewrite.
CREATE TABLE "event_docs_stale" (
  "tx" BIGINT NOT NULL,
  "event_id" INTEGER NOT NULL,
  CONSTRAINT "event_docs_stale_pkey" PRIMARY KEY ("tx", "event_id")
);

-- A value as JSON text; null as null.
CREATE FUNCTION hoptac_json_text(value anyelement) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(to_json(value)::text, 'null')
$$;

-- The list items of these events (see src/api/query/events.ts for the
-- representation: the same fields, the same order, the nested lists sorted
-- as the API sorts them).
CREATE FUNCTION hoptac_event_list_json(ids integer[]) RETURNS TABLE (event_id integer, list_json text) LANGUAGE sql STABLE AS $$
  SELECT e.id,
    '"start":' || hoptac_json_text(e.start)
    || ',"start_precision":' || hoptac_json_text(e.start_precision)
    || ',"end":' || hoptac_json_text(e."end")
    || ',"end_precision":' || hoptac_json_text(e.end_precision)
    || ',"span_from":' || hoptac_json_text(e.span_from::text)
    || ',"span_to":' || hoptac_json_text(e.span_to::text)
    || ',"place":' || hoptac_json_text(e.place)
    || ',"summary":' || hoptac_json_text(e.summary)
    || ',"countries":[' || coalesce((
         SELECT string_agg('{"code":' || hoptac_json_text(c.code::text) || ',"name_vi":' || hoptac_json_text(c.name_vi) || ',"name_en":' || hoptac_json_text(c.name_en) || '}', ',' ORDER BY k.n)
         FROM unnest(e.country_codes) WITH ORDINALITY k(code, n) JOIN countries c ON c.code = k.code), '') || ']'
    || ',"officials":[' || coalesce((
         SELECT string_agg('{"id":' || o.id || ',"name":' || hoptac_json_text(o.name) || ',"country":' || hoptac_json_text(o.country_code::text) || ',"role":' || hoptac_json_text(ep.role) || '}', ',' ORDER BY ep.role, o.name, o.id)
         FROM event_participants ep JOIN officials o ON o.id = ep.official_id WHERE ep.event_id = e.id), '') || ']'
    || ',"ministries":[' || coalesce((
         SELECT string_agg('{"id":' || m.id || ',"code":' || hoptac_json_text(m.code) || ',"name_vi":' || hoptac_json_text(m.name_vi) || ',"name_en":' || hoptac_json_text(m.name_en) || ',"country":' || hoptac_json_text(m.country_code::text) || '}', ',' ORDER BY m.country_code, m.code)
         FROM ministries m WHERE m.id = ANY(e.ministry_ids)), '') || ']'
    || ',"agreements":[' || coalesce((
         SELECT string_agg('{"id":' || a.id || ',"type":' || hoptac_json_text(a.type) || ',"title":' || hoptac_json_text(a.title) || '}', ',' ORDER BY a.id)
         FROM agreements a WHERE a.event_id = e.id), '') || ']'
    || ',"topics":' || coalesce(to_json(e.topics)::text, '[]')
    || ',"sources":[' || coalesce((
         SELECT string_agg('{"article_id":' || ar.id || ',"title":' || hoptac_json_text(ar.title) || ',"url":' || hoptac_json_text(ar.url) || ',"published_at":' || hoptac_json_text(ar.published_at) || '}', ',' ORDER BY ar.id)
         FROM event_sources es JOIN articles ar ON ar.id = es.article_id WHERE es.event_id = e.id), '') || ']'
    || '}'
  FROM events e
  WHERE e.id = ANY(ids)
$$;

-- Rewrites the items of these events (all events when ids is null), and drops those of events gone.
CREATE FUNCTION hoptac_write_event_docs(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL THEN
    DELETE FROM event_docs d WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = d.event_id);
    ids := ARRAY(SELECT id FROM events);
  ELSE
    DELETE FROM event_docs d WHERE d.event_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = d.event_id);
  END IF;
  INSERT INTO event_docs (event_id, list_json)
  SELECT j.event_id, j.list_json FROM hoptac_event_list_json(ids) j
  ON CONFLICT (event_id) DO UPDATE SET list_json = EXCLUDED.list_json
  WHERE event_docs.list_json IS DISTINCT FROM EXCLUDED.list_json;
END $$;

-- Statement trigger: marks the events whose items the statement's rows feed.
-- TG_ARGV[0] names the rows' event id column, or is 'official', 'article',
-- 'country' or 'ministry' for the tables whose names an item repeats.
CREATE FUNCTION hoptac_mark_event_docs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[] := ARRAY[]::integer[];
  kind text := TG_ARGV[0];
BEGIN
  IF current_setting('hoptac.event_docs_written', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF kind = 'official' THEN
    ids := ARRAY(SELECT l.event_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN event_participants l ON l.official_id = n.id
                 WHERE (n.name, n.country_code) IS DISTINCT FROM (o.name, o.country_code));
  ELSIF kind = 'article' THEN
    ids := ARRAY(SELECT l.event_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN event_sources l ON l.article_id = n.id
                 WHERE (n.title, n.url, n.published_at) IS DISTINCT FROM (o.title, o.url, o.published_at));
  ELSIF kind = 'country' THEN
    ids := ARRAY(SELECT l.event_id FROM new_rows n JOIN old_rows o ON o.code = n.code JOIN event_countries l ON l.country_code = n.code
                 WHERE (n.name_vi, n.name_en) IS DISTINCT FROM (o.name_vi, o.name_en));
  ELSIF kind = 'ministry' THEN
    ids := ARRAY(SELECT l.event_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN event_ministries l ON l.ministry_id = n.id
                 WHERE (n.code, n.name_vi, n.name_en, n.country_code) IS DISTINCT FROM (o.code, o.name_vi, o.name_en, o.country_code));
  ELSE
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      EXECUTE format('SELECT ARRAY(SELECT %I FROM new_rows WHERE %I IS NOT NULL)', kind, kind) INTO ids;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      EXECUTE format('SELECT $1 || ARRAY(SELECT %I FROM old_rows WHERE %I IS NOT NULL)', kind, kind) INTO ids USING ids;
    END IF;
  END IF;
  IF cardinality(ids) > 0 THEN
    INSERT INTO event_docs_stale (tx, event_id) SELECT DISTINCT txid_current(), x FROM unnest(ids) x ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- Deferred to commit: rewrites the items of the events this transaction
-- marked, once. Writers take turns here so that each rewrite reads what the
-- one before it committed.
CREATE FUNCTION hoptac_refresh_event_docs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM event_docs_stale WHERE tx = txid_current()) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('hoptac_event_docs'));
  WITH done AS (DELETE FROM event_docs_stale WHERE tx = txid_current() RETURNING event_id)
  SELECT array_agg(event_id) INTO ids FROM done;
  IF ids IS NOT NULL THEN
    PERFORM hoptac_write_event_docs(ids);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "event_docs_refresh" AFTER INSERT ON "event_docs_stale"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hoptac_refresh_event_docs();

CREATE TRIGGER "events_docs_ins" AFTER INSERT ON "events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('id');
CREATE TRIGGER "events_docs_upd" AFTER UPDATE ON "events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('id');
CREATE TRIGGER "events_docs_del" AFTER DELETE ON "events" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('id');
CREATE TRIGGER "event_countries_docs_ins" AFTER INSERT ON "event_countries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_countries_docs_upd" AFTER UPDATE ON "event_countries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_countries_docs_del" AFTER DELETE ON "event_countries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_ministries_docs_ins" AFTER INSERT ON "event_ministries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_ministries_docs_upd" AFTER UPDATE ON "event_ministries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_ministries_docs_del" AFTER DELETE ON "event_ministries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_participants_docs_ins" AFTER INSERT ON "event_participants" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_participants_docs_upd" AFTER UPDATE ON "event_participants" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_participants_docs_del" AFTER DELETE ON "event_participants" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_sources_docs_ins" AFTER INSERT ON "event_sources" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_sources_docs_upd" AFTER UPDATE ON "event_sources" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "event_sources_docs_del" AFTER DELETE ON "event_sources" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "agreements_docs_ins" AFTER INSERT ON "agreements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "agreements_docs_upd" AFTER UPDATE ON "agreements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "agreements_docs_del" AFTER DELETE ON "agreements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('event_id');
CREATE TRIGGER "officials_docs_upd" AFTER UPDATE ON "officials" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('official');
CREATE TRIGGER "articles_docs_upd" AFTER UPDATE ON "articles" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('article');
CREATE TRIGGER "countries_docs_upd" AFTER UPDATE ON "countries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('country');
CREATE TRIGGER "ministries_docs_upd" AFTER UPDATE ON "ministries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_event_docs('ministry');

-- The items of the events already there.
SELECT hoptac_write_event_docs(NULL);
