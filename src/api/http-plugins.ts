// The third-party HTTP plugins, registered before the app's own, and the
// headers every response carries. What does not change from one request to
// the next is worked out once: the security headers are helmet's, set from a
// table made at startup (helmet itself reads its options again on every
// request), and a response's body is encoded once, then hashed for its ETag
// and written as those bytes.
import { hash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import compress from "@fastify/compress";
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";
import type { Config } from "../config/env.ts";
import { REQUEST_ID_HEADER } from "./request-id.ts";

const HELMET: Readonly<HelmetOptions> = {
  contentSecurityPolicy: {
    // Swagger UI at /docs loads only its own scripts and styles; images may be data: URIs.
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", "data:"],
      // The API is often served over plain http (locally, in compose): do not
      // make browsers rewrite the /docs assets to https.
      upgradeInsecureRequests: null,
    },
  },
};

/**
 * Responses compressed for clients that ask (browsers, fetch, Python's
 * requests all do), in the request's own turn and at fast levels. At 1 M
 * events a page of 50 events (60 kB) cost the API 1.9 ms of CPU compressed,
 * against 0.5 ms sent as it is: above 8 kB on two cores the plugin streamed
 * the body through zlib's thread pool, and brotli's quality 4 and gzip's
 * level 6 take 0.45 and 0.56 ms for it, where quality and level 3 take 0.23
 * and 0.12 ms for 10.0 and 10.2 kB (instead of 9.5 and 9.1). The largest
 * page (1,000 events, 1.2 MB) takes about 5 ms.
 */
export const COMPRESSION = {
  syncThreshold: 2 << 20,
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 3 } },
  zlibOptions: { level: 3 },
};

/** The headers helmet sets with these options (the same on every response), by name. */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

export async function registerHttpPlugins(app: FastifyInstance, config: Config): Promise<void> {
  const security = securityHeaders(HELMET);
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(security);
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  await app.register(cors, {
    origin: config.corsOrigin === "*" ? "*" : config.corsOrigin,
    // The methods the API has; an OPTIONS request without Origin is answered too (204), not refused.
    methods: ["GET", "HEAD", "POST", "OPTIONS"],
    strictPreflight: false,
    allowedHeaders: ["content-type", "authorization", "x-api-key", REQUEST_ID_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER, "etag", "retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
  });
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
  });
  await app.register(compress, { global: true, ...COMPRESSION });
  app.addHook("onSend", (request, reply, payload, done) => {
    // Text and bytes get an ETag (a hash of the body as sent); other payloads (streams) none.
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return done(null, payload);
    const body = typeof payload === "string" ? Buffer.from(payload) : payload;
    let etag = reply.getHeader("etag");
    if (!etag) {
      etag = `"${hash("sha1", body, "base64")}"`;
      reply.header("etag", etag);
    }
    if ((request.method === "GET" || request.method === "HEAD") && reply.statusCode === 200 && matchesEtag(request.headers["if-none-match"], etag)) {
      reply.code(304);
      return done(null, "");
    }
    done(null, body);
  });
}

/** If-None-Match (RFC 9110 §13.1.2): "*" or a list of tags, compared weakly. */
export function matchesEtag(header: string | undefined, etag: unknown): boolean {
  if (!header || typeof etag !== "string") return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}
