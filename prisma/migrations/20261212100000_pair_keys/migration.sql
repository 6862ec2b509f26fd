-- Keys of the pairs of adjacent words of an event's or agreement's folded
-- text, by which a text of two words or more is looked up
-- (src/api/query/text-contains.ts). Each word's trigrams stand in several
-- hundred thousand events at a million ("nguyen", "van", "an"), and so do the
-- trigrams across them ("nva"), but few events hold a word ending "van"
-- followed by one starting "an".
--
-- For each word x followed by y, two keys: x's last three letters, ">" and
-- y's first two ("yen>va" for "nguyen van"), and x's last two, "<" and y's
-- first two ("en<va"), for a text whose first word has two letters only
-- ("to lam" is in "tto lamb": "to<la"). The second key needs both words of
-- two letters or more. A text that contains "w1 w2 … wn" holds the key of
-- each pair of its words, except where that depends on how w1 starts (w1 of
-- one letter) or on how wn ends (wn of one letter).
--
-- These replace the pairs of 20261211100000_word_pairs, which served three
-- words or more, and the trigram indexes of the text without its spaces
-- (20261210100000_event_text_across_words), which served two: about 150
-- trigrams per event that every import wrote, against some 40 keys more.
CREATE FUNCTION hoptac_pair_keys(folded text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  w text[] := string_to_array(folded, ' ');
  keys text[] := '{}';
BEGIN
  FOR i IN 1 .. cardinality(w) - 1 LOOP
    keys := keys || (right(w[i], 3) || '>' || left(w[i + 1], 2));
    IF length(w[i]) >= 2 AND length(w[i + 1]) >= 2 THEN
      keys := keys || (right(w[i], 2) || '<' || left(w[i + 1], 2));
    END IF;
  END LOOP;
  RETURN keys;
END $$;

-- The keys every text containing `folded` holds; none for a single word.
CREATE FUNCTION hoptac_phrase_keys(folded text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
DECLARE
  w text[] := string_to_array(folded, ' ');
  n int := cardinality(w);
  keys text[] := '{}';
BEGIN
  FOR i IN 1 .. n - 1 LOOP
    -- y = w[i + 1] starts as it is written unless it is the last word, which may be cut after one letter.
    CONTINUE WHEN i = n - 1 AND length(w[n]) < 2;
    IF i > 1 OR length(w[1]) >= 3 THEN
      keys := keys || (right(w[i], 3) || '>' || left(w[i + 1], 2));
    ELSIF length(w[1]) = 2 AND length(w[2]) >= 2 THEN
      keys := keys || (w[1] || '<' || left(w[2], 2));
    END IF;
  END LOOP;
  RETURN keys;
END $$;

-- The second index holds one event in 16, as events_text_sample_idx does.
CREATE INDEX "events_pair_keys_idx" ON "events" USING GIN (hoptac_pair_keys("search_folded"));
CREATE INDEX "events_pair_keys_sample_idx" ON "events" USING GIN (hoptac_pair_keys("search_folded")) WHERE "id" % 16 = 0;
CREATE INDEX "agreements_pair_keys_idx" ON "agreements" USING GIN (hoptac_pair_keys("search_folded"));

DROP INDEX "events_word_pairs_idx";
DROP INDEX "events_word_pairs_sample_idx";
DROP INDEX "agreements_word_pairs_idx";
DROP INDEX "events_joined_text_trgm_idx";
DROP INDEX "events_joined_text_sample_idx";
DROP FUNCTION hoptac_word_pairs(text);
DROP FUNCTION hoptac_phrase_pairs(text);

-- The planner's estimates of the keys (statistics of the index's expression).
ANALYZE "events";
ANALYZE "agreements";
