// The OpenAPI 3.1 document (built from the routes' zod schemas), served at
// GET /openapi.json, and Swagger UI at /docs.
import { STATUS_CODES } from "node:http";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { VERSION } from "../version.ts";
import { API_KEY_SECURITY_SCHEMES } from "./auth.ts";
import { LIST_SEPARATOR } from "./formats/csv.ts";
import { LIST_ROUTES } from "./formats/lists.ts";
import { MEDIA_TYPES } from "./formats/negotiate.ts";
import { PROBLEM_CONTENT_TYPE } from "./problem.ts";

export const TAGS = [
  { name: "system", description: "Liveness, readiness and this document." },
  { name: "articles", description: "The imported news articles every fact is read from." },
  { name: "officials", description: "People, and what each article says of their rank and office." },
  { name: "ministries", description: "Ministries and agencies of each country, and their units." },
  { name: "events", description: "Visits, talks, conferences and other activities." },
  { name: "agreements", description: "Agreements, memoranda and plans, with their parties." },
  { name: "countries", description: "The countries Việt Nam deals with." },
  { name: "search", description: "One search box across the knowledge base." },
];

/** What each error status means here, for the documented responses. */
const ERROR_DESCRIPTIONS: Record<string, string> = {
  "400": "A parameter is invalid: `errors` lists each one, with where it is and why.",
  "401": "The API key is missing or wrong.",
  "404": "There is no such resource.",
  "409": "A conflicting request was being handled at the same moment; send it again.",
  "413": "The body is larger than the server's BODY_LIMIT.",
  "415": "The body is not JSON.",
  "422": "The request is well formed but cannot be used: `detail` says why.",
  "429": "Too many requests from this client; retry after the Retry-After header's seconds.",
  "503": "The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable.",
};

const NOT_RATE_LIMITED = new Set(["/health", "/ready"]);

/** The headers @fastify/rate-limit sends, as reusable components. */
const RATE_LIMIT_HEADERS = {
  "X-RateLimit-Limit": { description: "Requests allowed per window (RATE_LIMIT_MAX).", schema: { type: "integer" as const } },
  "X-RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" as const } },
  "X-RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" as const } },
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" as const } },
};

const singular = (word: string) => (word.endsWith("ies") ? `${word.slice(0, -3)}y` : word.endsWith("s") ? word.slice(0, -1) : word);
const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * An operation's id from its method and path: GET /v1/events → listEvents,
 * GET /v1/events/{id} → getEvent, GET /v1/countries/{code}/events →
 * listCountryEvents, POST /v1/articles → createArticle, GET /health → getHealth.
 * A segment followed by a parameter names one thing; a list's last segment stays plural.
 */
export function operationId(method: string, path: string, isList: boolean): string {
  const segments = path.split("/").filter((s) => s && s !== "v1");
  const words = segments.flatMap((s, i) => (s.startsWith("{") ? [] : [segments[i + 1]?.startsWith("{") || (!isList && i === segments.length - 1) || method === "post" ? singular(s) : s]));
  const verb = method === "post" ? "create" : isList ? "list" : "get";
  return verb + words.map((w) => w.split(/[-_]/).map(capital).join("")).join("");
}

interface Schema {
  $ref?: string;
  description?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, { description?: string; headers?: Record<string, unknown>; content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
  [key: string]: unknown;
}

/** A list's 200 response also in CSV (its columns described) and NDJSON (one item per line). */
function addListFormats(doc: OpenApiDocument): void {
  const schemas = doc.components?.schemas ?? {};
  const resolve = (s: Schema | undefined) => (s?.$ref ? schemas[s.$ref.slice("#/components/schemas/".length)] : s);
  for (const [path, { columns }] of LIST_ROUTES) {
    const content = doc.paths?.[path]?.get?.responses?.["200"]?.content;
    const item = resolve(content?.["application/json"]?.schema)?.properties?.data?.items;
    if (!content || !item) continue;
    content[MEDIA_TYPES.csv] = {
      schema: {
        type: "string",
        description:
          `A header row, then one row per item, every item from the cursor on (format=csv or Accept: text/csv). Columns: ${columns.map((c) => c.header).join(", ")}. ` +
          `A dotted column is a field of a nested object; a list gives one column per field of its items, their values joined with "${LIST_SEPARATOR}" in list order.`,
      },
    };
    content[MEDIA_TYPES.ndjson] = { schema: { ...item, description: "One item per line, every item from the cursor on, streamed (format=ndjson or Accept: application/x-ndjson)." } };
  }
}

/**
 * Touches up the generated document: each response gets a description,
 * problem responses the application/problem+json media type they are sent
 * with, every rate-limited operation its 429, and the unused input copies of
 * the response components are dropped.
 */
function finishDocument(doc: OpenApiDocument): OpenApiDocument {
  addListFormats(doc);
  const schemas = doc.components?.schemas ?? {};
  const problemRef = "#/components/schemas/Problem";
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      operation.operationId ??= operationId(method, path, LIST_ROUTES.has(path) && method === "get");
      // Reads are public: say so, rather than leave it unsaid.
      operation.security ??= [];
      const responses = (operation.responses ??= {});
      if (!NOT_RATE_LIMITED.has(path) && !responses["429"]) {
        responses["429"] = { content: { "application/json": { schema: { $ref: problemRef } } } };
      }
      if (!NOT_RATE_LIMITED.has(path)) {
        for (const [status, response] of Object.entries(responses)) {
          const names = status === "429" ? Object.keys(RATE_LIMIT_HEADERS) : Object.keys(RATE_LIMIT_HEADERS).filter((n) => n !== "Retry-After");
          response.headers = { ...response.headers, ...Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }])) };
        }
      }
      for (const [status, response] of Object.entries(responses)) {
        const json = response.content?.["application/json"];
        const ref = json?.schema?.$ref;
        if (ref === problemRef && response.content) {
          response.content = { [PROBLEM_CONTENT_TYPE]: json! };
        }
        if (!response.description || response.description === "Default Response") {
          const component = ref?.startsWith("#/components/schemas/") ? schemas[ref.slice("#/components/schemas/".length)] : undefined;
          response.description =
            ERROR_DESCRIPTIONS[status] ?? (ref !== problemRef ? component?.description : undefined) ?? STATUS_CODES[Number(status)] ?? "Response";
        }
      }
    }
  }
  // fastify-type-provider-zod adds an "…Input" copy of every component; keep those a request uses.
  let dropped = true;
  while (dropped) {
    dropped = false;
    for (const name of Object.keys(schemas)) {
      if (!name.endsWith("Input")) continue;
      const ref = JSON.stringify(`#/components/schemas/${name}`);
      const { [name]: _self, ...rest } = schemas;
      if (!JSON.stringify({ ...doc, components: { ...doc.components, schemas: rest } }).includes(ref)) {
        delete schemas[name];
        dropped = true;
      }
    }
  }
  return doc;
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "hoptac API",
        description:
          "A knowledge base of Việt Nam's security diplomacy — officials, ministries, events and agreements — read from Vietnamese news articles. " +
          "Every fact links to the article and sentence it comes from. Errors are RFC 9457 problem details (application/problem+json).",
        version: VERSION,
        license: { name: "MIT", identifier: "MIT" },
      },
      tags: TAGS,
      // Relative: the document describes the server that serves it.
      servers: [{ url: "/", description: "This server" }],
      components: { securitySchemes: API_KEY_SECURITY_SCHEMES, headers: RATE_LIMIT_HEADERS },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => finishDocument(jsonSchemaTransformObject(input) as OpenApiDocument),
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
