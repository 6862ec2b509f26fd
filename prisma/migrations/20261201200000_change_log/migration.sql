-- The change log behind GET /v1/changes and the lists' updated_since: which
-- records were created, changed or deleted, and when. Statement-level triggers
-- write it, so every writer (the importer, POST /v1/articles, SQL by hand) is
-- recorded. A change to a record's parts (an event's participants or sources,
-- an official's mentions, an agreement's parties, a ministry's units) is a
-- change of the record. One row per record, kind of change and transaction.
CREATE TYPE "change_entity" AS ENUM ('article', 'event', 'agreement', 'official', 'ministry', 'country');
CREATE TYPE "change_action" AS ENUM ('created', 'updated', 'deleted');

CREATE TABLE "changes" (
    "id" BIGSERIAL NOT NULL,
    "entity" "change_entity" NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" "change_action" NOT NULL,
    "tx" BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "changes_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "changes_tx_entity_entity_id_action_key" ON "changes"("tx", "entity", "entity_id", "action");
CREATE INDEX "changes_entity_entity_id_changed_at_idx" ON "changes"("entity", "entity_id", "changed_at");
CREATE INDEX "changes_changed_at_idx" ON "changes"("changed_at");

-- hoptac_log_changes(entity, id column, action): logs the rows of the statement's
-- transition table (new_rows, or old_rows for a delete) as changes of `entity`.
CREATE FUNCTION hoptac_log_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO changes (entity, entity_id, action) SELECT DISTINCT $1::change_entity, (%I)::text, $2::change_action FROM %I WHERE %I IS NOT NULL ON CONFLICT DO NOTHING',
    TG_ARGV[1], CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END, TG_ARGV[1])
  USING TG_ARGV[0], TG_ARGV[2];
  RETURN NULL;
END $$;

-- hoptac_track(table, entity, id column, own): the three triggers on a table; a
-- record's own table logs created/updated/deleted, a table of its parts logs updated.
CREATE FUNCTION hoptac_track(tbl text, entity text, id_column text, own boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_log_changes(%L, %L, %L)',
    tbl || '_log_insert', tbl, entity, id_column, CASE WHEN own THEN 'created' ELSE 'updated' END);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_log_changes(%L, %L, %L)',
    tbl || '_log_update', tbl, entity, id_column, 'updated');
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_log_changes(%L, %L, %L)',
    tbl || '_log_delete', tbl, entity, id_column, CASE WHEN own THEN 'deleted' ELSE 'updated' END);
END $$;

SELECT hoptac_track('articles', 'article', 'id', true);
SELECT hoptac_track('events', 'event', 'id', true);
SELECT hoptac_track('event_countries', 'event', 'event_id', false);
SELECT hoptac_track('event_participants', 'event', 'event_id', false);
SELECT hoptac_track('event_ministries', 'event', 'event_id', false);
SELECT hoptac_track('event_sources', 'event', 'event_id', false);
SELECT hoptac_track('agreements', 'agreement', 'id', true);
SELECT hoptac_track('agreement_parties', 'agreement', 'agreement_id', false);
SELECT hoptac_track('agreement_sources', 'agreement', 'agreement_id', false);
SELECT hoptac_track('officials', 'official', 'id', true);
SELECT hoptac_track('official_mentions', 'official', 'official_id', false);
SELECT hoptac_track('ministries', 'ministry', 'id', true);
SELECT hoptac_track('units', 'ministry', 'ministry_id', false);
SELECT hoptac_track('countries', 'country', 'code', true);
DROP FUNCTION hoptac_track(text, text, text, boolean);

-- What exists already counts as created when it was first stored (or now, where no time was kept).
INSERT INTO "changes" ("entity", "entity_id", "action", "tx", "changed_at")
SELECT x.entity::change_entity, x.entity_id, 'created'::change_action, 0, x.changed_at FROM (
          SELECT 'article' AS entity, id::text AS entity_id, imported_at AS changed_at FROM articles
UNION ALL SELECT 'event', id::text, created_at FROM events
UNION ALL SELECT 'agreement', id::text, created_at FROM agreements
UNION ALL SELECT 'official', id::text, CURRENT_TIMESTAMP FROM officials
UNION ALL SELECT 'ministry', id::text, CURRENT_TIMESTAMP FROM ministries
UNION ALL SELECT 'country', code::text, CURRENT_TIMESTAMP FROM countries) x;
