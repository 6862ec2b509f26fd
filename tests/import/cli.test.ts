// npm run import's exit codes: 0 when every input was read, 3 when some were
// skipped (0 with --allow-skipped), 2 for a usage mistake.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const PROJECT = path.resolve(import.meta.dirname, "../..");
const SEED = path.join(PROJECT, "data/seeds/000_5d531d129e3fa79b.txt");
let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase("import_cli");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoptac-cli-"));
  fs.copyFileSync(SEED, path.join(dir, "good.txt"));
  fs.writeFileSync(path.join(dir, "english.txt"), "The minister met his counterpart in Hanoi and discussed cooperation.\n");
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

function runImport(...args: string[]) {
  const run = spawnSync(path.join(PROJECT, "node_modules/.bin/tsx"), ["src/cli/import.ts", ...args], {
    cwd: PROJECT,
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe("npm run import exit codes", () => {
  it("exits 3 when an input was skipped, 0 with --allow-skipped, 0 when nothing was skipped, 2 without inputs", () => {
    const skipped = runImport("--no-progress", dir);
    expect(skipped.code, skipped.out).toBe(3);
    expect(skipped.out).toMatch(/skipped .*english\.txt: not Vietnamese text/);
    expect(runImport("--no-progress", "--allow-skipped", dir).code).toBe(0);
    expect(runImport("--no-progress", path.join(dir, "good.txt")).code).toBe(0);
    expect(runImport("--dry-run", path.join(dir, "english.txt")).code).toBe(3);
    expect(runImport().code).toBe(2);
  });
});
