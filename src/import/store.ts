// Store stage: writes one article's extraction into the knowledge base in one
// transaction — the article, its reference rows (countries, ministries,
// units), officials resolved across articles, events and agreements merged
// with other reports of the same activity, and the evidence linking each
// fact to its sentence. Writers take one advisory lock, so concurrent
// imports (the CLI and the HTTP ingest) resolve against each other safely.
import { createHash } from "node:crypto";
import { basename, relative, sep } from "node:path";
import type { ArticleExtraction, ExtractedOfficial } from "../extraction/assemble.ts";
import { formatPartial, parsePartial, precisionOf, spanOf } from "../extraction/dates.ts";
import type { Gazetteer } from "../extraction/gazetteer.ts";
import { fold, normalizeText } from "../extraction/text.ts";
import type { MinistryRef } from "../extraction/recognize.ts";
import { Prisma, type PrismaClient } from "../db/generated/client.ts";
import {
  agreementMatch, candidateSpan, eventMatch, eventSpan, mergeAgreements, mergeEvents, sameOfficial, titleKey,
  type AgreementFacts, type EventFacts,
} from "./resolve.ts";
import type { FactCounts, ImportStatus, RawArticle } from "./types.ts";
import { extractorVersion } from "./version.ts";

type Tx = Prisma.TransactionClient;

/** Any number, the same in every hoptac process: the writers' advisory lock. */
const WRITE_LOCK = 4_860_211;

export interface PreparedArticle {
  raw: RawArticle;
  sourceKey: string;
  contentHash: string;
  extraction: ArticleExtraction;
}

