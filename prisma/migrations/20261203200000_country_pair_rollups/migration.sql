-- Two countries are a common filter (Việt Nam and a partner): the rollups get
-- a scope per pair of an event's countries, 'countries:CU+VN' (codes in
-- order), so that /v1/stats and list totals for two countries read a few
-- cells instead of every matching event. An event with n countries counts in
-- n(n-1)/2 pairs. The cells function keeps its signature, so the trigger of
-- event_rollups and the drift check use the pairs as they are.
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
$$;

-- The pairs of the events already stored (the other scopes are there).
SET LOCAL work_mem = '512MB';
INSERT INTO "event_rollups" ("scope", "dim", "key", "type", "year_from", "year_to", "events")
SELECT c.scope, c.dim, c.key, e.type, coalesce(extract(year FROM e.span_from)::int, 0), coalesce(extract(year FROM e.span_to)::int, 0), count(*)::int
FROM "events" e CROSS JOIN LATERAL hoptac_event_cells(e.country_codes, e.ministry_ids, e.topics) c
WHERE cardinality(e.country_codes) > 1 AND c.scope LIKE 'countries:%'
GROUP BY 1, 2, 3, 4, 5, 6;
