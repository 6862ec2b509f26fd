// The change log (table `changes`, written by the database's triggers): the
// change feed, and the lists' updated_since condition.
import type { CursorPosition } from "./cursor.ts";
import { join, raw, sql, where, type Sql } from "./sql.ts";

export const CHANGE_ENTITIES = ["article", "event", "agreement", "official", "ministry", "country"] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

/** Each entity's table, for telling whether a changed record still exists. */
const TABLES: Record<ChangeEntity, { table: string; key: string }> = {
  article: { table: "articles", key: "id::text" },
  event: { table: "events", key: "id::text" },
  agreement: { table: "agreements", key: "id::text" },
  official: { table: "officials", key: "id::text" },
  ministry: { table: "ministries", key: "id::text" },
  country: { table: "countries", key: "code::text" },
};

/**
 * The record `id` (an expression for its id in the list's query) of `entity` (a
 * kind, or an expression giving one) has changed at or after `since`.
 */
export function changedSince(entity: ChangeEntity | Sql, id: Sql, since: Date): Sql {
  const kind = typeof entity === "string" ? sql`${entity}` : entity;
  return sql`EXISTS (SELECT 1 FROM changes ch WHERE ch.entity = (${kind})::change_entity AND ch.entity_id = (${id})::text AND ch.changed_at >= ${since})`;
}

export interface ChangeRow {
  entity: ChangeEntity;
  entity_id: string;
  action: "created" | "updated" | "deleted";
  at: string;
  seq: string;
}

/**
 * One row per record changed at or after `since`: deleted when it no longer
 * exists, created when it was created since, else updated; `at` is its latest
 * change and `seq` that change's place in the log, which orders the feed.
 */
export function changesSql(since: Date | undefined, entities: readonly ChangeEntity[], position: CursorPosition | null, limit: number): Sql {
  const conditions: Sql[] = [sql`ch.entity IN (${join(entities.map((e) => sql`${e}::change_entity`))})`];
  if (since !== undefined) conditions.push(sql`ch.changed_at >= ${since}`);
  const exists = join(
    CHANGE_ENTITIES.map((e) => sql`WHEN ${e} THEN EXISTS (SELECT 1 FROM ${raw(TABLES[e].table)} t WHERE t.${raw(TABLES[e].key)} = c.entity_id)`),
    " ",
  );
  return sql`WITH c AS (
      SELECT ch.entity::text AS entity, ch.entity_id, max(ch.id) AS seq, max(ch.changed_at) AS at, bool_or(ch.action = 'created') AS created
      FROM changes ch ${where(conditions)} GROUP BY ch.entity, ch.entity_id)
    SELECT c.entity, c.entity_id, c.seq::text AS seq, to_json(c.at) #>> '{}' AS at,
      CASE WHEN NOT (CASE c.entity ${exists} END) THEN 'deleted' WHEN c.created THEN 'created' ELSE 'updated' END AS action
    FROM c ${position ? sql`WHERE c.seq > ${BigInt(position.key ?? "0")}` : sql``}
    ORDER BY c.seq LIMIT ${limit + 1}`;
}
