-- What each source article says of an event or agreement, so that a merged
-- fact can be rebuilt from the sources that remain when one article changes.
ALTER TABLE "event_sources" ADD COLUMN "facts" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "agreement_sources" ADD COLUMN "facts" JSONB NOT NULL DEFAULT '{}';
