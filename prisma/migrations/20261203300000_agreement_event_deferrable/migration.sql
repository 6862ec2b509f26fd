-- An agreement may name the event it was signed at before that event's row is
-- written: the importer writes a batch's events together at the batch's end,
-- and defers this check to its commit (SET CONSTRAINTS … DEFERRED). Every
-- other writer still has it checked at each statement.
ALTER TABLE "agreements" ALTER CONSTRAINT "agreements_event_id_fkey" DEFERRABLE INITIALLY IMMEDIATE;