export interface ArticleIdentity {
  /** The article's identity across re-imports: its URL, else where it was read from. */
  sourceKey: string;
  /**
   * Same hash, same content read by the same extractor: nothing to do. Any
   * Unicode form or tone-mark style hashes alike.
   */
  contentHash: string;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/**
 * The article's identity: its URL, else its path below the folder it was
 * imported from (its base name when imported as a file), else its text.
 */
export function identify(raw: RawArticle, root?: string): ArticleIdentity {
  const text = normalizeText(raw.text);
  let sourceKey: string;
  if (raw.url) sourceKey = raw.url;
  else if (raw.file) sourceKey = (root ? relative(root, raw.source) : basename(raw.source)).split(sep).join("/");
  else sourceKey = `sha256:${sha256(text)}`;
  const contentHash = sha256(JSON.stringify([extractorVersion(), sourceKey, raw.url, raw.title, raw.publishedAt, text]));
  return { sourceKey, contentHash };
}

export function prepareArticle(raw: RawArticle, extraction: ArticleExtraction, root?: string): PreparedArticle {
  return { raw, ...identify(raw, root), extraction };
}

const toDate = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function datePrecision(s: string | null) {
  return precisionOf(parsePartial(s) ?? undefined);
}

export interface StoreOutcome {
  status: ImportStatus;
  articleId: number;
  facts: FactCounts;
}

export class ArticleStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly g: Gazetteer,
  ) {}

  /** The stored article with this identity and content, if any: re-reading it can be skipped. */
  async unchanged(id: ArticleIdentity): Promise<number | null> {
    const row = await this.prisma.article.findUnique({ where: { sourceKey: id.sourceKey }, select: { id: true, contentHash: true } });
    return row?.contentHash === id.contentHash ? row.id : null;
  }

  async store(p: PreparedArticle): Promise<StoreOutcome> {
    // Set inside, trusted only once the transaction has committed.
    let countriesSeen = false;
    const out = await this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
        const existing = await tx.article.findUnique({ where: { sourceKey: p.sourceKey }, select: { id: true, contentHash: true } });
        const facts = countFacts(p.extraction);
        if (existing?.contentHash === p.contentHash) return { status: "unchanged" as const, articleId: existing.id, facts };
        await this.ensureCountries(tx);
        let articleId: number;
        const row = this.articleRow(p);
        if (existing) {
          await removeArticleFacts(tx, existing.id, this.g);
          articleId = (await tx.article.update({ where: { id: existing.id }, data: row, select: { id: true } })).id;
        } else {
          articleId = (await tx.article.create({ data: { sourceKey: p.sourceKey, ...row }, select: { id: true } })).id;
        }
        await this.writeFacts(tx, articleId, p.extraction);
        countriesSeen = true;
        return { status: existing ? ("updated" as const) : ("imported" as const), articleId, facts };
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    if (countriesSeen) this.countriesReady = true;
    return out;
  }

  private articleRow(p: PreparedArticle) {
    const x = p.extraction;
    return {
      file: p.raw.file,
      url: p.raw.url,
      outlet: x.outlet,
      title: x.title,
      publishedAt: x.publishedAt,
      publishedPrecision: datePrecision(x.publishedAt),
      siteClock: x.siteClock,
      text: x.text,
      contentHash: p.contentHash,
    };
  }

  private countriesReady = false;

  /** The countries table is reference data: every gazetteer country, once. */
  private async ensureCountries(tx: Tx): Promise<void> {
    if (this.countriesReady) return;
    const have = await tx.country.count();
    if (have >= this.g.countries.size) return;
    await tx.country.createMany({
      data: [...this.g.countries.values()].map((c) => ({ code: c.code, nameVi: c.vi, nameEn: c.en, aliases: c.aliases })),
      skipDuplicates: true,
    });
  }

  private async writeFacts(tx: Tx, articleId: number, x: ArticleExtraction): Promise<void> {
    const ministryIds = await this.ensureMinistries(tx, x);
    const unitIds = await this.ensureUnits(tx, x, ministryIds);

    // Officials, and what this article says of each at its date.
    const observedOn = x.publishedAt ?? x.events.map((e) => formatPartial(e.start ?? undefined)).find((d) => d && !d.startsWith("--")) ?? null;
    const observedFrom = toDate(spanOf(parsePartial(observedOn) ?? undefined)?.[0]);
    const officialIds = new Map<string, number>();
    for (const o of x.officials) {
      const id = await this.resolveOfficial(tx, o);
      const first = ![...officialIds.values()].includes(id);
      officialIds.set(o.key, id);
      if (!first) {
        // Two readings of one person in this article: the mention keeps both names.
        const m = await tx.officialMention.findUniqueOrThrow({ where: { officialId_articleId: { officialId: id, articleId } } });
        await tx.officialMention.update({ where: { id: m.id }, data: { aliases: uniqueNames([...m.aliases, o.name, ...o.aliases], m.nameAsWritten) } });
        continue;
      }
      await tx.officialMention.create({
        data: {
          officialId: id, articleId, nameAsWritten: o.name, aliases: uniqueNames(o.aliases, o.name), rank: o.rank?.vi ?? null, rankCode: o.rank?.code ?? null,
          offices: o.offices, ministryId: o.ministry ? (ministryIds.get(o.ministry.code) ?? null) : null,
          unitId: o.unit ? (unitIds.get(o.unit.code) ?? null) : null, observedOn, observedFrom, sentence: o.sentence,
        },
      });
    }

    for (const id of new Set(officialIds.values())) await refreshOfficial(tx, id);

    await tx.articleCountry.createMany({ data: x.countries.map((countryCode) => ({ articleId, countryCode })), skipDuplicates: true });
    await tx.articleMinistry.createMany({
      data: [...new Set(x.ministries.map((m) => ministryIds.get(m.code)).filter((id): id is number => id !== undefined))].map((ministryId) => ({ articleId, ministryId })),
      skipDuplicates: true,
    });

    // Events: merged into another report of the same activity, or new.
    const eventIds: number[] = [];
    for (const e of x.events) {
      const facts: EventFacts = {
        type: e.type,
        start: formatPartial(e.start ?? undefined),
        end: formatPartial(e.end ?? undefined),
        dateReason: e.dateReason,
        place: e.place,
        countries: [...new Set(e.countries)].sort(),
        participants: dedupeParticipants(e.participants.flatMap((pp) => {
          const official = officialIds.get(pp.key);
          const country = x.officials.find((o) => o.key === pp.key)?.country ?? null;
          return official === undefined ? [] : [{ official, role: pp.role, country }];
        })),
        ministries: [...new Set(e.ministries.map((c) => ministryIds.get(c)).filter((id): id is number => id !== undefined))],
        topics: e.topics,
        summary: e.summary,
        mechanism: e.mechanism,
        ordinal: e.ordinal,
      };
      const match = await this.findEvent(tx, articleId, facts);
      let eventId: number;
      if (match !== null) {
        eventId = match;
        await tx.eventSource.create({ data: { eventId, articleId, sentence: e.sentence, facts: facts as unknown as Prisma.InputJsonValue } });
        await rebuildEvent(tx, eventId, this.g);
      } else {
        eventId = (await tx.event.create({ data: { type: facts.type, summary: facts.summary, searchText: "" }, select: { id: true } })).id;
        await tx.eventSource.create({ data: { eventId, articleId, sentence: e.sentence, facts: facts as unknown as Prisma.InputJsonValue } });
        await writeEventRow(tx, eventId, facts, this.g, true);
      }
      eventIds.push(eventId);
    }

    for (const a of x.agreements) {
      const facts: AgreementFacts = {
        type: a.type,
        title: a.title,
        signed: formatPartial(a.signed ?? undefined),
        parties: a.parties.map((pp) => ({
          country: pp.country,
          ministry: pp.ministry ? (ministryIds.get(pp.ministry) ?? null) : null,
          unit: pp.unit ? (unitIds.get(pp.unit) ?? null) : null,
        })),
        event: a.event !== null ? (eventIds[a.event] ?? null) : null,
      };
      const match = await this.findAgreement(tx, articleId, facts);
      const json = facts as unknown as Prisma.InputJsonValue;
      if (match !== null) {
        await tx.agreementSource.create({ data: { agreementId: match, articleId, sentence: a.sentence, facts: json } });
        await rebuildAgreement(tx, match, this.g);
      } else {
        const id = (await tx.agreement.create({ data: { type: facts.type as never, title: facts.title, titleKey: "", searchText: "" }, select: { id: true } })).id;
        await tx.agreementSource.create({ data: { agreementId: id, articleId, sentence: a.sentence, facts: json } });
        await writeAgreementRow(tx, id, facts, this.g);
      }
    }
  }

  // ------------------------------------------------------------- reference

  private ministryRef(x: ArticleExtraction, code: string): MinistryRef | null {
    const fromArticle = x.ministries.find((m) => m.code === code) ?? x.officials.find((o) => o.ministry?.code === code)?.ministry;
    if (fromArticle) return fromArticle;
    const known = this.g.ministries.find((m) => m.code === code);
    return known ? { code: known.code, country: known.country, vi: known.vi, en: known.en, kind: known.kind } : null;
  }

  private async ensureMinistries(tx: Tx, x: ArticleExtraction): Promise<Map<string, number>> {
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
      const found =
        (await tx.ministry.findUnique({ where: { code }, select: { id: true } })) ??
        (await tx.ministry.findUnique({ where: { countryCode_nameVi: { countryCode: ref.country, nameVi: ref.vi } }, select: { id: true } }));
      const id = found?.id ?? (await tx.ministry.create({
        data: { code, countryCode: ref.country, nameVi: ref.vi, nameEn: ref.en, kind: ref.kind, aliases: this.g.ministries.find((m) => m.code === code)?.aliases ?? [] },
        select: { id: true },
      })).id;
      ids.set(code, id);
    }
    return ids;
  }

  private async ensureUnits(tx: Tx, x: ArticleExtraction, ministryIds: Map<string, number>): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const u of x.units) {
      const ministryId = ministryIds.get(u.ministry);
      if (ministryId === undefined) continue;
      const found =
        (await tx.unit.findUnique({ where: { code: u.code }, select: { id: true } })) ??
        (await tx.unit.findUnique({ where: { ministryId_nameVi: { ministryId, nameVi: u.vi } }, select: { id: true } }));
      ids.set(u.code, found?.id ?? (await tx.unit.create({ data: { code: u.code, ministryId, nameVi: u.vi, nameEn: u.en }, select: { id: true } })).id);
    }
    return ids;
  }

  // ------------------------------------------------------------- officials

  /** The stored official this article's official is, created when none is. */
  private async resolveOfficial(tx: Tx, o: ExtractedOfficial): Promise<number> {
    const names = [o.name, ...o.aliases];
    let found = await tx.official.findUnique({ where: { key: o.key } });
    if (!found && o.country) {
      const ids = await candidateOfficials(tx, o.country, names);
      const candidates = await tx.official.findMany({
        where: { id: { in: ids } },
        include: { mentions: { select: { offices: true } } },
        orderBy: { id: "asc" },
      });
      const me = { names, country: o.country, offices: o.offices };
      found = candidates.find((c) => sameOfficial({ names: [c.name, ...c.aliases], country: c.countryCode, offices: c.mentions.flatMap((x) => x.offices) }, me)) ?? null;
    }
    if (found) return found.id;
    // Name and aliases are set from the mentions (refreshOfficial).
    return (await tx.official.create({
      data: { key: o.key, name: o.name, countryCode: o.country, nameEn: o.nameEn, nameNative: o.nameNative, searchText: o.name },
      select: { id: true },
    })).id;
  }

  // ---------------------------------------------------------------- events

  /** The stored event this one is another report of, if any. */
  private async findEvent(tx: Tx, articleId: number, f: EventFacts): Promise<number | null> {
    const span = candidateSpan(f);
    const foreignCountries = f.countries.filter((c) => c !== "VN");
    const where: Prisma.EventWhereInput = {
      type: f.type,
      sources: { none: { articleId } },
      countries: foreignCountries.length ? { some: { countryCode: { in: foreignCountries } } } : { every: { countryCode: "VN" } },
      ...(span ? { OR: [{ spanFrom: null }, { spanFrom: { lte: toDate(span[1])! }, spanTo: { gte: toDate(span[0])! } }] } : {}),
    };
    const rows = await tx.event.findMany({
      where,
      select: { id: true, sources: { select: { facts: true }, orderBy: { articleId: "asc" } } },
      orderBy: { id: "asc" },
    });
    const scored = rows.flatMap((r) => {
      const facts = foldSources<EventFacts>(r.sources, mergeEvents);
      const match = facts ? eventMatch(facts, f) : null;
      return match ? [{ id: r.id, ...match }] : [];
    });
    const strong = scored.filter((r) => !r.weak).sort((a, b) => b.score - a.score);
    if (strong[0]) return strong[0].id;
    // A weak match (no date, or nobody named) joins only when no other event could be meant.
    return scored.length === 1 ? scored[0]!.id : null;
  }

  // ------------------------------------------------------------ agreements

  private async findAgreement(tx: Tx, articleId: number, f: AgreementFacts): Promise<number | null> {
    const rows = await tx.agreement.findMany({
      where: { type: f.type as never, sources: { none: { articleId } }, parties: { some: { countryCode: { in: f.parties.map((pp) => pp.country) } } } },
      select: { id: true, sources: { select: { facts: true }, orderBy: { articleId: "asc" } } },
      orderBy: { id: "asc" },
    });
    for (const r of rows) {
      const facts = foldSources<AgreementFacts>(r.sources, mergeAgreements);
      if (facts && agreementMatch(facts, f)) return r.id;
    }
    return null;
  }

}

