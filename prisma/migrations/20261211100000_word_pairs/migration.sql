-- The pairs of adjacent words of an event's or agreement's folded text, as keys that a text
-- of three words or more can be looked up by (src/api/query/event-text.ts).
-- Each word holds its trigrams in several hundred thousand events at a
-- million ("nguyen", "van", "an"), and so do the trigrams across them ("nva"),
-- but few events hold "van" then a word starting "an".
--
-- For each word x followed by y: "x>yy" (x, then the first two letters of y)
-- and "y<xxx" (y, after the last three letters of x). A text that contains
-- "w1 w2 … wn" holds the keys that do not depend on how its first word starts
-- or its last word ends: "w2<" and w1's last three letters (when w1 has three),
-- both keys of each pair of inner words, and "w(n-1)>" and wn's first two
-- letters (when wn has two). Words are cut at 100 letters, as index keys must
-- be short, on both sides alike.
CREATE FUNCTION hoptac_word_pairs(folded text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  w text[] := string_to_array(folded, ' ');
  keys text[] := '{}';
BEGIN
  FOR i IN 1 .. cardinality(w) - 1 LOOP
    keys := keys || (left(w[i], 100) || '>' || left(w[i + 1], 2)) || (left(w[i + 1], 100) || '<' || right(w[i], 3));
  END LOOP;
  RETURN keys;
END $$;

-- The keys every text containing `folded` holds; none for fewer than three words.
CREATE FUNCTION hoptac_phrase_pairs(folded text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  w text[] := string_to_array(folded, ' ');
  n int := cardinality(w);
  keys text[] := '{}';
BEGIN
  IF n < 3 THEN
    RETURN keys;
  END IF;
  IF length(w[1]) >= 3 THEN
    keys := keys || (left(w[2], 100) || '<' || right(w[1], 3));
  END IF;
  FOR i IN 2 .. n - 2 LOOP
    keys := keys || (left(w[i], 100) || '>' || left(w[i + 1], 2)) || (left(w[i + 1], 100) || '<' || right(w[i], 3));
  END LOOP;
  IF length(w[n]) >= 2 THEN
    keys := keys || (left(w[n - 1], 100) || '>' || left(w[n], 2));
  END IF;
  RETURN keys;
END $$;

-- The second index holds one event in 16, as events_text_sample_idx does.
CREATE INDEX "events_word_pairs_idx" ON "events" USING GIN (hoptac_word_pairs("search_folded"));
CREATE INDEX "events_word_pairs_sample_idx" ON "events" USING GIN (hoptac_word_pairs("search_folded")) WHERE "id" % 16 = 0;
CREATE INDEX "agreements_word_pairs_idx" ON "agreements" USING GIN (hoptac_word_pairs("search_folded"));
