import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, ENV_VARIABLES, loadConfig } from "../../src/config/env.ts";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, "/srv/hoptac");
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("has a default for everything", () => {
    expect(loadConfig({}, "/srv/hoptac")).toEqual({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      databaseReadUrls: [],
      logLevel: "info",
      apiKey: undefined,
      pgDataDir: "/srv/hoptac/.data/postgres",
      embeddedPgPort: 54329,
      corsOrigin: "*",
      rateLimitMax: 300,
      rateLimitWindowMs: 60_000,
      bodyLimit: 1_048_576,
      maxArticleChars: 200_000,
      seedDir: "/srv/hoptac/data/seeds",
      importOnStart: true,
      apiProcesses: 1,
    });
  });

  it("reads every variable", () => {
    const config = loadConfig(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        DATABASE_URL: "postgresql://hoptac:secret@db:5432/hoptac",
        DATABASE_READ_URL: " postgresql://hoptac:secret@replica1:5432/hoptac,postgresql://hoptac:secret@replica2:5432/hoptac ",
        LOG_LEVEL: "DEBUG",
        API_KEY: "a-very-long-api-key",
        PGDATA_DIR: "/var/lib/hoptac",
        EMBEDDED_PG_PORT: "6543",
        CORS_ORIGIN: "https://a.example, http://localhost:5173",
        RATE_LIMIT_MAX: "50",
        RATE_LIMIT_WINDOW: "30 seconds",
        BODY_LIMIT: "2048",
        MAX_ARTICLE_CHARS: "50000",
        SEED_DIR: "seeds",
        IMPORT_ON_START: "false",
        API_PROCESSES: "2",
      },
      "/srv/hoptac",
    );
    expect(config).toEqual({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: "postgresql://hoptac:secret@db:5432/hoptac",
      databaseReadUrls: ["postgresql://hoptac:secret@replica1:5432/hoptac", "postgresql://hoptac:secret@replica2:5432/hoptac"],
      logLevel: "debug",
      apiKey: "a-very-long-api-key",
      pgDataDir: "/var/lib/hoptac",
      embeddedPgPort: 6543,
      corsOrigin: ["https://a.example", "http://localhost:5173"],
      rateLimitMax: 50,
      rateLimitWindowMs: 30_000,
      bodyLimit: 2048,
      maxArticleChars: 50_000,
      seedDir: "/srv/hoptac/seeds",
      importOnStart: false,
      apiProcesses: 2,
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "", DATABASE_URL: "" }, "/srv/hoptac")).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it("lists every bad variable and why, without echoing passwords", () => {
    const problems = problemsOf({ PORT: "abc", LOG_LEVEL: "loud", DATABASE_URL: "mysql://root:hunter2@db/hoptac", EMBEDDED_PG_PORT: "70000" });
    expect(problems).toEqual([
      'PORT: expected an integer between 1 and 65535, got "abc"',
      'DATABASE_URL: expected a postgres:// or postgresql:// URL, got "mysql://root:***@db/hoptac"',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'EMBEDDED_PG_PORT: expected an integer between 1 and 65535, got "70000"',
    ]);
    const message = (() => {
      try {
        loadConfig({ PORT: "abc", LOG_LEVEL: "loud" });
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toBe(
      'Invalid configuration:\n  PORT: expected an integer between 1 and 65535, got "abc"\n  LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    );
  });

  it("rejects other malformed values", () => {
    expect(problemsOf({ DATABASE_URL: "not a url" })).toEqual(['DATABASE_URL: expected a postgres:// or postgresql:// URL, got "not a url"']);
    expect(problemsOf({ DATABASE_READ_URL: "postgresql://r1/hoptac,http://r2" })).toEqual([
      'DATABASE_READ_URL: expected postgres:// or postgresql:// URLs separated by commas, got "http://r2"',
    ]);
    expect(problemsOf({ PORT: "0" })).toEqual(['PORT: expected an integer between 1 and 65535, got "0"']);
    expect(problemsOf({ PORT: "3000.5" })).toEqual(['PORT: expected an integer between 1 and 65535, got "3000.5"']);
    expect(problemsOf({ API_KEY: "short" })).toEqual(["API_KEY: expected at least 16 characters, got 5"]);
    expect(problemsOf({ RATE_LIMIT_WINDOW: "soon" })[0]).toMatch(/^RATE_LIMIT_WINDOW: expected a duration/);
    expect(problemsOf({ IMPORT_ON_START: "maybe" })).toEqual(['IMPORT_ON_START: expected true or false, got "maybe"']);
    expect(problemsOf({ CORS_ORIGIN: "example.org" })[0]).toMatch(/^CORS_ORIGIN: expected \* or a comma-separated list of origins/);
    expect(problemsOf({ BODY_LIMIT: "-1" })[0]).toMatch(/^BODY_LIMIT: expected an integer/);
    expect(problemsOf({ API_PROCESSES: "0" })).toEqual(['API_PROCESSES: expected an integer between 1 and 64, got "0"']);
  });

  it("documents every variable in .env.example", () => {
    const example = fs.readFileSync(".env.example", "utf8");
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...ENV_VARIABLES].sort());
  });
});

describe("command-line entry points", () => {
  it("print the configuration problem and exit 1 without a stack trace", () => {
    // From another directory, so that no .env of this checkout is read.
    const run = spawnSync(path.resolve("node_modules/.bin/tsx"), [path.resolve("src/cli/serve.ts")], {
      cwd: os.tmpdir(),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: "abc" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('Invalid configuration:\n  PORT: expected an integer between 1 and 65535, got "abc"\n');
    expect(run.stdout).toBe("");
  });
});
