-- Pages of events walk the date indexes; these carry every filter key an
-- event list tests but the text, so that a filtered page is an index-only
-- walk: the rows it skips are read from the index, not one heap page each.
-- span_from is included so that the sort key, an expression over it, counts
-- as covered. (The folded text is left out: an event's text has no bound and
-- an index row has one.)
DROP INDEX "events_date_desc_idx";
CREATE INDEX "events_date_desc_idx" ON "events" ((coalesce("span_from", '-infinity'::date)), "id")
  INCLUDE ("span_from", "span_to", "type", "country_codes", "ministry_ids", "official_ids", "topics");
DROP INDEX "events_date_asc_idx";
CREATE INDEX "events_date_asc_idx" ON "events" ((coalesce("span_from", 'infinity'::date)), "id")
  INCLUDE ("span_from", "span_to", "type", "country_codes", "ministry_ids", "official_ids", "topics");
