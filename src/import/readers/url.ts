// Which addresses an article may have.

export const NOT_WEB_URL = "must be an http or https address";

/** An article's address: http or https only (not javascript:, data:, file: …). */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
