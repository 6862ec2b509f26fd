// Events: each report of an activity is a source with what its article says;
// the event row is the merge of its sources in article order (resolve.ts).
import { toDate, datePrecision, foldSources, searchText, type Tx } from "./rows.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { candidateSpan, eventMatch, eventSpan, mergeEvents, type EventFacts } from "../resolve.ts";

/** The stored event this one is another report of, if any. */
export async function findEvent(tx: Tx, articleId: number, f: EventFacts): Promise<number | null> {
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

/** The event row's own columns for these merged facts; `names` are its participants' names and aliases. */
function eventColumns(f: EventFacts, g: Gazetteer, names: string[]) {
  const span = eventSpan(f.start, f.end);
  const label = g.eventTypes.get(f.type);
  return {
    type: f.type, start: f.start, startPrecision: datePrecision(f.start), end: f.end, endPrecision: datePrecision(f.end),
    spanFrom: toDate(span?.[0]), spanTo: toDate(span?.[1]), dateReason: f.dateReason, place: f.place, summary: f.summary,
    topics: f.topics, mechanism: f.mechanism, ordinal: f.ordinal,
    searchText: searchText([
      f.summary, f.place, f.mechanism, label?.vi, label?.en,
      ...names,
      ...f.countries.flatMap((c) => [g.countries.get(c)?.vi, g.countries.get(c)?.en]),
    ]),
  };
}

/** A new event, whole: its row, its first source, countries, participants and ministries. */
export async function createEvent(
  tx: Tx, g: Gazetteer, f: EventFacts, source: { articleId: number; sentence: string }, names: (officialId: number) => string[],
): Promise<number> {
  const row = await tx.event.create({
    data: {
      ...eventColumns(f, g, f.participants.flatMap((p) => names(p.official))),
      sources: { create: { articleId: source.articleId, sentence: source.sentence, facts: f as unknown as Prisma.InputJsonValue } },
      countries: { createMany: { data: f.countries.map((countryCode) => ({ countryCode })) } },
      participants: { createMany: { data: f.participants.map((pp) => ({ officialId: pp.official, role: pp.role })) } },
      ministries: { createMany: { data: f.ministries.map((ministryId) => ({ ministryId })) } },
    },
    select: { id: true },
  });
  return row.id;
}

async function writeEventRow(tx: Tx, id: number, f: EventFacts, g: Gazetteer): Promise<void> {
  const officials = await tx.official.findMany({ where: { id: { in: f.participants.map((p) => p.official) } }, select: { name: true, aliases: true } });
  await tx.event.update({ where: { id }, data: eventColumns(f, g, officials.flatMap((o) => [o.name, ...o.aliases])) });
  await tx.eventCountry.deleteMany({ where: { eventId: id } });
  await tx.eventCountry.createMany({ data: f.countries.map((countryCode) => ({ eventId: id, countryCode })) });
  await tx.eventParticipant.deleteMany({ where: { eventId: id } });
  await tx.eventParticipant.createMany({ data: f.participants.map((pp) => ({ eventId: id, officialId: pp.official, role: pp.role })) });
  await tx.eventMinistry.deleteMany({ where: { eventId: id } });
  await tx.eventMinistry.createMany({ data: f.ministries.map((ministryId) => ({ eventId: id, ministryId })) });
}

/** Another report of a stored event: its source, and the event rebuilt from all of them. */
export async function addEventSource(tx: Tx, g: Gazetteer, eventId: number, f: EventFacts, source: { articleId: number; sentence: string }): Promise<void> {
  await tx.eventSource.create({ data: { eventId, articleId: source.articleId, sentence: source.sentence, facts: f as unknown as Prisma.InputJsonValue } });
  await rebuildEvent(tx, eventId, g);
}

/** An event is the merge of its sources' accounts, in article order; with none left it goes. */
export async function rebuildEvent(tx: Tx, id: number, g: Gazetteer): Promise<void> {
  const sources = await tx.eventSource.findMany({ where: { eventId: id }, select: { facts: true }, orderBy: { articleId: "asc" } });
  const facts = foldSources<EventFacts>(sources, mergeEvents);
  if (!facts) await tx.event.delete({ where: { id } });
  else await writeEventRow(tx, id, facts, g);
}
