-- Filter keys on agreements, as events have them: the parties' country codes
-- and ministry ids as sorted arrays on the agreement's row, kept by
-- statement-level triggers on agreement_parties (one UPDATE per statement), so
-- that a filtered page tests them on the row it reads instead of probing the
-- parties once per agreement. The date indexes carry them with the other
-- filters, so that such a page is an index-only walk.
ALTER TABLE "agreements"
  ADD COLUMN "country_codes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "ministry_ids" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];

-- Rewrites the keys of the agreements a parties statement touched (its
-- transition table is `changed`), leaving unchanged rows alone.
CREATE FUNCTION hoptac_refresh_agreement_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "agreements" a SET "country_codes" = k.codes, "ministry_ids" = k.ministries
  FROM (SELECT c.agreement_id,
          coalesce(array_agg(DISTINCT l.country_code::text ORDER BY l.country_code::text) FILTER (WHERE l.agreement_id IS NOT NULL), ARRAY[]::text[]) AS codes,
          coalesce(array_agg(DISTINCT l.ministry_id ORDER BY l.ministry_id) FILTER (WHERE l.ministry_id IS NOT NULL), ARRAY[]::integer[]) AS ministries
        FROM (SELECT DISTINCT agreement_id FROM changed) c LEFT JOIN "agreement_parties" l ON l.agreement_id = c.agreement_id
        GROUP BY c.agreement_id) k
  WHERE a.id = k.agreement_id AND (a."country_codes", a."ministry_ids") IS DISTINCT FROM (k.codes, k.ministries);
  RETURN NULL;
END $$;

CREATE TRIGGER "agreement_parties_keys_ins" AFTER INSERT ON "agreement_parties" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_agreement_keys();
CREATE TRIGGER "agreement_parties_keys_del" AFTER DELETE ON "agreement_parties" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_agreement_keys();
CREATE TRIGGER "agreement_parties_keys_upd_old" AFTER UPDATE ON "agreement_parties" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_agreement_keys();
CREATE TRIGGER "agreement_parties_keys_upd_new" AFTER UPDATE ON "agreement_parties" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION hoptac_refresh_agreement_keys();

-- The agreements already stored (their change log is left alone: their parties did not change).
ALTER TABLE "agreements" DISABLE TRIGGER "agreements_log_update";
UPDATE "agreements" a SET
  "country_codes" = coalesce((SELECT array_agg(DISTINCT l.country_code::text ORDER BY l.country_code::text) FROM "agreement_parties" l WHERE l.agreement_id = a.id), ARRAY[]::text[]),
  "ministry_ids" = coalesce((SELECT array_agg(DISTINCT l.ministry_id ORDER BY l.ministry_id) FROM "agreement_parties" l WHERE l.agreement_id = a.id AND l.ministry_id IS NOT NULL), ARRAY[]::integer[]);
ALTER TABLE "agreements" ENABLE TRIGGER "agreements_log_update";

CREATE INDEX "agreements_country_codes_idx" ON "agreements" USING GIN ("country_codes");
CREATE INDEX "agreements_ministry_ids_idx" ON "agreements" USING GIN ("ministry_ids");
DROP INDEX "agreements_date_desc_idx";
CREATE INDEX "agreements_date_desc_idx" ON "agreements" ((coalesce("signed_from", '-infinity'::date)), "id")
  INCLUDE ("signed_from", "signed_to", "type", "country_codes", "ministry_ids");
DROP INDEX "agreements_date_asc_idx";
CREATE INDEX "agreements_date_asc_idx" ON "agreements" ((coalesce("signed_from", 'infinity'::date)), "id")
  INCLUDE ("signed_from", "signed_to", "type", "country_codes", "ministry_ids");
