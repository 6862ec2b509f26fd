// What a batch's articles say of officials, countries and ministries, held
// in memory and written once per batch (like its events, ./open-events.ts):
// the mentions, the officials' new names, the articles' countries and
// ministries. What the batch reads back meanwhile — an official's names, the
// offices its mentions give, the officials matched by name — sees what is
// held here as if it were written (./officials.ts). New officials are held
// too, their ids taken as the sequence would give them (like new events').
import type { ExtractedOfficial } from "../../extraction/assemble.ts";
import type { OfficialRow, PendingMention } from "./officials.ts";
import { mentionRow } from "./officials.ts";
import type { Tx } from "./rows.ts";

/** An official's names as this batch left them, with what its search text is then. */
export interface HeldNames extends OfficialRow {
  searchText: string;
}

export class OpenMentions {
  private mentions: PendingMention[] = [];
  private readonly renamed = new Map<number, HeldNames>();
  private countries: { article_id: number; country_code: string }[] = [];
  private ministries: { article_id: number; ministry_id: number }[] = [];
  /** New officials by id, with their key, as they were created (their new names are in `renamed`). */
  private readonly created = new Map<number, { key: string; row: HeldNames }>();
  /**
   * New officials' ids: the first from the sequence, the next ones counted
   * on from it, and the sequence moved past them when they are written. The
   * writers' lock makes this store the only one taking official ids
   * meanwhile, so the ids are those one insert at a time would give.
   */
  private ids: { first: number; last: number } | null = null;

  /** A new official, written with the batch; its name and aliases are then set from its mentions. */
  async createOfficial(tx: Tx, o: ExtractedOfficial): Promise<OfficialRow> {
    let id: number;
    if (this.ids) id = ++this.ids.last;
    else {
      const [row] = await tx.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('officials', 'id'))::int AS id`;
      id = row!.id;
      this.ids = { first: id, last: id };
    }
    const row = { id, name: o.name, aliases: [], countryCode: o.country, nameEn: o.nameEn, nameNative: o.nameNative };
    this.created.set(id, { key: o.key, row: { ...row, aliases: [], searchText: o.name } });
    return row;
  }

  /** One article's mentions, its officials' new names, its countries and ministries. */
  add(articleId: number, mentions: PendingMention[], renamed: HeldNames[], countries: string[], ministries: number[]): void {
    this.mentions.push(...mentions);
    for (const r of renamed) this.renamed.set(r.id, r);
    for (const c of countries) this.countries.push({ article_id: articleId, country_code: c });
    for (const m of ministries) this.ministries.push({ article_id: articleId, ministry_id: m });
  }

  /** The official's names as held here, if this batch created or renamed it. */
  names(id: number): HeldNames | undefined {
    return this.renamed.get(id) ?? this.created.get(id)?.row;
  }

  /** The official as this batch created it, if it did and has not written it yet. */
  unwritten(id: number): HeldNames | undefined {
    return this.created.get(id)?.row;
  }

  /** The officials of this country this batch created or renamed, as held here. */
  renamedIn(country: string): HeldNames[] {
    const created = [...this.created.values()].filter((c) => !this.renamed.has(c.row.id)).map((c) => c.row);
    return [...created, ...this.renamed.values()].filter((r) => r.countryCode === country);
  }

  /** The offices the held mentions of this official give. */
  offices(id: number): string[] {
    return this.mentions.filter((m) => m.officialId === id).flatMap((m) => m.offices);
  }

  /** Writes what is held in one statement, in the order it came; then holds nothing. */
  async flush(tx: Tx): Promise<void> {
    if (!this.mentions.length && !this.renamed.size && !this.countries.length && !this.ministries.length && !this.created.size) return;
    // New officials are inserted with their names as held; the others renamed take theirs.
    const created = JSON.stringify([...this.created.values()].map(({ key, row }) => {
      const r = this.renamed.get(row.id) ?? row;
      return { id: row.id, key, name: r.name, aliases: r.aliases, country_code: row.countryCode, name_en: row.nameEn, name_native: row.nameNative, search_text: r.searchText };
    }));
    const ids = this.ids;
    const mentions = JSON.stringify(this.mentions.map(mentionRow));
    const renamed = JSON.stringify([...this.renamed.values()].filter((r) => !this.created.has(r.id))
      .map((r) => ({ id: r.id, name: r.name, aliases: r.aliases, search_text: r.searchText })));
    const countries = JSON.stringify(this.countries);
    const ministries = JSON.stringify(this.ministries);
    this.mentions = [];
    this.renamed.clear();
    this.countries = [];
    this.ministries = [];
    this.created.clear();
    this.ids = null;
    if (ids && ids.last > ids.first) await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('officials', 'id'), ${ids.last})`;
    // The mentions' and links' references to the new officials are checked at the statement's end, when these are in.
    await tx.$executeRaw`
      WITH n AS (
        INSERT INTO officials (id, key, name, aliases, country_code, name_en, name_native, search_text)
        SELECT id, key, name, aliases, country_code, name_en, name_native, search_text
        FROM jsonb_to_recordset(${created}::jsonb) AS x(id int, key text, name text, aliases text[], country_code text, name_en text, name_native text, search_text text)
        ORDER BY id
      ), m AS (
        INSERT INTO official_mentions (official_id, article_id, name_as_written, aliases, rank, rank_code, offices, ministry_id, unit_id, observed_on, observed_from, sentence)
        SELECT official_id, article_id, name_as_written, aliases, rank, rank_code, offices, ministry_id, unit_id, observed_on, observed_from, sentence
        FROM jsonb_to_recordset(${mentions}::jsonb) AS x(
          official_id int, article_id int, name_as_written text, aliases text[], rank text, rank_code text, offices text[],
          ministry_id int, unit_id int, observed_on text, observed_from date, sentence text)
      ), o AS (
        UPDATE officials SET name = x.name, aliases = x.aliases, search_text = x.search_text
        FROM jsonb_to_recordset(${renamed}::jsonb) AS x(id int, name text, aliases text[], search_text text)
        WHERE officials.id = x.id
      ), c AS (
        INSERT INTO article_countries (article_id, country_code)
        SELECT x.article_id, x.country_code FROM jsonb_to_recordset(${countries}::jsonb) AS x(article_id int, country_code text) ON CONFLICT DO NOTHING
      )
      INSERT INTO article_ministries (article_id, ministry_id)
      SELECT x.article_id, x.ministry_id FROM jsonb_to_recordset(${ministries}::jsonb) AS x(article_id int, ministry_id int) ON CONFLICT DO NOTHING`;
  }
}
