-- hoptac_terms_hold (20261218100000_terms_hold) planned its lookup at every
-- call: 40–85 µs, three calls to a search for a word. It now writes out its
-- lookup of each of the three terms tables, so that plpgsql keeps their plans
-- for the session, and plans them with scans other than the terms' trigram
-- indexes off: a plan made once for any pattern then reads that index as a
-- plan made for the pattern does, instead of scanning the terms in order to
-- stop at the first (every term, for a word none holds). About 10 µs a call
-- at 1 M events. It takes no column name any more: a `name` argument alone
-- made each call cost 50 µs.
CREATE FUNCTION hoptac_terms_hold(terms regclass, pattern text) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET enable_seqscan = off SET enable_indexscan = off SET enable_indexonlyscan = off AS $$
BEGIN
  IF terms = 'event_words'::regclass THEN
    RETURN EXISTS (SELECT 1 FROM event_words x WHERE x.word LIKE pattern);
  ELSIF terms = 'agreement_words'::regclass THEN
    RETURN EXISTS (SELECT 1 FROM agreement_words x WHERE x.word LIKE pattern);
  ELSIF terms = 'official_names'::regclass THEN
    RETURN EXISTS (SELECT 1 FROM official_names x WHERE x.folded LIKE pattern);
  END IF;
  RAISE EXCEPTION 'hoptac_terms_hold: % is not a terms table', terms;
END $$;

DROP FUNCTION hoptac_terms_hold(regclass, name, text);
