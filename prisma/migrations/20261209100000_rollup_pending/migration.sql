-- A write of events no longer adds its changes to the rollup cells itself:
-- its rollup trigger appends one row per changed event (its keys and +1 or
-- -1) to event_rollup_pending, and hoptac_fold_rollups() later adds those
-- rows to the cells and their totals and deletes them, in one transaction.
-- Reads count the cells and the pending rows' cells together
-- (event_rollup_pending_cells), so counts stay exact at every commit; the
-- fold only keeps the pending rows few. The importer and the ingest route
-- fold after each write on another connection: a write pays one row per
-- event instead of some forty cell updates, and a fold of many writes
-- updates each busy cell once.
--
-- A pending row keeps the event's officials the rollups listed when it was
-- written: an official listed later counts every event already written
-- (hoptac_add_rollup_officials reads the events), so its pending rows must
-- not count it again.
CREATE TABLE "event_rollup_pending" (
    "id" BIGINT GENERATED ALWAYS AS IDENTITY,
    "type" "event_type" NOT NULL,
    "year_from" INTEGER NOT NULL,
    "year_to" INTEGER NOT NULL,
    "country_codes" TEXT[] NOT NULL,
    "ministry_ids" INTEGER[] NOT NULL,
    "topics" TEXT[] NOT NULL,
    "official_ids" INTEGER[] NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "event_rollup_pending_pkey" PRIMARY KEY ("id")
);

