// One embedded Postgres for the whole test run, in a temporary directory on a
// free port; each test file makes its own databases on it (tests/helpers/db.ts).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/db/embedded.ts";
import { freePort } from "./net.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-test-pg-"));
  // Run as root, Postgres runs as the `postgres` user, which must be able to enter this directory.
  await fs.chmod(root, 0o755);
  const log = pino({ level: process.env.TEST_PG_LOG ?? "warn" });
  let server;
  try {
    server = await startEmbeddedPostgres({
      dataDir: path.join(root, "data"),
      port: await freePort(),
      log,
      database: "postgres",
      // A throwaway cluster: durability buys nothing here.
      postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    });
  } catch (err) {
    await fs.rm(root, { recursive: true, force: true });
    throw err;
  }
  project.provide("pgAdminUrl", server.adminUrl);
  return async () => {
    await server.stop();
    await fs.rm(root, { recursive: true, force: true });
  };
}
