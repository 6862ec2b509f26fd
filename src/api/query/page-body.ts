// A list page written by Postgres as the text between its brackets: the
// items' JSON joined by commas, handed over in base64 so that the API sends
// the page's bytes as they come instead of decoding tens of kB of UTF-8 into
// a string and encoding it again (half of the API's CPU for a page of
// Vietnamese text).
import { listBytes } from "../list-bytes.ts";
import type { Label } from "../routes/labels.ts";
import { countMeta, type ListCount } from "./count.ts";
import { encodeCursor, type CursorPosition } from "./cursor.ts";
import { sql, type Sql } from "./sql.ts";

/**
 * The list item of a typed resource (events, agreements) from its ready text
 * (from the field after `type_label` to the closing brace): the id, the type
 * and its label written in front.
 */
export function typedItem(labels: Readonly<Record<string, Label>>): (id: Sql, type: Sql, ready: Sql) => Sql {
  // Each type's text after `{"id":…,"type":`, up to the ready text: `"visit","type_label":{…},`.
  const prefixes = JSON.stringify(
    Object.fromEntries(Object.entries(labels).map(([type, l]) => [type, `${JSON.stringify(type)},"type_label":${JSON.stringify({ vi: l.vi, en: l.en })},`])),
  );
  return (id, type, ready) => sql`'{"id":' || ${id} || ',"type":' || (${prefixes}::jsonb ->> ${type}::text) || ${ready}`;
}

/**
 * One row for the page `numbered` gives: rows with `id`, `sort_key` (text),
 * `item` (its list item's JSON text, NULL when it cannot be written) and `i`
 * (its place on the page, from 1), limit + 1 of them at most, to tell whether
 * another page follows (that last one's item is not sent, and need not be
 * there). `extra` puts more aggregate columns in front.
 */
export function pageBodySql(numbered: Sql, limit: number, extra?: Sql): Sql {
  return sql`SELECT ${extra ? sql`${extra},` : sql``} count(n.id)::int AS rows, coalesce(bool_or(n.item IS NULL) FILTER (WHERE n.i <= ${limit}), false) AS missing,
      max(n.id) FILTER (WHERE n.i = ${limit}) AS last_id, max(n.sort_key) FILTER (WHERE n.i = ${limit}) AS last_key,
      encode(convert_to(coalesce(string_agg(n.item, ',' ORDER BY n.i) FILTER (WHERE n.i <= ${limit}), ''), 'UTF8'), 'base64') AS items
    FROM (${numbered}) n`;
}

/** The row of pageBodySql. */
export type PageBodyRow = { rows: number; missing: boolean; last_id: number | null; last_key: string | null; items: string };

/** A page's items as bytes, with what its next cursor needs. */
export interface PageBody {
  /** The list items' JSON, comma-separated, its UTF-8 in base64 (decoded into the response's buffer). */
  items: { base64: string };
  /** The rows read: limit + 1 when another page follows. */
  rows: number;
  /** The position of the page's last item. */
  last: CursorPosition | null;
}

/** A page's response as bytes: its items in the list's envelope, with its count and the cursor of the page after it. */
export function pageBytes(page: PageBody, limit: number, list: string, sort: string, count: ListCount): Buffer {
  const next = page.rows > limit && page.last ? encodeCursor(list, sort, page.last) : null;
  return listBytes(page.items, { ...countMeta(count), next_cursor: next });
}

/** The page of a pageBodySql row; null when an item is missing (then the caller reads the rows instead). */
export function pageBody(row: PageBodyRow | undefined): PageBody | null {
  if (!row || row.missing) return null;
  const last = row.last_id === null ? null : { key: row.last_key, id: row.last_id };
  return { items: { base64: row.items }, rows: row.rows, last };
}
