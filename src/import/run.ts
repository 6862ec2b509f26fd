// The importer's pipeline, stage by stage: read (files, folders, stdin,
// records) → extract (src/extraction) → store (one transaction per article).
// A bad input is reported with its reason and skipped; the others go on.
import { stat } from "node:fs/promises";
import { dirname } from "node:path";
import { SingleBar } from "cli-progress";
import type { Logger } from "pino";
import type { PrismaClient } from "../db/generated/client.ts";
import { ArticleReader } from "../extraction/assemble.ts";
import { formatPartial, readDates } from "../extraction/dates.ts";
import { loadGazetteer, type Gazetteer } from "../extraction/gazetteer.ts";
import { isSkipped, readInputs, recordToArticle } from "./readers.ts";
import { ArticleStore, countFacts, identify, prepareArticle, type PreparedArticle } from "./store.ts";
import type { FactCounts, RawArticle, SkippedInput, StoreResult } from "./types.ts";

export type { StoreResult } from "./types.ts";

/** An input that cannot become an article, with the reason (HTTP 422). */
export class InputError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "InputError";
  }
}

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
}

let shared: { g: Gazetteer; reader: ArticleReader } | null = null;
function extraction() {
  shared ??= (() => {
    const g = loadGazetteer();
    return { g, reader: new ArticleReader(g) };
  })();
  return shared;
}

const VIETNAM_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * A record's or page's publication date as a partial ISO date: ISO dates as
 * they are, timestamps as the day they fall on in Việt Nam, Vietnamese forms
 * ("04/06/2024") read by the date reader; anything else is no date.
 */
export function publishedHint(s: string | null): string | null {
  const v = s?.trim();
  if (!v) return null;
  if (/^\d{4}(-\d{2}){0,2}$/.test(v)) return v;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) {
    // Without a zone the time is Việt Nam's own.
    const at = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v.replace(" ", "T")}+07:00`);
    return Number.isNaN(at.getTime()) ? v.slice(0, 10) : VIETNAM_DAY.format(at);
  }
  const read = readDates(v)[0];
  return read?.start.y !== undefined ? formatPartial(read.start) : null;
}

/** Extract stage: what the article says, ready to store. */
export function extractArticle(raw: RawArticle, root?: string): PreparedArticle {
  const { reader } = extraction();
  const x = reader.read(raw.text, { title: raw.title, publishedAt: publishedHint(raw.publishedAt) });
  if (!x.text.trim()) throw new InputError("no article body found");
  return prepareArticle(raw, x, root);
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
    for await (const r of readInputs([p], { stdin: options.stdin })) {
      if (isSkipped(r)) skip(r);
      else inputs.push({ raw: r, root });
    }
  }

  const store = new ArticleStore(prisma, extraction().g);
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
      prepared = extractArticle(raw, root);
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
export async function* extractPaths(paths: string[], options: { stdin?: NodeJS.ReadableStream } = {}): AsyncGenerator<PreparedArticle | SkippedInput> {
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
export async function importRecord(prisma: PrismaClient, record: unknown, options: { log?: Logger; source?: string } = {}): Promise<StoreResult> {
  const raw = recordToArticle(record, options.source ?? "request", null, "json");
  if (isSkipped(raw)) throw new InputError(raw.reason);
  const prepared = extractArticle(raw);
  const out = await new ArticleStore(prisma, extraction().g).store(prepared);
  options.log?.info({ articleId: out.articleId, status: out.status }, "article ingested");
  return { status: out.status, articleId: out.articleId, sourceKey: prepared.sourceKey, facts: countFacts(prepared.extraction), extraction: prepared.extraction };
}
