// Store stage: writes articles' extractions into the knowledge base — the
// article, its reference rows (countries, ministries, units), officials
// resolved across articles, events and agreements merged with other reports
// of the same activity, and the evidence linking each fact to its sentence.
//
// Articles are written in batches, in the order given, one transaction per
// batch; an article that cannot be stored fails alone (the batch is redone
// without it) and the others go on. Writers take one advisory lock per
// transaction, so concurrent imports (the CLI and the HTTP ingest) resolve
// against each other safely; within a process one writer stores what the
// extraction threads read.
import { poolOf, type PrismaClient } from "../../db/client.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import type { FactCounts, ImportStatus } from "../types.ts";
import { removeArticleFacts, resolveOfficials, writeFacts, writeReports, type ResolvedArticle } from "./article.ts";
import { countFacts, type ArticleIdentity, type PreparedArticle } from "./identity.ts";
import { ReferenceRows } from "./reference.ts";
import { insertArticles, updateArticle } from "./articles.ts";
import { NameCandidates, OfficialKeys } from "./officials.ts";
import { OpenEvents } from "./open-events.ts";
import { OpenMentions } from "./open-mentions.ts";
import { foldRollupsSoon } from "./rollup-fold.ts";
import { transaction, type Tx } from "./tx.ts";

export { countFacts, identify, prepareArticle, type ArticleIdentity, type PreparedArticle } from "./identity.ts";
export { foldRollups } from "./rollup-fold.ts";

/** Any number, the same in every hoptac process: the writers' advisory lock. */
const WRITE_LOCK = 4_860_211;

export interface StoreOutcome {
  status: ImportStatus;
  articleId: number;
  facts: FactCounts;
}

/** An article of a batch that could not be stored, with the database's reason. */
export interface StoreFailure {
  error: unknown;
}