async function writeEventRow(tx: Tx, id: number, f: EventFacts, g: Gazetteer, fresh = false): Promise<void> {
  const span = eventSpan(f.start, f.end);
  const officials = await tx.official.findMany({ where: { id: { in: f.participants.map((p) => p.official) } }, select: { name: true, aliases: true } });
  const label = g.eventTypes.get(f.type);
  await tx.event.update({
    where: { id },
    data: {
      type: f.type, start: f.start, startPrecision: datePrecision(f.start), end: f.end, endPrecision: datePrecision(f.end),
      spanFrom: toDate(span?.[0]), spanTo: toDate(span?.[1]), dateReason: f.dateReason, place: f.place, summary: f.summary,
      topics: f.topics, mechanism: f.mechanism, ordinal: f.ordinal,
      searchText: searchText([
        f.summary, f.place, f.mechanism, label?.vi, label?.en,
        ...officials.flatMap((o) => [o.name, ...o.aliases]),
        ...f.countries.flatMap((c) => [g.countries.get(c)?.vi, g.countries.get(c)?.en]),
      ]),
    },
  });
  if (!fresh) await tx.eventCountry.deleteMany({ where: { eventId: id } });
  await tx.eventCountry.createMany({ data: f.countries.map((countryCode) => ({ eventId: id, countryCode })) });
  if (!fresh) await tx.eventParticipant.deleteMany({ where: { eventId: id } });
  await tx.eventParticipant.createMany({ data: f.participants.map((pp) => ({ eventId: id, officialId: pp.official, role: pp.role })) });
  if (!fresh) await tx.eventMinistry.deleteMany({ where: { eventId: id } });
  await tx.eventMinistry.createMany({ data: f.ministries.map((ministryId) => ({ eventId: id, ministryId })) });
}

