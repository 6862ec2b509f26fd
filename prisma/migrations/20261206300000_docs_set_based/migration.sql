-- Events' and agreements' ready list items (event_docs, agreement_docs) are
-- rewritten at commit by one statement each for every item a transaction
-- touched, rather than one set of subqueries per item, and one mechanism
-- serves both: a statement trigger (hoptac_mark_docs) files the items a
-- statement touched in docs_stale, and one deferred trigger per transaction
-- (on docs_pending) rewrites them when it commits. The items themselves are
-- unchanged, byte for byte.

-- A value as JSON text; null as null. Stable, as to_json is, so that the
-- planner inlines it in the statements that build the items.
CREATE OR REPLACE FUNCTION hoptac_json_text(value anyelement) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(to_json(value)::text, 'null')
$$;

-- The list items of these events (of all events when ids is null), all at
-- once: each nested list is one aggregate grouped by event over the events
-- asked for (see src/api/query/events.ts for the representation: the same
-- fields, the same order, the nested lists sorted as the API sorts them).
CREATE OR REPLACE FUNCTION hoptac_event_list_json(ids integer[]) RETURNS TABLE (event_id integer, list_json text) LANGUAGE sql STABLE AS $$
  SELECT e.id,
    '"start":' || hoptac_json_text(e.start)
    || ',"start_precision":' || hoptac_json_text(e.start_precision)
    || ',"end":' || hoptac_json_text(e."end")
    || ',"end_precision":' || hoptac_json_text(e.end_precision)
    || ',"span_from":' || hoptac_json_text(e.span_from::text)
    || ',"span_to":' || hoptac_json_text(e.span_to::text)
    || ',"place":' || hoptac_json_text(e.place)
    || ',"summary":' || hoptac_json_text(e.summary)
    || ',"countries":[' || coalesce(c.items, '') || ']'
    || ',"officials":[' || coalesce(o.items, '') || ']'
    || ',"ministries":[' || coalesce(m.items, '') || ']'
    || ',"agreements":[' || coalesce(a.items, '') || ']'
    || ',"topics":' || coalesce(to_json(e.topics)::text, '[]')
    || ',"sources":[' || coalesce(s.items, '') || ']'
    || '}'
  FROM events e
  LEFT JOIN (
    SELECT k.id, string_agg('{"code":' || hoptac_json_text(c.code::text) || ',"name_vi":' || hoptac_json_text(c.name_vi)
        || ',"name_en":' || hoptac_json_text(c.name_en) || '}', ',' ORDER BY k.n) AS items
    FROM (SELECT e.id, k.code, k.n FROM events e CROSS JOIN LATERAL unnest(e.country_codes) WITH ORDINALITY k(code, n)
          WHERE ids IS NULL OR e.id = ANY(ids)) k
    JOIN countries c ON c.code = k.code
    GROUP BY k.id) c ON c.id = e.id
  LEFT JOIN (
    SELECT ep.event_id, string_agg('{"id":' || o.id || ',"name":' || hoptac_json_text(o.name) || ',"country":' || hoptac_json_text(o.country_code::text)
        || ',"role":' || hoptac_json_text(ep.role) || '}', ',' ORDER BY ep.role, o.name, o.id) AS items
    FROM event_participants ep JOIN officials o ON o.id = ep.official_id
    WHERE ids IS NULL OR ep.event_id = ANY(ids)
    GROUP BY ep.event_id) o ON o.event_id = e.id
  LEFT JOIN (
    SELECT k.id, string_agg('{"id":' || m.id || ',"code":' || hoptac_json_text(m.code) || ',"name_vi":' || hoptac_json_text(m.name_vi)
        || ',"name_en":' || hoptac_json_text(m.name_en) || ',"country":' || hoptac_json_text(m.country_code::text) || '}', ',' ORDER BY m.country_code, m.code) AS items
    FROM (SELECT DISTINCT e.id, k.ministry_id FROM events e CROSS JOIN LATERAL unnest(e.ministry_ids) k(ministry_id)
          WHERE ids IS NULL OR e.id = ANY(ids)) k
    JOIN ministries m ON m.id = k.ministry_id
    GROUP BY k.id) m ON m.id = e.id
  LEFT JOIN (
    SELECT a.event_id, string_agg('{"id":' || a.id || ',"type":' || hoptac_json_text(a.type) || ',"title":' || hoptac_json_text(a.title) || '}', ',' ORDER BY a.id) AS items
    FROM agreements a
    WHERE ids IS NULL OR a.event_id = ANY(ids)
    GROUP BY a.event_id) a ON a.event_id = e.id
  LEFT JOIN (
    SELECT es.event_id, string_agg('{"article_id":' || ar.id || ',"title":' || hoptac_json_text(ar.title) || ',"url":' || hoptac_json_text(ar.url)
        || ',"published_at":' || hoptac_json_text(ar.published_at) || '}', ',' ORDER BY ar.id) AS items
    FROM event_sources es JOIN articles ar ON ar.id = es.article_id
    WHERE ids IS NULL OR es.event_id = ANY(ids)
    GROUP BY es.event_id) s ON s.event_id = e.id
  WHERE ids IS NULL OR e.id = ANY(ids)
