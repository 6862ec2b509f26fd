-- Event counts by scope, group, type and years, for /v1/stats, country
-- timelines and list totals without scanning the events. Each event adds one
-- to every (scope, group) pair it belongs to:
--   scope: '' (every event), 'country:CU', 'ministry:12' or 'topic:cybersecurity';
--   dim/key: '' / '' (the event itself), or 'country' / 'ministry' / 'topic'
--   with the group's key (an event counts once in each of its countries…).
-- year_from / year_to are the years of its span (0 when its year is unknown).
-- A statement-level trigger on events keeps it in the writing transaction
-- (the filter keys of event_filter_keys arrive as updates of events).
CREATE TABLE "event_rollups" (
    "scope" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" "event_type" NOT NULL,
    "year_from" INTEGER NOT NULL,
    "year_to" INTEGER NOT NULL,
    "events" INTEGER NOT NULL,
    CONSTRAINT "event_rollups_pkey" PRIMARY KEY ("scope", "dim", "key", "type", "year_from", "year_to")
);

-- The (scope, dim, key) cells an event with these keys counts in (one
-- SELECT, so that the planner inlines it into the statements that call it).
-- Each array holds a key once (topics are a set, like the link tables' keys).
CREATE FUNCTION hoptac_event_cells(country_codes text[], ministry_ids integer[], topics text[])
  RETURNS TABLE (scope text, dim text, key text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s.dim = '' THEN '' ELSE s.dim || ':' || s.key END, d.dim, d.key
  FROM (SELECT '' AS dim, '' AS key
        UNION ALL SELECT 'country', c FROM unnest(country_codes) c
        UNION ALL SELECT 'ministry', m::text FROM unnest(ministry_ids) m
        UNION ALL SELECT 'topic', t FROM unnest(topics) t) s
  CROSS JOIN (SELECT '' AS dim, '' AS key
        UNION ALL SELECT 'country', c FROM unnest(country_codes) c
        UNION ALL SELECT 'ministry', m::text FROM unnest(ministry_ids) m
        UNION ALL SELECT 'topic', t FROM unnest(topics) t) d
$$;

-- Events with the same keys are counted together before they are spread over
-- their cells: a bulk load has many alike.
CREATE FUNCTION hoptac_roll_events() RETURNS trigger LANGUAGE plpgsql SET work_mem = '256MB' AS $$
DECLARE
  cols CONSTANT text := 'type, coalesce(extract(year FROM span_from)::int, 0) AS year_from, coalesce(extract(year FROM span_to)::int, 0) AS year_to, country_codes, ministry_ids, topics';
  src text;
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
  RETURN NULL;
END $$;

CREATE TRIGGER "events_rollup_ins" AFTER INSERT ON "events" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_roll_events();
CREATE TRIGGER "events_rollup_upd" AFTER UPDATE ON "events" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_roll_events();
CREATE TRIGGER "events_rollup_del" AFTER DELETE ON "events" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_roll_events();

-- The events already stored.
INSERT INTO "event_rollups" ("scope", "dim", "key", "type", "year_from", "year_to", "events")
SELECT c.scope, c.dim, c.key, e.type, coalesce(extract(year FROM e.span_from)::int, 0), coalesce(extract(year FROM e.span_to)::int, 0), count(*)::int
FROM "events" e CROSS JOIN LATERAL hoptac_event_cells(e.country_codes, e.ministry_ids, e.topics) c
GROUP BY 1, 2, 3, 4, 5, 6;
