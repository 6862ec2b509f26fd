// One article's facts in, or out: its mentions of officials, countries and
// ministries, and its reports of events and agreements.
import type { ArticleExtraction } from "../../extraction/assemble.ts";
import { formatDate, spanOf } from "../../dates/value.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import type { AgreementFacts } from "../../identity/agreements.ts";
import type { EventFacts } from "../../identity/events.ts";
import { addAgreementSource, createAgreement, findAgreement, rebuildAgreement } from "./agreements.ts";
import { rebuildEvent } from "./events.ts";
import type { OpenEvents } from "./open-events.ts";
import {
  matchOfficial, namesChanged, type NameCandidates, refreshOfficial, withNewestMention, type OfficialKeys, type OfficialRow, type PendingMention,
} from "./officials.ts";
import type { HeldNames, OpenMentions } from "./open-mentions.ts";
import type { ReferenceRows } from "./reference.ts";
import { searchText, uniqueNames, type Tx } from "./rows.ts";

/**
 * Writes the facts of the article `articleId`; its mentions are held in
 * `held` and its events resolved into `events`, which write them with the
 * batch. `newest`: no stored article
 * comes after it (a new article), so its mentions are every official's latest
 * and their names can be worked out without reading all their mentions again.
 */
export async function writeFacts(
  tx: Tx, g: Gazetteer, ref: ReferenceRows, known: OfficialKeys, held: OpenMentions, events: OpenEvents, articleId: number, x: ArticleExtraction,
  newest: boolean,
): Promise<void> {
  const facts = await resolveOfficials(tx, ref, known, held, articleId, x, newest);
  await events.prefetch(tx, [facts]);
  await writeReports(tx, g, events, facts, newest);
}

/** An article's officials resolved (./officials.ts): what its reports of events and agreements are then written from. */
export interface ResolvedArticle {
  articleId: number;
  x: ArticleExtraction;
  ministryIds: Map<string, number>;
  unitIds: Map<string, number>;
  /** Its events as the identity rules read them, with the officials' ids. */
  reports: EventFacts[];
  /** The officials it renamed, as held after it. */
  renamed: HeldNames[];
  /** Each of its officials' name and aliases after it (a new article's). */
  namesOf: (id: number) => string[];
}

/**
 * The first half of writeFacts: the article's reference rows and officials
 * (created or matched, their mentions and new names held in `held`). A batch
 * of new articles resolves all its articles' officials first, then reads the
 * stored events all their reports may join at once, then writes the reports:
 * the officials never depend on the events.
 */
export async function resolveOfficials(
  tx: Tx, ref: ReferenceRows, known: OfficialKeys, held: OpenMentions, articleId: number, x: ArticleExtraction, newest: boolean,
  candidates?: NameCandidates,
): Promise<ResolvedArticle> {
  const ministryIds = await ref.ministryIds(tx, x);
  const unitIds = await ref.unitIds(tx, x, ministryIds);

  // Officials, and what this article says of each at its date.
  const observed = x.publishedAt ?? x.events.map((e) => e.start).find((d) => d?.y !== undefined) ?? null;
  const observedOn = formatDate(observed);
  const observedFrom = spanOf(observed)?.[0] ?? null;
  await known.load(tx, x.officials.map((o) => o.key));
  const officialIds = new Map<string, number>();
  const rows = new Map<number, { row: OfficialRow; created: boolean }>();
  const mentions: PendingMention[] = [];
  for (const o of x.officials) {
    let row = known.get(o.key) ?? (await matchOfficial(tx, o, mentions, held, candidates));
    let created = false;
    if (!row) {
      row = await held.createOfficial(tx, o);
      known.created(o.key, row);
      created = true;
    }
    const id = row.id;
    officialIds.set(o.key, id);
    const earlier = mentions.find((m) => m.officialId === id);
    if (earlier) {
      // Two readings of one person in this article: the mention keeps both names.
      earlier.aliases = uniqueNames([...earlier.aliases, o.name, ...o.aliases], earlier.nameAsWritten);
      continue;
    }
    if (!rows.has(id)) rows.set(id, { row, created });
    mentions.push({
      officialId: id, nameAsWritten: o.name, aliases: uniqueNames(o.aliases, o.name), offices: o.offices,
      data: {
        articleId, rank: o.rank?.vi ?? null, rankCode: o.rank?.code ?? null, offices: o.offices,
        ministryId: o.ministry ? (ministryIds.get(o.ministry.code) ?? null) : null,
        unitId: o.unit ? (unitIds.get(o.unit.code) ?? null) : null, observedOn, observedFrom: observedFrom ?? null, sentence: o.sentence,
      },
    });
  }
  // Each official's name and aliases after this article, for the rows and the events' search text.
  const names = new Map<number, string[]>();
  const renamed: HeldNames[] = [];
  for (const m of mentions) {
    const { row, created } = rows.get(m.officialId)!;
    if (!newest) continue;
    const next = withNewestMention(row, m, created);
    names.set(row.id, [next.name, ...next.aliases]);
    if (namesChanged(row, next)) renamed.push({ ...row, ...next, searchText: searchText([next.name, ...next.aliases, row.nameEn, row.nameNative]) });
  }
  // The mentions, the officials' new names, the article's countries and ministries: written with the batch.
  const articleMinistries = [...new Set(x.ministries.map((m) => ministryIds.get(m.code)).filter((id): id is number => id !== undefined))];
  held.add(articleId, mentions, renamed, x.countries, articleMinistries);
  for (const r of renamed) known.renamed(r.id, r.name, r.aliases);
  // An older article: every official's names are read again from all its mentions.
  if (!newest) {
    await held.flush(tx);
    for (const id of rows.keys()) await refreshOfficial(tx, id);
  }
  const namesOf = (id: number) => names.get(id) ?? [];

  // Its events, with the officials' ids.
  const reports = x.events.map((e): EventFacts => ({
    type: e.type,
    start: e.start,
    end: e.end,
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
  }));
  return { articleId, x, ministryIds, unitIds, reports, renamed, namesOf };
}

