-- The events under way on a date (their span contains it), for pages sorted
-- oldest first from that date.
CREATE INDEX "events_span_range_idx" ON "events" USING GIST (daterange("span_from", "span_to", '[]'));
