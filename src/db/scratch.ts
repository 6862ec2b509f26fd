// A throwaway PostgreSQL for one run (evaluation, benchmarks): the embedded
// server in a temporary directory on a free port, fast and not durable,
// removed when stopped.
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Logger } from "pino";
import { startEmbeddedPostgres } from "./embedded.ts";
import { migrate } from "./migrate.ts";

export interface ScratchPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** Creates a database with hoptac's schema and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startScratchPostgres(log: Logger): Promise<ScratchPostgres> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-pg-"));
  // Run as root, Postgres runs as the `postgres` user, which must be able to enter this directory.
  await fs.chmod(root, 0o755);
  let server;
  try {
    server = await startEmbeddedPostgres({
      dataDir: path.join(root, "data"),
      port: await freePort(),
      log,
      database: "postgres",
      postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    });
  } catch (err) {
    await fs.rm(root, { recursive: true, force: true });
    throw err;
  }
  const { adminUrl } = server;
  return {
    adminUrl,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      await migrate(url.toString(), { log });
      return url.toString();
    },
    async stop() {
      await server.stop();
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
