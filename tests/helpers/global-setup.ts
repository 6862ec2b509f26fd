// One embedded Postgres for the whole test run, in a temporary directory on a
// free port; each test file makes its own databases on it (tests/helpers/db.ts).
import { pino } from "pino";
import type { TestProject } from "vitest/node";
import { startScratchPostgres } from "../../src/db/scratch.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startScratchPostgres(pino({ level: process.env.TEST_PG_LOG ?? "warn" }));
  project.provide("pgAdminUrl", server.adminUrl);
  return () => server.stop();
}
