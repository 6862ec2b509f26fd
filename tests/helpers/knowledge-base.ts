// What two imports are compared by: the knowledge base's dump, and the
// search texts the dump leaves out.
import { buildDump } from "../../src/db/dump.ts";
import type { TestDatabase } from "./db.ts";

/** The knowledge base, without the time the dump was made. */
export async function dump(db: TestDatabase): Promise<Record<string, unknown>> {
  const { generated_at: _, ...rest } = (await buildDump(db.prisma)) as unknown as Record<string, unknown>;
  return rest;
}

/** What the dump leaves out and a batch writes on its own: the events' and officials' search texts. */
export async function searchTexts(db: TestDatabase) {
  const events = await db.prisma.event.findMany({ orderBy: { id: "asc" }, select: { id: true, searchText: true } });
  const officials = await db.prisma.official.findMany({ orderBy: { id: "asc" }, select: { id: true, searchText: true } });
  return { events, officials };
}
