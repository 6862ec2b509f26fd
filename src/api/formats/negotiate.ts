// Which representation a list request asks for: ?format= wins, else the
// Accept header's most preferred of the types a list can answer with.
import type { FastifyRequest } from "fastify";
import { z } from "zod";

export const FORMATS = ["json", "csv", "ndjson"] as const;
export type Format = (typeof FORMATS)[number];

export const MEDIA_TYPES: Record<Format, string> = {
  json: "application/json",
  csv: "text/csv",
  ndjson: "application/x-ndjson",
};

export const FormatParam = z
  .enum(FORMATS, { error: `must be one of ${FORMATS.join(", ")}` })
  .optional()
  .describe(
    "json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); " +
      "the same as Accept: text/csv or application/x-ndjson.",
  );

/** The format asked for in ?format=, else by Accept (highest q, then the order given); json when neither names one. */
export function negotiate(request: FastifyRequest): Format {
  const asked = (request.query as { format?: Format } | undefined)?.format;
  if (asked) return asked;
  const accept = request.headers.accept;
  if (!accept) return "json";
  let best: { format: Format; q: number } | null = null;
  for (const part of accept.split(",")) {
    const [type = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const format = (Object.keys(MEDIA_TYPES) as Format[]).find((f) => MEDIA_TYPES[f] === type.trim());
    if (!format || !(q > 0)) continue;
    if (!best || q > best.q) best = { format, q };
  }
  return best?.format ?? "json";
}
