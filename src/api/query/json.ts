// json_build_object fragments for the small references every resource embeds;
// the argument is the table alias (a fixed identifier, never user input).
import { raw, type Sql } from "./sql.ts";

export const countryJson = (c: string): Sql => raw(`json_build_object('code', ${c}.code, 'name_vi', ${c}.name_vi, 'name_en', ${c}.name_en)`);

export const ministryJson = (m: string): Sql =>
  raw(`json_build_object('id', ${m}.id, 'code', ${m}.code, 'name_vi', ${m}.name_vi, 'name_en', ${m}.name_en, 'country', ${m}.country_code)`);

export const unitJson = (u: string): Sql => raw(`json_build_object('id', ${u}.id, 'code', ${u}.code, 'name_vi', ${u}.name_vi, 'name_en', ${u}.name_en)`);

/** An article as a source; with the evidence sentence from `sentenceFrom` (an alias with a sentence column). */
export const sourceJson = (a: string, sentenceFrom?: string): Sql =>
  raw(
    `json_build_object('article_id', ${a}.id, 'title', ${a}.title, 'url', ${a}.url, 'published_at', ${a}.published_at${
      sentenceFrom ? `, 'sentence', ${sentenceFrom}.sentence` : ""
    })`,
  );

/** `CASE WHEN alias.id IS NULL THEN NULL ELSE object END`, for LEFT JOINed references. */
export const orNull = (alias: string, object: Sql): Sql => raw(`CASE WHEN ${alias}.id IS NULL THEN NULL ELSE ${object.sql} END`);

/** [owner id, item] pairs: a json_agg of a page's nested rows. */
export type Pairs = [number, unknown][] | null;

/** Pairs grouped by owner, in their order. */
export function groupPairs(pairs: Pairs): Map<number, unknown[]> {
  const map = new Map<number, unknown[]>();
  for (const [id, item] of pairs ?? []) {
    const list = map.get(id);
    if (list) list.push(item);
    else map.set(id, [item]);
  }
  return map;
}
