-- hoptac: initial knowledge-base schema (mirrors prisma/schema.prisma).

CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- Diacritics- and case-insensitive form of a text, immutable so that it can be
-- indexed (unaccent() itself is only STABLE). "đ" folds to "d" as well.
CREATE OR REPLACE FUNCTION hoptac_fold(t text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(t, 'đ', 'd'), 'Đ', 'D'))) $$;

-- CreateEnum
CREATE TYPE "event_type" AS ENUM ('visit', 'talks', 'reception', 'conference', 'signing', 'ceremony', 'award', 'other');
CREATE TYPE "agreement_type" AS ENUM ('mou', 'agreement', 'minutes', 'plan', 'other');
CREATE TYPE "date_precision" AS ENUM ('year', 'month', 'day');
CREATE TYPE "participant_role" AS ENUM ('host', 'head_of_delegation', 'attendee');

-- CreateTable
CREATE TABLE "articles" (
    "id" SERIAL NOT NULL,
    "source_key" TEXT NOT NULL,
    "file" TEXT,
    "url" TEXT,
    "outlet" TEXT,
    "title" TEXT,
    "published_at" TEXT,
    "published_precision" "date_precision",
    "site_clock" TEXT,
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "countries" (
    "code" CHAR(2) NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    CONSTRAINT "countries_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "ministries" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "kind" TEXT NOT NULL DEFAULT 'ministry',
    CONSTRAINT "ministries_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "units" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "ministry_id" INTEGER NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    CONSTRAINT "units_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "officials" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country_code" CHAR(2),
    "name_en" TEXT,
    "name_native" TEXT,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "search_text" TEXT NOT NULL,
    CONSTRAINT "officials_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "official_mentions" (
    "id" SERIAL NOT NULL,
    "official_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "name_as_written" TEXT NOT NULL,
    "rank" TEXT,
    "rank_code" TEXT,
    "offices" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ministry_id" INTEGER,
    "unit_id" INTEGER,
    "observed_on" TEXT,
    "observed_from" DATE,
    "sentence" TEXT NOT NULL,
    CONSTRAINT "official_mentions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "events" (
    "id" SERIAL NOT NULL,
    "type" "event_type" NOT NULL,
    "start" TEXT,
    "start_precision" "date_precision",
    "end" TEXT,
    "end_precision" "date_precision",
    "span_from" DATE,
    "span_to" DATE,
    "date_reason" TEXT,
    "place" TEXT,
    "summary" TEXT NOT NULL,
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "mechanism" TEXT,
    "ordinal" INTEGER,
    "search_text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "events_span_order" CHECK ("span_from" IS NULL OR "span_to" IS NULL OR "span_from" <= "span_to")
);

CREATE TABLE "event_countries" (
    "event_id" INTEGER NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    CONSTRAINT "event_countries_pkey" PRIMARY KEY ("event_id", "country_code")
);

CREATE TABLE "event_participants" (
    "event_id" INTEGER NOT NULL,
    "official_id" INTEGER NOT NULL,
    "role" "participant_role" NOT NULL DEFAULT 'attendee',
    CONSTRAINT "event_participants_pkey" PRIMARY KEY ("event_id", "official_id")
);

CREATE TABLE "event_ministries" (
    "event_id" INTEGER NOT NULL,
    "ministry_id" INTEGER NOT NULL,
    CONSTRAINT "event_ministries_pkey" PRIMARY KEY ("event_id", "ministry_id")
);

CREATE TABLE "event_sources" (
    "event_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "sentence" TEXT NOT NULL,
    CONSTRAINT "event_sources_pkey" PRIMARY KEY ("event_id", "article_id")
);

CREATE TABLE "agreements" (
    "id" SERIAL NOT NULL,
    "type" "agreement_type" NOT NULL,
    "title" TEXT NOT NULL,
    "title_key" TEXT NOT NULL,
    "signed" TEXT,
    "signed_precision" "date_precision",
    "signed_from" DATE,
    "signed_to" DATE,
    "event_id" INTEGER,
    "search_text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "agreements_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "agreement_parties" (
    "id" SERIAL NOT NULL,
    "agreement_id" INTEGER NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    "ministry_id" INTEGER,
    "unit_id" INTEGER,
    CONSTRAINT "agreement_parties_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "agreement_sources" (
    "agreement_id" INTEGER NOT NULL,
    "article_id" INTEGER NOT NULL,
    "sentence" TEXT NOT NULL,
    CONSTRAINT "agreement_sources_pkey" PRIMARY KEY ("agreement_id", "article_id")
);

CREATE TABLE "article_countries" (
    "article_id" INTEGER NOT NULL,
    "country_code" CHAR(2) NOT NULL,
    CONSTRAINT "article_countries_pkey" PRIMARY KEY ("article_id", "country_code")
);

CREATE TABLE "article_ministries" (
    "article_id" INTEGER NOT NULL,
    "ministry_id" INTEGER NOT NULL,
    CONSTRAINT "article_ministries_pkey" PRIMARY KEY ("article_id", "ministry_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "articles_source_key_key" ON "articles"("source_key");
CREATE UNIQUE INDEX "articles_content_hash_key" ON "articles"("content_hash");
CREATE INDEX "articles_published_at_idx" ON "articles"("published_at");
CREATE UNIQUE INDEX "ministries_code_key" ON "ministries"("code");
CREATE INDEX "ministries_country_code_idx" ON "ministries"("country_code");
CREATE UNIQUE INDEX "ministries_country_code_name_vi_key" ON "ministries"("country_code", "name_vi");
CREATE UNIQUE INDEX "units_code_key" ON "units"("code");
CREATE UNIQUE INDEX "units_ministry_id_name_vi_key" ON "units"("ministry_id", "name_vi");
CREATE UNIQUE INDEX "officials_key_key" ON "officials"("key");
CREATE INDEX "officials_country_code_idx" ON "officials"("country_code");
CREATE INDEX "official_mentions_article_id_idx" ON "official_mentions"("article_id");
CREATE INDEX "official_mentions_ministry_id_idx" ON "official_mentions"("ministry_id");
CREATE UNIQUE INDEX "official_mentions_official_id_article_id_key" ON "official_mentions"("official_id", "article_id");
CREATE INDEX "events_type_idx" ON "events"("type");
CREATE INDEX "events_span_from_span_to_idx" ON "events"("span_from", "span_to");
CREATE INDEX "events_topics_idx" ON "events" USING GIN ("topics");
CREATE INDEX "event_countries_country_code_idx" ON "event_countries"("country_code");
CREATE INDEX "event_participants_official_id_idx" ON "event_participants"("official_id");
CREATE INDEX "event_ministries_ministry_id_idx" ON "event_ministries"("ministry_id");
CREATE INDEX "event_sources_article_id_idx" ON "event_sources"("article_id");
CREATE INDEX "agreements_type_idx" ON "agreements"("type");
CREATE INDEX "agreements_signed_from_signed_to_idx" ON "agreements"("signed_from", "signed_to");
CREATE INDEX "agreements_event_id_idx" ON "agreements"("event_id");
CREATE INDEX "agreements_title_key_idx" ON "agreements"("title_key");
CREATE INDEX "agreement_parties_country_code_idx" ON "agreement_parties"("country_code");
CREATE INDEX "agreement_parties_ministry_id_idx" ON "agreement_parties"("ministry_id");
CREATE UNIQUE INDEX "agreement_parties_agreement_id_country_code_key" ON "agreement_parties"("agreement_id", "country_code");
CREATE INDEX "agreement_sources_article_id_idx" ON "agreement_sources"("article_id");
CREATE INDEX "article_countries_country_code_idx" ON "article_countries"("country_code");
CREATE INDEX "article_ministries_ministry_id_idx" ON "article_ministries"("ministry_id");

-- Text search: trigram indexes over the folded (unaccented, lower-case) text.
CREATE INDEX "officials_search_trgm_idx" ON "officials" USING GIN (hoptac_fold("search_text") gin_trgm_ops);
CREATE INDEX "events_search_trgm_idx" ON "events" USING GIN (hoptac_fold("search_text") gin_trgm_ops);
CREATE INDEX "agreements_search_trgm_idx" ON "agreements" USING GIN (hoptac_fold("search_text") gin_trgm_ops);
CREATE INDEX "ministries_name_trgm_idx" ON "ministries" USING GIN (hoptac_fold("name_vi" || ' ' || coalesce("name_en", '')) gin_trgm_ops);
CREATE INDEX "countries_name_trgm_idx" ON "countries" USING GIN (hoptac_fold("name_vi" || ' ' || "name_en") gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "ministries" ADD CONSTRAINT "ministries_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "units" ADD CONSTRAINT "units_ministry_id_fkey" FOREIGN KEY ("ministry_id") REFERENCES "ministries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "officials" ADD CONSTRAINT "officials_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "official_mentions" ADD CONSTRAINT "official_mentions_official_id_fkey" FOREIGN KEY ("official_id") REFERENCES "officials"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "official_mentions" ADD CONSTRAINT "official_mentions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "official_mentions" ADD CONSTRAINT "official_mentions_ministry_id_fkey" FOREIGN KEY ("ministry_id") REFERENCES "ministries"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "official_mentions" ADD CONSTRAINT "official_mentions_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "event_countries" ADD CONSTRAINT "event_countries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_countries" ADD CONSTRAINT "event_countries_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_participants" ADD CONSTRAINT "event_participants_official_id_fkey" FOREIGN KEY ("official_id") REFERENCES "officials"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_ministries" ADD CONSTRAINT "event_ministries_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_ministries" ADD CONSTRAINT "event_ministries_ministry_id_fkey" FOREIGN KEY ("ministry_id") REFERENCES "ministries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_ministry_id_fkey" FOREIGN KEY ("ministry_id") REFERENCES "ministries"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agreement_parties" ADD CONSTRAINT "agreement_parties_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "agreement_sources" ADD CONSTRAINT "agreement_sources_agreement_id_fkey" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "agreement_sources" ADD CONSTRAINT "agreement_sources_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "article_countries" ADD CONSTRAINT "article_countries_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "article_countries" ADD CONSTRAINT "article_countries_country_code_fkey" FOREIGN KEY ("country_code") REFERENCES "countries"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "article_ministries" ADD CONSTRAINT "article_ministries_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "article_ministries" ADD CONSTRAINT "article_ministries_ministry_id_fkey" FOREIGN KEY ("ministry_id") REFERENCES "ministries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
