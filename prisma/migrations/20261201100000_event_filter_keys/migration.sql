-- Filter keys on events: the event's countries, ministries and officials as
-- sorted arrays on its own row, so that a filtered page tests them on the row
-- it reads (or finds the rows through their GIN indexes) instead of probing
-- the link tables once per event. Statement-level triggers on the link tables
-- keep them: one UPDATE per statement, however many rows it wrote.
ALTER TABLE "events"
  ADD COLUMN "country_codes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "ministry_ids" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[],
  ADD COLUMN "official_ids" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];

-- Rewrites the keys of the events a link-table statement touched (its
-- transition table is `changed`), leaving unchanged rows alone.
CREATE FUNCTION hoptac_refresh_event_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'event_countries' THEN
    UPDATE "events" e SET "country_codes" = k.keys
    FROM (SELECT c.event_id, coalesce(array_agg(l.country_code::text ORDER BY l.country_code) FILTER (WHERE l.event_id IS NOT NULL), ARRAY[]::text[]) AS keys
          FROM (SELECT DISTINCT event_id FROM changed) c LEFT JOIN "event_countries" l ON l.event_id = c.event_id GROUP BY c.event_id) k
    WHERE e.id = k.event_id AND e."country_codes" IS DISTINCT FROM k.keys;
  ELSIF TG_TABLE_NAME = 'event_ministries' THEN
    UPDATE "events" e SET "ministry_ids" = k.keys
    FROM (SELECT c.event_id, coalesce(array_agg(l.ministry_id ORDER BY l.ministry_id) FILTER (WHERE l.event_id IS NOT NULL), ARRAY[]::integer[]) AS keys
          FROM (SELECT DISTINCT event_id FROM changed) c LEFT JOIN "event_ministries" l ON l.event_id = c.event_id GROUP BY c.event_id) k
    WHERE e.id = k.event_id AND e."ministry_ids" IS DISTINCT FROM k.keys;
  ELSE
    UPDATE "events" e SET "official_ids" = k.keys
    FROM (SELECT c.event_id, coalesce(array_agg(l.official_id ORDER BY l.official_id) FILTER (WHERE l.event_id IS NOT NULL), ARRAY[]::integer[]) AS keys
          FROM (SELECT DISTINCT event_id FROM changed) c LEFT JOIN "event_participants" l ON l.event_id = c.event_id GROUP BY c.event_id) k
    WHERE e.id = k.event_id AND e."official_ids" IS DISTINCT FROM k.keys;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "event_countries_keys_ins" AFTER INSERT ON "event_countries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_countries_keys_del" AFTER DELETE ON "event_countries" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_countries_keys_upd_old" AFTER UPDATE ON "event_countries" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_countries_keys_upd_new" AFTER UPDATE ON "event_countries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_ministries_keys_ins" AFTER INSERT ON "event_ministries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_ministries_keys_del" AFTER DELETE ON "event_ministries" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_ministries_keys_upd_old" AFTER UPDATE ON "event_ministries" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_ministries_keys_upd_new" AFTER UPDATE ON "event_ministries" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_participants_keys_ins" AFTER INSERT ON "event_participants" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_participants_keys_del" AFTER DELETE ON "event_participants" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_participants_keys_upd_old" AFTER UPDATE ON "event_participants" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();
CREATE TRIGGER "event_participants_keys_upd_new" AFTER UPDATE ON "event_participants" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_event_keys();

-- The events already stored.
UPDATE "events" e SET
  "country_codes" = coalesce((SELECT array_agg(l.country_code::text ORDER BY l.country_code) FROM "event_countries" l WHERE l.event_id = e.id), ARRAY[]::text[]),
  "ministry_ids" = coalesce((SELECT array_agg(l.ministry_id ORDER BY l.ministry_id) FROM "event_ministries" l WHERE l.event_id = e.id), ARRAY[]::integer[]),
  "official_ids" = coalesce((SELECT array_agg(l.official_id ORDER BY l.official_id) FROM "event_participants" l WHERE l.event_id = e.id), ARRAY[]::integer[]);

CREATE INDEX "events_country_codes_idx" ON "events" USING GIN ("country_codes");
CREATE INDEX "events_ministry_ids_idx" ON "events" USING GIN ("ministry_ids");
CREATE INDEX "events_official_ids_idx" ON "events" USING GIN ("official_ids");

