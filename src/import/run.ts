// The importer's pipeline, stage by stage: read (files, folders, stdin,
// records) → extract (./extract.ts, in the worker pool when given one) →
// store (./store/: batches of articles in path order, one transaction each).
// A bad input is reported with its reason and skipped; the others go on.
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { SingleBar } from "cli-progress";
import type { Logger } from "pino";
import { poolOf } from "../db/client.ts";
import type { PrismaClient } from "../db/generated/client.ts";
import { ExtractionPool } from "../extraction/pool.ts";
import { extractArticle, extractRecord, gazetteer, InputError } from "./extract.ts";
import { isSkipped, readInputs } from "./readers.ts";
import { ArticleStore, countFacts, foldRollups, identify, type PreparedArticle } from "./store/index.ts";
import type { FactCounts, RawArticle, SkippedInput, StoreResult } from "./types.ts";

export { extractArticle, InputError, publishedHint } from "./extract.ts";
export type { StoreResult } from "./types.ts";

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: { file: string; reason: string }[];
  /** Facts extracted from the articles imported or updated. */
  facts: FactCounts;
  seconds: number;
  articlesPerSecond: number;
}

export interface ImportOptions {
  log?: Logger;
  /** Shows a progress bar on stderr when it is a terminal. */
  progress?: boolean;
  stdin?: NodeJS.ReadableStream;
  /** Longest article text accepted (MAX_ARTICLE_CHARS); longer inputs are skipped. */
  maxChars?: number;
  /** Extracts off the event loop when given; else in this thread. */
  pool?: ExtractionPool;
  /** Without a pool: extract in this many threads of a pool of the import's own, at the process's priority (0: in this thread). */
  threads?: number;
}

/** The folder an input's paths are taken relative to (its own folder for a file). */
async function rootOf(p: string): Promise<string | undefined> {
  if (p === "-") return undefined;
  try {
    return (await stat(p)).isDirectory() ? p : dirname(p);
  } catch {
    return undefined;
  }
}

/** Prisma's messages open with the call site; the database's reason is the last line. */
function lastLine(err: unknown): string {
  const lines = String((err as Error)?.message ?? err).split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? "unknown error";
}

const zeroFacts = (): FactCounts => ({ officials: 0, events: 0, agreements: 0, countries: 0, ministries: 0 });

/** Articles per store transaction: few enough that a batch stays short, many enough to save round trips. */
export const BATCH = 192;

interface Input {
  raw: RawArticle;
  root: string | undefined;
}

