-- The officials and agreements whose name or title and folded text are too
-- long for the label indexes (20261205100200_agreement_search_label,
-- 20261217100000_official_search_label), none or nearly none, which a search
-- reads apart (src/api/query/search.ts). For a text of three letters or
-- more the trigram index finds them; for a shorter one ("vu"), which no
-- index serves, they were found by reading every row (5 ms at 50,000
-- officials).
CREATE INDEX "officials_long_text_idx" ON "officials" ("id")
  WHERE octet_length("name") + octet_length("search_folded") > 2400;
CREATE INDEX "agreements_long_text_idx" ON "agreements" ("id")
  WHERE octet_length("title") + octet_length("search_folded") > 2400;
