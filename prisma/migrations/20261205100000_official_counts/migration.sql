-- Each official's number of events and of mentions, kept ready so that an
-- official (alone or on a page of the list) does not count a busy official's
-- links on every request: thousands of index entries for one with thousands
-- of events. Kept apart from the officials' rows so that a new link does not
-- rewrite the official's row (nor log the official as changed, nor mark its
-- events' items).
--
-- The database keeps them right by itself, whoever writes: a statement
-- trigger on event_participants and on official_mentions adds what the
-- statement added and takes away what it removed, in the same transaction.
-- An official without links has no row (zero).
CREATE TABLE "official_counts" (
  "official_id" INTEGER NOT NULL,
  "events" INTEGER NOT NULL DEFAULT 0,
  "mentions" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "official_counts_pkey" PRIMARY KEY ("official_id"),
  CONSTRAINT "official_counts_official_id_fkey" FOREIGN KEY ("official_id") REFERENCES "officials"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Statement trigger: TG_ARGV[0] is the column it keeps ('events' for
-- event_participants, 'mentions' for official_mentions). The links of an
-- official deleted with them are not counted back (the official's row went
-- with its counts).
CREATE FUNCTION hoptac_count_official_links() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  src text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT official_id, 1 AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT official_id, -1 AS n FROM old_rows'
    ELSE 'SELECT official_id, 1 AS n FROM new_rows UNION ALL SELECT official_id, -1 AS n FROM old_rows'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO "official_counts" AS c ("official_id", %1$I)
    SELECT d.official_id, d.n FROM (SELECT official_id, sum(n)::int AS n FROM (%2$s) x GROUP BY 1) d
    WHERE d.n <> 0 AND EXISTS (SELECT 1 FROM "officials" o WHERE o.id = d.official_id)
    ORDER BY 1
    ON CONFLICT ("official_id") DO UPDATE SET %1$I = c.%1$I + excluded.%1$I$q$, TG_ARGV[0], src);
  RETURN NULL;
END $$;

CREATE TRIGGER "event_participants_counts_ins" AFTER INSERT ON "event_participants" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_count_official_links('events');
CREATE TRIGGER "event_participants_counts_upd" AFTER UPDATE ON "event_participants" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_count_official_links('events');
CREATE TRIGGER "event_participants_counts_del" AFTER DELETE ON "event_participants" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_count_official_links('events');
CREATE TRIGGER "official_mentions_counts_ins" AFTER INSERT ON "official_mentions" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_count_official_links('mentions');
CREATE TRIGGER "official_mentions_counts_upd" AFTER UPDATE ON "official_mentions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_count_official_links('mentions');
CREATE TRIGGER "official_mentions_counts_del" AFTER DELETE ON "official_mentions" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hoptac_count_official_links('mentions');

-- The officials already stored.
INSERT INTO "official_counts" ("official_id", "events", "mentions")
SELECT o.id, coalesce(p.n, 0), coalesce(m.n, 0)
FROM "officials" o
LEFT JOIN (SELECT official_id, count(*)::int AS n FROM "event_participants" GROUP BY 1) p ON p.official_id = o.id
LEFT JOIN (SELECT official_id, count(*)::int AS n FROM "official_mentions" GROUP BY 1) m ON m.official_id = o.id
WHERE p.n IS NOT NULL OR m.n IS NOT NULL;
