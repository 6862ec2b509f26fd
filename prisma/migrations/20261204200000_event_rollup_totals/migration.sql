-- Stats with no type and no years (events by country, ministry or topic,
-- over everything or one scope: the dashboards' first view) summed every
-- type and year cell of each group: about 41,000 cells for all events by
-- country at a million events. event_rollup_totals holds each (scope, dim,
-- key)'s sum over its types and years: the same answer from one row a group.
--
-- It is kept from event_rollups' own changes by statement triggers, so that
-- whoever writes the cells (the rollup trigger on events, an official joining
-- rollup_officials, SQL by hand) keeps the totals too. Rows are written in
-- key order, so that two writers take their locks in the same order.
CREATE TABLE "event_rollup_totals" (
    "scope" TEXT NOT NULL,
    "dim" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    CONSTRAINT "event_rollup_totals_pkey" PRIMARY KEY ("scope", "dim", "key") INCLUDE ("events")
);

CREATE FUNCTION hoptac_roll_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text;
BEGIN
  src := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT scope, dim, key, events AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT scope, dim, key, -events AS n FROM old_rows'
    ELSE 'SELECT scope, dim, key, events AS n FROM new_rows UNION ALL SELECT scope, dim, key, -events FROM old_rows'
  END;
  EXECUTE format($q$
    INSERT INTO "event_rollup_totals" AS t ("scope", "dim", "key", "events")
    SELECT scope, dim, key, sum(n)::int FROM (%s) x GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("scope", "dim", "key") DO UPDATE SET "events" = t."events" + excluded."events"$q$, src);
  RETURN NULL;
END $$;

CREATE TRIGGER "event_rollups_totals_ins" AFTER INSERT ON "event_rollups" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_roll_totals();
CREATE TRIGGER "event_rollups_totals_upd" AFTER UPDATE ON "event_rollups" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_roll_totals();
CREATE TRIGGER "event_rollups_totals_del" AFTER DELETE ON "event_rollups" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_roll_totals();

-- The cells already counted.
INSERT INTO "event_rollup_totals" ("scope", "dim", "key", "events")
SELECT scope, dim, key, sum(events)::int FROM "event_rollups" GROUP BY 1, 2, 3;
