-- The cells of one country's, ministry's or topic's events as a whole, e.g.
-- (scope 'country:CU', dim '', key ''), count the same events by type and
-- years as the group cells (scope '', dim 'country', key 'CU'): the rollups
-- keep the latter only, and reads of the former read them (rollups.ts). An
-- event has one such cell less per country, ministry and topic to write. A
-- pair of countries and an official keep their own.
CREATE OR REPLACE FUNCTION hoptac_event_cells(country_codes text[], ministry_ids integer[], topics text[])
  RETURNS TABLE (scope text, dim text, key text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s.dim = '' THEN '' ELSE s.dim || ':' || s.key END, d.dim, d.key
  FROM (SELECT '' AS dim, '' AS key
        UNION ALL SELECT 'country', c FROM unnest(country_codes) c
        UNION ALL SELECT 'countries', a || '+' || b FROM unnest(country_codes) a, unnest(country_codes) b WHERE a < b
        UNION ALL SELECT 'ministry', m::text FROM unnest(ministry_ids) m
        UNION ALL SELECT 'topic', t FROM unnest(topics) t) s
  CROSS JOIN (SELECT '' AS dim, '' AS key
        UNION ALL SELECT 'country', c FROM unnest(country_codes) c
        UNION ALL SELECT 'ministry', m::text FROM unnest(ministry_ids) m
        UNION ALL SELECT 'topic', t FROM unnest(topics) t) d
  WHERE d.dim <> '' OR s.dim IN ('', 'countries')
$$;

DELETE FROM "event_rollups" WHERE "dim" = '' AND split_part("scope", ':', 1) IN ('country', 'ministry', 'topic');
DELETE FROM "event_rollup_totals" WHERE "dim" = '' AND split_part("scope", ':', 1) IN ('country', 'ministry', 'topic');
