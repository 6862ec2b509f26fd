// Agreements: the list's filters and keyset page, one agreement by id, and the
// representation. A page is its agreements' ready list items (agreement_docs,
// kept by the database's triggers); with select= (or an item missing) its
// rows, parties and sources are read for the whole page at once.
import type { z } from "zod";
import type { Reader } from "../../db/reader.ts";
import type { AgreementDetailSchema } from "../schemas/resources.ts";
import { AGREEMENT_TYPE_LABELS, type AgreementTypeCode } from "../routes/labels.ts";
import { changedSince } from "./changes.ts";
import { countRows, type ListCount } from "./count.ts";
import type { CursorPosition } from "./cursor.ts";
import { countryJson, groupPairs, type Pairs, ministryJson, orNull, sourceJson, unitJson } from "./json.ts";
import { pageBody, pageBodySql, typedItem, type PageBodyRow } from "./page-body.ts";
import { after, dateSortKey, direction, join, samePlan, sql, where, type Sql } from "./sql.ts";
import { heldInWords, textContains } from "./text-contains.ts";

export interface AgreementFilters {
  /** Agreements with every one of these countries as a party. */
  countries?: string[];
  ministry?: number;
  /** Agreements of any of these types. */
  types?: string[];
  /** First day of the range (YYYY-MM-DD): agreements whose signing span ends on or after it. */
  from?: string;
  /** Last day of the range (YYYY-MM-DD). */
  to?: string;
  q?: string;
  updatedSince?: Date;
}

export type AgreementRow = Omit<z.infer<typeof AgreementDetailSchema>, "type_label">;

/** The conditions on `agreements a`: parties are tested on the agreement's own filter keys (arrays kept by triggers). */
function conditions(f: AgreementFilters): Sql[] {
  const c: Sql[] = [];
  const countries = [...new Set(f.countries ?? [])];
  if (countries.length) c.push(sql`a.country_codes @> ${countries}::text[]`);
  if (f.ministry !== undefined) c.push(sql`a.ministry_ids @> ARRAY[${f.ministry}]::int[]`);
  if (f.types?.length) c.push(sql`a.type IN (${join(f.types.map((t) => sql`${t}::agreement_type`))})`);
  if (f.from !== undefined) c.push(sql`a.signed_to >= ${f.from}::date`);
  if (f.to !== undefined) c.push(sql`a.signed_from <= ${f.to}::date`);
  if (f.q !== undefined) {
    const held = heldInWords("agreement_words", f.q);
    if (held) c.push(held);
    c.push(textContains(sql`a.search_folded`, f.q));
  }
  if (f.updatedSince !== undefined) c.push(changedSince("agreement", sql`a.id`, f.updatedSince));
  return c;
}

/** The agreement's own columns and its event (one row by key). */
const COLUMNS = sql`a.id, a.type::text AS type, a.title, a.signed, a.signed_precision::text AS signed_precision,
  (SELECT json_build_object('id', e.id, 'type', e.type, 'start', e.start, 'summary', e.summary) FROM events e WHERE e.id = a.event_id) AS event`;

/**
 * Parties and sources of the agreements whose ids `ids` gives (an int[]
 * expression), each a JSON array of [agreement id, item] pairs in order.
 */
function partsColumns(ids: Sql, evidence: boolean): Sql {
  return sql`(SELECT json_agg(json_build_array(ap.agreement_id, json_build_object('country', ${countryJson("c")},
        'ministry', ${orNull("mi", ministryJson("mi"))}, 'unit', ${orNull("u", unitJson("u"))})) ORDER BY ap.agreement_id, c.code)
      FROM agreement_parties ap JOIN countries c ON c.code = ap.country_code
      LEFT JOIN ministries mi ON mi.id = ap.ministry_id LEFT JOIN units u ON u.id = ap.unit_id
      WHERE ap.agreement_id = ANY(${ids})) AS parties,
    (SELECT json_agg(json_build_array(s.agreement_id, ${sourceJson("ar", evidence ? "s" : undefined)}) ORDER BY s.agreement_id, ar.id)
      FROM agreement_sources s JOIN articles ar ON ar.id = s.article_id WHERE s.agreement_id = ANY(${ids})) AS sources`;
}

type Parts = { parties: Pairs; sources: Pairs };

