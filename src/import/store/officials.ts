// Officials: one row per person across articles (resolved by key, else by a
// fuzzy match among officials of the same country whose names share a word),
// and one mention per article with what it says of them at its date.
import type { ExtractedOfficial } from "../../extraction/assemble.ts";
import { Prisma } from "../../db/generated/client.ts";
import { nameWords, sameOfficial, slip } from "../../identity/officials.ts";
import type { HeldNames, OpenMentions } from "./open-mentions.ts";
import { searchText, uniqueNames, type Tx } from "./rows.ts";

export interface OfficialRow {
  id: number;
  name: string;
  aliases: string[];
  countryCode: string | null;
  nameEn: string | null;
  nameNative: string | null;
}

/** A mention about to be written, with the names this article gives the person. */
export interface PendingMention {
  officialId: number;
  nameAsWritten: string;
  aliases: string[];
  data: {
    articleId: number; rank: string | null; rankCode: string | null; offices: string[]; ministryId: number | null; unitId: number | null;
    observedOn: string | null; observedFrom: string | null; sentence: string;
  };
  offices: string[];
}

/** The mention as an official_mentions row (column names), for a set-based insert. */
export function mentionRow(m: PendingMention) {
  const d = m.data;
  return {
    official_id: m.officialId, article_id: d.articleId, name_as_written: m.nameAsWritten, aliases: m.aliases, rank: d.rank, rank_code: d.rankCode,
    offices: d.offices, ministry_id: d.ministryId, unit_id: d.unitId, observed_on: d.observedOn, observed_from: d.observedFrom, sentence: d.sentence,
  };
}

/** The stored officials with these keys. */
export async function officialsByKey(tx: Tx, keys: string[]): Promise<Map<string, OfficialRow>> {
  if (!keys.length) return new Map();
  const rows = await tx.$queryRaw<(OfficialRow & { key: string })[]>`
    SELECT id, key, name, aliases, country_code AS "countryCode", name_en AS "nameEn", name_native AS "nameNative" FROM officials WHERE key = ANY(${keys}::text[])`;
  return new Map(rows.map((r) => [r.key, r]));
}

/**
 * The officials a batch's articles name, by key, read once for the batch and
 * kept as the batch writes them (created, renamed); a key read and not found
 * is known to be new. An article that changes what is stored (an update)
 * makes it forget: what it knows is then read again.
 */
export class OfficialKeys {
  private readonly rows = new Map<string, OfficialRow | null>();

  /** Reads the keys not known yet. */
  async load(tx: Tx, keys: string[]): Promise<void> {
    const missing = [...new Set(keys)].filter((k) => !this.rows.has(k));
    if (!missing.length) return;
    const found = await officialsByKey(tx, missing);
    for (const k of missing) this.rows.set(k, found.get(k) ?? null);
  }

  /** The stored official with this key (after load), or null. */
  get(key: string): OfficialRow | null {
    return this.rows.get(key) ?? null;
  }

  /** The stored officials read so far. */
  known(): OfficialRow[] {
    return [...this.rows.values()].filter((r): r is OfficialRow => r !== null);
  }

  created(key: string, row: OfficialRow): void {
    this.rows.set(key, row);
  }

  /** An official's names were written: the row known for it follows. */
  renamed(id: number, name: string, aliases: string[]): void {
    for (const row of this.rows.values()) {
      if (row?.id !== id) continue;
      row.name = name;
      row.aliases = aliases;
    }
  }

  forget(): void {
    this.rows.clear();
  }
}

/**
 * The stored official this article's official is, else null: among the
 * officials of the country whose names share one of the longer words of its
 * names (every pair sameOfficial can accept shares one; tested on their
 * stored folded text), the first in id order that sameOfficial accepts. A
 * candidate's offices (all its mentions') matter only when its names differ
 * from these by a slip of the pen, so only such candidates' offices are read.
 * `pending` holds the mentions this article is about to write, `held` what
 * the batch has not written yet (mentions, officials' new names): they count
 * as stored.
 */