/** Inputs in order, in chunks of BATCH, skipping (and reporting) what cannot be read. */
async function* chunks(paths: string[], options: ImportOptions, skip: (s: SkippedInput) => void): AsyncGenerator<Input[]> {
  let chunk: Input[] = [];
  for (const p of paths) {
    const root = await rootOf(p);
    for await (const r of readInputs([p], { stdin: options.stdin, maxChars: options.maxChars })) {
      if (isSkipped(r)) skip(r);
      else chunk.push({ raw: r, root });
      if (chunk.length === BATCH) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length) yield chunk;
}

/** Imports every article below the given files and folders ("-" is stdin). */
export async function importPaths(prisma: PrismaClient, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const { log } = options;
  const started = performance.now();
  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, skipped: [], facts: zeroFacts(), seconds: 0, articlesPerSecond: 0 };
  const skip = (s: SkippedInput) => {
    summary.skipped.push({ file: s.source, reason: s.reason });
    log?.warn({ file: s.source, reason: s.reason }, "skipped");
  };
  const ownPool = !options.pool && (options.threads ?? 0) > 0 ? new ExtractionPool({ threads: options.threads, maxChars: options.maxChars, niceIncrement: 0 }) : null;
  const pool = options.pool ?? ownPool;
  const store = new ArticleStore(prisma, gazetteer());
  const bar = options.progress && process.stderr.isTTY
    ? new SingleBar({ format: "importing [{bar}] {value}/{total} articles | {file}", stream: process.stderr, hideCursor: true })
    : null;
  bar?.start(0, 0, { file: "" });
  let seen = 0;

  /** A chunk's articles that need storing, extracted (in the pool's threads when there is one). */
  const prepare = async (chunk: Input[]): Promise<{ input: Input; prepared: PreparedArticle | null }[]> => {
    seen += chunk.length;
    bar?.setTotal(seen);
    const ids = chunk.map((c) => identify(c.raw, c.root));
    let unchanged: Map<string, number>;
    try {
      unchanged = await store.unchangedMany(ids);
    } catch {
      // Found out again inside the store's transaction.
      unchanged = new Map();
    }
    const one = async (input: Input, i: number): Promise<{ input: Input; prepared: PreparedArticle | null }> => {
      if (unchanged.has(ids[i]!.sourceKey)) {
        summary.unchanged++;
        bar?.increment();
        return { input, prepared: null };
      }
      try {
        if (pool) return { input, prepared: await pool.extract(input.raw, input.root) };
        // A turn of the event loop first: the store's answers from Postgres are taken between two articles.
        await nextTurn();
        return { input, prepared: extractArticle(input.raw, input.root) };
      } catch (err) {
        skip({ source: input.raw.source, reason: err instanceof InputError ? err.reason : `could not be read: ${(err as Error).message}` });
        bar?.increment();
        return { input, prepared: null };
      }
    };
    if (pool) return Promise.all(chunk.map(one));
    const out = [];
    for (const [i, input] of chunk.entries()) out.push(await one(input, i));
    return out;
  };

  const storeChunk = async (items: { input: Input; prepared: PreparedArticle | null }[]) => {
    const batch = items.flatMap((i) => (i.prepared ? [i.prepared] : []));
    let outcomes: Awaited<ReturnType<ArticleStore["storeBatch"]>>;
    try {
      outcomes = await store.storeBatch(batch);
    } catch {
      // The batch's transaction itself failed: each article on its own then.
      outcomes = [];
      for (const p of batch) outcomes.push(...(await store.storeBatch([p])));
    }
    batch.forEach((p, i) => {
      const out = outcomes[i]!;
      if ("error" in out) {
        // The article's savepoint (or transaction) rolled back; nothing of it is stored.
        skip({ source: p.raw.source, reason: `could not be stored: ${lastLine(out.error)}` });
      } else {
        summary[out.status]++;
        if (out.status !== "unchanged") for (const k of Object.keys(out.facts) as (keyof FactCounts)[]) summary.facts[k] += out.facts[k];
        log?.debug({ file: p.raw.source, status: out.status, articleId: out.articleId }, "article");
      }
      bar?.increment(1, { file: p.raw.source.slice(-40) });
    });
  };

  try {
    // The next chunk is extracted while the one before it is stored.
    let previous: ReturnType<typeof prepare> | null = null;
    for await (const chunk of chunks(paths, options, skip)) {
      const next = prepare(chunk);
      if (previous) await storeChunk(await previous);
      previous = next;
    }
    if (previous) await storeChunk(await previous);
    // The stats count what is not folded yet too; folding it now leaves them the least to add.
    await foldRollups(poolOf(prisma)).catch((error: unknown) => log?.warn({ error: lastLine(error) }, "rollup changes left to fold"));
  } finally {
    bar?.stop();
    await ownPool?.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  const handled = summary.imported + summary.updated + summary.unchanged;
  summary.articlesPerSecond = summary.seconds > 0 ? handled / summary.seconds : 0;
  return summary;
}

/** What the given inputs would give, without writing anything (`--dry-run`). */
export async function* extractPaths(paths: string[], options: { stdin?: NodeJS.ReadableStream; maxChars?: number } = {}): AsyncGenerator<PreparedArticle | SkippedInput> {
  for (const p of paths) {
    const root = await rootOf(p);
    for await (const r of readInputs([p], options)) {
      if (isSkipped(r)) {
        yield r;
        continue;
      }
      try {
        yield extractArticle(r, root);
      } catch (err) {
        yield { source: r.source, reason: err instanceof InputError ? err.reason : `could not be read: ${(err as Error).message}` };
      }
    }
  }
}

/** Imports one record ({url, title, published_at, text | html}); throws InputError when it is unusable. */
export async function importRecord(
  prisma: PrismaClient,
  record: unknown,
  options: { log?: Logger; source?: string; maxChars?: number; pool?: ExtractionPool } = {},
): Promise<StoreResult> {
  const { pool, source = "request" } = options;
  const prepared = pool ? await pool.extractRecord(record, source) : extractRecord(record, { source, maxChars: options.maxChars });
  const out = await new ArticleStore(prisma, gazetteer()).store(prepared);
  options.log?.info({ articleId: out.articleId, status: out.status }, "article ingested");
  return { status: out.status, articleId: out.articleId, sourceKey: prepared.sourceKey, facts: countFacts(prepared.extraction), extraction: prepared.extraction };
}
