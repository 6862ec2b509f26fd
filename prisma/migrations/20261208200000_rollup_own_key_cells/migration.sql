-- A scope's cells for its own key count every event of the scope: (scope
-- 'country:CU', dim 'country', key 'CU') counts what the group cell (scope
-- '', dim 'country', key 'CU') counts, and (scope 'countries:CU+VN', dim
-- 'country', key 'CU' or 'VN') what (scope 'countries:CU+VN', dim '', key
-- '') counts. The rollups keep the latter only, and a scope's group reads
-- its own keys from them (rollups.ts): an event writes one cell less per
-- country, ministry and topic, and two less per pair of countries, about
-- one cell in seven.
CREATE OR REPLACE FUNCTION hoptac_event_cells(country_codes text[], ministry_ids integer[], topics text[])
  RETURNS TABLE (scope text, dim text, key text) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s.dim = '' THEN '' ELSE s.dim || ':' || s.key END, d.dim, d.key
  FROM (SELECT '' AS dim, '' AS key, '' AS own_dim, ARRAY[]::text[] AS own
        UNION ALL SELECT 'country', c, 'country', ARRAY[c] FROM unnest(country_codes) c
        UNION ALL SELECT 'countries', a || '+' || b, 'country', ARRAY[a, b] FROM unnest(country_codes) a, unnest(country_codes) b WHERE a < b
        UNION ALL SELECT 'ministry', m::text, 'ministry', ARRAY[m::text] FROM unnest(ministry_ids) m
        UNION ALL SELECT 'topic', t, 'topic', ARRAY[t] FROM unnest(topics) t) s
  CROSS JOIN (SELECT '' AS dim, '' AS key
        UNION ALL SELECT 'country', c FROM unnest(country_codes) c
        UNION ALL SELECT 'ministry', m::text FROM unnest(ministry_ids) m
        UNION ALL SELECT 'topic', t FROM unnest(topics) t) d
  WHERE (d.dim <> '' OR s.dim IN ('', 'countries')) AND NOT (d.dim = s.own_dim AND d.key = ANY(s.own))
$$;

DELETE FROM "event_rollups" WHERE "dim" <> '' AND "scope" = "dim" || ':' || "key";
DELETE FROM "event_rollups" WHERE "dim" = 'country' AND "scope" LIKE 'countries:%' AND "key" = ANY(string_to_array(substr("scope", 11), '+'));
DELETE FROM "event_rollup_totals" WHERE "dim" <> '' AND "scope" = "dim" || ':' || "key";
DELETE FROM "event_rollup_totals" WHERE "dim" = 'country' AND "scope" LIKE 'countries:%' AND "key" = ANY(string_to_array(substr("scope", 11), '+'));
