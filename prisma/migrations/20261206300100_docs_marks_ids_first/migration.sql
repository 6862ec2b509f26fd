-- Files the items a statement touched by reading their ids with a statement
-- planned each time (its text depends on the trigger's arguments), then
-- inserting them with a statement whose plan is kept.

CREATE OR REPLACE FUNCTION hoptac_mark_docs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  rows_from text;
  ids integer[];
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
  -- Only the ids are read by a statement planned each time; the insert's plan is kept.
  EXECUTE 'SELECT ARRAY(' || rows_from || ')' INTO ids;
  IF cardinality(ids) = 0 THEN
    RETURN NULL;
  END IF;
  INSERT INTO docs_stale (tx, kind, id) SELECT DISTINCT txid_current(), kind, x FROM unnest(ids) x WHERE x IS NOT NULL ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS filed = ROW_COUNT;
  IF filed > 0 THEN
    INSERT INTO docs_pending (tx) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
