// Article rows: a batch's new articles written in one statement, in the order
// given, so that their ids follow it as they would one at a time.
import { formatDate } from "../../dates/value.ts";
import type { PreparedArticle } from "./identity.ts";
import { datePrecision, type Tx } from "./rows.ts";

/** The article's own columns, as its row holds them. */
export function articleRow(p: PreparedArticle) {
  const x = p.extraction;
  return {
    file: p.raw.file,
    url: p.raw.url,
    outlet: x.outlet,
    title: x.title,
    publishedAt: formatDate(x.publishedAt),
    publishedPrecision: datePrecision(x.publishedAt),
    siteClock: formatDate(x.siteClock),
    text: x.text,
    contentHash: p.contentHash,
  };
}

/** Inserts the articles (none stored yet, each source key once) and gives their ids by source key. */
export async function insertArticles(tx: Tx, list: PreparedArticle[]): Promise<Map<string, number>> {
  if (!list.length) return new Map();
  const rows = list.map((p) => ({ sourceKey: p.sourceKey, ...articleRow(p) }));
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  const created = await tx.$queryRaw<{ id: number; sourceKey: string }[]>`
    INSERT INTO articles (source_key, file, url, outlet, title, published_at, published_precision, site_clock, text, content_hash, updated_at)
    SELECT source_key, file, url, outlet, title, published_at, published_precision::date_precision, site_clock, text, content_hash, CURRENT_TIMESTAMP
    FROM unnest(${col("sourceKey")}::text[], ${col("file")}::text[], ${col("url")}::text[], ${col("outlet")}::text[], ${col("title")}::text[],
                ${col("publishedAt")}::text[], ${col("publishedPrecision")}::text[], ${col("siteClock")}::text[], ${col("text")}::text[], ${col("contentHash")}::text[])
         WITH ORDINALITY AS x(source_key, file, url, outlet, title, published_at, published_precision, site_clock, text, content_hash, n)
    ORDER BY n
    RETURNING id, source_key AS "sourceKey"`;
  return new Map(created.map((r) => [r.sourceKey, r.id]));
}

/** A changed article's row takes its new content. */
export async function updateArticle(tx: Tx, id: number, p: PreparedArticle): Promise<void> {
  const r = articleRow(p);
  await tx.$executeRaw`
    UPDATE articles SET file = ${r.file}, url = ${r.url}, outlet = ${r.outlet}, title = ${r.title}, published_at = ${r.publishedAt},
      published_precision = ${r.publishedPrecision}::date_precision, site_clock = ${r.siteClock}, text = ${r.text}, content_hash = ${r.contentHash},
      updated_at = CURRENT_TIMESTAMP
    WHERE id = ${id}`;
}
