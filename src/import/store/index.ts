// Store stage: writes articles' extractions into the knowledge base — the
// article, its reference rows (countries, ministries, units), officials
// resolved across articles, events and agreements merged with other reports
// of the same activity, and the evidence linking each fact to its sentence.
//
// Articles are written in batches, in the order given: one transaction per
// batch, one savepoint per article, so an article that cannot be stored
// fails alone and the batch goes on. Writers take one advisory lock per
// transaction, so concurrent imports (the CLI and the HTTP ingest) resolve
// against each other safely; within a process one writer stores what the
// extraction threads read.
import type { PrismaClient } from "../../db/generated/client.ts";
import type { Gazetteer } from "../../extraction/gazetteer.ts";
import type { FactCounts, ImportStatus } from "../types.ts";
import { removeArticleFacts, writeFacts } from "./article.ts";
import { countFacts, type ArticleIdentity, type PreparedArticle } from "./identity.ts";
import { ReferenceRows } from "./reference.ts";
import { datePrecision, type Tx } from "./rows.ts";

export { countFacts, identify, prepareArticle, type ArticleIdentity, type PreparedArticle } from "./identity.ts";

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
    const rows = await this.prisma.article.findMany({ where: { sourceKey: { in: ids.map((i) => i.sourceKey) } }, select: { id: true, sourceKey: true, contentHash: true } });
    const hash = new Map(ids.map((i) => [i.sourceKey, i.contentHash]));
    return new Map(rows.filter((r) => hash.get(r.sourceKey) === r.contentHash).map((r) => [r.sourceKey, r.id]));
  }

  /** Stores one article in its own transaction; throws when it cannot be stored. */
  async store(p: PreparedArticle): Promise<StoreOutcome> {
    const [out] = await this.storeBatch([p]);
    if (out && "error" in out) throw out.error;
    return out!;
  }

  /** Stores the articles in order, in one transaction; each gives its outcome or why it failed. */
  async storeBatch(batch: PreparedArticle[]): Promise<(StoreOutcome | StoreFailure)[]> {
    if (!batch.length) return [];
    try {
      const out = await this.prisma.$transaction(
        async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
          await this.ref.ensureCountries(tx);
          const existing = new Map(
            (await tx.article.findMany({ where: { sourceKey: { in: batch.map((p) => p.sourceKey) } }, select: { id: true, sourceKey: true, contentHash: true } }))
              .map((r) => [r.sourceKey, r]),
          );
          const results: (StoreOutcome | StoreFailure)[] = [];
          for (const p of batch) {
            const alone = batch.length === 1;
            if (!alone) await tx.$executeRawUnsafe("SAVEPOINT article");
            try {
              const r = await this.storeOne(tx, p, existing.get(p.sourceKey) ?? null);
              if (r.status !== "unchanged") existing.set(p.sourceKey, { id: r.articleId, sourceKey: p.sourceKey, contentHash: p.contentHash });
              if (!alone) await tx.$executeRawUnsafe("RELEASE SAVEPOINT article");
              results.push(r);
            } catch (error) {
              if (alone) throw error;
              // Everything of this article goes; the ids it made are forgotten with it.
              await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT article");
              this.ref.forget();
              results.push({ error });
            }
          }
          return results;
        },
        { timeout: 120_000, maxWait: 120_000 },
      );
      this.ref.commit();
      return out;
    } catch (error) {
      this.ref.forget();
      if (batch.length === 1) return [{ error }];
      throw error;
    }
  }

  private async storeOne(tx: Tx, p: PreparedArticle, existing: { id: number; contentHash: string } | null): Promise<StoreOutcome> {
    const facts = countFacts(p.extraction);
    if (existing?.contentHash === p.contentHash) return { status: "unchanged", articleId: existing.id, facts };
    const x = p.extraction;
    const row = {
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
    if (existing) {
      await removeArticleFacts(tx, existing.id, this.g);
      await tx.article.update({ where: { id: existing.id }, data: row, select: { id: true } });
      await writeFacts(tx, this.g, this.ref, existing.id, x, false);
      return { status: "updated", articleId: existing.id, facts };
    }
    const articleId = (await tx.article.create({ data: { sourceKey: p.sourceKey, ...row }, select: { id: true } })).id;
    await writeFacts(tx, this.g, this.ref, articleId, x, true);
    return { status: "imported", articleId, facts };
  }
}
