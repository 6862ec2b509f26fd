// Officials: one row per person across articles (resolved by key, else by a
// fuzzy match among officials of the same country whose names share a word),
// and one mention per article with what it says of them at its date.
import type { ExtractedOfficial } from "../../extraction/assemble.ts";
import { fold } from "../../extraction/text.ts";
import { Prisma } from "../../db/generated/client.ts";
import { sameOfficial } from "../resolve.ts";
import { searchText, uniqueNames, type Tx } from "./rows.ts";

export interface OfficialRow {
  id: number;
  name: string;
  aliases: string[];
  nameEn: string | null;
  nameNative: string | null;
}

/** A mention about to be written, with the names this article gives the person. */
export interface PendingMention {
  officialId: number;
  nameAsWritten: string;
  aliases: string[];
  data: Omit<Prisma.OfficialMentionCreateManyInput, "officialId" | "nameAsWritten" | "aliases">;
  offices: string[];
}

/** The stored officials with these keys. */
export async function officialsByKey(tx: Tx, keys: string[]): Promise<Map<string, OfficialRow>> {
  if (!keys.length) return new Map();
  const rows = await tx.official.findMany({ where: { key: { in: keys } }, select: { id: true, key: true, name: true, aliases: true, nameEn: true, nameNative: true } });
  return new Map(rows.map((r) => [r.key, r]));
}

/**
 * The stored official this article's official is, else null. `pending` holds
 * the mentions this article is about to write: their offices count as stored.
 */
export async function matchOfficial(tx: Tx, o: ExtractedOfficial, pending: PendingMention[]): Promise<OfficialRow | null> {
  if (!o.country) return null;
  const names = [o.name, ...o.aliases];
  const ids = await candidateOfficials(tx, o.country, names);
  if (!ids.length) return null;
  const candidates = await tx.official.findMany({
    where: { id: { in: ids } },
    include: { mentions: { select: { offices: true } } },
    orderBy: { id: "asc" },
  });
  const me = { names, country: o.country, offices: o.offices };
  return candidates.find((c) => {
    const offices = [...c.mentions.flatMap((x) => x.offices), ...pending.filter((m) => m.officialId === c.id).flatMap((m) => m.offices)];
    return sameOfficial({ names: [c.name, ...c.aliases], country: c.countryCode, offices }, me);
  }) ?? null;
}

/** A new official; its name and aliases are then set from its mentions. */
export async function createOfficial(tx: Tx, o: ExtractedOfficial): Promise<OfficialRow> {
  return tx.official.create({
    data: { key: o.key, name: o.name, countryCode: o.country, nameEn: o.nameEn, nameNative: o.nameNative, searchText: o.name },
    select: { id: true, name: true, aliases: true, nameEn: true, nameNative: true },
  });
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

export async function saveNames(tx: Tx, row: OfficialRow, next: { name: string; aliases: string[] }): Promise<void> {
  if (next.name === row.name && next.aliases.length === row.aliases.length && next.aliases.every((a, i) => a === row.aliases[i])) return;
  await tx.official.update({
    where: { id: row.id },
    data: { name: next.name, aliases: next.aliases, searchText: searchText([next.name, ...next.aliases, row.nameEn, row.nameNative]) },
  });
}

/**
 * An official's name is the one its earliest article gives; its aliases are
 * every other form its articles use (the union over its mentions).
 */
export async function refreshOfficial(tx: Tx, id: number): Promise<void> {
  const o = await tx.official.findUniqueOrThrow({
    where: { id },
    include: { mentions: { select: { nameAsWritten: true, aliases: true }, orderBy: { articleId: "asc" } } },
  });
  const name = o.mentions[0]?.nameAsWritten ?? o.name;
  await saveNames(tx, o, { name, aliases: uniqueNames(o.mentions.flatMap((m) => [m.nameAsWritten, ...m.aliases]), name) });
}

/**
 * Officials of the country whose names share one of the longer words of these
 * names: every pair sameOfficial can accept shares one (trigram index).
 */
async function candidateOfficials(tx: Tx, country: string, names: string[]): Promise<number[]> {
  const words = [...new Set(names.flatMap((n) => fold(n).split(/[\s-]+/)))].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length).slice(0, 4);
  if (!words.length) return [];
  const like = Prisma.join(words.map((w) => Prisma.sql`hoptac_fold(search_text) LIKE ${`%${w}%`}`), " OR ");
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM officials WHERE country_code = ${country} AND (${like}) ORDER BY id`;
  return rows.map((r) => r.id);
}
