-- The numbered sessions ("lần thứ 5"): the importer's lookup of the stored
-- events a report may be another report of reads the events that share one
-- of its people, name nobody, or are the same numbered session, each through
-- an index (the people through events_official_ids_idx, the sessions here).
CREATE INDEX "events_ordinal_idx" ON "events" ("ordinal") WHERE "ordinal" IS NOT NULL;
