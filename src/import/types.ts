// Shapes shared by the importer's stages: what the readers hand over, and what
// storing one article reports back.
import type { ArticleExtraction } from "../extraction/assemble.ts";

/** The importer's JSON record form (JSON / JSON Lines files, POST /v1/articles). */
export interface ArticleRecord {
  url?: string | null;
  title?: string | null;
  published_at?: string | null;
  text?: string | null;
  html?: string | null;
}

/** One article as a reader found it, before extraction. */
export interface RawArticle {
  /** Where it came from, for messages: a path, "path:line" or "stdin". */
  source: string;
  /** Base name of the file it was read from (several records may share it). */
  file: string | null;
  url: string | null;
  title: string | null;
  /** Publication date as the input states it (ISO or Vietnamese), if it does. */
  publishedAt: string | null;
  /** The page as plain text: paragraphs separated by blank lines. */
  text: string;
  format: "text" | "html" | "json" | "jsonl";
}

/** An input the readers could not use, with the reason. */
export interface SkippedInput {
  source: string;
  reason: string;
}

export type ImportStatus = "imported" | "updated" | "unchanged";

export interface FactCounts {
  officials: number;
  events: number;
  agreements: number;
  countries: number;
  ministries: number;
}

/** What storing one article did. */
export interface StoreResult {
  status: ImportStatus;
  articleId: number;
  sourceKey: string;
  facts: FactCounts;
  extraction: ArticleExtraction;
}
