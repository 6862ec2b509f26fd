-- An agreement's filter keys, as events' are (20261202100000_event_keys_by_index):
-- a writer that sets them on the agreement's row itself, in the statement that
-- writes its parties (the importer's store), says so for its transaction with
-- set_config('hoptac.agreement_keys_written', 'on', true), and the parties'
-- trigger stands aside. Its UPDATE of the agreement, and the agreement's own
-- update triggers it set off, ran once per agreement written. Every other
-- writer (SQL by hand) is kept by the trigger.
CREATE OR REPLACE FUNCTION hoptac_refresh_agreement_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hoptac.agreement_keys_written', true) = 'on' THEN
    RETURN NULL;
  END IF;
  UPDATE "agreements" a SET "country_codes" = k.codes, "ministry_ids" = k.ministries
  FROM (SELECT c.agreement_id,
          coalesce(array_agg(DISTINCT l.country_code::text ORDER BY l.country_code::text) FILTER (WHERE l.agreement_id IS NOT NULL), ARRAY[]::text[]) AS codes,
          coalesce(array_agg(DISTINCT l.ministry_id ORDER BY l.ministry_id) FILTER (WHERE l.ministry_id IS NOT NULL), ARRAY[]::integer[]) AS ministries
        FROM (SELECT DISTINCT agreement_id FROM changed) c LEFT JOIN "agreement_parties" l ON l.agreement_id = c.agreement_id
        GROUP BY c.agreement_id) k
  WHERE a.id = k.agreement_id AND (a."country_codes", a."ministry_ids") IS DISTINCT FROM (k.codes, k.ministries);
  RETURN NULL;
END $$;
