// A list response written from its items' ready JSON, as Postgres wrote it:
// its bytes go out as they are, past the route's serializer.
import type { FastifyReply } from "fastify";

const DATA_OPEN = Buffer.from(`{"data":[`);

/** The items' JSON joined by commas: as text, or as its UTF-8 in base64 (as Postgres hands a page over). */
export type ListItems = string | { base64: string };

/**
 * `{"data":[…],"meta":…}` around `items`, written into one buffer: a page's
 * base64 is decoded in place rather than into a buffer of its own and copied.
 */
export function listBytes(items: ListItems, meta: object): Buffer {
  const tail = `],"meta":${JSON.stringify(meta)}}`;
  const [text, encoding] = typeof items === "string" ? [items, "utf8" as const] : [items.base64, "base64" as const];
  const size = Buffer.byteLength(text, encoding);
  const bytes = Buffer.allocUnsafe(DATA_OPEN.length + size + Buffer.byteLength(tail));
  DATA_OPEN.copy(bytes);
  const end = DATA_OPEN.length + bytes.write(text, DATA_OPEN.length, encoding);
  return bytes.subarray(0, end + bytes.write(tail, end));
}

/** Sends what a list route made: JSON bytes as they are, an object through the route's serializer. */
export function sendList<T>(reply: FastifyReply, list: T | Buffer): T {
  if (Buffer.isBuffer(list)) reply.type("application/json; charset=utf-8");
  return list as T;
}
