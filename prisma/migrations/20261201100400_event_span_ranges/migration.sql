-- The events under way on a date (their span contains it), for pages sorted
-- oldest first from that date. Events without a known year have no span and
-- never match a range: they are left out of the index.
CREATE INDEX "events_span_range_idx" ON "events" USING GIST (daterange("span_from", "span_to", '[]')) WHERE "span_from" IS NOT NULL;
