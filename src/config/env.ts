// The service's environment, read and checked once at start.
import path from "node:path";
import { z } from "zod";
import { DEFAULT_MAX_ARTICLE_CHARS } from "../import/limits.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Absent: hoptac starts its own embedded Postgres. */
  databaseUrl: string | undefined;
  /** Where the API reads from (DATABASE_READ_URL: one or several hot standbys, comma-separated); empty: DATABASE_URL. */
  databaseReadUrls: string[];
  logLevel: LogLevel;
  /** Absent: write endpoints are disabled. */
  apiKey: string | undefined;
  /** Absolute path of the embedded Postgres data directory. */
  pgDataDir: string;
  embeddedPgPort: number;
  /** "*" for any origin, else the allowed origins. */
  corsOrigin: "*" | string[];
  rateLimitMax: number;
  /** Rate-limit window in milliseconds. */
  rateLimitWindowMs: number;
  bodyLimit: number;
  /** Longest article text accepted by the importer and POST /v1/articles, in characters. */
  maxArticleChars: number;
  /** Absolute path of the articles `npm start` imports. */
  seedDir: string;
  importOnStart: boolean;
  /** How many processes `npm run serve` answers with on the one port (API_PROCESSES). */
  apiProcesses: number;
}

/** Thrown by loadConfig; its message lists every bad variable and why. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const MIN_API_KEY_LENGTH = 16;

/** Shows a value in an error message without leaking a password inside a URL. */
function shown(value: string): string {
  return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, "$1***@"));
}

/** An optional string variable: unset and empty both mean "use the default". */
function variable<T extends z.ZodType>(parse: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), parse);
}

function integer(min: number, max: number, fallback: number) {
  return variable(
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return fallback;
        const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
        if (!Number.isSafeInteger(n) || n < min || n > max) {
          ctx.addIssue({ code: "custom", message: `expected an integer between ${min} and ${max}, got ${shown(raw)}` });
          return z.NEVER;
        }
        return n;
      }),
  );
}

function text(fallback: string) {
  return variable(z.string().optional()).transform((v) => v ?? fallback);
}

function boolean(fallback: boolean) {
  return variable(
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return fallback;
        const v = raw.trim().toLowerCase();
        if (["true", "1", "yes", "on"].includes(v)) return true;
        if (["false", "0", "no", "off"].includes(v)) return false;
        ctx.addIssue({ code: "custom", message: `expected true or false, got ${shown(raw)}` });
        return z.NEVER;
      }),
  );
}

const UNIT_MS: Record<string, number> = {
  ms: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/** "1 minute", "30s", "500 ms" or a bare number of milliseconds. */
export function parseDuration(raw: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(raw);
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const factor = unit === "" ? 1 : UNIT_MS[unit];
  if (factor === undefined) return undefined;
  const ms = Math.round(Number(match[1]) * factor);
  return ms > 0 ? ms : undefined;
}

function isPostgresUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "postgres:" || url.protocol === "postgresql:";
  } catch {
    return false;
  }
}

const schema = z.object({
  PORT: integer(1, 65535, 3000),
  HOST: text("127.0.0.1"),
  DATABASE_URL: variable(
    z
      .string()
      .optional()
      .superRefine((raw, ctx) => {
        if (raw !== undefined && !isPostgresUrl(raw)) ctx.addIssue({ code: "custom", message: `expected a postgres:// or postgresql:// URL, got ${shown(raw)}` });
      }),
  ),
  DATABASE_READ_URL: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx): string[] => {
        const urls = (raw ?? "").split(",").map((u) => u.trim()).filter((u) => u !== "");
        const bad = urls.filter((u) => !isPostgresUrl(u));
        if (bad.length) {
          ctx.addIssue({ code: "custom", message: `expected postgres:// or postgresql:// URLs separated by commas, got ${bad.map(shown).join(", ")}` });
          return z.NEVER;
        }
        return urls;
      }),
  ),
  LOG_LEVEL: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx): LogLevel => {
        if (raw === undefined) return "info";
        const level = raw.trim().toLowerCase();
        if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
        ctx.addIssue({ code: "custom", message: `expected one of ${LOG_LEVELS.join(", ")}, got ${shown(raw)}` });
        return z.NEVER;
      }),
  ),
  API_KEY: variable(
    z
      .string()
      .optional()
      .superRefine((raw, ctx) => {
        if (raw !== undefined && raw.length < MIN_API_KEY_LENGTH) {
          ctx.addIssue({ code: "custom", message: `expected at least ${MIN_API_KEY_LENGTH} characters, got ${raw.length}` });
        }
      }),
  ),
  PGDATA_DIR: text(".data/postgres"),
  EMBEDDED_PG_PORT: integer(1, 65535, 54329),
  CORS_ORIGIN: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx): "*" | string[] => {
        if (raw === undefined || raw.trim() === "*") return "*";
        const origins = raw.split(",").map((o) => o.trim()).filter(Boolean);
        const bad = origins.filter((o) => !/^https?:\/\/[^/\s]+$/.test(o));
        if (origins.length === 0 || bad.length > 0) {
          ctx.addIssue({ code: "custom", message: `expected * or a comma-separated list of origins such as https://example.org, got ${shown(raw)}` });
          return z.NEVER;
        }
        return origins;
      }),
  ),
  RATE_LIMIT_MAX: integer(1, 1_000_000_000, 300),
  RATE_LIMIT_WINDOW: variable(
    z
      .string()
      .optional()
      .transform((raw, ctx) => {
        if (raw === undefined) return 60_000;
        const ms = parseDuration(raw);
        if (ms === undefined) {
          ctx.addIssue({ code: "custom", message: `expected a duration such as "1 minute", "30s" or a number of milliseconds, got ${shown(raw)}` });
          return z.NEVER;
        }
        return ms;
      }),
  ),
  BODY_LIMIT: integer(1, 1024 * 1024 * 1024, 1_048_576),
  MAX_ARTICLE_CHARS: integer(1_000, 100_000_000, DEFAULT_MAX_ARTICLE_CHARS),
  SEED_DIR: text("data/seeds"),
  IMPORT_ON_START: boolean(true),
  API_PROCESSES: integer(1, 64, 1),
});

/** Every environment variable hoptac reads. */
export const ENV_VARIABLES = Object.keys(schema.shape);

/** Reads the configuration from `env`; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const v = result.data;
  return {
    port: v.PORT,
    host: v.HOST.trim(),
    databaseUrl: v.DATABASE_URL,
    databaseReadUrls: v.DATABASE_READ_URL,
    logLevel: v.LOG_LEVEL,
    apiKey: v.API_KEY,
    pgDataDir: path.resolve(cwd, v.PGDATA_DIR),
    embeddedPgPort: v.EMBEDDED_PG_PORT,
    corsOrigin: v.CORS_ORIGIN,
    rateLimitMax: v.RATE_LIMIT_MAX,
    rateLimitWindowMs: v.RATE_LIMIT_WINDOW,
    bodyLimit: v.BODY_LIMIT,
    maxArticleChars: v.MAX_ARTICLE_CHARS,
    seedDir: path.resolve(cwd, v.SEED_DIR),
    importOnStart: v.IMPORT_ON_START,
    apiProcesses: v.API_PROCESSES,
  };
}

/** Loads ./.env into process.env when the file exists; variables already set win. */
export function loadDotEnv(file = ".env"): void {
  try {
    process.loadEnvFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}
