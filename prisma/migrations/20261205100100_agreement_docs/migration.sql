-- Each agreement's list item, kept ready as JSON text (agreement_docs), as
-- events' are (event_docs): a page of agreements is an index walk for its ids
-- and a primary-key read of their items, with nothing to join, aggregate or
-- re-encode. The text is the item as the API writes it, from "title" to the
-- closing brace; the API puts its id, type and type label (which live in
-- code) in front.
--
-- The database keeps it right by itself, whoever writes: a statement trigger
-- on every table an item is made of marks the agreements it touched (for
-- this transaction), and a deferred trigger rewrites their items once, at
-- commit. A writer that fills agreement_docs itself in bulk (the synthetic
-- generator) says so with set_config('hoptac.agreement_docs_written', 'on',
-- true) and calls hoptac_write_agreement_docs at the end.
CREATE TABLE "agreement_docs" (
  "agreement_id" INTEGER NOT NULL,
  "list_json" TEXT NOT NULL,
  CONSTRAINT "agreement_docs_pkey" PRIMARY KEY ("agreement_id")
);

-- The agreements a transaction touched and whose items it has still to rewrite.
CREATE TABLE "agreement_docs_stale" (
  "tx" BIGINT NOT NULL,
  "agreement_id" INTEGER NOT NULL,
  CONSTRAINT "agreement_docs_stale_pkey" PRIMARY KEY ("tx", "agreement_id")
);

-- The list items of these agreements from "title" on (see
-- src/api/query/agreements.ts for the representation: the same fields, the
-- same order, parties by country code and sources by article).
CREATE FUNCTION hoptac_agreement_list_json(ids integer[]) RETURNS TABLE (agreement_id integer, list_json text) LANGUAGE sql STABLE AS $$
  SELECT a.id,
    '"title":' || hoptac_json_text(a.title)
    || ',"signed":' || hoptac_json_text(a.signed)
    || ',"signed_precision":' || hoptac_json_text(a.signed_precision::text)
    || ',"parties":[' || coalesce((
         SELECT string_agg('{"country":{"code":' || hoptac_json_text(c.code::text) || ',"name_vi":' || hoptac_json_text(c.name_vi) || ',"name_en":' || hoptac_json_text(c.name_en) || '}'
           || ',"ministry":' || CASE WHEN mi.id IS NULL THEN 'null' ELSE '{"id":' || mi.id || ',"code":' || hoptac_json_text(mi.code) || ',"name_vi":' || hoptac_json_text(mi.name_vi)
                || ',"name_en":' || hoptac_json_text(mi.name_en) || ',"country":' || hoptac_json_text(mi.country_code::text) || '}' END
           || ',"unit":' || CASE WHEN u.id IS NULL THEN 'null' ELSE '{"id":' || u.id || ',"code":' || hoptac_json_text(u.code) || ',"name_vi":' || hoptac_json_text(u.name_vi)
                || ',"name_en":' || hoptac_json_text(u.name_en) || '}' END
           || '}', ',' ORDER BY c.code)
         FROM agreement_parties ap JOIN countries c ON c.code = ap.country_code
         LEFT JOIN ministries mi ON mi.id = ap.ministry_id LEFT JOIN units u ON u.id = ap.unit_id
         WHERE ap.agreement_id = a.id), '') || ']'
    || ',"event":' || coalesce((
         SELECT '{"id":' || e.id || ',"type":' || hoptac_json_text(e.type::text) || ',"start":' || hoptac_json_text(e.start) || ',"summary":' || hoptac_json_text(e.summary) || '}'
         FROM events e WHERE e.id = a.event_id), 'null')
    || ',"sources":[' || coalesce((
         SELECT string_agg('{"article_id":' || ar.id || ',"title":' || hoptac_json_text(ar.title) || ',"url":' || hoptac_json_text(ar.url) || ',"published_at":' || hoptac_json_text(ar.published_at) || '}', ',' ORDER BY ar.id)
         FROM agreement_sources s JOIN articles ar ON ar.id = s.article_id WHERE s.agreement_id = a.id), '') || ']'
    || '}'
  FROM agreements a
  WHERE a.id = ANY(ids)
$$;

-- Rewrites the items of these agreements (all when ids is null), and drops those of agreements gone.
CREATE FUNCTION hoptac_write_agreement_docs(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL THEN
    DELETE FROM agreement_docs d WHERE NOT EXISTS (SELECT 1 FROM agreements a WHERE a.id = d.agreement_id);
    ids := ARRAY(SELECT id FROM agreements);
  ELSE
    DELETE FROM agreement_docs d WHERE d.agreement_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.id = d.agreement_id);
  END IF;
  INSERT INTO agreement_docs (agreement_id, list_json)
  SELECT j.agreement_id, j.list_json FROM hoptac_agreement_list_json(ids) j
  ON CONFLICT (agreement_id) DO UPDATE SET list_json = EXCLUDED.list_json
  WHERE agreement_docs.list_json IS DISTINCT FROM EXCLUDED.list_json;
