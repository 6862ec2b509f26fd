// Opaque keyset cursors: base64url JSON of the list, its sort, and the last
// row's sort key and id. A cursor only continues the list and sort it came from.
import { z } from "zod";
import { badRequest } from "../problem.ts";

export interface CursorPosition {
  /** The last row's sort key (a date, a name, a code), or null. */
  key: string | null;
  /** The last row's id, which breaks ties. */
  id: number;
}

const Payload = z.object({
  l: z.string(),
  s: z.string(),
  // Postgres text cannot hold NUL.
  k: z.string().max(1000).refine((k) => !k.includes("\u0000")).nullable(),
  i: z.number().int().min(0).max(2_147_483_647),
});

export function encodeCursor(list: string, sort: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ l: list, s: sort, k: position.key, i: position.id }), "utf8").toString("base64url");
}

function invalid(message: string) {
  return badRequest(`The request's query has an invalid value: cursor: ${message}`, {
    extensions: { errors: [{ in: "query", name: "cursor", message }] },
  });
}

/** The position a cursor stands for; a 400 problem when it is not one this list and sort handed out. */
export function decodeCursor(raw: string, list: string, sort: string, validKey: (key: string | null) => boolean = () => true): CursorPosition {
  let payload: z.infer<typeof Payload>;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw new Error("not base64url");
    payload = Payload.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (!validKey(payload.k)) throw new Error("bad key");
  } catch {
    throw invalid("is not a cursor this API handed out; use meta.next_cursor from a previous page as it is");
  }
  if (payload.l !== list) throw invalid(`comes from another list (${payload.l}), not ${list}`);
  if (payload.s !== sort) throw invalid(`was made for sort=${payload.s}; repeat the request with that sort, or start again without a cursor`);
  return { key: payload.k, id: payload.i };
}

/** Cuts the extra row a page query fetched and makes the cursor for the next page. */
export function paginate<T>(rows: T[], limit: number, list: string, sort: string, position: (row: T) => CursorPosition): { rows: T[]; next: string | null } {
  if (rows.length <= limit) return { rows, next: null };
  const page = rows.slice(0, limit);
  return { rows: page, next: encodeCursor(list, sort, position(page[page.length - 1]!)) };
}
