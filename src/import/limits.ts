// How large an article may be. Extraction time grows with the text, so one
// huge input could hold a worker (or the importer) for minutes; beyond the
// limit an input is refused before it is read: 413 from the API, a skip with
// the reason from the importer.

/** Characters of article text accepted by default (MAX_ARTICLE_CHARS). */
export const DEFAULT_MAX_ARTICLE_CHARS = 200_000;

/**
 * A page carries markup, scripts and styles around its text; HTML longer than
 * this many times the limit is refused without being parsed.
 */
export const HTML_PER_TEXT = 10;

/** Why a text of this length cannot be an article, or null when it can. */
export function textTooLong(text: string, maxChars: number): string | null {
  return text.length > maxChars
    ? `too long: ${text.length} characters of text, more than the limit of ${maxChars} (MAX_ARTICLE_CHARS)`
    : null;
}

/** Why a page of this length is not read, or null when it is. */
export function htmlTooLong(html: string, maxChars: number): string | null {
  const max = maxChars * HTML_PER_TEXT;
  return html.length > max
    ? `too long: ${html.length} characters of html, more than the limit of ${max} (${HTML_PER_TEXT} × MAX_ARTICLE_CHARS)`
    : null;
}

/** Why a record ({text | html}) is too large, or null. */
export function recordTooLong(record: unknown, maxChars: number): string | null {
  if (typeof record !== "object" || record === null) return null;
  const { text, html } = record as { text?: unknown; html?: unknown };
  if (typeof text === "string" && text.trim() !== "") return textTooLong(text, maxChars);
  if (typeof html === "string") return htmlTooLong(html, maxChars);
  return null;
}
