// What every command-line entry point shares: configuration, logging, the
// database, and an orderly shutdown on exit, error or signal.
import closeWithGrace from "close-with-grace";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../api/app.ts";
import { ConfigError, loadConfig, loadDotEnv, type Config } from "../config/env.ts";
import { createPrisma, type PrismaClient } from "../db/client.ts";
import { connectDatabase, openDatabase, type Database } from "../db/database.ts";
import { readerFor } from "../db/reader.ts";
import { EmbeddedPostgresError } from "../db/embedded.ts";
import { MigrationError } from "../db/migrate.ts";
import { createLogger, type Logger } from "../logger.ts";

const SHUTDOWN_TIMEOUT_MS = 15_000;
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const ECHO_WINDOW_MS = 1000;

export interface CliContext {
  config: Config;
  log: Logger;
  /** Registers a cleanup step; steps run in reverse order of registration. */
  onClose(step: () => Promise<void> | void): void;
  /** The database (DATABASE_URL or embedded), migrated; stopped on close. */
  openDatabase(): Promise<Database>;
  /** The database without applying migrations; stopped on close. */
  connectDatabase(): Promise<Database>;
  /** A Prisma client, disconnected on close. */
  prisma(url: string): PrismaClient;
  /**
   * Builds the API and listens on HOST:PORT; closed on close. Returns the base URL.
   * Reads go to DATABASE_READ_URL when set, else to `readUrl` (the database written to).
   */
  serve(prisma: PrismaClient, readUrl: string): Promise<{ app: FastifyInstance; url: string }>;
  /** The base URL of HOST:PORT. */
  baseUrl(): string;
}

/** Errors whose message tells the user what to do; they print without a stack trace. */
function isUserFacing(err: unknown): err is Error {
  return err instanceof ConfigError || err instanceof MigrationError || err instanceof EmbeddedPostgresError;
}

function baseUrl(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/**
 * Runs a command. It exits with process.exitCode (0 unless main set one) when
 * `main` resolves, unless main returns "keep-running" (a server), and 1 with a
 * plain message when it fails.
 */
export function runCli(main: (ctx: CliContext) => Promise<"keep-running" | void>): void {
  let config: Config;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);

  const steps: (() => Promise<void> | void)[] = [];
  let closing: Promise<void> | undefined;
  const closeAll = () =>
    (closing ??= (async () => {
      for (const step of steps.reverse()) {
        try {
          await step();
        } catch (err) {
          log.error({ err }, "error while shutting down");
        }
      }
    })());

  // close-with-grace handles uncaught errors, the other signals and the time
  // limit; these three signals get our handler, below.
  const grace = closeWithGrace(
    { delay: SHUTDOWN_TIMEOUT_MS, logger: { error: (m: unknown) => log.error(m) }, skip: [...STOP_SIGNALS] },
    async ({ signal, err }) => {
      if (err) log.error({ err }, "uncaught error; shutting down");
      else if (signal) log.info({ signal }, "shutting down");
      await closeAll();
    },
  );
  let firstSignalAt: number | undefined;
  const onStopSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt === undefined) {
      firstSignalAt = Date.now();
      log.info({ signal }, "shutting down");
      grace.close();
    } else if (Date.now() - firstSignalAt > ECHO_WINDOW_MS) {
      log.error({ signal }, "second signal: exiting before the shutdown finished");
      process.exit(1);
    }
    // Else an echo: a terminal's Ctrl-C reaches this process directly and again through npm.
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);

  const ctx: CliContext = {
    config,
    log,
    onClose: (step) => void steps.push(step),
    async openDatabase() {
      const db = await openDatabase(config, log);
      steps.push(() => db.close());
      return db;
    },
    async connectDatabase() {
      const db = await connectDatabase(config, log);
      steps.push(() => db.close());
      return db;
    },
    prisma(url) {
      const prisma = createPrisma(url);
      steps.push(() => prisma.$disconnect());
      return prisma;
    },
    async serve(prisma, readUrl) {
      const reader = readerFor(config, readUrl, (err) => log.warn({ err }, "a read connection failed"));
      steps.push(() => reader.close());
      const app = await buildApp({ config, prisma, reader, logger: log });
      steps.push(() => app.close());
      await app.listen({ host: config.host, port: config.port });
      return { app, url: baseUrl(config.host, config.port) };
    },
    baseUrl: () => baseUrl(config.host, config.port),
  };

  main(ctx).then(
    async (outcome) => {
      if (outcome === "keep-running") return;
      await closeAll();
      grace.uninstall();
      process.exit(Number(process.exitCode ?? 0));
    },
    async (err: unknown) => {
      if (isUserFacing(err)) process.stderr.write(`hoptac: ${err.message}\n`);
      else log.fatal({ err }, "failed");
      await closeAll();
      grace.uninstall();
      process.exit(1);
    },
  );
}
