// A batched import with extraction in worker threads gives exactly the
// knowledge base that importing the articles one at a time, in path order,
// gives: same rows, same ids, same merges.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtractionPool } from "../../src/extraction/pool.ts";
import { importPaths } from "../../src/import/run.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { dump, searchTexts } from "../helpers/knowledge-base.ts";

// The dev corpus when it is there (read in place), else the bundled articles.
const DEV = path.resolve("../shared/corpus/dev");
const CORPUS = fs.existsSync(DEV) ? DEV : "data/seeds";

describe("batched and parallel import", () => {
  let single: TestDatabase;
  let batched: TestDatabase;
  let pool: ExtractionPool;
  beforeAll(async () => {
    single = await createTestDatabase("import_single");
    batched = await createTestDatabase("import_batched");
    pool = new ExtractionPool({ threads: 2 });
  });
  afterAll(async () => {
    await pool.close();
    await single.drop();
    await batched.drop();
  });

  it("gives the dump of a one-at-a-time import in path order", async () => {
    const files = fs.readdirSync(CORPUS).filter((f) => !f.startsWith(".") && f !== "gold.json").sort();
    expect(files.length).toBeGreaterThan(3);
    let one = 0;
    for (const f of files) one += (await importPaths(single.prisma, [path.join(CORPUS, f)])).imported;

    const s = await importPaths(batched.prisma, [CORPUS], { pool });
    expect(s.imported).toBe(one);
    expect(s.skipped.map((k) => path.basename(k.file))).toEqual([]);
    const [a, b] = [await dump(single), await dump(batched)];
    expect((a as { events: unknown[] }).events.length).toBeGreaterThan(5);
    expect(b).toEqual(a);
    expect(await searchTexts(batched)).toEqual(await searchTexts(single));

    // Importing again, all unchanged, changes nothing.
    const again = await importPaths(batched.prisma, [CORPUS], { pool });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: one });
    expect(await dump(batched)).toEqual(a);
  }, 300_000);
});