export async function matchOfficial(
  tx: Tx, o: ExtractedOfficial, pending: PendingMention[], held: OpenMentions, batch?: NameCandidates,
): Promise<OfficialRow | null> {
  if (!o.country) return null;
  const names = [o.name, ...o.aliases];
  const words = nameWords(names);
  if (!words.length) return null;
  const like = (column: Prisma.Sql) => likeAny(column, words);
  // The officials the batch renamed are matched on the search text they will be written with.
  const renamed = held.renamedIn(o.country);
  const candidates = batch?.candidates(o, words, renamed) ?? await tx.$queryRaw<OfficialRow[]>`
    SELECT * FROM (
      SELECT o.id, o.name, o.aliases, o.country_code AS "countryCode", o.name_en AS "nameEn", o.name_native AS "nameNative"
      FROM officials o WHERE o.country_code = ${o.country} AND NOT (o.id = ANY(${renamed.map((r) => r.id)}::int[])) AND (${like(Prisma.sql`o.search_folded`)})
      UNION ALL
      SELECT x.id, x.name, x.aliases, x."countryCode", x."nameEn", x."nameNative"
      FROM jsonb_to_recordset(${JSON.stringify(renamed)}::jsonb) AS x(id int, name text, aliases text[], "countryCode" text, "nameEn" text, "nameNative" text, "searchText" text)
      WHERE ${like(Prisma.sql`hoptac_fold(x."searchText")`)}
    ) c ORDER BY id`;
  const me = { names, country: o.country, offices: o.offices };
  const nameless = (c: OfficialRow) => ({ names: [c.name, ...c.aliases], country: c.countryCode, offices: [] as string[] });
  // Accepted without offices: names that agree. Else only a slip of the pen in the same office can join them.
  const slips = candidates.filter((c) => !sameOfficial(nameless(c), me) && names.some((x) => [c.name, ...c.aliases].some((y) => slip(x, y))));
  const offices = new Map<number, string[]>();
  if (slips.length) {
    const rows = await tx.$queryRaw<{ id: number; offices: string[] }[]>`
      SELECT o.id, ARRAY(SELECT x FROM official_mentions m, unnest(m.offices) x WHERE m.official_id = o.id) AS offices
      FROM unnest(${slips.map((c) => c.id)}::int[]) AS o(id)`;
    for (const r of rows) offices.set(r.id, r.offices);
  }
  return candidates.find((c) => {
    if (!slips.includes(c)) return sameOfficial(nameless(c), me);
    const all = [...(offices.get(c.id) ?? []), ...held.offices(c.id), ...pending.filter((m) => m.officialId === c.id).flatMap((m) => m.offices)];
    return sameOfficial({ ...nameless(c), offices: all }, me);
  }) ?? null;
}

/**
 * Does this folded text hold one of these words? A stored official's is its
 * search_folded, folded when written: folding every official of a country
 * again in each lookup cost more as the knowledge base grew.
 */
const likeAny = (folded: Prisma.Sql, words: string[]) => Prisma.join(words.map((w) => Prisma.sql`${folded} LIKE ${`%${w}%`}`), " OR ");

/** An official's row as matchOfficial gives it. */
const rowOf = (r: OfficialRow): OfficialRow =>
  ({ id: r.id, name: r.name, aliases: r.aliases, countryCode: r.countryCode, nameEn: r.nameEn, nameNative: r.nameNative });

/**
 * matchOfficial's candidates for a batch of new articles, read at once: the
 * stored officials each of the batch's officials may be matched with by
 * name, and how the database folds every name the batch may match on. The
 * stored officials do not change until the batch is written; the ones the
 * batch has created or renamed are matched on their held search text,
 * folded as the database folds it (a text made of names not folded here is
 * left to the database: candidates gives null).
 */
export class NameCandidates {
  private readonly stored = new Map<ExtractedOfficial, OfficialRow[]>();
  private readonly folded = new Map<string, string>();

