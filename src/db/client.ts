import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";

export type { PrismaClient };

/** The URL each client was made for, and the pool of direct connections opened for it (poolOf). */
const urls = new WeakMap<PrismaClient, string>();
const pools = new WeakMap<PrismaClient, pg.Pool>();

/** A Prisma client over node-postgres (Prisma 7's driver adapter; no query engine binary). */
export function createPrisma(url: string): PrismaClient {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 10_000 }),
  });
  urls.set(prisma, url);
  // $disconnect closes the direct connections too; they open again when next needed.
  const disconnect = prisma.$disconnect.bind(prisma);
  prisma.$disconnect = async () => {
    const pool = pools.get(prisma);
    pools.delete(prisma);
    await Promise.all([disconnect(), pool?.end()]);
  };
  return prisma;
}

/**
 * Direct node-postgres connections to the database of a client made by
 * createPrisma: statements sent on them skip Prisma's per-statement work
 * (more than Postgres' own for a short statement), which the import's store,
 * sending thousands, cannot afford. Writers queue on one advisory lock, so a
 * few connections are enough.
 */
export function poolOf(prisma: PrismaClient): pg.Pool {
  let pool = pools.get(prisma);
  if (pool) return pool;
  const url = urls.get(prisma);
  if (!url) throw new Error("this Prisma client was not made by createPrisma: its database is unknown");
  pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 10_000, max: 4 });
  // An idle connection the server closed (a restart, a dropped database) leaves the pool; the next query opens another.
  pool.on("error", () => {});
  pools.set(prisma, pool);
  return pool;
}
