import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";

export interface TestDatabase {
  name: string;
  url: string;
  prisma: PrismaClient;
  /** Disconnects the client and drops the database. */
  drop(): Promise<void>;
}

/** The admin URL of the run's embedded Postgres (tests/helpers/global-setup.ts). */
export function adminUrl(): string {
  return inject("pgAdminUrl");
}

/** The URL of another database on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

/** Runs one statement on its own connection to `url` and returns its rows. */
export async function queryOnce<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh, empty database with a unique name; not migrated. */
export async function createEmptyDatabase(label = "t"): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${label.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 30)}_${randomBytes(5).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A fresh database with every migration applied, and a Prisma client on it. */
export async function createTestDatabase(label = "t"): Promise<TestDatabase> {
  const db = await createEmptyDatabase(label);
  await migrate(db.url);
  const prisma = createPrisma(db.url);
  return {
    name: db.name,
    url: db.url,
    prisma,
    drop: async () => {
      await prisma.$disconnect().catch(() => undefined);
      await db.drop();
    },
  };
}
