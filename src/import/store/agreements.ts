// Agreements: like events, one row merged from every article that reports it.
import { Prisma } from "../../db/generated/client.ts";
import { formatDate, spanOf } from "../../dates/value.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import { agreementMatch, mergeAgreements, titleKey, type AgreementFacts } from "../../identity/agreements.ts";
import { agreementFactsOf } from "./facts.ts";
import { datePrecision, foldFacts, searchText, type Tx } from "./rows.ts";

/**
 * The stored agreement this report is another report of, if any: the first
 * in id order that agreementMatch accepts. It needs the same parties'
 * countries, so only the agreements of the type with exactly those countries
 * (their filter keys, by index) are read, not every agreement of a party;
 * and signing dates that agree, which two dates with a year do only when
 * their spans meet, so the sources of the others are not read.
 */
export async function findAgreement(tx: Tx, articleId: number, f: AgreementFacts): Promise<number | null> {
  if (!f.parties.length) return null;
  const span = spanOf(f.signed);
  const rows = await tx.$queryRaw<{ id: number; facts: unknown[] | null }[]>`
    SELECT a.id, (SELECT json_agg(s.facts ORDER BY s.article_id) FROM agreement_sources s WHERE s.agreement_id = a.id) AS facts
    FROM agreements a
    WHERE a.type = ${f.type}::agreement_type
      AND a.country_codes = ARRAY(SELECT DISTINCT c FROM unnest(${f.parties.map((pp) => pp.country)}::text[]) c ORDER BY c)
      AND NOT EXISTS (SELECT 1 FROM agreement_sources s WHERE s.agreement_id = a.id AND s.article_id = ${articleId})
      AND ${span ? Prisma.sql`(a.signed_from IS NULL OR daterange(a.signed_from, a.signed_to, '[]') && daterange(${span[0]}::date, ${span[1]}::date, '[]'))` : Prisma.sql`TRUE`}
    ORDER BY a.id`;
  for (const r of rows) {
    const facts = foldFacts(agreementFactsOf(r.facts ?? []), mergeAgreements);
    if (facts && agreementMatch(facts, f)) return r.id;
  }
  return null;
}

/** The agreement row's columns (as named in the table) for these merged facts. */
function agreementColumns(f: AgreementFacts, g: Gazetteer) {
  const span = spanOf(f.signed);
  return {
    type: f.type, title: f.title, title_key: titleKey(f.title), signed: formatDate(f.signed), signed_precision: datePrecision(f.signed),
    signed_from: span?.[0] ?? null, signed_to: span?.[1] ?? null, event_id: f.event,
    search_text: searchText([f.title, ...f.parties.flatMap((pp) => [g.countries.get(pp.country)?.vi, g.countries.get(pp.country)?.en])]),
  };
}

/** The parties as agreement_parties rows, in order (a country twice: its first). */
const partiesJson = (f: AgreementFacts) =>
  JSON.stringify(f.parties.map((pp) => ({ country_code: pp.country, ministry_id: pp.ministry, unit_id: pp.unit })));

/** The parties of `f` (rows of (country_code, ministry_id, unit_id, n), in order). */
const parties = (f: AgreementFacts) => Prisma.sql`
  ROWS FROM (jsonb_to_recordset(${partiesJson(f)}::jsonb) AS (country_code text, ministry_id int, unit_id int)) WITH ORDINALITY AS x(country_code, ministry_id, unit_id, n)`;

/**
 * The filter keys of the parties of `f` as agreement_parties keeps them (a
 * country once: its first): their sorted country codes and ministry ids,
 * written on the agreement's row with its parties (the parties' trigger
 * stands aside for the store, index.ts).
 */
const partyKeys = (f: AgreementFacts) => Prisma.sql`
  SELECT coalesce(array_agg(k.country_code ORDER BY k.country_code), ARRAY[]::text[]) AS codes,
    coalesce(array_agg(DISTINCT k.ministry_id ORDER BY k.ministry_id) FILTER (WHERE k.ministry_id IS NOT NULL), ARRAY[]::int[]) AS ministries
  FROM (SELECT DISTINCT ON (x.country_code) x.country_code::text AS country_code, x.ministry_id FROM ${parties(f)} ORDER BY x.country_code, x.n) k`;

