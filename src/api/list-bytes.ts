// A list response written from its items' ready JSON, as Postgres wrote it:
// its bytes go out as they are, past the route's serializer.
import type { FastifyReply } from "fastify";

const DATA_OPEN = Buffer.from(`{"data":[`);

/** `{"data":[…],"meta":…}` around `items`, the items' JSON joined by commas. */
export function listBytes(items: Buffer | string, meta: object): Buffer {
  return Buffer.concat([DATA_OPEN, Buffer.isBuffer(items) ? items : Buffer.from(items), Buffer.from(`],"meta":${JSON.stringify(meta)}}`)]);
}

/** Sends what a list route made: JSON bytes as they are, an object through the route's serializer. */
export function sendList<T>(reply: FastifyReply, list: T | Buffer): T {
  if (Buffer.isBuffer(list)) reply.type("application/json; charset=utf-8");
  return list as T;
}
