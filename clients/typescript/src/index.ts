// A typed client for the hoptac API: openapi-fetch over the types that
// openapi-typescript generates from the API's OpenAPI document (schema.ts).
import createFetchClient, { type ClientOptions } from "openapi-fetch";
import type { components, operations, paths } from "./schema.ts";

export type { components, operations, paths };

type Schemas = components["schemas"];
export type Event = Schemas["Event"];
export type EventDetail = Schemas["EventDetail"];
export type Official = Schemas["Official"];
export type OfficialDetail = Schemas["OfficialDetail"];
export type Country = Schemas["Country"];
export type Ministry = Schemas["Ministry"];
export type Agreement = Schemas["Agreement"];
export type Article = Schemas["Article"];
export type Change = Schemas["Change"];
export type Problem = Schemas["Problem"];

/**
 * A client for the hoptac server at `baseUrl` (for example http://127.0.0.1:3000).
 * Its GET and POST methods take the API's paths, and type their parameters,
 * bodies, answers and problem documents.
 */
export function createHoptacClient(baseUrl: string, options: Omit<ClientOptions, "baseUrl"> = {}) {
  // JSON answers and problem documents: the lists' CSV and NDJSON are for fetching by hand.
  return createFetchClient<paths, "application/json" | "application/problem+json">({ ...options, baseUrl });
}

export type HoptacClient = ReturnType<typeof createHoptacClient>;
