// A batch of new articles resolves all its officials before it writes its
// reports: an event a report joins still takes its people's names as they
// were after that article, not as a later article of the batch renames them,
// as one article at a time gives; and a later article matches by name an
// official the batch created. The articles are written for the project.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "../../src/import/run.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { dump, searchTexts } from "../helpers/knowledge-base.ts";

const STORED = "tests/fixtures/renamed-official/1-reception.txt";
// The same reception told again, then talks that give the guest a fuller name.
const BATCH = ["tests/fixtures/names-in-batch/1-reception-again.txt", "tests/fixtures/renamed-official/2-talks-full-name.txt"];

describe("a batch's reports and its officials' names", () => {
  let single: TestDatabase;
  let batched: TestDatabase;
  beforeAll(async () => {
    single = await createTestDatabase("names_single");
    batched = await createTestDatabase("names_batched");
  });
  afterAll(async () => {
    await single.drop();
    await batched.drop();
  });

  it("writes each event with the names its people had after the article that reported it", async () => {
    for (const db of [single, batched]) expect((await importPaths(db.prisma, [path.resolve(STORED)])).imported).toBe(1);
    for (const f of BATCH) expect((await importPaths(single.prisma, [path.resolve(f)])).imported).toBe(1);
    expect((await importPaths(batched.prisma, BATCH.map((f) => path.resolve(f)))).imported).toBe(2);

    const reception = await batched.prisma.event.findFirstOrThrow({ where: { type: "reception" }, include: { sources: true } });
    expect(reception.sources).toHaveLength(2);
    expect(reception.searchText).not.toContain("Alberto");
    const guest = await batched.prisma.official.findFirstOrThrow({ where: { name: "Carlos Estrada" } });
    expect(guest.aliases).toContain("Carlos Alberto Estrada");
    expect(await searchTexts(batched)).toEqual(await searchTexts(single));
    expect(await dump(batched)).toEqual(await dump(single));
  }, 60_000);

  it("matches an official the batch created by another form of its name, as one article at a time does", async () => {
    const pair = ["tests/fixtures/renamed-official/2-talks-full-name.txt", "tests/fixtures/renamed-official/3-farewell.txt"].map((f) => path.resolve(f));
    const [one, two] = [await createTestDatabase("names_created_single"), await createTestDatabase("names_created_batched")];
    try {
      for (const f of pair) expect((await importPaths(one.prisma, [f])).imported).toBe(1);
      expect((await importPaths(two.prisma, pair)).imported).toBe(2);
      const guest = await two.prisma.official.findFirstOrThrow({ where: { countryCode: "CU" }, include: { mentions: true } });
      expect(guest.mentions).toHaveLength(2);
      expect(await two.prisma.official.count({ where: { countryCode: "CU" } })).toBe(1);
      expect(await searchTexts(two)).toEqual(await searchTexts(one));
      expect(await dump(two)).toEqual(await dump(one));
    } finally {
      await one.drop();
      await two.drop();
    }
  }, 60_000);
});
