-- /v1/search: the events that contain the query, shortest summary first,
-- from an index that carries the summary and the folded text, so that the
-- walk tests the text on the index instead of reading each event it passes
-- (a common word passes thousands). An index row's size is bounded: events
-- whose summary and text are longer (few) are walked apart on a small index.
-- The predicates are repeated literally by src/api/query/search.ts.
CREATE INDEX "events_search_label_idx" ON "events" ((length("summary")), "id") INCLUDE ("summary", "search_folded")
  WHERE octet_length("summary") + octet_length("search_folded") <= 2400;
CREATE INDEX "events_search_label_long_idx" ON "events" ((length("summary")), "id")
  WHERE octet_length("summary") + octet_length("search_folded") > 2400;
DROP INDEX "events_summary_length_idx";
