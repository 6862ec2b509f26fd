// The public data dump: the whole knowledge base read back from the database
// as one JSON document (the format ../shared/eval/DUMP.md describes, plus
// ranks, offices, evidence and English names).
import type { PrismaClient } from "./generated/client.ts";
import { storedDateParts } from "../dates/parts.ts";

export interface Dump {
  generated_at: string;
  articles: unknown[];
  countries: unknown[];
  officials: unknown[];
  ministries: unknown[];
  units: unknown[];
  events: unknown[];
  agreements: unknown[];
  mentions: unknown[];
}

const a = (id: number) => `a${id}`;
const o = (id: number) => `o${id}`;
const m = (id: number) => `m${id}`;
const e = (id: number) => `e${id}`;
const g = (id: number) => `g${id}`;

/** Rows grouped by their parent's id, each group in the rows' order. */
function byParent<R, K>(rows: R[], parent: (row: R) => K): (key: K) => R[] {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = parent(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return (key) => groups.get(key) ?? [];
}

export async function buildDump(prisma: PrismaClient): Promise<Dump> {
  // One snapshot, read query after query: an import running meanwhile shows entirely or not at all.
  // Each table is read whole and its links grouped here, not through `include`, whose relations
  // Prisma reads side by side: on a transaction's one connection, pg queues such queries (pg 9 refuses them).
  const read = await prisma.$transaction(
    async (tx) => ({
      articles: await tx.article.findMany({ orderBy: { id: "asc" } }),
      articleCountries: await tx.articleCountry.findMany({ orderBy: [{ articleId: "asc" }, { countryCode: "asc" }] }),
      articleMinistries: await tx.articleMinistry.findMany({ orderBy: [{ articleId: "asc" }, { ministryId: "asc" }] }),
      countries: await tx.country.findMany({ orderBy: { code: "asc" }, where: { OR: [{ articles: { some: {} } }, { eventCountries: { some: {} } }, { officials: { some: {} } }] } }),
      officials: await tx.official.findMany({ orderBy: { id: "asc" } }),
      // Each official's timeline in order.
      mentions: await tx.officialMention.findMany({ orderBy: [{ officialId: "asc" }, { observedFrom: "asc" }, { articleId: "asc" }] }),
      ministries: await tx.ministry.findMany({ orderBy: { id: "asc" } }),
      units: await tx.unit.findMany({ orderBy: { id: "asc" } }),
      events: await tx.event.findMany({ orderBy: { id: "asc" } }),
      // Links in id order: the order they were written in is no part of the knowledge base.
      eventCountries: await tx.eventCountry.findMany({ orderBy: [{ eventId: "asc" }, { countryCode: "asc" }] }),
      participants: await tx.eventParticipant.findMany({ orderBy: [{ eventId: "asc" }, { officialId: "asc" }] }),
      eventMinistries: await tx.eventMinistry.findMany({ orderBy: [{ eventId: "asc" }, { ministryId: "asc" }] }),
      eventSources: await tx.eventSource.findMany({ orderBy: [{ eventId: "asc" }, { articleId: "asc" }] }),
      agreements: await tx.agreement.findMany({ orderBy: { id: "asc" } }),
      parties: await tx.agreementParty.findMany({ orderBy: [{ agreementId: "asc" }, { id: "asc" }] }),
      agreementSources: await tx.agreementSource.findMany({ orderBy: [{ agreementId: "asc" }, { articleId: "asc" }] }),
    }),
    { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 30_000 },
  );
  const { articles, countries, officials, ministries, units, events, agreements } = read;
  const articleLinks = {
    countries: byParent(read.articleCountries, (x) => x.articleId),
    ministries: byParent(read.articleMinistries, (x) => x.articleId),
    officials: byParent(read.mentions.toSorted((x, y) => x.articleId - y.articleId || x.officialId - y.officialId), (x) => x.articleId),
  };
  const timelineOf = byParent(read.mentions, (x) => x.officialId);
  const eventLinks = {
    countries: byParent(read.eventCountries, (x) => x.eventId),
    participants: byParent(read.participants, (x) => x.eventId),
    ministries: byParent(read.eventMinistries, (x) => x.eventId),
    sources: byParent(read.eventSources, (x) => x.eventId),
  };
  const agreementLinks = { parties: byParent(read.parties, (x) => x.agreementId), sources: byParent(read.agreementSources, (x) => x.agreementId) };
  return {
    generated_at: new Date().toISOString(),
    articles: articles.map((x) => ({
      id: a(x.id), file: x.file, url: x.url, source_key: x.sourceKey, outlet: x.outlet, title: x.title,
      published_at: x.publishedAt, site_clock: x.siteClock,
    })),
    countries: countries.map((c) => ({ code: c.code, name_vi: c.nameVi, name_en: c.nameEn })),
    officials: officials.map((x) => ({
      id: o(x.id), name: x.name, aliases: x.aliases, country: x.countryCode, name_en: x.nameEn, name_native: x.nameNative,
      timeline: timelineOf(x.id).map((t) => ({
        article: a(t.articleId), observed_on: t.observedOn, name_as_written: t.nameAsWritten, rank: t.rank, offices: t.offices,
        ministry: t.ministryId !== null ? m(t.ministryId) : null,
      })),
    })),
    ministries: ministries.map((x) => ({ id: m(x.id), code: x.code, country: x.countryCode, name_vi: x.nameVi, name_en: x.nameEn, kind: x.kind })),
    units: units.map((x) => ({ id: `u${x.id}`, code: x.code, ministry: m(x.ministryId), name_vi: x.nameVi, name_en: x.nameEn })),
    events: events.map((x) => {
      const [participants, sources] = [eventLinks.participants(x.id), eventLinks.sources(x.id)];
      return {
        id: e(x.id), type: x.type, start: x.start, end: x.end, start_precision: x.startPrecision, end_precision: x.endPrecision,
        // What the text stated of the date and what was inferred, and from what ("publication month", "year from another report").
        date_reason: x.dateReason,
        date_parts: storedDateParts(x.start, x.dateReason),
        countries: eventLinks.countries(x.id).map((c) => c.countryCode).sort(), location: x.place,
        officials: participants.map((p) => o(p.officialId)),
        roles: Object.fromEntries(participants.map((p) => [o(p.officialId), p.role])),
        ministries: eventLinks.ministries(x.id).map((p) => m(p.ministryId)), topics: x.topics, summary: x.summary,
        articles: sources.map((s) => a(s.articleId)),
        evidence: sources.map((s) => ({ article: a(s.articleId), sentence: s.sentence })),
      };
    }),
    agreements: agreements.map((x) => {
      const [parties, sources] = [agreementLinks.parties(x.id), agreementLinks.sources(x.id)];
      return {
        id: g(x.id), type: x.type, title: x.title, signed: x.signed,
        countries: parties.map((p) => p.countryCode).sort(),
        ministries: parties.flatMap((p) => (p.ministryId !== null ? [m(p.ministryId)] : [])),
        event: x.eventId !== null ? e(x.eventId) : null,
        articles: sources.map((s) => a(s.articleId)),
        evidence: sources.map((s) => ({ article: a(s.articleId), sentence: s.sentence })),
      };
    }),
    mentions: articles.map((x) => ({
      article: a(x.id),
      officials: articleLinks.officials(x.id).map((t) => o(t.officialId)),
      countries: articleLinks.countries(x.id).map((c) => c.countryCode).sort(),
      ministries: articleLinks.ministries(x.id).map((t) => m(t.ministryId)),
    })),
  };
}

/**
 * The dump as JSON text in pieces, one record at a time: the same bytes as
 * `JSON.stringify(dump, null, 2)` and a final newline, without holding the
 * whole text in memory.
 */
export function* dumpJson(dump: Dump): Generator<string> {
  const entries = Object.entries(dump);
  yield "{\n";
  for (const [i, [key, value]] of entries.entries()) {
    const comma = i < entries.length - 1 ? "," : "";
    if (!Array.isArray(value) || value.length === 0) {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2)}${comma}\n`;
      continue;
    }
    yield `  ${JSON.stringify(key)}: [\n`;
    for (const [j, record] of value.entries()) {
      yield `    ${JSON.stringify(record, null, 2).replace(/\n/g, "\n    ")}${j < value.length - 1 ? "," : ""}\n`;
    }
    yield `  ]${comma}\n`;
  }
  yield "}\n";
}
