import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";

export type { PrismaClient };

/** Each client's node-postgres pool, shared with the writers that speak to it directly (the import's store). */
const pools = new WeakMap<PrismaClient, pg.Pool>();

/** A Prisma client over node-postgres (Prisma 7's driver adapter; no query engine binary). */
export function createPrisma(url: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // An idle connection the server closed (a restart, a dropped database) leaves the pool; the next query opens another.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/**
 * The pool under a client made by createPrisma: statements sent on it skip
 * Prisma's per-statement work (a third of a millisecond or more each), which
 * the import's store, sending thousands, cannot afford.
 */
export function poolOf(prisma: PrismaClient): pg.Pool {
  let pool = pools.get(prisma);
  if (!pool) throw new Error("this Prisma client was not made by createPrisma: its pool is unknown");
  // $disconnect ends the pool; Prisma connects again with a new one when used again, and so does this.
  if (pool.ending || pool.ended) {
    pool = new pg.Pool(pool.options);
    pools.set(prisma, pool);
  }
  return pool;
}
