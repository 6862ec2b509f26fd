import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  checksumMatches,
  listMigrations,
  markRolledBack,
  migrate,
  MIGRATE_LOCK_KEY,
  MigrationError,
  MIGRATIONS_DIR,
  migrationChecksum,
} from "../../src/db/migrate.ts";
import { createEmptyDatabase, queryOnce } from "../helpers/db.ts";

const INIT = "20261122000000_init";
/** Every migration the project ships, in order. */
const ALL = (await listMigrations()).map((m) => m.name);


async function copyMigrations(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-migrations-"));
  await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function caught(promise: Promise<unknown>): Promise<MigrationError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(MigrationError);
    return err as MigrationError;
  }
  throw new Error("expected the migration run to fail");
}

let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
let dir: string;

beforeEach(async () => {
  db = await createEmptyDatabase("migrate");
  dir = await copyMigrations();
});

afterEach(async () => {
  await db.drop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe("migrate", () => {
  it("applies every migration to a fresh database, with Prisma's bookkeeping", async () => {
    expect(ALL[0]).toBe(INIT);
    expect(await migrate(db.url)).toEqual({ applied: ALL });

    const script = await fs.readFile(path.join(MIGRATIONS_DIR, INIT, "migration.sql"));
    const rows = await queryOnce(db.url, "SELECT * FROM _prisma_migrations ORDER BY migration_name");
    expect(rows).toHaveLength(ALL.length);
    expect(rows[0]).toMatchObject({
      migration_name: INIT,
      checksum: createHash("sha256").update(script).digest("hex"),
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);

    const columns = await queryOnce<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null }>(
      db.url,
      `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
       WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable, c.character_maximum_length])).toEqual([
      ["id", "character varying", "NO", 36],
      ["checksum", "character varying", "NO", 64],
      ["finished_at", "timestamp with time zone", "YES", null],
      ["migration_name", "character varying", "NO", 255],
      ["logs", "text", "YES", null],
      ["rolled_back_at", "timestamp with time zone", "YES", null],
      ["started_at", "timestamp with time zone", "NO", null],
      ["applied_steps_count", "integer", "NO", null],
    ]);
    const tables = await queryOnce<{ table_name: string }>(db.url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(["articles", "officials", "events", "agreements"]));
  });

  it("does nothing when run again", async () => {
    await migrate(db.url);
    expect(await migrate(db.url)).toEqual({ applied: [] });
    expect(await queryOnce(db.url, "SELECT 1 FROM _prisma_migrations")).toHaveLength(ALL.length);
  });

  it("accepts a database that Prisma migrated (its checksum forms included)", async () => {
    const empty = path.join(dir, "empty");
    await fs.mkdir(empty);
    await migrate(db.url, { dir: empty }); // creates the bookkeeping table only
    for (const name of ALL) {
      const script = await fs.readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      await queryOnce(db.url, script);
      const digest = createHash("sha256").update(script).digest();
      // Old Prisma versions wrote the hex digits without zero padding.
      const unpadded = [...digest].map((b) => b.toString(16)).join("");
      await queryOnce(
        db.url,
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (gen_random_uuid()::text, $1, now(), $2, now(), 1)`,
        [name === INIT ? unpadded : digest.toString("hex"), name],
      );
    }
    expect(await migrate(db.url)).toEqual({ applied: [] });
  });

  it("refuses a migration file changed after it was applied, naming it", async () => {
    await migrate(db.url, { dir });
    const file = path.join(dir, INIT, "migration.sql");
    const original = await fs.readFile(file, "utf8");

    // Line endings alone do not count as a change, as with Prisma.
    await fs.writeFile(file, original.replaceAll("\n", "\r\n"));
    expect(await migrate(db.url, { dir })).toEqual({ applied: [] });

    await fs.writeFile(file, `${original}\nCREATE TABLE sneaky (id int);\n`);
    const err = await caught(migrate(db.url, { dir }));
    expect(err.kind).toBe("modified");
    expect(err.message).toContain(file);
    expect(err.message).toMatch(/changed after being applied/);
    expect(err.message).toMatch(/new migration/);
    expect(await queryOnce(db.url, "SELECT to_regclass('sneaky') AS t")).toEqual([{ t: null }]);
  });

  it("records a failed migration, rolls it back, and refuses to go on until it is resolved", async () => {
    const broken = "20990101000000_broken";
    await fs.mkdir(path.join(dir, broken));
    await fs.writeFile(path.join(dir, broken, "migration.sql"), "CREATE TABLE half_done (id int);\nSELEC 1;\n");

    const first = await caught(migrate(db.url, { dir }));
    expect(first.kind).toBe("apply");
    expect(first.message).toContain(broken);
    expect(first.message).toMatch(/syntax error.*line 2/);
    // The migrations before it were applied; its own changes were rolled back.
    expect(await queryOnce(db.url, "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name")).toEqual(
      ALL.map((migration_name) => ({ migration_name })),
    );
    expect(await queryOnce(db.url, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    const [row] = await queryOnce(db.url, "SELECT * FROM _prisma_migrations WHERE migration_name = $1", [broken]);
    expect(row).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(row!.logs).toMatch(/syntax error/);

    const again = await caught(migrate(db.url, { dir }));
    expect(again.kind).toBe("failed");
    expect(again.message).toContain(`"${broken}"`);
    expect(again.message).toMatch(/failed earlier/);
    expect(again.message).toContain(`npm run db:migrate -- --rolled-back ${broken}`);

    await fs.writeFile(path.join(dir, broken, "migration.sql"), "CREATE TABLE half_done (id int);\n");
    await markRolledBack(db.url, broken);
    expect(await migrate(db.url, { dir })).toEqual({ applied: [broken] });
    expect(await queryOnce(db.url, "SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = $1", [broken])).toEqual([{ n: 2 }]);
  });

  it("serialises two runners started at once: each migration is applied once", async () => {
    const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(ALL);
    expect(await queryOnce(db.url, "SELECT migration_name FROM _prisma_migrations ORDER BY migration_name")).toEqual(ALL.map((migration_name) => ({ migration_name })));
  });

  it("gives up with a clear error when another runner holds the lock too long", async () => {
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
      const err = await caught(migrate(db.url, { lockTimeoutMs: 300 }));
      expect(err.kind).toBe("lock");
      expect(err.message).toContain(String(MIGRATE_LOCK_KEY));
    } finally {
      await holder.end();
    }
  });
});

describe("checksums", () => {
  it("are Prisma's: sha256 hex of the script", () => {
    expect(migrationChecksum("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    expect(checksumMatches("ab\r\ncd\r\n", migrationChecksum("ab\ncd\n"))).toBe(true);
    expect(checksumMatches("ab\ncd\n", migrationChecksum("ab\r\ncd\r\n"))).toBe(true);
    expect(checksumMatches("abc\n", migrationChecksum("abc"))).toBe(false);
  });
});

describe("npm run db:migrate", () => {
  let tampered: Awaited<ReturnType<typeof createEmptyDatabase>>;
  afterAll(async () => tampered?.drop());

  it("exits 1 with the message and no stack trace when an applied migration changed", async () => {
    tampered = await createEmptyDatabase("cli");
    await migrate(tampered.url);
    await queryOnce(tampered.url, "UPDATE _prisma_migrations SET checksum = $1", ["0".repeat(64)]);
    const run = spawnSync(path.resolve("node_modules/.bin/tsx"), ["src/cli/migrate.ts"], {
      env: { ...process.env, DATABASE_URL: tampered.url, LOG_LEVEL: "warn" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/changed after being applied/);
    expect(run.stderr).toContain(INIT);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
