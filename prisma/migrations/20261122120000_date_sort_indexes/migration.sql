-- Date-sorted pages of events and agreements (the API's sort=date / -date):
-- rows without a known year sort last either way, so each direction has its
-- own expression, and each its index; the id breaks ties for stable cursors.
CREATE INDEX "events_date_asc_idx" ON "events" ((coalesce("span_from", 'infinity'::date)), "id");
CREATE INDEX "events_date_desc_idx" ON "events" ((coalesce("span_from", '-infinity'::date)), "id");
CREATE INDEX "agreements_date_asc_idx" ON "agreements" ((coalesce("signed_from", 'infinity'::date)), "id");
CREATE INDEX "agreements_date_desc_idx" ON "agreements" ((coalesce("signed_from", '-infinity'::date)), "id");