export class ArticleStore {
  private readonly ref: ReferenceRows;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly g: Gazetteer,
  ) {
    this.ref = new ReferenceRows(g);
  }

  /** The stored article with this identity and content, if any: re-reading it can be skipped. */
  async unchanged(id: ArticleIdentity): Promise<number | null> {
    return (await this.unchangedMany([id])).get(id.sourceKey) ?? null;
  }

  /** Of these identities, the ones stored with the same content, by source key → article id. */
  async unchangedMany(ids: ArticleIdentity[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const { rows } = await poolOf(this.prisma).query<{ id: number; sourceKey: string; contentHash: string }>(
      `SELECT id, source_key AS "sourceKey", content_hash AS "contentHash" FROM articles WHERE source_key = ANY($1::text[])`, [ids.map((i) => i.sourceKey)]);
    const hash = new Map(ids.map((i) => [i.sourceKey, i.contentHash]));
    return new Map(rows.filter((r) => hash.get(r.sourceKey) === r.contentHash).map((r) => [r.sourceKey, r.id]));
  }

  /** Stores one article in its own transaction; throws when it cannot be stored. */
  async store(p: PreparedArticle): Promise<StoreOutcome> {
    const [out] = await this.storeBatch([p]);
    if (out && "error" in out) throw out.error;
    return out!;
  }

  /**
   * Stores the articles in order, in one transaction; each gives its outcome
   * or why it failed. When one fails, the transaction is rolled back and
   * redone without it: the articles before it, then it alone (so that its own
   * reason is reported), then the rest.
   */
  async storeBatch(batch: PreparedArticle[]): Promise<(StoreOutcome | StoreFailure)[]> {
    if (!batch.length) return [];
    let at = 0;
    try {
      const out = await transaction(poolOf(this.prisma), async (tx) => {
        // The store writes the events' and agreements' filter keys itself (events.ts, agreements.ts): their triggers stand aside.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WRITE_LOCK}), set_config('hoptac.event_keys_written', 'on', true),
          set_config('hoptac.agreement_keys_written', 'on', true)`;
        // Agreements may name an event of the batch before its row is written (open-events.ts): checked at commit.
        await tx.$executeRaw`SET CONSTRAINTS agreements_event_id_fkey DEFERRED`;
        await this.ref.ensureCountries(tx);
        const existing = new Map(
          (await tx.$queryRaw<{ id: number; sourceKey: string; contentHash: string }[]>`
            SELECT id, source_key AS "sourceKey", content_hash AS "contentHash" FROM articles WHERE source_key = ANY(${batch.map((p) => p.sourceKey)}::text[])`)
            .map((r) => [r.sourceKey, r]),
        );
        // The batch's new articles first, in one statement (a source key twice: its second comes as an update),
        // and the officials its articles name by key; then each article's facts in order.
        const keys = new Set<string>();
        const ids = await insertArticles(tx, batch.filter((p) => !existing.has(p.sourceKey) && !keys.has(p.sourceKey) && keys.add(p.sourceKey)));
        const officials = new OfficialKeys();
        await officials.load(tx, batch.flatMap((p) => p.extraction.officials.map((o) => o.key)));
        const held = new OpenMentions();
        const events = new OpenEvents(this.g, held);
        const results: StoreOutcome[] = [];
        if (batch.every((p) => !existing.has(p.sourceKey)) && keys.size === batch.length) {
          // New articles only: every article's officials first, then their events' stored candidates at once, then their reports.
          const resolved: ResolvedArticle[] = [];
          const names = new NameCandidates();
          at = batch.length;
          await names.load(tx, batch.flatMap((p) => p.extraction.officials.filter((o) => !officials.get(o.key))), officials.known());
          for (at = 0; at < batch.length; at++) {
            const p = batch[at]!;
            resolved.push(await resolveOfficials(tx, this.ref, officials, held, ids.get(p.sourceKey)!, p.extraction, true, names));
          }
          // A failure reading the candidates is the batch's, like one writing its events: it is redone in halves.
          at = batch.length;
          await events.prefetch(tx, resolved);
          events.replayNames();
          for (at = 0; at < batch.length; at++) {
            const p = batch[at]!;
            events.namesGiven(resolved[at]!.renamed);
            await writeReports(tx, this.g, events, resolved[at]!, true);
            results.push({ status: "imported", articleId: resolved[at]!.articleId, facts: countFacts(p.extraction) });
          }
        }
        for (at = results.length; at < batch.length; at++) {
          const p = batch[at]!;
          const r = await this.storeOne(tx, p, existing.get(p.sourceKey) ?? null, ids.get(p.sourceKey), officials, held, events);
          if (r.status !== "unchanged") existing.set(p.sourceKey, { id: r.articleId, sourceKey: p.sourceKey, contentHash: p.contentHash });
          results.push(r);
        }
        // The batch's mentions and events, written at once (a failure here is the batch's: it is redone in halves).
        at = batch.length;
        await held.flush(tx);
        await events.flush(tx);
        return results;
      });
      this.ref.commit();
      foldRollupsSoon(poolOf(this.prisma));
      return out;
    } catch (error) {
      this.ref.forget();
      if (batch.length === 1) return [{ error }];
      // Failed writing the batch's events: which article's is not known; each half on its own.
      if (at === batch.length) {
        const half = Math.ceil(batch.length / 2);
        return [...(await this.storeBatch(batch.slice(0, half))), ...(await this.storeBatch(batch.slice(half)))];
      }
      // Else the article at `at` failed (or, before any article, the lock or the connection): it alone, and the others around it.
      const before = at > 0 ? await this.storeBatch(batch.slice(0, at)) : [];
      const [failed] = await this.storeBatch([batch[at]!]);
      const after = await this.storeBatch(batch.slice(at + 1));
      return [...before, failed!, ...after];
    }
  }

  private async storeOne(
    tx: Tx, p: PreparedArticle, existing: { id: number; contentHash: string } | null, freshId: number | undefined, officials: OfficialKeys,
    held: OpenMentions, events: OpenEvents,
  ): Promise<StoreOutcome> {
    const facts = countFacts(p.extraction);
    if (existing?.contentHash === p.contentHash) return { status: "unchanged", articleId: existing.id, facts };
    if (existing) {
      // Its facts go and come again: officials may go or change names, so the batch's known keys are read afresh.
      // Taking them out reads and rebuilds what is stored: the batch's mentions and events are written first.
      officials.forget();
      await held.flush(tx);
      await events.flush(tx);
      await removeArticleFacts(tx, existing.id, this.g);
      await updateArticle(tx, existing.id, p);
      await writeFacts(tx, this.g, this.ref, officials, held, events, existing.id, p.extraction, false);
      officials.forget();
      return { status: "updated", articleId: existing.id, facts };
    }
    await writeFacts(tx, this.g, this.ref, officials, held, events, freshId!, p.extraction, true);
    return { status: "imported", articleId: freshId!, facts };
  }
}
