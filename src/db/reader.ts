// The API's reads: plain node-postgres pools on DATABASE_READ_URL (one or
// several hot standbys, taken in turn) or, without it, on DATABASE_URL.
// Writes (imports, POST /v1/articles) keep using Prisma on DATABASE_URL; a
// read that must see a write just made (the ingest's answer) uses the
// writer's connection instead (primaryReader).
import { createHash } from "node:crypto";
import pg from "pg";
import { isSamePlan, type Sql } from "../api/query/sql.ts";
import type { Config } from "../config/env.ts";
import type { PrismaClient } from "./client.ts";

export interface Reader {
  /** Runs one query (a Prisma.sql fragment: its text and bound values) and returns its rows. */
  query<T>(q: Sql): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The name a query's text is prepared under on each connection, or undefined.
 * A named statement is parsed and analysed once per connection; on the
 * connections that keep plans (samePlan queries) Postgres may also reuse one
 * generic plan instead of planning every request. The values stay parameters,
 * so a route has few texts; a text is named from its second use on, and at
 * most MAX_NAMED texts are, so that rare shapes (a select= of some fields)
 * do not fill every connection with statements kept for good.
 */
function statementName(text: string): string | undefined {
  const seen = named.get(text);
  if (typeof seen === "string") return seen;
  if (seen === undefined) {
    if (named.size < MAX_TEXTS) named.set(text, 1);
    return undefined;
  }
  if (namedCount >= MAX_NAMED) return undefined;
  const name = `q${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
  named.set(text, name);
  namedCount++;
  return name;
}
/** Each text seen: its statement's name, or 1 when seen once. */
const named = new Map<string, string | 1>();
let namedCount = 0;
const MAX_NAMED = 300;
const MAX_TEXTS = 5_000;

/**
 * Settings of every read connection. No parallel workers: the API's
 * statements are short and many run at once, so workers only add their
 * start-up to a statement (a search's Gather over a branch it never ran took
 * 55 ms at 1 M events on a busy machine) and take cores from the others.
 */
export const READ_SESSION = "-c max_parallel_workers_per_gather=0";

/** Connections per pool: enough for a busy instance, few enough for a replica serving several. */
const POOL_SIZE = 10;

export function poolReader(urls: string[], options: { poolSize?: number; onError?: (err: Error) => void } = {}): Reader {
  if (!urls.length) throw new Error("poolReader needs at least one database URL");
  const open = (connectionString: string, max: number, planCacheMode: string) => {
    const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 10_000, options: `${READ_SESSION} -c plan_cache_mode=${planCacheMode}` });
    // An idle client that loses its server is dropped by the pool; say so instead of crashing.
    pool.on("error", (err) => options.onError?.(err));
    return pool;
  };
  const size = options.poolSize ?? POOL_SIZE;
  // Lists are planned for their values every time (a generic plan can walk the wrong index
  // for a rare country or an old year); statements whose plan never depends on them (samePlan)
  // go to connections that plan each statement once, at its first run there, whatever its values.
  const pools = urls.map((url) => ({
    planned: open(url, size, "force_custom_plan"),
    kept: open(url, Math.max(1, Math.ceil(size / 2)), "force_generic_plan"),
  }));
  let next = 0;
  return {
    async query<T>(q: Sql) {
      const pair = pools[next++ % pools.length]!;
      const pool = isSamePlan(q) ? pair.kept : pair.planned;
      return (await pool.query({ name: statementName(q.text), text: q.text, values: q.values as unknown[] })).rows as T[];
    },
    async close() {
      await Promise.all(pools.flatMap((p) => [p.planned.end(), p.kept.end()]));
    },
  };
}

/** The API's reader for this configuration: DATABASE_READ_URL's standbys, else `primaryUrl`. */
export function readerFor(config: Pick<Config, "databaseReadUrls">, primaryUrl: string, onError?: (err: Error) => void): Reader {
  return poolReader(config.databaseReadUrls.length ? config.databaseReadUrls : [primaryUrl], { onError });
}

/** Reads through the writer's Prisma client (tests, and reads that must see the writer's last commit). */
export function primaryReader(prisma: PrismaClient): Reader {
  return {
    query: <T>(q: Sql) => prisma.$queryRaw<T[]>(q),
    close: async () => {},
  };
}
