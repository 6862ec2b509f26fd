// Ingest does not hold up the server: while a 150 kB article is extracted and
// stored, /health keeps answering promptly (real HTTP on loopback).
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { longArticleText, SHORT_TEXT } from "../helpers/articles.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const API_KEY = "stall-test-key-0123456789";
let db: TestDatabase;
let app: FastifyInstance;
let base: string;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
let tries = 0;

function call(method: string, path: string, body?: unknown): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(`${base}${path}`, {
      method,
      agent,
      headers: data === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(data), authorization: `Bearer ${API_KEY}` },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, text }));
    });
    req.on("error", reject);
    req.end(data);
  });
}

beforeAll(async () => {
  db = await createTestDatabase("ingest_stall");
  app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", API_KEY, RATE_LIMIT_MAX: "100000" }), prisma: db.prisma });
  await app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  // A thread of the pool is started and has loaded the gazetteer.
  expect((await call("POST", "/v1/articles", { url: "https://example.org/tin/ngan", text: SHORT_TEXT })).status).toBe(201);
});

afterAll(async () => {
  agent.destroy();
  await app?.close();
  await db?.drop();
});

describe("ingest off the event loop", () => {
  it("answers /health within 100 ms throughout the ingest of a 150 kB article", async () => {
    const text = longArticleText(150_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(150_000);
    let done = false;
    // A new URL on each try, so that a retry ingests again instead of finding it unchanged.
    const url = `https://example.org/tin/dai-${(tries += 1)}`;
    const ingest = call("POST", "/v1/articles", { url, text }).finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const health = await call("GET", "/health");
      expect(health.status).toBe(200);
      latencies.push(health.ms);
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await ingest;
    expect(result.status, result.text).toBe(201);
    expect(JSON.parse(result.text).facts.events).toBeGreaterThan(0);
    // Enough probes to have covered the whole ingest, each one prompt.
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });
});
