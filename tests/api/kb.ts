// A knowledge base for the API tests: a fresh database with the seed articles
// imported, and the app on it.
import type { FastifyInstance } from "fastify";
import request from "supertest";
import type { z } from "zod";
import { buildApp } from "../../src/api/app.ts";
import type { EventDetailSchema, EventSchema } from "../../src/api/schemas/resources.ts";
import { loadConfig } from "../../src/config/env.ts";
import { importPaths } from "../../src/import/run.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

export const SEEDS = new URL("../../data/seeds/", import.meta.url).pathname;

export interface List<T> {
  data: T[];
  meta: { count: number; count_estimated?: true; next_cursor: string | null };
}

export type Event = z.infer<typeof EventSchema>;
export type EventDetail = z.infer<typeof EventDetailSchema>;

export interface Kb {
  db: TestDatabase;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function seededKb(label: string, env: NodeJS.ProcessEnv = {}): Promise<Kb> {
  const db = await createTestDatabase(label);
  const summary = await importPaths(db.prisma, [SEEDS]);
  if (summary.imported !== 5) throw new Error(`expected the 5 seed articles, imported ${summary.imported}`);
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "100000", ...env }), prisma: db.prisma });
  await app.ready();
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** GET a path and expect 200 JSON. */
export async function getJson<T>(app: FastifyInstance, path: string): Promise<T> {
  const res = await request(app.server).get(path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.text}`);
  return res.body as T;
}

/** Every item of a list (after cursor `from`, if given), page by page following meta.next_cursor; fails on a repeated cursor. */
export async function allPages<T>(app: FastifyInstance, path: string, from: string | null = null): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = from;
  let pages = 0;
  const seen = new Set<string>();
  do {
    const sep = path.includes("?") ? "&" : "?";
    const body: { data: T[]; meta: { next_cursor: string | null } } = await getJson(app, cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path);
    items.push(...body.data);
    pages++;
    cursor = body.meta.next_cursor;
    if (cursor !== null) {
      if (seen.has(cursor)) throw new Error(`cursor repeated: ${cursor}`);
      seen.add(cursor);
    }
    if (pages > 1000) throw new Error("too many pages");
  } while (cursor !== null);
  return { items, pages };
}

/** Expects an RFC 9457 problem with this status, and returns it. */
export function expectProblemShape(res: request.Response, status: number) {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  if (!/^application\/problem\+json/.test(String(res.headers["content-type"]))) throw new Error(`not problem+json: ${res.headers["content-type"]}`);
  if (/\n\s+at /.test(res.text)) throw new Error("a stack trace in the response");
  return res.body as { type: string; title: string; status: number; detail: string; errors?: { in: string; name: string; message: string }[] };
}