$$;

-- The list items of these agreements from "title" on (of all agreements when
-- ids is null), all at once (see src/api/query/agreements.ts for the
-- representation: the same fields, the same order, parties by country code
-- and sources by article).
CREATE OR REPLACE FUNCTION hoptac_agreement_list_json(ids integer[]) RETURNS TABLE (agreement_id integer, list_json text) LANGUAGE sql STABLE AS $$
  SELECT a.id,
    '"title":' || hoptac_json_text(a.title)
    || ',"signed":' || hoptac_json_text(a.signed)
    || ',"signed_precision":' || hoptac_json_text(a.signed_precision::text)
    || ',"parties":[' || coalesce(p.items, '') || ']'
    || ',"event":' || coalesce('{"id":' || e.id || ',"type":' || hoptac_json_text(e.type::text) || ',"start":' || hoptac_json_text(e.start)
         || ',"summary":' || hoptac_json_text(e.summary) || '}', 'null')
    || ',"sources":[' || coalesce(s.items, '') || ']'
    || '}'
  FROM agreements a
  LEFT JOIN events e ON e.id = a.event_id
  LEFT JOIN (
    SELECT ap.agreement_id, string_agg('{"country":{"code":' || hoptac_json_text(c.code::text) || ',"name_vi":' || hoptac_json_text(c.name_vi)
        || ',"name_en":' || hoptac_json_text(c.name_en) || '}'
        || ',"ministry":' || CASE WHEN mi.id IS NULL THEN 'null' ELSE '{"id":' || mi.id || ',"code":' || hoptac_json_text(mi.code) || ',"name_vi":' || hoptac_json_text(mi.name_vi)
             || ',"name_en":' || hoptac_json_text(mi.name_en) || ',"country":' || hoptac_json_text(mi.country_code::text) || '}' END
        || ',"unit":' || CASE WHEN u.id IS NULL THEN 'null' ELSE '{"id":' || u.id || ',"code":' || hoptac_json_text(u.code) || ',"name_vi":' || hoptac_json_text(u.name_vi)
             || ',"name_en":' || hoptac_json_text(u.name_en) || '}' END
        || '}', ',' ORDER BY c.code) AS items
    FROM agreement_parties ap JOIN countries c ON c.code = ap.country_code
    LEFT JOIN ministries mi ON mi.id = ap.ministry_id LEFT JOIN units u ON u.id = ap.unit_id
    WHERE ids IS NULL OR ap.agreement_id = ANY(ids)
    GROUP BY ap.agreement_id) p ON p.agreement_id = a.id
  LEFT JOIN (
    SELECT s.agreement_id, string_agg('{"article_id":' || ar.id || ',"title":' || hoptac_json_text(ar.title) || ',"url":' || hoptac_json_text(ar.url)
        || ',"published_at":' || hoptac_json_text(ar.published_at) || '}', ',' ORDER BY ar.id) AS items
    FROM agreement_sources s JOIN articles ar ON ar.id = s.article_id
    WHERE ids IS NULL OR s.agreement_id = ANY(ids)
    GROUP BY s.agreement_id) s ON s.agreement_id = a.id
  WHERE ids IS NULL OR a.id = ANY(ids)
$$;

