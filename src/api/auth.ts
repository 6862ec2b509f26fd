// API key check for the endpoints that change data. Use it as a route's
// preHandler: `{ preHandler: requireApiKey, schema: { security: API_KEY_SECURITY, … } }`.
import { timingSafeEqual, createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { serviceUnavailable, unauthorized } from "./problem.ts";

/** OpenAPI security requirement for write endpoints: either scheme will do. */
export const API_KEY_SECURITY: Record<string, string[]>[] = [{ apiKey: [] }, { bearerAuth: [] }];

export const API_KEY_SECURITY_SCHEMES = {
  apiKey: { type: "apiKey", in: "header", name: "X-API-Key", description: "The server's API_KEY." },
  bearerAuth: { type: "http", scheme: "bearer", description: "The server's API_KEY as a bearer token." },
} as const;

function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers["x-api-key"];
  if (typeof header === "string" && header) return header;
  const auth = request.headers.authorization;
  const match = auth ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return match?.[1]?.trim();
}

function sameKey(a: string, b: string): boolean {
  // Hash first so that the comparison takes the same time whatever the lengths.
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

const CHALLENGE = { "www-authenticate": 'Bearer realm="hoptac"' };

export async function requireApiKey(request: FastifyRequest): Promise<void> {
  const expected = request.server.config.apiKey;
  if (!expected) {
    throw serviceUnavailable(
      "Writes are disabled on this server because it has no API key. Set API_KEY (at least 16 characters) and restart to enable them.",
    );
  }
  const given = presentedKey(request);
  if (!given) {
    throw unauthorized('This endpoint changes data and needs the API key, sent as "Authorization: Bearer <key>" or "X-API-Key: <key>".', {
      headers: CHALLENGE,
    });
  }
  if (!sameKey(given, expected)) throw unauthorized("The API key is not valid.", { headers: CHALLENGE });
}
