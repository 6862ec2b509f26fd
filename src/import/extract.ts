// Extract stage: a raw article (or a JSON record) to what it says, ready to
// store. Pure computation, no database: it runs in the importer's process or
// in the extraction worker pool (src/extraction/pool.ts).
import { ArticleReader } from "../extraction/assemble.ts";
import { parseDate, type PartialDate } from "../dates/value.ts";
import { readDates } from "../extraction/dates.ts";
import { loadGazetteer, type Gazetteer } from "../extraction/gazetteer.ts";
import { normalizeText } from "../extraction/text.ts";
import { DEFAULT_MAX_ARTICLE_CHARS } from "./limits.ts";
import { isSkipped, recordToArticle } from "./readers.ts";
import { prepareArticle, type PreparedArticle } from "./store/index.ts";
import type { RawArticle } from "./types.ts";

/** An input that cannot become an article, with the reason (HTTP 422, or a skip). */
export class InputError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "InputError";
  }
}

let loaded: Gazetteer | null = null;
let articleReader: ArticleReader | null = null;

/** The gazetteer, loaded once per thread. */
export function gazetteer(): Gazetteer {
  return (loaded ??= loadGazetteer());
}

function reader(): ArticleReader {
  return (articleReader ??= new ArticleReader(gazetteer()));
}

const VIETNAM_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/**
 * A record's or page's publication date: ISO dates as they are, timestamps
 * as the day they fall on in Việt Nam, Vietnamese forms ("04/06/2024") read
 * by the date reader; anything else is no date.
 */
export function publishedHint(s: string | null): PartialDate | null {
  const v = s?.trim();
  if (!v) return null;
  if (/^\d{4}(-\d{2}){0,2}$/.test(v)) return parseDate(v);
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) {
    // Without a zone the time is Việt Nam's own.
    const at = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v.replace(" ", "T")}+07:00`);
    return parseDate(Number.isNaN(at.getTime()) ? v.slice(0, 10) : VIETNAM_DAY.format(at));
  }
  const read = readDates(v)[0];
  return read?.start.y !== undefined ? read.start : null;
}

/** What the article says, ready to store; throws InputError when it has no body. */
export function extractArticle(raw: RawArticle, root?: string): PreparedArticle {
  const text = normalizeText(raw.text);
  const x = reader().read(text, { title: raw.title, publishedAt: publishedHint(raw.publishedAt) });
  if (!x.text.trim()) throw new InputError("no article body found");
  return prepareArticle(raw, x, root, text);
}

export interface RecordOptions {
  /** Where the record came from, for messages ("request" by default). */
  source?: string;
  /** Longest article text accepted (MAX_ARTICLE_CHARS). */
  maxChars?: number;
}

/** A record ({url, title, published_at, text | html}) read and extracted; throws InputError when unusable. */
export function extractRecord(record: unknown, options: RecordOptions = {}): PreparedArticle {
  const raw = recordToArticle(record, options.source ?? "request", null, "json", options.maxChars ?? DEFAULT_MAX_ARTICLE_CHARS);
  if (isSkipped(raw)) throw new InputError(raw.reason);
  return extractArticle(raw);
}
