// A database outage under a running API: every endpoint that needs the
// database answers 503 problem+json with Retry-After (reads and writes alike),
// and once the database is back, requests succeed again within 2 s without
// restarting the API.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { createPrisma, type PrismaClient } from "../../src/db/client.ts";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../src/db/embedded.ts";
import { migrate } from "../../src/db/migrate.ts";
import { freePort } from "../../src/db/scratch.ts";
import { SHORT_TEXT } from "../helpers/articles.ts";
import { operations, type Operation } from "../helpers/operations.ts";

const API_KEY = "outage-test-key-0123456789";
const log = pino({ level: "silent" });
let root: string;
let port: number;
let server: EmbeddedServer;
let prisma: PrismaClient;
let app: FastifyInstance;
let ops: Operation[];

const RECORD = { url: "https://example.org/tin/mat-dien", published_at: "2025-08-16", text: SHORT_TEXT };
const start = () => startEmbeddedPostgres({ dataDir: path.join(root, "pg"), port, log });

function send(op: Operation) {
  return op.method === "POST"
    ? app.inject({ method: "POST", url: op.url, headers: { authorization: `Bearer ${API_KEY}` }, payload: RECORD })
    : app.inject({ method: op.method as "GET", url: op.url });
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-outage-"));
  await fs.chmod(root, 0o755); // the postgres user's way in when the tests run as root
  port = await freePort();
  server = await start();
  await migrate(server.url);
  prisma = createPrisma(server.url);
  app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", API_KEY, RATE_LIMIT_MAX: "100000" }), prisma });
  await app.ready();
  ops = (await operations(app)).filter((op) => op.template.startsWith("/v1/"));
  expect((await send(ops.find((o) => o.method === "POST")!)).statusCode).toBe(201);
});

afterAll(async () => {
  await app?.close();
  await prisma?.$disconnect();
  await server?.stop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

describe("a database outage", () => {
  it("gives 503 with Retry-After on every endpoint that needs the database, then 200 within 2 s of its return", async () => {
    const before = new Map<string, number>();
    for (const op of ops) before.set(`${op.method} ${op.url}`, (await send(op)).statusCode);
    expect([...before.values()].every((s) => s < 500)).toBe(true);

    await server.stop();
    for (const op of ops) {
      const res = await send(op);
      expect(res.statusCode, `${op.method} ${op.url}: ${res.payload}`).toBe(503);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      expect(res.payload).not.toMatch(/\n\s+at |prisma|127\.0\.0\.1/i);
    }
    const ready = await app.inject("/ready");
    expect(ready.statusCode).toBe(503);
    expect(ready.headers["retry-after"]).toBeDefined();
    expect((await app.inject("/health")).statusCode).toBe(200);

    server = await start();
    const back = performance.now();
    let ms = 0;
    for (;;) {
      const res = await app.inject("/v1/events");
      ms = performance.now() - back;
      if (res.statusCode === 200 || ms > 10_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(ms).toBeLessThan(2000);
    for (const op of ops) {
      const status = (await send(op)).statusCode;
      expect(status, `${op.method} ${op.url}`).toBe(op.method === "POST" ? 200 : before.get(`${op.method} ${op.url}`));
    }
  });
});
