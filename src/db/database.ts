import type { Logger } from "pino";
import type { Config } from "../config/env.ts";
import { startEmbeddedPostgres } from "./embedded.ts";
import { migrate } from "./migrate.ts";

export interface Database {
  url: string;
  /** True when hoptac runs its own embedded Postgres (no DATABASE_URL). */
  embedded: boolean;
  /** Stops the embedded server, if any. Close database clients first. */
  close(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded Postgres (started here); no migrations applied. */
export async function connectDatabase(config: Config, log: Logger): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, close: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: config.pgDataDir, port: config.embeddedPgPort, log });
  return { url: server.url, embedded: true, close: () => server.stop() };
}

/** DATABASE_URL when set, else the embedded Postgres; migrated to the latest schema. */
export async function openDatabase(config: Config, log: Logger): Promise<Database> {
  const db = await connectDatabase(config, log);
  try {
    await migrate(db.url, { log });
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