/**
 * The second half of writeFacts: the article's events, merged into another
 * report of the same activity or new (their stored candidates read by
 * events.prefetch beforehand), and its agreements.
 */
export async function writeReports(tx: Tx, g: Gazetteer, events: OpenEvents, a: ResolvedArticle, newest: boolean): Promise<void> {
  const { articleId, x, ministryIds, unitIds, reports, namesOf } = a;
  const eventIds: number[] = [];
  for (const [i, facts] of reports.entries()) {
    const source = { articleId, sentence: x.events[i]!.sentence };
    const match = await events.find(tx, articleId, facts);
    if (match !== null) {
      await events.add(tx, match, facts, source);
      eventIds.push(match.id);
    } else {
      // Participants of a new event are this article's officials: their names are known (else read them).
      eventIds.push(await events.create(tx, facts, source, newest ? namesOf : await participantNames(tx, facts)));
    }
  }

  for (const a of x.agreements) {
    const facts: AgreementFacts = {
      type: a.type,
      title: a.title,
      signed: a.signed,
      parties: a.parties.map((pp) => ({
        country: pp.country,
        ministry: pp.ministry ? (ministryIds.get(pp.ministry) ?? null) : null,
        unit: pp.unit ? (unitIds.get(pp.unit) ?? null) : null,
      })),
      event: a.event !== null ? (eventIds[a.event] ?? null) : null,
    };
    const source = { articleId, sentence: a.sentence };
    const match = await findAgreement(tx, articleId, facts);
    // Its event may be one of the batch's, written at its end: the agreement's reference to it is checked at commit.
    if (match !== null) await addAgreementSource(tx, g, match, facts, source, (id) => events.unwritten(id));
    else await createAgreement(tx, g, facts, source);
  }
}

async function participantNames(tx: Tx, f: EventFacts): Promise<(id: number) => string[]> {
  const rows = await tx.$queryRaw<{ id: number; name: string; aliases: string[] }[]>`
    SELECT id, name, aliases FROM officials WHERE id = ANY(${f.participants.map((p) => p.official)}::int[])`;
  const byId = new Map(rows.map((r) => [r.id, [r.name, ...r.aliases]]));
  return (id) => byId.get(id) ?? [];
}

/**
 * Takes one article's facts out of the knowledge base before its new version
 * goes in: its evidence and mentions go; events and agreements other articles
 * also report are rebuilt from the sources that remain; what only it reported
 * goes; officials no article mentions any more go.
 */
export async function removeArticleFacts(tx: Tx, articleId: number, g: Gazetteer): Promise<void> {
  // What it reported and whom it mentioned, in the order the rows come (each list as the tables' keys give it).
  const [had] = await tx.$queryRaw<{ events: number[]; agreements: number[]; officials: number[] }[]>`
    SELECT ARRAY(SELECT event_id FROM event_sources WHERE article_id = ${articleId}::int) AS events,
           ARRAY(SELECT agreement_id FROM agreement_sources WHERE article_id = ${articleId}::int) AS agreements,
           ARRAY(SELECT official_id FROM official_mentions WHERE article_id = ${articleId}::int) AS officials`;
  const { events, agreements, officials } = had!;
  await tx.$executeRaw`DELETE FROM event_sources WHERE article_id = ${articleId}::int`;
  await tx.$executeRaw`DELETE FROM agreement_sources WHERE article_id = ${articleId}::int`;
  await tx.$executeRaw`DELETE FROM official_mentions WHERE article_id = ${articleId}::int`;
  await tx.$executeRaw`DELETE FROM article_countries WHERE article_id = ${articleId}::int`;
  await tx.$executeRaw`DELETE FROM article_ministries WHERE article_id = ${articleId}::int`;

  for (const id of events) await rebuildEvent(tx, id, g);
  for (const id of agreements) await rebuildAgreement(tx, id, g);
  // Their removal takes their event links with it: the filter keys' trigger keeps those events.
  await tx.$executeRaw`SELECT set_config('hoptac.event_keys_written', 'off', true)`;
  const left = await tx.$queryRaw<{ id: number }[]>`
    WITH gone AS (
      DELETE FROM officials o WHERE o.id = ANY(${officials}::int[]) AND NOT EXISTS (SELECT 1 FROM official_mentions m WHERE m.official_id = o.id) RETURNING id
    )
    SELECT id FROM officials WHERE id = ANY(${officials}::int[]) AND id NOT IN (SELECT id FROM gone) ORDER BY id`;
  await tx.$executeRaw`SELECT set_config('hoptac.event_keys_written', 'on', true)`;
  for (const o of left) await refreshOfficial(tx, o.id);
}

function dedupeParticipants(list: EventFacts["participants"]): EventFacts["participants"] {
  const out: EventFacts["participants"] = [];
  for (const p of list) if (!out.some((x) => x.official === p.official)) out.push(p);
  return out;
}
