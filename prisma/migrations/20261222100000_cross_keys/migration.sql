-- Keys across the words of an event's, agreement's or official's folded
-- text, by which a text of two words or more is looked up
-- (src/api/query/text-contains.ts): the pair keys of 20261212100000_pair_keys
-- and, for each inner word, a key of the word whole between the ends of its
-- neighbours. A pair key stands for thousands of pairs of words: "yen>ho"
-- is in "nguyen hoang", "quyen ho" and "luyen hong", and at a million events
-- the pair keys of "luyen hong chinh" are in 8,800 and 54,800 events, of
-- which 698 hold both and 341 the name; 362 hold "yen>hong>ch".
--
-- For each word y between x and z, the key is x's last three letters, ">",
-- y (its first 16 letters, so that a long token keeps the key short), ">"
-- and z's first two ("yen>hong>ch"). A text that contains "w1 w2 … wn"
-- holds the key of each of its inner words, except where that depends on
-- how w1 starts (w1 of fewer than three letters) or on how wn ends (wn of
-- one letter); such a text, and a text of two words, is looked up by its
-- pair keys as before. One index holds both kinds, so that a statement
-- reads one index whichever kind a text has.

-- The key of word y whole between x and z: "yen>hong>ch" for "luyen hong chinh".
CREATE FUNCTION hoptac_inner_key(x text, y text, z text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT right(x, 3) || '>' || left(y, 16) || '>' || left(z, 2)
$$;

-- A text's pair keys (hoptac_pair_keys) and its inner words' keys. Its
-- indexes are built and analysed with only pg_catalog on the search path,
-- so it keeps the one it was made with to find the functions it calls.
CREATE FUNCTION hoptac_cross_keys(folded text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT SET search_path FROM CURRENT AS $$
DECLARE
  w text[] := string_to_array(folded, ' ');
  keys text[] := hoptac_pair_keys(folded);
BEGIN
  FOR i IN 2 .. cardinality(w) - 1 LOOP
    keys := keys || hoptac_inner_key(w[i - 1], w[i], w[i + 1]);
  END LOOP;
  RETURN keys;
END $$;

-- The keys every text containing `folded` holds: its inner words' keys when
-- it has any, else its pair keys (hoptac_phrase_keys); none for a single word.
CREATE FUNCTION hoptac_phrase_cross_keys(folded text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  w text[] := string_to_array(folded, ' ');
  n int := cardinality(w);
  keys text[] := '{}';
BEGIN
  FOR i IN 2 .. n - 1 LOOP
    IF (i > 2 OR length(w[1]) >= 3) AND (i < n - 1 OR length(w[n]) >= 2) THEN
      keys := keys || hoptac_inner_key(w[i - 1], w[i], w[i + 1]);
    END IF;
  END LOOP;
  IF cardinality(keys) > 0 THEN
    RETURN keys;
  END IF;
  RETURN hoptac_phrase_keys(folded);
END $$;

CREATE INDEX "events_cross_keys_idx" ON "events" USING GIN (hoptac_cross_keys("search_folded"));
CREATE INDEX "events_cross_keys_sample_idx" ON "events" USING GIN (hoptac_cross_keys("search_folded")) WHERE "id" % 16 = 0;
CREATE INDEX "events_cross_keys_small_sample_idx" ON "events" USING GIN (hoptac_cross_keys("search_folded")) WHERE "id" % 256 = 0;
CREATE INDEX "agreements_cross_keys_idx" ON "agreements" USING GIN (hoptac_cross_keys("search_folded"));
CREATE INDEX "agreements_cross_keys_sample_idx" ON "agreements" USING GIN (hoptac_cross_keys("search_folded")) WHERE "id" % 16 = 0;
CREATE INDEX "officials_cross_keys_idx" ON "officials" USING GIN (hoptac_cross_keys("search_folded"));
CREATE INDEX "officials_cross_keys_sample_idx" ON "officials" USING GIN (hoptac_cross_keys("search_folded")) WHERE "id" % 16 = 0;

DROP INDEX "events_pair_keys_idx";
DROP INDEX "events_pair_keys_sample_idx";
DROP INDEX "events_pair_keys_small_sample_idx";
DROP INDEX "agreements_pair_keys_idx";
DROP INDEX "agreements_pair_keys_sample_idx";
DROP INDEX "officials_pair_keys_idx";
DROP INDEX "officials_pair_keys_sample_idx";

-- The planner's estimates of the keys (statistics of the indexes' expression).
ANALYZE "events";
ANALYZE "agreements";
ANALYZE "officials";