/** The rows with the parties and sources of `parts`, in the order the representation lists them. */
function withParts<R extends { id: number }>(rows: R[], parts: Parts | undefined): (R & Pick<AgreementRow, "parties" | "sources">)[] {
  const parties = groupPairs(parts?.parties ?? null);
  const sources = groupPairs(parts?.sources ?? null);
  return rows.map((r) => {
    const { event, ...rest } = r as R & { event?: unknown };
    return { ...rest, parties: parties.get(r.id) ?? [], event, sources: sources.get(r.id) ?? [] } as unknown as R & Pick<AgreementRow, "parties" | "sources">;
  });
}

export function countAgreements(db: Reader, f: AgreementFilters): Promise<ListCount> {
  return countRows(db, sql`FROM agreements a ${where(conditions(f))}`);
}

/**
 * One page (limit + 1 rows), newest signing first unless `desc` is false;
 * agreements without a date last. The page's ids come from an index-only walk
 * of the date index (it carries the filter keys), then their rows, parties
 * and sources, all in one statement: the rows as one JSON array, the parties
 * and sources of the whole page each as one.
 */
export async function agreementPage(db: Reader, f: AgreementFilters, desc: boolean, position: CursorPosition | null, limit: number) {
  const key = dateSortKey(sql`a.signed_from`, desc);
  const dir = direction(desc);
  const cursor = position ? [after(key, sql`a.id`, { key: sql`${position.key}::date`, id: position.id }, desc)] : [];
  type Row = Omit<AgreementRow, "parties" | "sources"> & { sort_key: string; key?: unknown };
  const [read] = await db.query<Parts & { rows: Row[] | null }>(sql`
    WITH page AS MATERIALIZED (
      SELECT a.id, ${key} AS sort_key FROM agreements a ${where([...conditions(f), ...cursor])}
      ORDER BY sort_key ${dir}, a.id ${dir} LIMIT ${limit + 1})
    SELECT (SELECT json_agg(r ORDER BY r.key ${dir}, r.id ${dir}) FROM (
        SELECT ${COLUMNS}, page.sort_key::text AS sort_key, page.sort_key AS key FROM page JOIN agreements a ON a.id = page.id) r) AS rows,
      ${partsColumns(sql`ARRAY(SELECT id FROM page)`, false)}`);
  const rows = (read?.rows ?? []).map(({ key: _, ...row }) => row);
  return withParts(rows, read);
}

/**
 * One page as the agreements' ready list items (page-body.ts): the ids of the
 * same index walk as agreementPage (the type is in the index too) and each
 * item's text from agreement_docs behind its id and type. Null when an item
 * is missing (then read the rows as agreementPage does).
 */
const agreementItem = typedItem(AGREEMENT_TYPE_LABELS);

export async function agreementDocPage(db: Reader, f: AgreementFilters, desc: boolean, position: CursorPosition | null, limit: number) {
  const key = dateSortKey(sql`a.signed_from`, desc);
  const dir = direction(desc);
  const cursor = position ? [after(key, sql`a.id`, { key: sql`${position.key}::date`, id: position.id }, desc)] : [];
  const [row] = await db.query<PageBodyRow>(
    pageBodySql(
      sql`SELECT page.id, page.sort_key::text AS sort_key,
          ${agreementItem(sql`page.id`, sql`page.type`, sql`d.list_json`)} AS item,
          row_number() OVER (ORDER BY page.sort_key ${dir}, page.id ${dir}) AS i
        FROM (SELECT a.id, a.type, ${key} AS sort_key FROM agreements a ${where([...conditions(f), ...cursor])}
          ORDER BY sort_key ${dir}, a.id ${dir} LIMIT ${limit + 1}) page
        LEFT JOIN agreement_docs d ON d.agreement_id = page.id`,
      limit,
    ),
  );
  return pageBody(row);
}

export async function agreementById(db: Reader, id: number) {
  const [read] = await db.query<Parts & { rows: Omit<AgreementRow, "parties" | "sources">[] | null }>(
    samePlan(sql`SELECT (SELECT json_agg(r) FROM (SELECT ${COLUMNS} FROM agreements a WHERE a.id = ${id}) r) AS rows, ${partsColumns(sql`ARRAY[${id}]::int[]`, true)}`),
  );
  const [row] = withParts(read?.rows ?? [], read);
  return row ? represent(row) : null;
}

export function represent<R extends { type: AgreementTypeCode }>(row: R) {
  const { sort_key: _, ...rest } = row as R & { sort_key?: unknown };
  return { ...rest, type_label: AGREEMENT_TYPE_LABELS[row.type] };
}
