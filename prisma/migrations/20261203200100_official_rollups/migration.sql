-- Stats of one official read the rollups when the official has many events:
-- event_rollups also counts, under scope 'official:<id>', the events of the
-- officials listed in rollup_officials. An official with few events is
-- counted over its events (a few index and heap reads); one with thousands
-- would read thousands of rows per request. Listing every official would
-- multiply the rollups several times over for little gain.
--
-- An official joins the list (with its cells counted from the events) when
-- a statement that touches a few officials' events finds one with at least
-- 1,000 (the setting hoptac.rollup_official_events, when set, says how
-- many); hoptac_roll_officials(n) lists every official with at least n
-- events at once (this migration, and the synthetic generator after a bulk
-- load). An official never leaves the list, so its cells stay exact.
CREATE TABLE "rollup_officials" (
    "official_id" INTEGER NOT NULL,
    CONSTRAINT "rollup_officials_pkey" PRIMARY KEY ("official_id")
);

-- Lists these officials and counts their events' cells. The caller holds the
-- list's EXCLUSIVE lock: every writer of events holds a SHARE lock on it from
-- its rollup trigger to its commit, so the events read here are all the
-- committed ones, and no writer counts them again under the old list.
CREATE FUNCTION hoptac_add_rollup_officials(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  ids := ARRAY(SELECT DISTINCT x FROM unnest(ids) x WHERE NOT EXISTS (SELECT 1 FROM "rollup_officials" r WHERE r.official_id = x));
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "rollup_officials" ("official_id") SELECT unnest(ids);
  INSERT INTO "event_rollups" AS r ("scope", "dim", "key", "type", "year_from", "year_to", "events")
  SELECT 'official:' || o, c.dim, c.key, e.type, coalesce(extract(year FROM e.span_from)::int, 0), coalesce(extract(year FROM e.span_to)::int, 0), count(*)::int
  FROM "events" e CROSS JOIN LATERAL unnest(e.official_ids) o
  CROSS JOIN LATERAL hoptac_event_cells(e.country_codes, e.ministry_ids, e.topics) c
  WHERE e.official_ids && ids AND o = ANY(ids) AND c.scope = ''
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("scope", "dim", "key", "type", "year_from", "year_to") DO UPDATE SET "events" = r."events" + excluded."events";
END $$;

-- Lists every official with at least min_events events; returns how many joined.
CREATE FUNCTION hoptac_roll_officials(min_events integer) RETURNS integer LANGUAGE plpgsql SET work_mem = '256MB' AS $$
DECLARE
  ids integer[];
BEGIN
  LOCK TABLE "rollup_officials" IN EXCLUSIVE MODE;
  ids := ARRAY(SELECT p.official_id FROM "event_participants" p
               WHERE NOT EXISTS (SELECT 1 FROM "rollup_officials" r WHERE r.official_id = p.official_id)
               GROUP BY 1 HAVING count(*) >= min_events);
  PERFORM hoptac_add_rollup_officials(ids);
  RETURN cardinality(ids);
END $$;

-- The rollup trigger, as before, then the listed officials' cells; then the
-- statement's officials that reached 1,000 events (or the setting's number) join the list, when they
-- are few (a bulk load lists them at its end) and no other writer is busy.
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
  EXECUTE format($q$
    INSERT INTO "event_rollups" AS r ("scope", "dim", "key", "type", "year_from", "year_to", "events")
    SELECT c.scope, c.dim, c.key, x.type, x.year_from, x.year_to, sum(x.n)::int
    FROM (SELECT type, year_from, year_to, country_codes, ministry_ids, topics, sum(n) AS n FROM (%s) y GROUP BY 1, 2, 3, 4, 5, 6) x
    CROSS JOIN LATERAL hoptac_event_cells(x.country_codes, x.ministry_ids, x.topics) c
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(x.n) <> 0
    ON CONFLICT ("scope", "dim", "key", "type", "year_from", "year_to") DO UPDATE SET "events" = r."events" + excluded."events"$q$, src);

  LOCK TABLE "rollup_officials" IN SHARE MODE;
  EXECUTE format($q$
    INSERT INTO "event_rollups" AS r ("scope", "dim", "key", "type", "year_from", "year_to", "events")
    SELECT 'official:' || o.official_id, c.dim, c.key, y.type, y.year_from, y.year_to, sum(y.n)::int
    FROM (%s) y JOIN "rollup_officials" o ON o.official_id = ANY(y.official_ids)
    CROSS JOIN LATERAL hoptac_event_cells(y.country_codes, y.ministry_ids, y.topics) c
    WHERE c.scope = ''
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(y.n) <> 0
    ON CONFLICT ("scope", "dim", "key", "type", "year_from", "year_to") DO UPDATE SET "events" = r."events" + excluded."events"$q$, src);

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

-- The officials already stored.
SELECT hoptac_roll_officials(1000);
