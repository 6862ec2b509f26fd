// npm run client:generate: the typed client's types (clients/typescript/src/schema.ts)
// from the API's OpenAPI document, as the running server serves it at /openapi.json.
import { writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { buildApp } from "../src/api/app.ts";
import { loadConfig } from "../src/config/env.ts";
import { createPrisma } from "../src/db/client.ts";

export const CLIENT_TYPES = fileURLToPath(new URL("../clients/typescript/src/schema.ts", import.meta.url));

const HEADER = "// The hoptac API's types, generated from its OpenAPI document by `npm run client:generate`; do not edit.\n\n";

/** The API's OpenAPI document, from the app itself (no database is contacted). */
export async function apiDocument(): Promise<unknown> {
  const prisma = createPrisma("postgresql://unused@127.0.0.1:1/unused");
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent" }), prisma });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await prisma.$disconnect();
  }
}

/** The TypeScript types of a document's paths, operations and components. */
export async function clientTypes(doc: unknown): Promise<string> {
  const ast = await openapiTS(doc as Parameters<typeof openapiTS>[0], { alphabetize: false, exportType: true });
  return HEADER + astToString(ast);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const text = await clientTypes(await apiDocument());
  await writeFile(CLIENT_TYPES, text);
  process.stderr.write(`wrote ${CLIENT_TYPES}\n`);
}
