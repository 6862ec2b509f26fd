// What the store is handed (an article with its extraction) and how an article
// is known across re-imports.
import { hash } from "node:crypto";
import { basename, relative, sep } from "node:path";
import type { ArticleExtraction } from "../../extraction/assemble.ts";
import { normalizeText } from "../../extraction/text.ts";
import type { FactCounts, RawArticle } from "../types.ts";
import { extractorVersion } from "../version.ts";

export interface PreparedArticle {
  raw: RawArticle;
  sourceKey: string;
  contentHash: string;
  extraction: ArticleExtraction;
}

export interface ArticleIdentity {
  /** The article's identity across re-imports: its URL, else where it was read from. */
  sourceKey: string;
  /**
   * Same hash, same content read by the same extractor: nothing to do. Any
   * Unicode form or tone-mark style hashes alike.
   */
  contentHash: string;
}

// One-shot: no Hash object made and finished per article.
const sha256 = (s: string) => hash("sha256", s, "hex");

/**
 * The article's identity: its URL, else its path below the folder it was
 * imported from (its base name when imported as a file), else its text.
 */
export function identify(raw: RawArticle, root?: string, text = normalizeText(raw.text)): ArticleIdentity {
  let sourceKey: string;
  if (raw.url) sourceKey = raw.url;
  else if (raw.file) sourceKey = (root ? relative(root, raw.source) : basename(raw.source)).split(sep).join("/");
  else sourceKey = `sha256:${sha256(text)}`;
  // The text after a line of the rest (JSON has no line break of its own): not escaped into the JSON.
  const contentHash = sha256(`${JSON.stringify([extractorVersion(), sourceKey, raw.url, raw.title, raw.publishedAt])}\n${text}`);
  return { sourceKey, contentHash };
}

/** The article with its extraction and identity; `text`, its normalised text when already at hand. */
export function prepareArticle(raw: RawArticle, extraction: ArticleExtraction, root?: string, text?: string): PreparedArticle {
  return { raw, ...identify(raw, root, text), extraction };
}

export function countFacts(x: ArticleExtraction): FactCounts {
  return { officials: x.officials.length, events: x.events.length, agreements: x.agreements.length, countries: x.countries.length, ministries: x.ministries.length };
}
