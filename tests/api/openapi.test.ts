// The OpenAPI document the query API's zod schemas make: valid OpenAPI 3.1,
// every endpoint, its parameters and responses described.
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { Validator } from "@seriousme/openapi-schema-validator";
import type { FastifyInstance } from "fastify";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: { type?: string | string[]; example?: unknown; items?: { pattern?: string; enum?: string[] } };
}
interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: { example?: unknown } }> };
  responses: Record<string, { description: string; headers?: Record<string, { $ref: string }>; content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { description?: string; example?: unknown }> };
}

let db: TestDatabase;
let app: FastifyInstance;
let doc: Doc;

const ENDPOINTS: [string, string][] = [
  ["get", "/v1/events"],
  ["get", "/v1/events/{id}"],
  ["get", "/v1/officials"],
  ["get", "/v1/officials/{id}"],
  ["get", "/v1/officials/{id}/events"],
  ["get", "/v1/countries"],
  ["get", "/v1/countries/{code}"],
  ["get", "/v1/countries/{code}/events"],
  ["get", "/v1/countries/{code}/timeline"],
  ["get", "/v1/ministries"],
  ["get", "/v1/ministries/{id}"],
  ["get", "/v1/agreements"],
  ["get", "/v1/agreements/{id}"],
  ["get", "/v1/articles"],
  ["get", "/v1/articles/{id}"],
  ["post", "/v1/articles"],
  ["get", "/v1/search"],
  ["get", "/v1/stats"],
];

beforeAll(async () => {
  db = await createTestDatabase("api_openapi");
  app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent" }), prisma: db.prisma });
  await app.ready();
  const res = await request(app.server).get("/openapi.json");
  expect(res.status).toBe(200);
  doc = res.body as Doc;
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

describe("/openapi.json", () => {
  it("validates as OpenAPI 3.1", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents every endpoint with a summary, a tag, its success and its errors as problem+json", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => [m, path]));
    expect(documented.filter(([, p]) => p!.startsWith("/v1/"))).toEqual(expect.arrayContaining(ENDPOINTS));
    for (const [method, path] of ENDPOINTS) {
      const op = doc.paths[path]![method]!;
      expect(op.summary, `${method} ${path}`).toEqual(expect.any(String));
      expect(op.tags!.length).toBeGreaterThan(0);
      const success = op.responses[method === "post" ? "201" : "200"]!;
      expect(success.content!["application/json"]!.schema).toBeDefined();
      for (const status of ["400", "429", ...(path.includes("{") ? ["404"] : [])]) {
        const response = op.responses[status];
        expect(response, `${method} ${path} ${status}`).toBeDefined();
        expect(response!.description).not.toBe("Default Response");
        expect(response!.content!["application/problem+json"]!.schema.$ref).toBe("#/components/schemas/Problem");
      }
    }
  });

  it("describes each /v1/events parameter, repeatable ones as arrays, with the examples a newcomer needs", () => {
    const params = doc.paths["/v1/events"]!.get!.parameters!;
    expect(params.map((p) => p.name)).toEqual(["country", "official", "ministry", "type", "topic", "from", "to", "q", "updated_since", "sort", "limit", "cursor", "select", "format"]);
    for (const p of params) {
      expect(p.in).toBe("query");
      expect(p.description, p.name).toEqual(expect.any(String));
    }
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.country!.schema).toMatchObject({ type: "array", items: { pattern: "^[A-Za-z]{2}$" }, example: ["CU"] });
    expect(byName.type!.schema).toMatchObject({ type: "array", items: { enum: ["visit", "talks", "reception", "conference", "signing", "ceremony", "award", "other"] } });
    expect(byName.from!.schema.example).toBe("2024");
    expect(byName.limit!.schema).toMatchObject({ maximum: 200, default: 50 });
    expect(doc.paths["/v1/agreements"]!.get!.parameters!.find((p) => p.name === "country")!.schema.example).toEqual(["RU"]);
    const id = doc.paths["/v1/events/{id}"]!.get!.parameters!.find((p) => p.name === "id")!;
    expect(id).toMatchObject({ in: "path", required: true, schema: { type: "integer" } });
  });

  it("has the resources as components, with descriptions and examples", () => {
    const { schemas } = doc.components;
    for (const name of ["Event", "EventDetail", "Official", "OfficialDetail", "Country", "Ministry", "MinistryDetail", "Agreement", "Article", "ArticleDetail", "SearchHit", "Stats", "Problem"]) {
      expect(schemas[name], name).toBeDefined();
    }
    expect(schemas.Event!.description).toMatch(/visit/);
    expect(schemas.CountryRef!.example).toEqual({ code: "CU", name_vi: "Cuba", name_en: "Cuba" });
    expect(Object.keys(schemas).filter((n) => n.endsWith("Input"))).toEqual([]);
  });

  it("offers every list in CSV, with its columns, and NDJSON", () => {
    const events = doc.paths["/v1/events"]!.get!.responses["200"]!.content!;
    expect(Object.keys(events)).toEqual(["application/json", "text/csv", "application/x-ndjson"]);
    expect((events["text/csv"]!.schema as { description: string }).description).toMatch(/Columns: id, type, type_label\.vi, type_label\.en, .*officials\.name/);
    expect(events["application/x-ndjson"]!.schema.$ref).toBe("#/components/schemas/Event");
    for (const path of ["/v1/officials", "/v1/countries/{code}/events", "/v1/countries/{code}/timeline", "/v1/stats", "/v1/search", "/v1/articles"]) {
      expect(Object.keys(doc.paths[path]!.get!.responses["200"]!.content!), path).toContain("text/csv");
    }
    expect(Object.keys(doc.paths["/v1/events/{id}"]!.get!.responses["200"]!.content!)).toEqual(["application/json"]);
  });

  it("passes Redocly's recommended rules with no error", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: "/openapi.json", config });
    const errors = problems.filter((p) => p.severity === "error").map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it("names every operation, in one pattern, and says public reads need no key", () => {
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const id = (method: string, path: string) => doc.paths[path]![method]!.operationId;
    expect(id("get", "/v1/events")).toBe("listEvents");
    expect(id("get", "/v1/events/{id}")).toBe("getEvent");
    expect(id("get", "/v1/countries/{code}/events")).toBe("listCountryEvents");
    expect(id("post", "/v1/articles")).toBe("createArticle");
    expect(id("get", "/v1/changes")).toBe("listChanges");
    expect(id("get", "/v1/dump")).toBe("getDump");
    expect(doc.paths["/v1/events"]!.get!.security).toEqual([]);
  });

  it("documents the rate-limit headers on every counted answer", () => {
    const events = doc.paths["/v1/events"]!.get!.responses;
    expect(Object.keys(events["200"]!.headers!)).toEqual(["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]);
    expect(events["429"]!.headers!["Retry-After"]).toEqual({ $ref: "#/components/headers/Retry-After" });
    expect(doc.paths["/health"]!.get!.responses["200"]!.headers).toBeUndefined();
  });

  it("marks the ingest endpoint as needing the API key, with an example body", () => {
    const op = doc.paths["/v1/articles"]!.post!;
    expect(op.security).toEqual([{ apiKey: [] }, { bearerAuth: [] }]);
    expect(op.requestBody!.content["application/json"]!.schema.example).toMatchObject({ text: expect.any(String) });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "201", "401", "422", "503"]));
  });
});
