import { Validator } from "@seriousme/openapi-schema-validator";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { VERSION } from "../../src/version.ts";
import { adminQuery, createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const config = loadConfig({ LOG_LEVEL: "silent" });
let db: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  db = await createTestDatabase("health");
  app = await buildApp({ config, prisma: db.prisma });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("GET /health", () => {
  it("answers while the process is up", async () => {
    const res = await app.inject({ method: "GET", url: "/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", uptime: expect.any(Number) });
  });
});

describe("GET /ready", () => {
  it("is 200 while the database answers", async () => {
    const res = await app.inject({ method: "GET", url: "/ready" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ready" });
  });

  it("is a 503 problem once the database is gone", async () => {
    const doomed = await createTestDatabase("ready");
    const other = await buildApp({ config, prisma: doomed.prisma });
    try {
      expect((await other.inject({ method: "GET", url: "/ready" })).statusCode).toBe(200);
      await adminQuery(`DROP DATABASE "${doomed.name}" WITH (FORCE)`);

      const res = await other.inject({ method: "GET", url: "/ready" });
      expect(res.statusCode).toBe(503);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        type: "about:blank",
        title: "Service Unavailable",
        status: 503,
        detail: expect.stringMatching(/database is not reachable/),
        instance: "/ready",
      });
      expect(res.body).not.toMatch(/\n\s+at /);
    } finally {
      await other.close();
      await doomed.drop();
    }
  });
});

describe("API documentation", () => {
  it("serves a valid OpenAPI 3.1 document at /openapi.json", async () => {
    const res = await app.inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "hoptac API", version: VERSION });
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/health", "/ready"]));
    expect(doc.paths["/openapi.json"]).toBeUndefined();
    expect(doc.tags.map((t: { name: string }) => t.name)).toContain("system");

    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("serves Swagger UI at /docs, allowed by the content security policy", async () => {
    const page = await app.inject({ method: "GET", url: "/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain("swagger-ui");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("upgrade-insecure-requests");

    const initializer = await app.inject({ method: "GET", url: "/docs/static/swagger-initializer.js" });
    expect(initializer.statusCode).toBe(200);
    const spec = await app.inject({ method: "GET", url: "/docs/json" });
    expect(spec.json().info.title).toBe("hoptac API");
  });
});

describe("unknown routes and request ids", () => {
  it("answers an unknown route with a 404 problem", async () => {
    const res = await app.inject({ method: "GET", url: "/v1/nothing-here?x=1" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toEqual({
      type: "about:blank",
      title: "Not Found",
      status: 404,
      detail: "There is no route GET /v1/nothing-here; GET /docs lists the API.",
      instance: "/v1/nothing-here?x=1",
      requestId: res.headers["x-request-id"],
    });
  });

  it("echoes the caller's x-request-id, and makes one up otherwise", async () => {
    const echoed = await app.inject({ method: "GET", url: "/health", headers: { "x-request-id": "trace-42.a:b" } });
    expect(echoed.headers["x-request-id"]).toBe("trace-42.a:b");

    const fresh = await app.inject({ method: "GET", url: "/health" });
    expect(fresh.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

    const unsafe = await app.inject({ method: "GET", url: "/nope", headers: { "x-request-id": "<script>" } });
    expect(unsafe.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsafe.json().requestId).toBe(unsafe.headers["x-request-id"]);
  });
});
