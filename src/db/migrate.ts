// Applies prisma/migrations/<name>/migration.sql in name order, keeping the
// `_prisma_migrations` table exactly as `prisma migrate deploy` does, so that
// either tool accepts a database the other migrated.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { Logger } from "pino";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

/** The advisory lock key Prisma Migrate takes, so that our runner and Prisma's serialise too. */
export const MIGRATE_LOCK_KEY = 72707369;

const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/** The bookkeeping table, as Prisma's schema engine creates it on PostgreSQL. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationErrorKind = "connect" | "lock" | "layout" | "failed" | "modified" | "apply" | "resolve";

/** A migration problem the user can act on; the message says which and what to do. */
export class MigrationError extends Error {
  override name = "MigrationError";
  constructor(
    readonly kind: MigrationErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface MigrateOptions {
  log?: Logger;
  /** The migrations folder; prisma/migrations unless told. */
  dir?: string;
  /** How long to wait for another runner holding the lock. */
  lockTimeoutMs?: number;
}

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
}

/** sha256 of the script, hex, as Prisma records it. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Whether a script matches a recorded checksum, with Prisma's allowances:
 * either line ending, and the unpadded hex some old Prisma versions wrote.
 */
export function checksumMatches(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const rendered =
      checksum.length !== 0 && checksum.length !== 64
        ? [...digest].map((b) => b.toString(16)).join("")
        : digest.toString("hex");
    return rendered === checksum;
  });
}

/** The migrations of a folder, in the order they apply. */
export async function listMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new MigrationError("layout", `Cannot read the migrations folder ${dir}: ${(err as Error).message}`);
  }
  const lock = await fs.readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => undefined);
  const provider = lock && /^\s*provider\s*=\s*"([^"]*)"/m.exec(lock)?.[1];
  if (provider && provider !== "postgresql") {
    throw new MigrationError("layout", `${dir}/migration_lock.toml names the provider "${provider}"; these migrations are not for PostgreSQL.`);
  }
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    const script = await fs.readFile(file, "utf8").catch(() => undefined);
    if (script === undefined) throw new MigrationError("layout", `The migration folder ${path.join(dir, name)} has no migration.sql.`);
    migrations.push({ name, script, checksum: migrationChecksum(script) });
  }
  return migrations;
}

function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw new MigrationError("connect", `Cannot connect to the database at ${redact(url)}: ${(err as Error).message}`);
  }
  // A dropped connection during a run surfaces as a query error; this keeps it from crashing the process.
  client.on("error", () => undefined);
  return client;
}

async function withLock<T>(client: pg.Client, timeoutMs: number, run: () => Promise<T>): Promise<T> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK_KEY]);
  } catch (err) {
    if ((err as { code?: string }).code === "55P03") {
      throw new MigrationError(
        "lock",
        `Another migration run has held the migration lock (pg_advisory_lock(${MIGRATE_LOCK_KEY})) for over ${Math.round(timeoutMs / 1000)} s. ` +
          `Wait for it to finish, or end the session holding it (see pg_locks where locktype = 'advisory'), and run again.`,
      );
    }
    throw err;
  }
  await client.query("RESET lock_timeout");
  try {
    return await run();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK_KEY]).catch(() => undefined);
  }
}

function describePgError(err: unknown, script: string): string {
  const e = err as { message?: string; code?: string; position?: string; detail?: string; hint?: string };
  const parts = [e.message ?? String(err)];
  if (e.position) {
    const line = script.slice(0, Number(e.position)).split("\n").length;
    parts.push(`at line ${line} of migration.sql`);
  }
  if (e.code) parts.push(`(SQLSTATE ${e.code})`);
  let text = parts.join(" ");
  if (e.detail) text += `\nDetail: ${e.detail}`;
  if (e.hint) text += `\nHint: ${e.hint}`;
  return text;
}

