// Within one batch, an official found again under a fuller name gets it as an
// alias, and a later article of the same batch naming them as before builds on
// that: the batch gives the knowledge base of a one-at-a-time import. The
// articles in tests/fixtures/renamed-official are written for the project.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "../../src/import/run.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { dump } from "../helpers/knowledge-base.ts";

const FIXTURES = "tests/fixtures/renamed-official";

describe("an official renamed inside a batch", () => {
  let single: TestDatabase;
  let batched: TestDatabase;
  beforeAll(async () => {
    single = await createTestDatabase("renamed_single");
    batched = await createTestDatabase("renamed_batched");
  });
  afterAll(async () => {
    await single.drop();
    await batched.drop();
  });

  it("keeps the fuller name as an alias, as one article at a time does", async () => {
    for (const f of fs.readdirSync(FIXTURES).sort()) expect((await importPaths(single.prisma, [path.join(FIXTURES, f)])).imported).toBe(1);
    expect((await importPaths(batched.prisma, [FIXTURES])).imported).toBe(3);

    const guest = await batched.prisma.official.findFirstOrThrow({ where: { name: "Carlos Estrada" }, include: { mentions: true } });
    expect(guest.aliases).toEqual(["Carlos Alberto Estrada", "Estrada"]);
    expect(guest.mentions).toHaveLength(3);
    expect(await dump(batched)).toEqual(await dump(single));
  }, 60_000);
});