async function writeAgreementRow(tx: Tx, id: number, f: AgreementFacts, g: Gazetteer): Promise<void> {
  const span = spanOf(parsePartial(f.signed) ?? undefined);
  await tx.agreement.update({
    where: { id },
    data: {
      type: f.type as never, title: f.title, titleKey: titleKey(f.title), signed: f.signed, signedPrecision: datePrecision(f.signed),
      signedFrom: toDate(span?.[0]), signedTo: toDate(span?.[1]), eventId: f.event,
      searchText: searchText([f.title, ...f.parties.flatMap((pp) => [g.countries.get(pp.country)?.vi, g.countries.get(pp.country)?.en])]),
    },
  });
  await tx.agreementParty.deleteMany({ where: { agreementId: id } });
  await tx.agreementParty.createMany({
    data: f.parties.map((pp) => ({ agreementId: id, countryCode: pp.country, ministryId: pp.ministry, unitId: pp.unit })),
    skipDuplicates: true,
  });
}

/**
 * Takes one article's facts out of the knowledge base before its new version
 * goes in: its evidence and mentions go; events and agreements other articles
 * also report are rebuilt from the sources that remain; what only it reported
 * goes; officials no article mentions any more go.
 */
async function removeArticleFacts(tx: Tx, articleId: number, g: Gazetteer): Promise<void> {
  const events = (await tx.eventSource.findMany({ where: { articleId }, select: { eventId: true } })).map((r) => r.eventId);
  const agreements = (await tx.agreementSource.findMany({ where: { articleId }, select: { agreementId: true } })).map((r) => r.agreementId);
  const officials = (await tx.officialMention.findMany({ where: { articleId }, select: { officialId: true } })).map((r) => r.officialId);
  await tx.eventSource.deleteMany({ where: { articleId } });
  await tx.agreementSource.deleteMany({ where: { articleId } });
  await tx.officialMention.deleteMany({ where: { articleId } });
  await tx.articleCountry.deleteMany({ where: { articleId } });
  await tx.articleMinistry.deleteMany({ where: { articleId } });

  for (const id of events) await rebuildEvent(tx, id, g);
  for (const id of agreements) await rebuildAgreement(tx, id, g);
  await tx.official.deleteMany({ where: { id: { in: officials }, mentions: { none: {} } } });
  for (const o of await tx.official.findMany({ where: { id: { in: officials } }, select: { id: true } })) await refreshOfficial(tx, o.id);
}

