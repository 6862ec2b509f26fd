-- Whether a term of one of the search_terms tables (event_words.word,
-- agreement_words.word, official_names.folded) matches a LIKE pattern, the
-- lookup planned for the pattern at each call. Written into a statement, the
-- same EXISTS is planned with it: a statement planned once for any text
-- cannot tell a rare pattern from a common one, takes the default share of
-- matching terms, and scans the table in order to stop at the first, which
-- for a word no term holds reads every term (22,072 officials' names: 1.7 ms
-- where their trigram index answers in a few hundredths).
CREATE FUNCTION hoptac_terms_hold(terms regclass, term name, pattern text) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  held boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s x WHERE x.%I LIKE %L)', terms, term, pattern) INTO held;
  RETURN held;
END $$;
