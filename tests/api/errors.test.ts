// The error contract every route gets: problem+json, the right status for
// client mistakes, and never a stack trace.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../../src/api/app.ts";
import { API_KEY_SECURITY, requireApiKey } from "../../src/api/auth.ts";
import { notFound, problemResponses } from "../../src/api/problem.ts";
import { loadConfig } from "../../src/config/env.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const API_KEY = "test-key-0123456789abcdef";
let db: TestDatabase;

/** The real app, plus a few routes that exercise the error paths. */
async function appWith(env: NodeJS.ProcessEnv): Promise<FastifyInstance> {
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", ...env }), prisma: db.prisma });
  await app.register(async (scope) => {
    const routes = scope.withTypeProvider<ZodTypeProvider>();
    routes.post(
      "/test/items/:id",
      {
        schema: {
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: z.object({ limit: z.coerce.number().int().max(100).optional() }),
          body: z.object({ name: z.string().min(2), tags: z.array(z.string()).optional() }),
          response: { 200: z.object({ id: z.number(), name: z.string() }), ...problemResponses(400, 404) },
        },
      },
      async (request) => {
        if (request.params.id === 404) throw notFound(`There is no item ${request.params.id}.`);
        return { id: request.params.id, name: request.body.name };
      },
    );
    routes.get("/test/boom", async () => {
      throw new Error("secret internal detail");
    });
    routes.delete("/test/write", { preHandler: requireApiKey, schema: { security: API_KEY_SECURITY } }, async () => ({ deleted: true }));
  });
  return app;
}

let app: FastifyInstance;

beforeAll(async () => {
  db = await createTestDatabase("errors");
  app = await appWith({ BODY_LIMIT: "200" });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(res.body).not.toMatch(/\n\s+at /);
  const body = JSON.parse(res.body);
  expect(body).toMatchObject({ type: "about:blank", status, title: expect.any(String), detail: expect.any(String), instance: expect.any(String) });
  return body;
}

describe("validation errors", () => {
  it("are 400 with one entry per bad parameter, saying where it is", async () => {
    const res = await app.inject({ method: "POST", url: "/test/items/abc?limit=1000", payload: { name: "x", tags: [1] } });
    const body = expectProblem(res, 400);
    expect(body.errors).toEqual([{ in: "path", name: "id", message: expect.any(String) }]);

    const query = expectProblem(await app.inject({ method: "POST", url: "/test/items/1?limit=1000", payload: { name: "ok" } }), 400);
    expect(query.errors).toEqual([{ in: "query", name: "limit", message: expect.stringMatching(/100/) }]);

    const bodyErrors = expectProblem(await app.inject({ method: "POST", url: "/test/items/1", payload: { name: "x", tags: [1] } }), 400);
    expect(bodyErrors.errors).toEqual([
      { in: "body", name: "name", message: expect.any(String) },
      { in: "body", name: "tags.0", message: expect.any(String) },
    ]);
    expect(bodyErrors.detail).toMatch(/^The request's body has invalid values: name: .*; tags\.0: /);
  });

  it("lets valid requests through", async () => {
    const res = await app.inject({ method: "POST", url: "/test/items/7?limit=5", payload: { name: "Bộ Công an" } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: 7, name: "Bộ Công an" });
  });
});

describe("client mistakes", () => {
  it("malformed JSON is 400", async () => {
    const res = await app.inject({ method: "POST", url: "/test/items/1", headers: { "content-type": "application/json" }, payload: '{"name":' });
    expectProblem(res, 400);
  });

  it("a body over BODY_LIMIT is 413", async () => {
    const res = await app.inject({ method: "POST", url: "/test/items/1", payload: { name: "x".repeat(500) } });
    expectProblem(res, 413);
  });

  it("an unsupported content type is 415", async () => {
    const res = await app.inject({ method: "POST", url: "/test/items/1", headers: { "content-type": "application/xml" }, payload: "<name>x</name>" });
    expectProblem(res, 415);
  });

  it("a problem thrown by a route keeps its status and detail", async () => {
    const res = await app.inject({ method: "POST", url: "/test/items/404", payload: { name: "ok" } });
    expect(expectProblem(res, 404).detail).toBe("There is no item 404.");
  });
});

describe("server errors", () => {
  it("are a 500 problem that hides the error and points to the log", async () => {
    const res = await app.inject({ method: "GET", url: "/test/boom", headers: { "x-request-id": "req-500" } });
    const body = expectProblem(res, 500);
    expect(res.body).not.toContain("secret internal detail");
    expect(body.detail).toContain("req-500");
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a client exceeds RATE_LIMIT_MAX", async () => {
    const limited = await appWith({ RATE_LIMIT_MAX: "2", RATE_LIMIT_WINDOW: "1 minute" });
    try {
      for (let i = 0; i < 2; i++) expect((await limited.inject({ method: "GET", url: "/openapi.json" })).statusCode).toBe(200);
      const res = await limited.inject({ method: "GET", url: "/openapi.json" });
      expectProblem(res, 429);
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      // Health checks are not counted.
      expect((await limited.inject({ method: "GET", url: "/health" })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe("API key for write endpoints", () => {
  it("disables writes with a 503 problem when API_KEY is unset", async () => {
    const res = await app.inject({ method: "DELETE", url: "/test/write", headers: { authorization: `Bearer ${API_KEY}` } });
    expect(expectProblem(res, 503).detail).toMatch(/Set API_KEY/);
  });

  it("asks for the key (401) and accepts it as a bearer token or X-API-Key", async () => {
    const keyed = await appWith({ API_KEY });
    try {
      const missing = await keyed.inject({ method: "DELETE", url: "/test/write" });
      expectProblem(missing, 401);
      expect(missing.headers["www-authenticate"]).toMatch(/^Bearer/);
      expectProblem(await keyed.inject({ method: "DELETE", url: "/test/write", headers: { "x-api-key": "wrong-key-0123456789" } }), 401);
      expect((await keyed.inject({ method: "DELETE", url: "/test/write", headers: { authorization: `Bearer ${API_KEY}` } })).json()).toEqual({ deleted: true });
      expect((await keyed.inject({ method: "DELETE", url: "/test/write", headers: { "x-api-key": API_KEY } })).statusCode).toBe(200);
    } finally {
      await keyed.close();
    }
  });
});
