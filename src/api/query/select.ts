// select=: the fields of each item a list returns (as OpenAlex does), so that
// a client can skip the nested objects it does not need. Events skip the SQL
// of the fields left out; every list leaves them out of its items.
import type { FastifyReply } from "fastify";
import { z } from "zod";

/** The `select` query parameter of a list whose items have these fields. */
export function selectParam(fields: readonly string[]) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): string[] | undefined => {
      if (raw === undefined) return undefined;
      const names = raw.split(",").map((s) => s.trim()).filter((s) => s !== "");
      const unknown = names.filter((n) => !fields.includes(n));
      if (!names.length || unknown.length) {
        ctx.addIssue({ code: "custom", message: `must list fields of the items, comma-separated: ${fields.join(", ")}${unknown.length ? `; not ${unknown.join(", ")}` : ""}` });
        return z.NEVER;
      }
      return [...new Set(names)];
    })
    .describe(`Only these fields of each item, comma-separated (${fields.join(", ")}); all of them when absent.`)
    .meta({ example: "id,type,start,summary" });
}

/**
 * The item with only the selected fields (all of them when none are). Typed as
 * the whole item: the list's schema describes whole items, and a response
 * with a selection is sent without it (sendSelected).
 */
export function pick<T extends object>(item: T, fields: readonly string[] | undefined): T {
  if (!fields) return item;
  return Object.fromEntries(fields.filter((f) => f in item).map((f) => [f, (item as Record<string, unknown>)[f]])) as T;
}

/** A response whose items have fields left out no longer matches the list's schema: it is sent as JSON as it is. */
export function sendSelected(reply: FastifyReply, select: readonly string[] | undefined): void {
  if (select) reply.type("application/json; charset=utf-8").serializer((payload) => JSON.stringify(payload));
}
