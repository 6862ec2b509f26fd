// JSON records ({url, title, published_at, text | html}) to articles.
import { z } from "zod";
import { DEFAULT_MAX_ARTICLE_CHARS, recordTooLong, textTooLong } from "../limits.ts";
import type { RawArticle, SkippedInput } from "../types.ts";
import { NO_HTML_TEXT, readHtml, withTitle, type HtmlPage } from "./html.ts";
import { normalize, textProblem } from "./text.ts";
import { isWebUrl, NOT_WEB_URL } from "./url.ts";

const NEITHER = "record has neither text nor html";
const field = z.string().nullish();
const filled = (s: string | null | undefined) => typeof s === "string" && s.trim() !== "";

/** The record form of JSON / JSON Lines files and of POST /v1/articles. */
export const articleRecordSchema = z
  .object({ url: field, title: field, published_at: field, text: field, html: field })
  .refine((r) => filled(r.text) || filled(r.html), { message: NEITHER });

export function recordToArticle(
  record: unknown,
  source: string,
  file: string | null,
  format: "json" | "jsonl",
  maxChars = DEFAULT_MAX_ARTICLE_CHARS,
): RawArticle | SkippedInput {
  const tooLong = recordTooLong(record, maxChars);
  if (tooLong) return { source, reason: tooLong };
  const parsed = articleRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path[0];
    if (issue?.code === "custom") return { source, reason: NEITHER };
    return { source, reason: name === undefined ? "record is not an object" : `record field "${String(name)}" must be a string` };
  }
  const r = parsed.data;
  if (filled(r.url) && !isWebUrl(r.url!)) return { source, reason: `record field "url" ${NOT_WEB_URL}` };
  // Text wins over html; the html still lends its meta tags to fields the record leaves out.
  let page: HtmlPage | null = null;
  try {
    if (filled(r.html)) page = readHtml(r.html!);
  } catch {
    return { source, reason: "html could not be parsed" };
  }
  const title = clean(r.title) ?? page?.title ?? null;
  const text = filled(r.text) ? normalize(r.text!) : withTitle(page!.text, title);
  const problem = textTooLong(text, maxChars) ?? textProblem(text, NO_HTML_TEXT);
  if (problem) return { source, reason: problem };
  return {
    source,
    file,
    url: clean(r.url) ?? page?.url ?? null,
    title,
    publishedAt: clean(r.published_at) ?? page?.publishedAt ?? null,
    text,
    format,
  };
}

/** A JSON file's content: one record or an array of them ("path[i]" for items). */
export function* jsonRecords(content: string, source: string, file: string | null, maxChars?: number): Generator<RawArticle | SkippedInput> {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    yield { source, reason: "not valid JSON" };
    return;
  }
  if (!Array.isArray(data)) {
    yield recordToArticle(data, source, file, "json", maxChars);
    return;
  }
  if (data.length === 0) yield { source, reason: "no records" };
  for (const [i, item] of data.entries()) yield recordToArticle(item, `${source}[${i}]`, file, "json", maxChars);
}

/** A JSON Lines file's content: one record per non-blank line ("path:N"). */
export function* jsonlRecords(content: string, source: string, file: string | null, maxChars?: number): Generator<RawArticle | SkippedInput> {
  for (const [i, line] of content.split("\n").entries()) {
    if (!line.trim()) continue;
    const at = `${source}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      yield { source: at, reason: `line ${i + 1}: not valid JSON` };
      continue;
    }
    const result = recordToArticle(record, at, file, "jsonl", maxChars);
    yield "reason" in result ? { source: at, reason: `line ${i + 1}: ${result.reason}` } : result;
  }
}

function clean(value: string | null | undefined): string | null {
  const text = value ? normalize(value).trim() : "";
  return text || null;
}