function failedMessage(rows: MigrationRow[]): string {
  const list = rows
    .map((r) => {
      const logs = r.logs?.trim() ? `:\n      ${r.logs.trim().replaceAll("\n", "\n      ")}` : "";
      return `  - "${r.migration_name}", started at ${r.started_at.toISOString()}, did not finish${logs}`;
    })
    .join("\n");
  const name = rows[0]!.migration_name;
  return (
    `A migration failed earlier, so no further migration will be applied:\n${list}\n` +
    `hoptac applies each migration in one transaction, so a failure it recorded left no partial changes; ` +
    `one recorded by another tool (such as prisma migrate deploy) may have, so check the database first. ` +
    `Then fix the migration, mark the failed attempt as rolled back and run again:\n` +
    `  npm run db:migrate -- --rolled-back ${name}\n` +
    `(the same as "prisma migrate resolve --rolled-back ${name}").`
  );
}

function modifiedMessage(names: string[], dir: string): string {
  const files = names.map((n) => `  - ${path.join(dir, n, "migration.sql")}`).join("\n");
  return (
    `${names.length === 1 ? "A migration was" : "Migrations were"} changed after being applied to this database ` +
    `(the file no longer matches the checksum recorded in _prisma_migrations):\n${files}\n` +
    `An applied migration must not be edited: restore the original file (for example with "git checkout -- <file>") ` +
    `and put the change in a new migration folder.`
  );
}

/** Applies every pending migration; returns the names applied by this call. */
export async function migrate(url: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const { log } = options;
  const dir = options.dir ?? MIGRATIONS_DIR;
  const migrations = await listMigrations(dir);
  const client = await connect(url);
  try {
    return await withLock(client, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async () => {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const { rows } = await client.query<MigrationRow>(
        "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at FROM _prisma_migrations ORDER BY started_at, migration_name",
      );

      const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed.length > 0) throw new MigrationError("failed", failedMessage(failed));

      const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
      const modified = migrations.filter((m) => {
        const row = done.get(m.name);
        return row !== undefined && !checksumMatches(m.script, row.checksum);
      });
      if (modified.length > 0) throw new MigrationError("modified", modifiedMessage(modified.map((m) => m.name), dir));

      const known = new Set(migrations.map((m) => m.name));
      for (const name of done.keys()) {
        if (!known.has(name)) log?.warn({ migration: name }, "the database has a migration that is not in the migrations folder");
      }

      const applied: string[] = [];
      for (const migration of migrations.filter((m) => !done.has(m.name))) {
        await applyOne(client, migration, dir, log);
        applied.push(migration.name);
      }
      if (applied.length === 0) log?.info("database schema is up to date");
      return { applied };
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function applyOne(client: pg.Client, migration: MigrationFile, dir: string, log: Logger | undefined): Promise<void> {
  const id = randomUUID();
  const started = Date.now();
  await client.query("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)", [
    id,
    migration.checksum,
    migration.name,
  ]);
  try {
    await client.query("BEGIN");
    await client.query(migration.script);
    await client.query(
      "UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp() WHERE id = $1",
      [id],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    const reason = describePgError(err, migration.script);
    await client.query("UPDATE _prisma_migrations SET logs = $2 WHERE id = $1", [id, reason]).catch(() => undefined);
    throw new MigrationError(
      "apply",
      `Migration "${migration.name}" failed and was rolled back: ${reason}\n` +
        `Fix ${path.join(dir, migration.name, "migration.sql")}, then run:\n  npm run db:migrate -- --rolled-back ${migration.name}`,
    );
  }
  log?.info({ migration: migration.name, ms: Date.now() - started }, "applied migration");
}

/**
 * Marks a failed migration as rolled back so that the next run applies it
 * again, as `prisma migrate resolve --rolled-back <name>` does.
 */
export async function markRolledBack(url: string, name: string, options: Pick<MigrateOptions, "log" | "lockTimeoutMs"> = {}): Promise<void> {
  const client = await connect(url);
  try {
    await withLock(client, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS, async () => {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const result = await client.query(
        "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL",
        [name],
      );
      if (result.rowCount === 0) {
        throw new MigrationError("resolve", `There is no failed migration named "${name}" to mark as rolled back.`);
      }
      options.log?.info({ migration: name }, "marked the failed migration as rolled back");
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}
