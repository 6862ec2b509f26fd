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

export async function buildDump(prisma: PrismaClient): Promise<Dump> {
  // One snapshot, read query after query: an import running meanwhile shows entirely or not at all.
  const { articles, countries, officials, ministries, units, events, agreements } = await prisma.$transaction(
    async (tx) => ({
      articles: await tx.article.findMany({
        orderBy: { id: "asc" },
        include: { countries: true, ministries: true, officialMentions: { orderBy: { officialId: "asc" } } },
      }),
      countries: await tx.country.findMany({ orderBy: { code: "asc" }, where: { OR: [{ articles: { some: {} } }, { eventCountries: { some: {} } }, { officials: { some: {} } }] } }),
      officials: await tx.official.findMany({ orderBy: { id: "asc" }, include: { mentions: { orderBy: [{ observedFrom: "asc" }, { articleId: "asc" }] } } }),
      ministries: await tx.ministry.findMany({ orderBy: { id: "asc" } }),
      units: await tx.unit.findMany({ orderBy: { id: "asc" } }),
      events: await tx.event.findMany({
        orderBy: { id: "asc" },
        // Links in id order: the order they were written in is no part of the knowledge base.
        include: { countries: true, participants: { orderBy: { officialId: "asc" } }, ministries: { orderBy: { ministryId: "asc" } }, sources: { orderBy: { articleId: "asc" } } },
      }),
      agreements: await tx.agreement.findMany({ orderBy: { id: "asc" }, include: { parties: true, sources: { orderBy: { articleId: "asc" } } } }),
    }),
    { isolationLevel: "RepeatableRead", timeout: 120_000, maxWait: 30_000 },
  );
  return {
    generated_at: new Date().toISOString(),
    articles: articles.map((x) => ({
      id: a(x.id), file: x.file, url: x.url, source_key: x.sourceKey, outlet: x.outlet, title: x.title,
      published_at: x.publishedAt, site_clock: x.siteClock,
    })),
    countries: countries.map((c) => ({ code: c.code, name_vi: c.nameVi, name_en: c.nameEn })),
    officials: officials.map((x) => ({
      id: o(x.id), name: x.name, aliases: x.aliases, country: x.countryCode, name_en: x.nameEn, name_native: x.nameNative,
      timeline: x.mentions.map((t) => ({
        article: a(t.articleId), observed_on: t.observedOn, name_as_written: t.nameAsWritten, rank: t.rank, offices: t.offices,
        ministry: t.ministryId !== null ? m(t.ministryId) : null,
      })),
    })),
    ministries: ministries.map((x) => ({ id: m(x.id), code: x.code, country: x.countryCode, name_vi: x.nameVi, name_en: x.nameEn, kind: x.kind })),
    units: units.map((x) => ({ id: `u${x.id}`, code: x.code, ministry: m(x.ministryId), name_vi: x.nameVi, name_en: x.nameEn })),
    events: events.map((x) => ({
      id: e(x.id), type: x.type, start: x.start, end: x.end, start_precision: x.startPrecision, end_precision: x.endPrecision,
      // What the text stated of the date and what was inferred, and from what ("publication month", "year from another report").
      date_reason: x.dateReason,
      date_parts: storedDateParts(x.start, x.dateReason),
      countries: x.countries.map((c) => c.countryCode).sort(), location: x.place,
      officials: x.participants.map((p) => o(p.officialId)),
      roles: Object.fromEntries(x.participants.map((p) => [o(p.officialId), p.role])),
      ministries: x.ministries.map((p) => m(p.ministryId)), topics: x.topics, summary: x.summary,
      articles: x.sources.map((s) => a(s.articleId)),
      evidence: x.sources.map((s) => ({ article: a(s.articleId), sentence: s.sentence })),
    })),
    agreements: agreements.map((x) => ({
      id: g(x.id), type: x.type, title: x.title, signed: x.signed,
      countries: x.parties.map((p) => p.countryCode).sort(), ministries: x.parties.flatMap((p) => (p.ministryId !== null ? [m(p.ministryId)] : [])),
      event: x.eventId !== null ? e(x.eventId) : null,
      articles: x.sources.map((s) => a(s.articleId)),
      evidence: x.sources.map((s) => ({ article: a(s.articleId), sentence: s.sentence })),
    })),
    mentions: articles.map((x) => ({
      article: a(x.id),
      officials: x.officialMentions.map((t) => o(t.officialId)),
      countries: x.countries.map((c) => c.countryCode).sort(),
      ministries: x.ministries.map((t) => m(t.ministryId)),
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
