-- Pages of events filtered by text, newest first: the date index again, with
-- the folded text besides the filter keys, so that the rows a page skips are
-- read from the index. An index row's size is bounded and a text's is not, so
-- it holds the events whose folded text has at most 2000 characters (nearly
-- all); the longer ones have an index of their own and are walked apart (the
-- API writes the same predicates).
CREATE INDEX "events_date_desc_text_idx" ON "events" ((coalesce("span_from", '-infinity'::date)), "id")
  INCLUDE ("span_from", "span_to", "type", "country_codes", "ministry_ids", "official_ids", "topics", "search_folded")
  WHERE length("search_folded") <= 2000;
CREATE INDEX "events_date_desc_long_text_idx" ON "events" ((coalesce("span_from", '-infinity'::date)), "id")
  WHERE length("search_folded") > 2000;
