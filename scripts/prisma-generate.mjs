#!/usr/bin/env node
// Generates the Prisma client into src/db/generated without network access.
// `prisma generate` only checks that a schema engine binary exists; the
// generated client (provider "prisma-client" + @prisma/adapter-pg) never runs
// it, so any existing file will do when none is configured.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const cli = require.resolve("prisma/build/index.js");
const run = spawnSync(process.execPath, [cli, "generate"], { stdio: ["ignore", "pipe", "inherit"], env });
if (run.status !== 0) {
  process.stdout.write(run.stdout ?? "");
  process.exit(run.status ?? 1);
}
