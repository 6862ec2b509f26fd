// The extraction worker pool: articles are read off the event loop, so that a
// long article never holds up the requests the server is answering meanwhile.
// The HTTP ingest and the importer hand their articles to one pool; its
// threads each load the gazetteer once and then take articles in turn.
//
//   const pool = new ExtractionPool({ maxChars: config.maxArticleChars });
//   const prepared = await pool.extract(raw, root);        // a reader's article
//   const prepared = await pool.extractRecord(body);       // {url, title, published_at, text | html}
//   await pool.close();
//
// Both reject with InputError (src/import/extract.ts) when the input cannot be
// an article: too long, no body, not Vietnamese, and so on.
import os from "node:os";
import { Piscina } from "piscina";
import { InputError } from "../import/extract.ts";
import { DEFAULT_MAX_ARTICLE_CHARS } from "../import/limits.ts";
import type { PreparedArticle } from "../import/store/index.ts";
import type { RawArticle } from "../import/types.ts";
import type { ExtractOutcome, ExtractTask } from "./pool-task.ts";

export interface ExtractionPoolOptions {
  /** Most threads at once; by default one per core but one, at least one and at most four. */
  threads?: number;
  /** Longest article text accepted from records (MAX_ARTICLE_CHARS). */
  maxChars?: number;
  /** An idle thread ends after this long; the next article starts one again. */
  idleTimeoutMs?: number;
  /**
   * How much lower the threads' priority is than the process's (default
   * NICE_INCREMENT, for a server whose event loop answers requests). A bulk
   * import gives 0: its threads are the work itself, and on a busy machine
   * lowered threads would get almost no time while everything waits on them.
   */
  niceIncrement?: number;
}

/** How much lower the threads' scheduling priority is than the event loop's (Linux and macOS). */
const NICE_INCREMENT = 10;

/** One thread per core, leaving one to the event loop and Postgres. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export class ExtractionPool {
  readonly threads: number;
  readonly maxChars: number;
  private readonly pool: Piscina<ExtractTask, ExtractOutcome>;

  constructor(options: ExtractionPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? defaultThreads());
    this.maxChars = options.maxChars ?? DEFAULT_MAX_ARTICLE_CHARS;
    this.pool = new Piscina<ExtractTask, ExtractOutcome>({
      filename: new URL("./pool-worker.mjs", import.meta.url).href,
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: options.idleTimeoutMs ?? 60_000,
      // Readers first: on a busy machine the event loop's thread wins the core over an extraction.
      niceIncrement: options.niceIncrement ?? NICE_INCREMENT,
    });
  }

  /** Extracts an article the readers produced (its size was checked when it was read). */
  extract(raw: RawArticle, root?: string): Promise<PreparedArticle> {
    return this.run({ kind: "raw", raw, root });
  }

  /** Reads and extracts one JSON record, refusing one longer than the limit. */
  extractRecord(record: unknown, source = "request"): Promise<PreparedArticle> {
    return this.run({ kind: "record", record, source, maxChars: this.maxChars });
  }

  /** Articles waiting for a thread. */
  get queued(): number {
    return this.pool.queueSize;
  }

  /** Lets running articles finish, then ends the threads. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  private async run(task: ExtractTask): Promise<PreparedArticle> {
    const out = await this.pool.run(task);
    if ("prepared" in out) return out.prepared;
    if ("inputError" in out) throw new InputError(out.inputError);
    throw new Error(`extraction failed: ${out.failure}`);
  }
}