END $$;

-- Statement trigger: marks the agreements whose items the statement's rows
-- feed. TG_ARGV[0] names the rows' agreement id column, or is 'event',
-- 'article', 'country', 'ministry' or 'unit' for the tables whose fields an
-- item repeats.
CREATE FUNCTION hoptac_mark_agreement_docs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[] := ARRAY[]::integer[];
  kind text := TG_ARGV[0];
BEGIN
  IF current_setting('hoptac.agreement_docs_written', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF kind = 'event' THEN
    ids := ARRAY(SELECT a.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN agreements a ON a.event_id = n.id
                 WHERE (n.type, n.start, n.summary) IS DISTINCT FROM (o.type, o.start, o.summary));
  ELSIF kind = 'article' THEN
    ids := ARRAY(SELECT l.agreement_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN agreement_sources l ON l.article_id = n.id
                 WHERE (n.title, n.url, n.published_at) IS DISTINCT FROM (o.title, o.url, o.published_at));
  ELSIF kind = 'country' THEN
    ids := ARRAY(SELECT l.agreement_id FROM new_rows n JOIN old_rows o ON o.code = n.code JOIN agreement_parties l ON l.country_code = n.code
                 WHERE (n.name_vi, n.name_en) IS DISTINCT FROM (o.name_vi, o.name_en));
  ELSIF kind = 'ministry' THEN
    ids := ARRAY(SELECT l.agreement_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN agreement_parties l ON l.ministry_id = n.id
                 WHERE (n.code, n.name_vi, n.name_en, n.country_code) IS DISTINCT FROM (o.code, o.name_vi, o.name_en, o.country_code));
  ELSIF kind = 'unit' THEN
    ids := ARRAY(SELECT l.agreement_id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN agreement_parties l ON l.unit_id = n.id
                 WHERE (n.code, n.name_vi, n.name_en) IS DISTINCT FROM (o.code, o.name_vi, o.name_en));
  ELSE
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      EXECUTE format('SELECT ARRAY(SELECT %I FROM new_rows WHERE %I IS NOT NULL)', kind, kind) INTO ids;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      EXECUTE format('SELECT $1 || ARRAY(SELECT %I FROM old_rows WHERE %I IS NOT NULL)', kind, kind) INTO ids USING ids;
    END IF;
  END IF;
  IF cardinality(ids) > 0 THEN
    INSERT INTO agreement_docs_stale (tx, agreement_id) SELECT DISTINCT txid_current(), x FROM unnest(ids) x ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- Deferred to commit: rewrites the items of the agreements this transaction
-- marked, once. Writers take turns here so that each rewrite reads what the
-- one before it committed.
CREATE FUNCTION hoptac_refresh_agreement_docs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM agreement_docs_stale WHERE tx = txid_current()) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('hoptac_agreement_docs'));
  WITH done AS (DELETE FROM agreement_docs_stale WHERE tx = txid_current() RETURNING agreement_id)
  SELECT array_agg(agreement_id) INTO ids FROM done;
  IF ids IS NOT NULL THEN
    PERFORM hoptac_write_agreement_docs(ids);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "agreement_docs_refresh" AFTER INSERT ON "agreement_docs_stale"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hoptac_refresh_agreement_docs();

CREATE TRIGGER "agreements_adocs_ins" AFTER INSERT ON "agreements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('id');
CREATE TRIGGER "agreements_adocs_upd" AFTER UPDATE ON "agreements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('id');
CREATE TRIGGER "agreements_adocs_del" AFTER DELETE ON "agreements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('id');
CREATE TRIGGER "agreement_parties_adocs_ins" AFTER INSERT ON "agreement_parties" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('agreement_id');
CREATE TRIGGER "agreement_parties_adocs_upd" AFTER UPDATE ON "agreement_parties" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('agreement_id');
CREATE TRIGGER "agreement_parties_adocs_del" AFTER DELETE ON "agreement_parties" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('agreement_id');
CREATE TRIGGER "agreement_sources_adocs_ins" AFTER INSERT ON "agreement_sources" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('agreement_id');
CREATE TRIGGER "agreement_sources_adocs_upd" AFTER UPDATE ON "agreement_sources" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('agreement_id');
CREATE TRIGGER "agreement_sources_adocs_del" AFTER DELETE ON "agreement_sources" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('agreement_id');
CREATE TRIGGER "events_adocs_upd" AFTER UPDATE ON "events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('event');
CREATE TRIGGER "articles_adocs_upd" AFTER UPDATE ON "articles" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('article');
CREATE TRIGGER "countries_adocs_upd" AFTER UPDATE ON "countries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('country');
CREATE TRIGGER "ministries_adocs_upd" AFTER UPDATE ON "ministries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('ministry');
CREATE TRIGGER "units_adocs_upd" AFTER UPDATE ON "units" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_agreement_docs('unit');

-- The items of the agreements already there.
SELECT hoptac_write_agreement_docs(NULL);