/** Inserts the agreement's parties, in order, a country once. */
async function insertParties(tx: Tx, id: number, f: AgreementFacts): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO agreement_parties (agreement_id, country_code, ministry_id, unit_id)
    SELECT ${id}::int, x.country_code, x.ministry_id, x.unit_id FROM ${parties(f)} ORDER BY n ON CONFLICT DO NOTHING`;
}

/** A new agreement, whole, in one statement: its row, its first source and its parties. */
export async function createAgreement(tx: Tx, g: Gazetteer, f: AgreementFacts, source: { articleId: number; sentence: string }): Promise<number> {
  const c = agreementColumns(f, g);
  const [row] = await tx.$queryRaw<{ id: number }[]>`
    WITH a AS (
      INSERT INTO agreements (type, title, title_key, signed, signed_precision, signed_from, signed_to, event_id, search_text, country_codes, ministry_ids)
      SELECT ${c.type}::agreement_type, ${c.title}, ${c.title_key}, ${c.signed}, ${c.signed_precision}::date_precision, ${c.signed_from}::date,
             ${c.signed_to}::date, ${c.event_id}::int, ${c.search_text}, k.codes, k.ministries
      FROM (${partyKeys(f)}) k
      RETURNING id
    ), s AS (
      INSERT INTO agreement_sources (agreement_id, article_id, sentence, facts)
      SELECT a.id, ${source.articleId}::int, ${source.sentence}, ${JSON.stringify(f)}::jsonb FROM a
    ), p AS (
      INSERT INTO agreement_parties (agreement_id, country_code, ministry_id, unit_id)
      SELECT a.id, x.country_code, x.ministry_id, x.unit_id FROM a, ${parties(f)} ORDER BY n ON CONFLICT DO NOTHING
    )
    SELECT id FROM a`;
  return row!.id;
}

/** `unwritten`: an event of the batch whose row comes at its end (it exists all the same). */
export async function addAgreementSource(
  tx: Tx, g: Gazetteer, id: number, f: AgreementFacts, source: { articleId: number; sentence: string }, unwritten: (eventId: number) => boolean,
): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO agreement_sources (agreement_id, article_id, sentence, facts) VALUES (${id}::int, ${source.articleId}::int, ${source.sentence}, ${JSON.stringify(f)}::jsonb)`;
  await rebuildAgreement(tx, id, g, unwritten);
}

export async function rebuildAgreement(tx: Tx, id: number, g: Gazetteer, unwritten: (eventId: number) => boolean = () => false): Promise<void> {
  const [row] = await tx.$queryRaw<{ facts: unknown[] | null }[]>`
    SELECT (SELECT json_agg(facts ORDER BY article_id) FROM agreement_sources WHERE agreement_id = ${id}::int) AS facts`;
  const facts = foldFacts(agreementFactsOf(row?.facts ?? []), mergeAgreements);
  if (!facts) {
    await tx.$executeRaw`DELETE FROM agreements WHERE id = ${id}::int`;
    return;
  }
  // The signing event may have gone with an article that alone reported it.
  const event = facts.event !== null && (unwritten(facts.event) || (await tx.$queryRaw<unknown[]>`SELECT 1 FROM events WHERE id = ${facts.event}::int`).length > 0)
    ? facts.event : null;
  const c = agreementColumns({ ...facts, event }, g);
  await tx.$executeRaw`
    UPDATE agreements SET type = ${c.type}::agreement_type, title = ${c.title}, title_key = ${c.title_key}, signed = ${c.signed},
      signed_precision = ${c.signed_precision}::date_precision, signed_from = ${c.signed_from}::date, signed_to = ${c.signed_to}::date,
      event_id = ${c.event_id}::int, search_text = ${c.search_text}, (country_codes, ministry_ids) = (SELECT k.codes, k.ministries FROM (${partyKeys(facts)}) k)
    WHERE id = ${id}::int`;
  await tx.$executeRaw`DELETE FROM agreement_parties WHERE agreement_id = ${id}::int`;
  await insertParties(tx, id, facts);
}
