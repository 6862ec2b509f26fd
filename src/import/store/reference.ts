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
    const have = await tx.country.count();
    if (have < this.g.countries.size) {
      await tx.country.createMany({
        data: [...this.g.countries.values()].map((c) => ({ code: c.code, nameVi: c.vi, nameEn: c.en, aliases: c.aliases })),
        skipDuplicates: true,
      });
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
      const found =
        (await tx.ministry.findUnique({ where: { code }, select: { id: true } })) ??
        (await tx.ministry.findUnique({ where: { countryCode_nameVi: { countryCode: ref.country, nameVi: ref.vi } }, select: { id: true } }));
      const id = found?.id ?? (await tx.ministry.create({
        data: { code, countryCode: ref.country, nameVi: ref.vi, nameEn: ref.en, kind: ref.kind, aliases: this.g.ministries.find((m) => m.code === code)?.aliases ?? [] },
        select: { id: true },
      })).id;
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
      const found =
        (await tx.unit.findUnique({ where: { code: u.code }, select: { id: true } })) ??
        (await tx.unit.findUnique({ where: { ministryId_nameVi: { ministryId, nameVi: u.vi } }, select: { id: true } }));
      const id = found?.id ?? (await tx.unit.create({ data: { code: u.code, ministryId, nameVi: u.vi, nameEn: u.en }, select: { id: true } })).id;
      this.pending.units.set(cacheKey, id);
      ids.set(u.code, id);
    }
    return ids;
  }
}
