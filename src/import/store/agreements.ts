// Agreements: like events, one row merged from every article that reports it.
import { formatDate, spanOf } from "../../dates/value.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import { agreementMatch, mergeAgreements, titleKey, type AgreementFacts } from "../../identity/agreements.ts";
import { agreementFactsOf, factsJson } from "./facts.ts";
import { datePrecision, foldFacts, searchText, toDate, type Tx } from "./rows.ts";

/**
 * The stored agreement this report is another report of, if any: the first
 * in id order that agreementMatch accepts. It needs the same parties'
 * countries, so only the agreements of the type with exactly those countries
 * (their filter keys, by index) are read, not every agreement of a party.
 */
export async function findAgreement(tx: Tx, articleId: number, f: AgreementFacts): Promise<number | null> {
  if (!f.parties.length) return null;
  const rows = await tx.$queryRaw<{ id: number; facts: unknown[] | null }[]>`
    SELECT a.id, (SELECT json_agg(s.facts ORDER BY s.article_id) FROM agreement_sources s WHERE s.agreement_id = a.id) AS facts
    FROM agreements a
    WHERE a.type = ${f.type}::agreement_type
      AND a.country_codes = ARRAY(SELECT DISTINCT c FROM unnest(${f.parties.map((pp) => pp.country)}::text[]) c ORDER BY c)
      AND NOT EXISTS (SELECT 1 FROM agreement_sources s WHERE s.agreement_id = a.id AND s.article_id = ${articleId})
    ORDER BY a.id`;
  for (const r of rows) {
    const facts = foldFacts(agreementFactsOf(r.facts ?? []), mergeAgreements);
    if (facts && agreementMatch(facts, f)) return r.id;
  }
  return null;
}

function agreementColumns(f: AgreementFacts, g: Gazetteer) {
  const span = spanOf(f.signed);
  return {
    type: f.type as never, title: f.title, titleKey: titleKey(f.title), signed: formatDate(f.signed), signedPrecision: datePrecision(f.signed),
    signedFrom: toDate(span?.[0]), signedTo: toDate(span?.[1]), eventId: f.event,
    searchText: searchText([f.title, ...f.parties.flatMap((pp) => [g.countries.get(pp.country)?.vi, g.countries.get(pp.country)?.en])]),
  };
}

const partyRows = (f: AgreementFacts) => f.parties.map((pp) => ({ countryCode: pp.country, ministryId: pp.ministry, unitId: pp.unit }));

/** A new agreement, whole: its row, its first source and its parties. */
export async function createAgreement(tx: Tx, g: Gazetteer, f: AgreementFacts, source: { articleId: number; sentence: string }): Promise<number> {
  const row = await tx.agreement.create({
    data: {
      ...agreementColumns(f, g),
      sources: { create: { articleId: source.articleId, sentence: source.sentence, facts: factsJson(f) } },
      parties: { createMany: { data: partyRows(f), skipDuplicates: true } },
    },
    select: { id: true },
  });
  return row.id;
}

/** `unwritten`: an event of the batch whose row comes at its end (it exists all the same). */
export async function addAgreementSource(
  tx: Tx, g: Gazetteer, id: number, f: AgreementFacts, source: { articleId: number; sentence: string }, unwritten: (eventId: number) => boolean,
): Promise<void> {
  await tx.agreementSource.create({ data: { agreementId: id, articleId: source.articleId, sentence: source.sentence, facts: factsJson(f) } });
  await rebuildAgreement(tx, id, g, unwritten);
}

export async function rebuildAgreement(tx: Tx, id: number, g: Gazetteer, unwritten: (eventId: number) => boolean = () => false): Promise<void> {
  const sources = await tx.agreementSource.findMany({ where: { agreementId: id }, select: { facts: true }, orderBy: { articleId: "asc" } });
  const facts = foldFacts(agreementFactsOf(sources.map((s) => s.facts)), mergeAgreements);
  if (!facts) {
    await tx.agreement.delete({ where: { id } });
    return;
  }
  // The signing event may have gone with an article that alone reported it.
  const event = facts.event !== null && (unwritten(facts.event) || (await tx.event.count({ where: { id: facts.event } })) > 0) ? facts.event : null;
  await tx.agreement.update({ where: { id }, data: agreementColumns({ ...facts, event }, g) });
  await tx.agreementParty.deleteMany({ where: { agreementId: id } });
  await tx.agreementParty.createMany({ data: partyRows(facts).map((p) => ({ agreementId: id, ...p })), skipDuplicates: true });
}
