-- The other forms of the name each article uses (and the gazetteer's, for a
-- known person): an official's aliases are the union over its mentions, so
-- they follow the articles when one changes.
ALTER TABLE "official_mentions" ADD COLUMN "aliases" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
