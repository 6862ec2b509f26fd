-- The importer's read of the stored events a report may join goes through
-- the people's and countries' GIN indexes for every batch. With fastupdate,
-- new entries wait in a pending list that every search reads in full, and
-- that list grows with the table between vacuums: a search cost 2 ms at
-- 50,000 articles instead of 0.02. These small keys (a few per event) go
-- straight into the index instead.
ALTER INDEX "events_official_ids_idx" SET (fastupdate = off);
ALTER INDEX "events_country_codes_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('events_official_ids_idx'), gin_clean_pending_list('events_country_codes_idx');

-- The events without a known span: a report's read takes the stored events
-- of its days (events_span_range_idx) and these, which any day may join.
CREATE INDEX "events_undated_idx" ON "events" ("id") WHERE "span_from" IS NULL;
