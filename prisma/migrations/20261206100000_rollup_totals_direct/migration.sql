-- The rollup totals are written by the statements that write the cells, from
-- the same changes, instead of by triggers on event_rollups: those kept every
-- changed cell's old and new row (transition tables) and summed them again,
-- for each of the thousands of cells an import statement changes. Whoever
-- writes cells by hand now writes their totals too (the drift check,
-- src/db/derived.ts, compares them).
--
-- A total's key no longer carries its count (INCLUDE events), and its pages
-- keep room: a changed total is then a heap-only update, with no new index
-- entry. Reads of totals are a few hundred rows at most. The cells keep their
-- covering key: stats read thousands of them from the index alone.
DROP TRIGGER "event_rollups_totals_ins" ON "event_rollups";
DROP TRIGGER "event_rollups_totals_upd" ON "event_rollups";
DROP TRIGGER "event_rollups_totals_del" ON "event_rollups";
DROP FUNCTION hoptac_roll_totals();

ALTER TABLE "event_rollup_totals" DROP CONSTRAINT "event_rollup_totals_pkey",
  ADD CONSTRAINT "event_rollup_totals_pkey" PRIMARY KEY ("scope", "dim", "key");
ALTER TABLE "event_rollup_totals" SET (fillfactor = 70);

-- The statement that adds these cell changes (a query of scope, dim, key,
-- type, year_from, year_to, n) to the cells and their totals. The rollup
-- trigger runs it itself: its transition tables are visible to its own
-- statements only. Totals are written in key order, so that two writers take
-- their locks in the same order.
CREATE FUNCTION hoptac_rollup_cells_sql(changes text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    WITH d AS MATERIALIZED (%s),
    cells AS (
      INSERT INTO "event_rollups" AS r ("scope", "dim", "key", "type", "year_from", "year_to", "events")
      SELECT scope, dim, key, type, year_from, year_to, n FROM d
      ON CONFLICT ("scope", "dim", "key", "type", "year_from", "year_to") DO UPDATE SET "events" = r."events" + excluded."events")
    INSERT INTO "event_rollup_totals" AS t ("scope", "dim", "key", "events")
    SELECT scope, dim, key, sum(n)::int FROM d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("scope", "dim", "key") DO UPDATE SET "events" = t."events" + excluded."events"$q$, changes)
$$;

CREATE OR REPLACE FUNCTION hoptac_add_rollup_officials(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ids := ARRAY(SELECT DISTINCT x FROM unnest(ids) x WHERE NOT EXISTS (SELECT 1 FROM "rollup_officials" r WHERE r.official_id = x));
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "rollup_officials" ("official_id") SELECT unnest(ids);
  EXECUTE hoptac_rollup_cells_sql(format($q$
    SELECT 'official:' || o AS scope, c.dim, c.key, e.type, coalesce(extract(year FROM e.span_from)::int, 0) AS year_from,
      coalesce(extract(year FROM e.span_to)::int, 0) AS year_to, count(*)::int AS n
    FROM "events" e CROSS JOIN LATERAL unnest(e.official_ids) o
    CROSS JOIN LATERAL hoptac_event_cells(e.country_codes, e.ministry_ids, e.topics) c
    WHERE e.official_ids && %L::int[] AND o = ANY(%L::int[]) AND c.scope = ''
    GROUP BY 1, 2, 3, 4, 5, 6$q$, ids, ids));
END $$;

-- As before (20261203200100_official_rollups), with the totals written here.
CREATE OR REPLACE FUNCTION hoptac_roll_events() RETURNS trigger LANGUAGE plpgsql SET work_mem = '256MB' AS $$
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
  EXECUTE hoptac_rollup_cells_sql(format($q$
    SELECT c.scope, c.dim, c.key, x.type, x.year_from, x.year_to, sum(x.n)::int AS n
    FROM (SELECT type, year_from, year_to, country_codes, ministry_ids, topics, sum(n) AS n FROM (%s) y GROUP BY 1, 2, 3, 4, 5, 6) x
    CROSS JOIN LATERAL hoptac_event_cells(x.country_codes, x.ministry_ids, x.topics) c
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(x.n) <> 0$q$, src));

  LOCK TABLE "rollup_officials" IN SHARE MODE;
  EXECUTE hoptac_rollup_cells_sql(format($q$
    SELECT 'official:' || o.official_id AS scope, c.dim, c.key, y.type, y.year_from, y.year_to, sum(y.n)::int AS n
    FROM (%s) y JOIN "rollup_officials" o ON o.official_id = ANY(y.official_ids)
    CROSS JOIN LATERAL hoptac_event_cells(y.country_codes, y.ministry_ids, y.topics) c
    WHERE c.scope = ''
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(y.n) <> 0$q$, src));

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