-- Rewrites the items of these events (all events when ids is null), and
-- drops those of events gone. Planned for the ids given each time (a plan
-- for any ids would read every event).
CREATE OR REPLACE FUNCTION hoptac_write_event_docs(ids integer[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  DELETE FROM event_docs d WHERE (ids IS NULL OR d.event_id = ANY(ids)) AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = d.event_id);
  INSERT INTO event_docs (event_id, list_json)
  SELECT j.event_id, j.list_json FROM hoptac_event_list_json(ids) j
  ON CONFLICT (event_id) DO UPDATE SET list_json = EXCLUDED.list_json
  WHERE event_docs.list_json IS DISTINCT FROM EXCLUDED.list_json;
END $$;

-- Rewrites the items of these agreements (all when ids is null), and drops those of agreements gone.
CREATE OR REPLACE FUNCTION hoptac_write_agreement_docs(ids integer[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  DELETE FROM agreement_docs d WHERE (ids IS NULL OR d.agreement_id = ANY(ids)) AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.id = d.agreement_id);
  INSERT INTO agreement_docs (agreement_id, list_json)
  SELECT j.agreement_id, j.list_json FROM hoptac_agreement_list_json(ids) j
  ON CONFLICT (agreement_id) DO UPDATE SET list_json = EXCLUDED.list_json
  WHERE agreement_docs.list_json IS DISTINCT FROM EXCLUDED.list_json;
END $$;

-- The items ('event' or 'agreement') a transaction touched and has still to rewrite.
CREATE TABLE "docs_stale" (
  "tx" BIGINT NOT NULL,
  "kind" TEXT NOT NULL,
  "id" INTEGER NOT NULL,
  CONSTRAINT "docs_stale_pkey" PRIMARY KEY ("tx", "kind", "id")
);

-- The transactions with items to rewrite: one row each, whose deferred
-- trigger rewrites them all once, at commit.
CREATE TABLE "docs_pending" (
  "tx" BIGINT NOT NULL,
  CONSTRAINT "docs_pending_pkey" PRIMARY KEY ("tx")
);

-- Statement trigger: files the items (TG_ARGV[0]: 'event' or 'agreement')
-- whose text the statement's rows feed. With two arguments, TG_ARGV[1] names
-- the rows' column holding the item's id. With six, the table is one whose
-- fields an item repeats: TG_ARGV[1] is its key, TG_ARGV[2] the table that
-- links it to items, TG_ARGV[3] and TG_ARGV[4] that table's columns holding
-- the key and the item's id, and TG_ARGV[5] the fields (comma-separated) an
-- item repeats, so that only rows whose fields changed count. A writer that
-- fills an item table itself in bulk (the synthetic generator) says so with
-- set_config('hoptac.<kind>_docs_written', 'on', true) and calls
-- hoptac_write_<kind>_docs at the end.
CREATE FUNCTION hoptac_mark_docs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  rows_from text;
  filed integer;
BEGIN
  IF current_setting('hoptac.' || kind || '_docs_written', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_NARGS = 2 THEN
    rows_from := CASE TG_OP WHEN 'INSERT' THEN format('SELECT %I AS id FROM new_rows', TG_ARGV[1])
                            WHEN 'DELETE' THEN format('SELECT %I AS id FROM old_rows', TG_ARGV[1])
                            ELSE format('SELECT %1$I AS id FROM new_rows UNION SELECT %1$I FROM old_rows', TG_ARGV[1]) END;
  ELSE
    rows_from := format('SELECT l.%4$I AS id FROM new_rows n JOIN old_rows o ON o.%1$I = n.%1$I JOIN %2$I l ON l.%3$I = n.%1$I WHERE (%5$s) IS DISTINCT FROM (%6$s)',
      TG_ARGV[1], TG_ARGV[2], TG_ARGV[3], TG_ARGV[4],
      (SELECT string_agg('n.' || quote_ident(trim(f)), ', ') FROM unnest(string_to_array(TG_ARGV[5], ',')) f),
      (SELECT string_agg('o.' || quote_ident(trim(f)), ', ') FROM unnest(string_to_array(TG_ARGV[5], ',')) f));
  END IF;
  EXECUTE 'INSERT INTO docs_stale (tx, kind, id) SELECT DISTINCT txid_current(), $1, r.id FROM (' || rows_from || ') r WHERE r.id IS NOT NULL ON CONFLICT DO NOTHING'
    USING kind;
  GET DIAGNOSTICS filed = ROW_COUNT;
  IF filed > 0 THEN
    INSERT INTO docs_pending (tx) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- Deferred to commit, once per transaction: rewrites the items it filed,
-- each kind in one statement. Writers take turns here so that each rewrite
-- reads what the one before it committed.
CREATE FUNCTION hoptac_refresh_docs() RETURNS trigger LANGUAGE plpgsql AS $$
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
  END IF;
  IF agreements IS NOT NULL THEN
    PERFORM hoptac_write_agreement_docs(agreements);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "docs_refresh" AFTER INSERT ON "docs_pending"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hoptac_refresh_docs();

-- The same triggers as before, on the generic function.
CREATE OR REPLACE TRIGGER "events_docs_ins" AFTER INSERT ON "events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'id');
CREATE OR REPLACE TRIGGER "events_docs_upd" AFTER UPDATE ON "events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'id');
CREATE OR REPLACE TRIGGER "events_docs_del" AFTER DELETE ON "events" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'id');
CREATE OR REPLACE TRIGGER "event_countries_docs_ins" AFTER INSERT ON "event_countries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_countries_docs_upd" AFTER UPDATE ON "event_countries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_countries_docs_del" AFTER DELETE ON "event_countries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_ministries_docs_ins" AFTER INSERT ON "event_ministries" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_ministries_docs_upd" AFTER UPDATE ON "event_ministries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_ministries_docs_del" AFTER DELETE ON "event_ministries" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_participants_docs_ins" AFTER INSERT ON "event_participants" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_participants_docs_upd" AFTER UPDATE ON "event_participants" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_participants_docs_del" AFTER DELETE ON "event_participants" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_sources_docs_ins" AFTER INSERT ON "event_sources" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_sources_docs_upd" AFTER UPDATE ON "event_sources" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "event_sources_docs_del" AFTER DELETE ON "event_sources" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "agreements_docs_ins" AFTER INSERT ON "agreements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "agreements_docs_upd" AFTER UPDATE ON "agreements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "agreements_docs_del" AFTER DELETE ON "agreements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('event', 'event_id');
CREATE OR REPLACE TRIGGER "officials_docs_upd" AFTER UPDATE ON "officials" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('event', 'id', 'event_participants', 'official_id', 'event_id', 'name, country_code');
CREATE OR REPLACE TRIGGER "articles_docs_upd" AFTER UPDATE ON "articles" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('event', 'id', 'event_sources', 'article_id', 'event_id', 'title, url, published_at');
CREATE OR REPLACE TRIGGER "countries_docs_upd" AFTER UPDATE ON "countries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('event', 'code', 'event_countries', 'country_code', 'event_id', 'name_vi, name_en');
CREATE OR REPLACE TRIGGER "ministries_docs_upd" AFTER UPDATE ON "ministries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('event', 'id', 'event_ministries', 'ministry_id', 'event_id', 'code, name_vi, name_en, country_code');

CREATE OR REPLACE TRIGGER "agreements_adocs_ins" AFTER INSERT ON "agreements" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'id');
CREATE OR REPLACE TRIGGER "agreements_adocs_upd" AFTER UPDATE ON "agreements" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'id');
CREATE OR REPLACE TRIGGER "agreements_adocs_del" AFTER DELETE ON "agreements" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'id');
CREATE OR REPLACE TRIGGER "agreement_parties_adocs_ins" AFTER INSERT ON "agreement_parties" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'agreement_id');
CREATE OR REPLACE TRIGGER "agreement_parties_adocs_upd" AFTER UPDATE ON "agreement_parties" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'agreement_id');
CREATE OR REPLACE TRIGGER "agreement_parties_adocs_del" AFTER DELETE ON "agreement_parties" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'agreement_id');
CREATE OR REPLACE TRIGGER "agreement_sources_adocs_ins" AFTER INSERT ON "agreement_sources" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'agreement_id');
CREATE OR REPLACE TRIGGER "agreement_sources_adocs_upd" AFTER UPDATE ON "agreement_sources" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'agreement_id');
CREATE OR REPLACE TRIGGER "agreement_sources_adocs_del" AFTER DELETE ON "agreement_sources" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_mark_docs('agreement', 'agreement_id');
CREATE OR REPLACE TRIGGER "events_adocs_upd" AFTER UPDATE ON "events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('agreement', 'id', 'agreements', 'event_id', 'id', 'type, start, summary');
CREATE OR REPLACE TRIGGER "articles_adocs_upd" AFTER UPDATE ON "articles" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('agreement', 'id', 'agreement_sources', 'article_id', 'agreement_id', 'title, url, published_at');
CREATE OR REPLACE TRIGGER "countries_adocs_upd" AFTER UPDATE ON "countries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('agreement', 'code', 'agreement_parties', 'country_code', 'agreement_id', 'name_vi, name_en');
CREATE OR REPLACE TRIGGER "ministries_adocs_upd" AFTER UPDATE ON "ministries" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('agreement', 'id', 'agreement_parties', 'ministry_id', 'agreement_id', 'code, name_vi, name_en, country_code');
CREATE OR REPLACE TRIGGER "units_adocs_upd" AFTER UPDATE ON "units" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION hoptac_mark_docs('agreement', 'id', 'agreement_parties', 'unit_id', 'agreement_id', 'code, name_vi, name_en');

-- The per-kind tables and functions these replace.
DROP TABLE "event_docs_stale";
DROP TABLE "agreement_docs_stale";
DROP FUNCTION hoptac_mark_event_docs();
DROP FUNCTION hoptac_refresh_event_docs();
DROP FUNCTION hoptac_mark_agreement_docs();
DROP FUNCTION hoptac_refresh_agreement_docs();