  /** `known`: the stored officials of the batch's keys (their names may be given to the search texts the batch holds). */
  async load(tx: Tx, officials: ExtractedOfficial[], known: OfficialRow[]): Promise<void> {
    const asked = officials.flatMap((o) => (o.country ? [{ o, country: o.country, words: nameWords([o.name, ...o.aliases]) }] : []))
      .filter((q) => q.words.length);
    // Each official's lookup as matchOfficial's own, in one statement.
    const blocks = asked.map((q, n) => Prisma.sql`(
      SELECT ${n}::int AS n, o.id, o.name, o.aliases, o.country_code AS "countryCode", o.name_en AS "nameEn", o.name_native AS "nameNative"
      FROM officials o WHERE o.country_code = ${q.country} AND (${likeAny(Prisma.sql`o.search_folded`, q.words)}))`);
    const rows = blocks.length ? await tx.$queryRaw<(OfficialRow & { n: number })[]>`${Prisma.join(blocks, " UNION ALL ")}` : [];
    const lists = asked.map((q) => {
      const list: OfficialRow[] = [];
      this.stored.set(q.o, list);
      return list;
    });
    for (const { n, ...row } of rows) lists[n]!.push(row);
    for (const list of lists) list.sort((a, b) => a.id - b.id);
    const texts = new Set<string>();
    const add = (xs: (string | null)[]) => xs.forEach((x) => x && texts.add(x));
    for (const o of officials) add([o.name, ...o.aliases, o.nameEn, o.nameNative]);
    for (const r of [...rows, ...known]) add([r.name, ...r.aliases, r.nameEn, r.nameNative]);
    if (!texts.size) return;
    const list = [...texts];
    const out = await tx.$queryRaw<{ f: string[] }[]>`SELECT ARRAY(SELECT hoptac_fold(x) FROM unnest(${list}::text[]) WITH ORDINALITY AS t(x, n) ORDER BY n) AS f`;
    out[0]!.f.forEach((f, i) => this.folded.set(list[i]!, f));
  }

  /**
   * What matchOfficial's statement would read for `o` (of this batch): its
   * stored candidates not renamed by the batch, and those `renamed` (created
   * or renamed, as held) whose folded search text holds one of `words`; null
   * when not read here.
   */
  candidates(o: ExtractedOfficial, words: string[], renamed: HeldNames[]): OfficialRow[] | null {
    const stored = this.stored.get(o);
    if (!stored) return null;
    const held: OfficialRow[] = [];
    for (const r of renamed) {
      // A search text is its names joined by " | ", which folding keeps: each folds alone.
      const parts = r.searchText.split(" | ").map((x) => this.folded.get(x));
      if (parts.some((f) => f === undefined)) return null;
      if (words.some((w) => parts.some((f) => f!.includes(w)))) held.push(rowOf(r));
    }
    const ids = new Set(renamed.map((r) => r.id));
    return [...stored.filter((r) => !ids.has(r.id)).map(rowOf), ...held].sort((a, b) => a.id - b.id);
  }
}

/**
 * Name and aliases of an official after one more mention from the newest
 * article: its earliest article still names it, and the new names join the
 * end of its aliases (what refreshOfficial would make of all its mentions).
 */
export function withNewestMention(row: OfficialRow, m: PendingMention, created: boolean): { name: string; aliases: string[] } {
  if (created) return { name: m.nameAsWritten, aliases: uniqueNames([m.nameAsWritten, ...m.aliases], m.nameAsWritten) };
  return { name: row.name, aliases: uniqueNames([...row.aliases, m.nameAsWritten, ...m.aliases], row.name) };
}

export const namesChanged = (row: OfficialRow, next: { name: string; aliases: string[] }) =>
  next.name !== row.name || next.aliases.length !== row.aliases.length || next.aliases.some((a, i) => a !== row.aliases[i]);

async function saveNames(tx: Tx, row: OfficialRow, next: { name: string; aliases: string[] }): Promise<void> {
  if (!namesChanged(row, next)) return;
  await tx.$executeRaw`
    UPDATE officials SET name = ${next.name}, aliases = ${next.aliases}::text[], search_text = ${searchText([next.name, ...next.aliases, row.nameEn, row.nameNative])}
    WHERE id = ${row.id}::int`;
}

/**
 * An official's name is the one its earliest article gives; its aliases are
 * every other form its articles use (the union over its mentions).
 */
export async function refreshOfficial(tx: Tx, id: number): Promise<void> {
  const [o] = await tx.$queryRaw<(OfficialRow & { mentions: { nameAsWritten: string; aliases: string[] }[] })[]>`
    SELECT o.id, o.name, o.aliases, o.country_code AS "countryCode", o.name_en AS "nameEn", o.name_native AS "nameNative",
      coalesce((SELECT json_agg(json_build_object('nameAsWritten', m.name_as_written, 'aliases', m.aliases) ORDER BY m.article_id)
                FROM official_mentions m WHERE m.official_id = o.id), '[]') AS mentions
    FROM officials o WHERE o.id = ${id}::int`;
  if (!o) throw new Error(`official ${id} is not stored`);
  const name = o.mentions[0]?.nameAsWritten ?? o.name;
  await saveNames(tx, o, { name, aliases: uniqueNames(o.mentions.flatMap((m) => [m.nameAsWritten, ...m.aliases]), name) });
}