/** An event is the merge of its sources' accounts, in article order; with none left it goes. */
async function rebuildEvent(tx: Tx, id: number, g: Gazetteer): Promise<void> {
  const sources = await tx.eventSource.findMany({ where: { eventId: id }, select: { facts: true }, orderBy: { articleId: "asc" } });
  const facts = foldSources<EventFacts>(sources, mergeEvents);
  if (!facts) await tx.event.delete({ where: { id } });
  else await writeEventRow(tx, id, facts, g);
}

async function rebuildAgreement(tx: Tx, id: number, g: Gazetteer): Promise<void> {
  const sources = await tx.agreementSource.findMany({ where: { agreementId: id }, select: { facts: true }, orderBy: { articleId: "asc" } });
  const facts = foldSources<AgreementFacts>(sources, mergeAgreements);
  if (!facts) {
    await tx.agreement.delete({ where: { id } });
    return;
  }
  // The signing event may have gone with an article that alone reported it.
  const event = facts.event !== null && (await tx.event.count({ where: { id: facts.event } })) > 0 ? facts.event : null;
  await writeAgreementRow(tx, id, { ...facts, event }, g);
}

/**
 * An official's name is the one its earliest article gives; its aliases are
 * every other form its articles use (the union over its mentions).
 */
async function refreshOfficial(tx: Tx, id: number): Promise<void> {
  const o = await tx.official.findUniqueOrThrow({
    where: { id },
    include: { mentions: { select: { nameAsWritten: true, aliases: true }, orderBy: { articleId: "asc" } } },
  });
  const name = o.mentions[0]?.nameAsWritten ?? o.name;
  const aliases = uniqueNames(o.mentions.flatMap((m) => [m.nameAsWritten, ...m.aliases]), name);
  if (name === o.name && aliases.length === o.aliases.length && aliases.every((a, i) => a === o.aliases[i])) return;
  await tx.official.update({ where: { id }, data: { name, aliases, searchText: searchText([name, ...aliases, o.nameEn, o.nameNative]) } });
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

function foldSources<T>(sources: { facts: Prisma.JsonValue }[], merge: (a: T, b: T) => T): T | null {
  let acc: T | null = null;
  for (const s of sources) {
    const f = s.facts as unknown as T;
    acc = acc === null ? f : merge(acc, f);
  }
  return acc;
}

function dedupeParticipants(list: EventFacts["participants"]): EventFacts["participants"] {
  const out: EventFacts["participants"] = [];
  for (const p of list) if (!out.some((x) => x.official === p.official)) out.push(p);
  return out;
}

function uniqueNames(names: string[], except: string): string[] {
  const out: string[] = [];
  const seen = new Set([except]);
  for (const n of names) {
    if (!n || seen.has(n)) continue;
    seen.add(n);
    out.push(n);
  }
  return out;
}

function searchText(parts: (string | null | undefined)[]): string {
  return [...new Set(parts.filter((s): s is string => !!s))].join(" | ");
}

export function countFacts(x: ArticleExtraction): FactCounts {
  return { officials: x.officials.length, events: x.events.length, agreements: x.agreements.length, countries: x.countries.length, ministries: x.ministries.length };
}

