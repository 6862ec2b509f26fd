// The importer's pipeline, stage by stage: read (files, folders, stdin,
// records) → extract (./extract.ts, in the worker pool when given one) →
// store (one transaction per article).
// A bad input is reported with its reason and skipped; the others go on.
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { SingleBar } from "cli-progress";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/generated/client.ts";
import type { ExtractionPool } from "../extraction/pool.ts";
import { extractArticle, extractRecord, gazetteer, InputError } from "./extract.ts";
import { isSkipped, readInputs } from "./readers.ts";
import { ArticleStore, countFacts, identify, type PreparedArticle } from "./store.ts";
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

/** Imports every article below the given files and folders ("-" is stdin). */
export async function importPaths(prisma: PrismaClient, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const { log } = options;
  const started = performance.now();
  const summary: ImportSummary = { imported: 0, updated: 0, unchanged: 0, skipped: [], facts: zeroFacts(), seconds: 0, articlesPerSecond: 0 };
  const skip = (s: SkippedInput) => {
    summary.skipped.push({ file: s.source, reason: s.reason });
    log?.warn({ file: s.source, reason: s.reason }, "skipped");
  };

  const inputs: { raw: RawArticle; root: string | undefined }[] = [];
  for (const p of paths) {
    const root = await rootOf(p);
    for await (const r of readInputs([p], { stdin: options.stdin, maxChars: options.maxChars })) {
      if (isSkipped(r)) skip(r);
      else inputs.push({ raw: r, root });
    }
  }

  const store = new ArticleStore(prisma, gazetteer());
  const bar = options.progress && process.stderr.isTTY
    ? new SingleBar({ format: "importing [{bar}] {value}/{total} articles | {file}", stream: process.stderr, hideCursor: true })
    : null;
  bar?.start(inputs.length, 0, { file: "" });
  for (const { raw, root } of inputs) {
    bar?.increment(0, { file: raw.source.slice(-40) });
    if ((await store.unchanged(identify(raw, root))) !== null) {
      summary.unchanged++;
      bar?.increment();
      continue;
    }
    let prepared: PreparedArticle;
    try {
      prepared = options.pool ? await options.pool.extract(raw, root) : extractArticle(raw, root);
    } catch (err) {
      skip({ source: raw.source, reason: err instanceof InputError ? err.reason : `could not be read: ${(err as Error).message}` });
      bar?.increment();
      continue;
    }
    try {
      const out = await store.store(prepared);
      summary[out.status]++;
      if (out.status !== "unchanged") for (const k of Object.keys(out.facts) as (keyof FactCounts)[]) summary.facts[k] += out.facts[k];
      log?.debug({ file: raw.source, status: out.status, articleId: out.articleId }, "article");
    } catch (err) {
      // The article's transaction rolled back; nothing of it is stored.
      skip({ source: raw.source, reason: `could not be stored: ${lastLine(err)}` });
    }
    bar?.increment();
  }
  bar?.stop();
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
