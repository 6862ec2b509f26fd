-- Keys of the pairs of adjacent words of an event's or agreement's folded
-- text, by which a text of three words or more is looked up
-- (src/api/query/text-contains.ts). Each word's trigrams stand in several
-- hundred thousand events at a million ("nguyen", "van", "an"), and so do the
-- trigrams across them ("nva"), but few events hold a word ending "van"
-- followed by one starting "an".
--
-- For each word x followed by y the key is x's last three letters, ">" and
-- y's first two ("yen>va" for "nguyen van"). A text that contains
-- "w1 w2 … wn" holds the key of each pair of its words, except where that
-- depends on how w1 starts (w1 of fewer than three letters) or on how wn
-- ends (wn of one letter).
CREATE FUNCTION hoptac_word_pairs(folded text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  w text[] := string_to_array(folded, ' ');
  keys text[] := '{}';
BEGIN
  FOR i IN 1 .. cardinality(w) - 1 LOOP
    keys := keys || (right(w[i], 3) || '>' || left(w[i + 1], 2));
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
  FOR i IN 1 .. n - 1 LOOP
    IF (i > 1 OR length(w[1]) >= 3) AND (i < n - 1 OR length(w[n]) >= 2) THEN
      keys := keys || (right(w[i], 3) || '>' || left(w[i + 1], 2));
    END IF;
  END LOOP;
  RETURN keys;
END $$;

-- The second index holds one event in 16, as events_text_sample_idx does.
CREATE INDEX "events_word_pairs_idx" ON "events" USING GIN (hoptac_word_pairs("search_folded"));
CREATE INDEX "events_word_pairs_sample_idx" ON "events" USING GIN (hoptac_word_pairs("search_folded")) WHERE "id" % 16 = 0;
CREATE INDEX "agreements_word_pairs_idx" ON "agreements" USING GIN (hoptac_word_pairs("search_folded"));
