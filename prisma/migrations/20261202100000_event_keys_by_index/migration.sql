-- The filter keys' trigger (event_filter_keys) reads only the events a
-- statement touched, through the primary key and the link tables' keys,
-- whatever the size of the tables: the events' ids are handed over as an
-- array (an index scan for any count), and each event's keys are read by its
-- own index lookup. Before, the plan could join the whole link table.
--
-- A writer that sets the keys on the events itself, with the links, in the
-- same statements (the importer's store), says so for its transaction with
-- set_config('hoptac.event_keys_written', 'on', true); the trigger then has
-- nothing to do. Every other writer (SQL by hand) is kept by the trigger.
CREATE OR REPLACE FUNCTION hoptac_refresh_event_keys() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids integer[];
BEGIN
  IF current_setting('hoptac.event_keys_written', true) = 'on' THEN
    RETURN NULL;
  END IF;
  ids := ARRAY(SELECT DISTINCT event_id FROM changed);
  IF TG_TABLE_NAME = 'event_countries' THEN
    UPDATE "events" e SET "country_codes" = k.keys
    FROM (SELECT x.id, ARRAY(SELECT l.country_code::text FROM "event_countries" l WHERE l.event_id = x.id ORDER BY l.country_code) AS keys
          FROM unnest(ids) x(id)) k
    WHERE e.id = k.id AND e."country_codes" IS DISTINCT FROM k.keys;
  ELSIF TG_TABLE_NAME = 'event_ministries' THEN
    UPDATE "events" e SET "ministry_ids" = k.keys
    FROM (SELECT x.id, ARRAY(SELECT l.ministry_id FROM "event_ministries" l WHERE l.event_id = x.id ORDER BY l.ministry_id) AS keys
          FROM unnest(ids) x(id)) k
    WHERE e.id = k.id AND e."ministry_ids" IS DISTINCT FROM k.keys;
  ELSE
    UPDATE "events" e SET "official_ids" = k.keys
    FROM (SELECT x.id, ARRAY(SELECT l.official_id FROM "event_participants" l WHERE l.event_id = x.id ORDER BY l.official_id) AS keys
          FROM unnest(ids) x(id)) k
    WHERE e.id = k.id AND e."official_ids" IS DISTINCT FROM k.keys;
  END IF;
  RETURN NULL;
END $$;
