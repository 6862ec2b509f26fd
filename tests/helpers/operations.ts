// Every operation of the OpenAPI document as a concrete request: path
// parameters filled in, required query parameters given their example.
import type { FastifyInstance } from "fastify";

export interface Operation {
  method: string;
  /** The path as documented, e.g. /v1/events/{id}. */
  template: string;
  /** A request for it that is valid (ids and codes may not exist). */
  url: string;
  pathParams: string[];
  queryParams: { name: string; required: boolean; type: string | undefined; example: unknown }[];
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { type?: string; example?: unknown; examples?: unknown[]; items?: { type?: string } };
  example?: unknown;
}

const PATH_VALUES: Record<string, string> = { id: "1", code: "CU" };

export async function operations(app: FastifyInstance): Promise<Operation[]> {
  const doc = JSON.parse((await app.inject("/openapi.json")).payload) as {
    paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
  };
  const out: Operation[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === "path").map((p) => p.name);
      const queryParams = params
        .filter((p) => p.in === "query")
        .map((p) => ({ name: p.name, required: !!p.required, type: p.schema?.type ?? p.schema?.items?.type, example: p.example ?? p.schema?.example ?? p.schema?.examples?.[0] }));
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? "1");
      const query = queryParams.filter((q) => q.required).map((q) => `${q.name}=${encodeURIComponent(String(q.example ?? "x"))}`);
      out.push({ method: method.toUpperCase(), template, url: query.length ? `${path}?${query.join("&")}` : path, pathParams, queryParams });
    }
  }
  return out;
}
