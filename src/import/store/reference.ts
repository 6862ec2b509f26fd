// Reference rows: countries, ministries and units. They are only ever added,
// so their ids are remembered across articles; what a transaction added is
// remembered only once it has committed (a rolled-back row has no id).
import type { ArticleExtraction } from "../../extraction/assemble.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import type { MinistryRef } from "../../extraction/recognize.ts";
import type { Tx } from "./rows.ts";

export class ReferenceRows {
  private countriesReady = false;
  private readonly ministries = new Map<string, number>();
  private readonly units = new Map<string, number>();
  /** Ids found or made inside the open transaction. */
  private pending: { ministries: Map<string, number>; units: Map<string, number>; countries: boolean } = { ministries: new Map(), units: new Map(), countries: false };

  constructor(private readonly g: Gazetteer) {}

  /** The open transaction committed: what it found or made is now known for good. */
  commit(): void {
    for (const [k, v] of this.pending.ministries) this.ministries.set(k, v);
    for (const [k, v] of this.pending.units) this.units.set(k, v);
    if (this.pending.countries) this.countriesReady = true;
    this.forget();
  }

  /** The open transaction (or part of it) rolled back: forget what it found or made. */
  forget(): void {
    this.pending = { ministries: new Map(), units: new Map(), countries: false };
  }

  /** The countries table is reference data: every gazetteer country, once. */
  async ensureCountries(tx: Tx): Promise<void> {
    if (this.countriesReady || this.pending.countries) return;
    const [{ have }] = await tx.$queryRaw<[{ have: number }]>`SELECT count(*)::int AS have FROM countries`;
    if (have < this.g.countries.size) {
      const list = [...this.g.countries.values()].map((c) => ({ code: c.code, name_vi: c.vi, name_en: c.en, aliases: c.aliases }));
      await tx.$executeRaw`
        INSERT INTO countries (code, name_vi, name_en, aliases)
        SELECT x.code, x.name_vi, x.name_en, x.aliases FROM jsonb_to_recordset(${JSON.stringify(list)}::jsonb) AS x(code text, name_vi text, name_en text, aliases text[])
        ON CONFLICT DO NOTHING`;
    }
    this.pending.countries = true;
  }

  private ministryRef(x: ArticleExtraction, code: string): MinistryRef | null {
    const fromArticle = x.ministries.find((m) => m.code === code) ?? x.officials.find((o) => o.ministry?.code === code)?.ministry;
    if (fromArticle) return fromArticle;
    const known = this.g.ministries.find((m) => m.code === code);
    return known ? { code: known.code, country: known.country, vi: known.vi, en: known.en, kind: known.kind } : null;
  }

  /** Ids of every ministry the article names, by code; created when new. */
  async ministryIds(tx: Tx, x: ArticleExtraction): Promise<Map<string, number>> {
    const codes = new Set<string>([
      ...x.ministries.map((m) => m.code),
      ...x.officials.flatMap((o) => (o.ministry ? [o.ministry.code] : [])),
      ...x.units.map((u) => u.ministry),
      ...x.agreements.flatMap((a) => a.parties.flatMap((pp) => (pp.ministry ? [pp.ministry] : []))),
    ]);
    const ids = new Map<string, number>();
    for (const code of codes) {
      const ref = this.ministryRef(x, code);
      if (!ref) continue;
      const known = this.ministries.get(code) ?? this.pending.ministries.get(code);
      if (known !== undefined) {
        ids.set(code, known);
        continue;
      }
      // Known by its code, else by its name in its country; else new.
      const [found] = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM ministries WHERE code = ${code} OR (country_code = ${ref.country} AND name_vi = ${ref.vi}) ORDER BY (code = ${code}) DESC LIMIT 1`;
      const aliases = this.g.ministries.find((m) => m.code === code)?.aliases ?? [];
      const id = found?.id ?? (await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO ministries (code, country_code, name_vi, name_en, kind, aliases)
        VALUES (${code}, ${ref.country}, ${ref.vi}, ${ref.en}, ${ref.kind}, ${aliases}::text[]) RETURNING id`)[0]!.id;
      this.pending.ministries.set(code, id);
      ids.set(code, id);
    }
    return ids;
  }

  /** Ids of the article's units, by code; created when new. */
  async unitIds(tx: Tx, x: ArticleExtraction, ministryIds: Map<string, number>): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const u of x.units) {
      const ministryId = ministryIds.get(u.ministry);
      if (ministryId === undefined) continue;
      // A unit is known by its code only under the ministry it was first stored with.
      const cacheKey = `${u.code}\u0000${ministryId}`;
      const known = this.units.get(cacheKey) ?? this.pending.units.get(cacheKey);
      if (known !== undefined) {
        ids.set(u.code, known);
        continue;
      }
      const [found] = await tx.$queryRaw<{ id: number }[]>`
        SELECT id FROM units WHERE code = ${u.code} OR (ministry_id = ${ministryId}::int AND name_vi = ${u.vi}) ORDER BY (code = ${u.code}) DESC LIMIT 1`;
      const id = found?.id ?? (await tx.$queryRaw<{ id: number }[]>`
        INSERT INTO units (code, ministry_id, name_vi, name_en) VALUES (${u.code}, ${ministryId}::int, ${u.vi}, ${u.en}) RETURNING id`)[0]!.id;
      this.pending.units.set(cacheKey, id);
      ids.set(u.code, id);
    }
    return ids;
  }
}
