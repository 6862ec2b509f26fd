-- Stats sum many rollup cells (every country over every type and year): a key
-- that carries the counts answers them from the index alone.
ALTER TABLE "event_rollups" DROP CONSTRAINT "event_rollups_pkey",
  ADD CONSTRAINT "event_rollups_pkey" PRIMARY KEY ("scope", "dim", "key", "type", "year_from", "year_to") INCLUDE ("events");