-- Every cell an event counts in: hoptac_event_cells, and for each listed
-- official its scope's cells of every event.
CREATE FUNCTION hoptac_event_rollup_cells(country_codes text[], ministry_ids integer[], topics text[], official_ids integer[])
  RETURNS TABLE (scope text, dim text, key text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT c.scope, c.dim, c.key FROM hoptac_event_cells(country_codes, ministry_ids, topics) c
  UNION ALL
  SELECT 'official:' || o, c.dim, c.key FROM unnest(official_ids) o, hoptac_event_cells(country_codes, ministry_ids, topics) c WHERE c.scope = ''
$$;

-- The same for reads, which plan the pending side of the views on every
-- request for a table that is usually empty: inlined, the unions above cost
-- a stats query 2 ms of planning. A SET clause keeps a function from being
-- inlined; a fold, which runs it for thousands of rows, inlines the other.
CREATE FUNCTION hoptac_pending_rollup_cells(country_codes text[], ministry_ids integer[], topics text[], official_ids integer[])
  RETURNS TABLE (scope text, dim text, key text) LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 50 SET search_path FROM CURRENT AS $$
  SELECT * FROM hoptac_event_rollup_cells(country_codes, ministry_ids, topics, official_ids)
$$;

CREATE VIEW "event_rollup_pending_cells" AS
  SELECT c.scope, c.dim, c.key, p.type, p.year_from, p.year_to, p.n AS events
  FROM "event_rollup_pending" p CROSS JOIN LATERAL hoptac_pending_rollup_cells(p.country_codes, p.ministry_ids, p.topics, p.official_ids) c;

-- What reads count: the cells and their totals with the pending rows' cells
-- (a key may then have several rows: reads sum them).
CREATE VIEW "event_rollups_current" AS
  SELECT "scope", "dim", "key", "type", "year_from", "year_to", "events" FROM "event_rollups"
  UNION ALL SELECT "scope", "dim", "key", "type", "year_from", "year_to", "events" FROM "event_rollup_pending_cells";

CREATE VIEW "event_rollup_totals_current" AS
  SELECT "scope", "dim", "key", "events" FROM "event_rollup_totals"
  UNION ALL SELECT "scope", "dim", "key", "events" FROM "event_rollup_pending_cells";

-- The statement that adds cell changes to the cells and their totals, as
-- before (20261206100000_rollup_totals_direct), now with the cells written in
-- key order too (a fold and a newly listed official's cells then lock them in
-- the same order), after `prelude` (more queries of its WITH, each ending in
-- a comma) and ending in `result`.
CREATE FUNCTION hoptac_rollup_cells_sql(prelude text, changes text, result text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    WITH %s d AS MATERIALIZED (%s),
    cells AS (
      INSERT INTO "event_rollups" AS r ("scope", "dim", "key", "type", "year_from", "year_to", "events")
      SELECT scope, dim, key, type, year_from, year_to, n FROM d ORDER BY 1, 2, 3, 4, 5, 6
      ON CONFLICT ("scope", "dim", "key", "type", "year_from", "year_to") DO UPDATE SET "events" = r."events" + excluded."events"),
    totals AS (
      INSERT INTO "event_rollup_totals" AS t ("scope", "dim", "key", "events")
      SELECT scope, dim, key, sum(n)::int FROM d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT ("scope", "dim", "key") DO UPDATE SET "events" = t."events" + excluded."events")
    %s$q$, prelude, changes, result)
$$;

CREATE OR REPLACE FUNCTION hoptac_rollup_cells_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT hoptac_rollup_cells_sql('', changes, 'SELECT 1')
$$;

-- Adds up to `batch` pending rows, oldest first, to the cells and deletes
-- them, in one statement (one snapshot: a row committed meanwhile waits for
-- the next fold); returns how many (0 also when another fold is under way).
CREATE FUNCTION hoptac_fold_rollups(batch integer DEFAULT 50000) RETURNS integer LANGUAGE plpgsql SET work_mem = '256MB' AS $$
DECLARE
  folded integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(4860212) THEN
    RETURN 0;
  END IF;
  EXECUTE hoptac_rollup_cells_sql(format($q$
    p AS (DELETE FROM "event_rollup_pending" WHERE id <= (SELECT max(id) FROM (SELECT id FROM "event_rollup_pending" ORDER BY id LIMIT %s) x) RETURNING *),$q$, batch), $q$
    SELECT c.scope, c.dim, c.key, x.type, x.year_from, x.year_to, sum(x.n)::int AS n
    FROM (SELECT type, year_from, year_to, country_codes, ministry_ids, topics, official_ids, sum(n) AS n
          FROM p GROUP BY 1, 2, 3, 4, 5, 6, 7) x
    CROSS JOIN LATERAL hoptac_event_rollup_cells(x.country_codes, x.ministry_ids, x.topics, x.official_ids) c
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(x.n) <> 0$q$, 'SELECT count(*)::int FROM p') INTO folded;
  RETURN folded;
END $$;

-- As before (20261206100000_rollup_totals_direct), with the changes appended
-- to the pending rows instead of added to the cells. Changes that cancel (an
-- update that leaves an event's keys as they were) are not written.
CREATE OR REPLACE FUNCTION hoptac_roll_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols CONSTANT text := 'type, coalesce(extract(year FROM span_from)::int, 0) AS year_from, coalesce(extract(year FROM span_to)::int, 0) AS year_to, country_codes, ministry_ids, topics, official_ids';
  src text;
  candidates integer[];
  heavy integer[];
  many CONSTANT integer := coalesce(nullif(current_setting('hoptac.rollup_official_events', true), '')::integer, 1000);
BEGIN
  src := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS n FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS n FROM old_rows', cols)
    ELSE format('SELECT %s, 1 AS n FROM new_rows UNION ALL SELECT %s, -1 AS n FROM old_rows', cols, cols)
  END;
  LOCK TABLE "rollup_officials" IN SHARE MODE;
  EXECUTE format($q$
    INSERT INTO "event_rollup_pending" ("type", "year_from", "year_to", "country_codes", "ministry_ids", "topics", "official_ids", "n")
    SELECT type, year_from, year_to, country_codes, ministry_ids, topics,
      ARRAY(SELECT o FROM unnest(official_ids) o WHERE EXISTS (SELECT 1 FROM "rollup_officials" r WHERE r.official_id = o) ORDER BY o), n
    FROM (SELECT type, year_from, year_to, country_codes, ministry_ids, topics, official_ids, sum(n)::int AS n FROM (%s) y
          GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(n) <> 0) x$q$, src);

  IF TG_OP <> 'DELETE' THEN
    candidates := ARRAY(SELECT DISTINCT o FROM new_rows, unnest(official_ids) o
                        WHERE NOT EXISTS (SELECT 1 FROM "rollup_officials" r WHERE r.official_id = o) LIMIT 101);
    IF cardinality(candidates) BETWEEN 1 AND 100 THEN
      heavy := ARRAY(SELECT o FROM unnest(candidates) o
                     WHERE (SELECT count(*) FROM (SELECT 1 FROM "event_participants" p WHERE p.official_id = o LIMIT many) x) >= many);
      IF cardinality(heavy) > 0 THEN
        BEGIN
          LOCK TABLE "rollup_officials" IN EXCLUSIVE MODE NOWAIT;
          PERFORM hoptac_add_rollup_officials(heavy);
        EXCEPTION WHEN lock_not_available THEN
          NULL; -- another writer is busy: a later statement lists them
        END;
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END $$;
