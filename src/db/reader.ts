// The API's reads: plain node-postgres pools on DATABASE_READ_URL (one or
// several hot standbys, taken in turn) or, without it, on DATABASE_URL.
// Writes (imports, POST /v1/articles) keep using Prisma on DATABASE_URL; a
// read that must see a write just made (the ingest's answer) uses the
// writer's connection instead (primaryReader).
import pg from "pg";
import type { Sql } from "../api/query/sql.ts";
import type { Config } from "../config/env.ts";
import type { PrismaClient } from "./client.ts";

export interface Reader {
  /** Runs one query (a Prisma.sql fragment: its text and bound values) and returns its rows. */
  query<T>(q: Sql): Promise<T[]>;
  close(): Promise<void>;
}

/** Connections per pool: enough for a busy instance, few enough for a replica serving several. */
const POOL_SIZE = 10;

export function poolReader(urls: string[], options: { poolSize?: number; onError?: (err: Error) => void } = {}): Reader {
  if (!urls.length) throw new Error("poolReader needs at least one database URL");
  const pools = urls.map((connectionString) => {
    const pool = new pg.Pool({ connectionString, max: options.poolSize ?? POOL_SIZE, connectionTimeoutMillis: 10_000 });
    // An idle client that loses its server is dropped by the pool; say so instead of crashing.
    pool.on("error", (err) => options.onError?.(err));
    return pool;
  });
  let next = 0;
  return {
    async query<T>(q: Sql) {
      const pool = pools[next++ % pools.length]!;
      return (await pool.query(q.text, q.values as unknown[])).rows as T[];
    },
    async close() {
      await Promise.all(pools.map((p) => p.end()));
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
