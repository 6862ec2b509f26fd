import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type { PrismaClient };

/** A Prisma client over node-postgres (Prisma 7's driver adapter; no query engine binary). */
export function createPrisma(url: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 10_000 }),
  });
}
