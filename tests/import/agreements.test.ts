// The store's lookup of a stored agreement that a new report may be another
// report of, on a real Postgres: it reads only the agreements whose signing
// dates may agree, and still finds every one agreementMatch would accept; and
// the agreements' filter keys it writes itself, beside their parties.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "../../src/db/client.ts";
import { derivedDrift } from "../../src/db/derived.ts";
import { primaryReader } from "../../src/db/reader.ts";
import type { PartialDate } from "../../src/dates/value.ts";
import type { AgreementFacts } from "../../src/identity/agreements.ts";
import { gazetteer } from "../../src/import/extract.ts";
import { importPaths } from "../../src/import/run.ts";
import { createAgreement, findAgreement } from "../../src/import/store/agreements.ts";
import { transaction } from "../../src/import/store/tx.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const parties = [{ country: "VN", ministry: null, unit: null }, { country: "CU", ministry: null, unit: null }];
const memo = (signed: PartialDate | null, title = "Bản ghi nhớ hợp tác phòng, chống tội phạm sử dụng công nghệ cao"): AgreementFacts =>
  ({ type: "mou", title, signed: signed && { ...signed, from: {} }, parties, event: null });

describe("looking up a stored agreement", () => {
  let db: TestDatabase;
  let articleId: number;
  beforeAll(async () => {
    db = await createTestDatabase("import_agreements");
    await importPaths(db.prisma, ["data/seeds/000_5d531d129e3fa79b.txt"]);
    articleId = (await db.prisma.article.findFirstOrThrow()).id;
  });
  afterAll(async () => db.drop());

  /** Stores one agreement signed `stored`, then looks for a report signed `incoming` from another article; rolled back. */
  async function lookup(stored: PartialDate | null, incoming: PartialDate | null): Promise<boolean> {
    let found = false;
    await transaction(poolOf(db.prisma), async (tx) => {
      const id = await createAgreement(tx, gazetteer(), memo(stored), { articleId, sentence: "Hai bên ký Bản ghi nhớ hợp tác." });
      found = (await findAgreement(tx, articleId + 1000, memo(incoming))) === id;
      throw new Error("rollback");
    }).catch((e: unknown) => {
      if (!(e instanceof Error && e.message === "rollback")) throw e;
    });
    return found;
  }

  it("finds an agreement whose signing date agrees: same day, its month, its year, or a date missing on either side", async () => {
    expect(await lookup({ y: 2024, m: 3, d: 5 }, { y: 2024, m: 3, d: 5 })).toBe(true);
    expect(await lookup({ y: 2024, m: 3, d: 5 }, { y: 2024, m: 3 })).toBe(true);
    expect(await lookup({ y: 2024 }, { y: 2024, m: 11, d: 30 })).toBe(true);
    expect(await lookup({ m: 3, d: 5 }, { y: 2023, m: 3, d: 5 })).toBe(true);
    expect(await lookup({ y: 2024, m: 3, d: 5 }, { m: 3, d: 5 })).toBe(true);
    expect(await lookup(null, { y: 2022 })).toBe(true);
    expect(await lookup({ y: 2024, m: 3, d: 5 }, null)).toBe(true);
  });

  it("leaves out one signed on another day, month or year", async () => {
    expect(await lookup({ y: 2024, m: 3, d: 5 }, { y: 2024, m: 3, d: 6 })).toBe(false);
    expect(await lookup({ y: 2024, m: 3 }, { y: 2024, m: 4 })).toBe(false);
    expect(await lookup({ y: 2024 }, { y: 2023, m: 12, d: 31 })).toBe(false);
  });
});

describe("an agreement's filter keys", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("import_agreement_keys");
    await importPaths(db.prisma, ["data/seeds"]);
  });
  afterAll(async () => db.drop());

  const drift = async () => (await derivedDrift(primaryReader(db.prisma))).keys;

  it("are written by the store with the parties, when an agreement is made, reported again and rebuilt", async () => {
    const [signed] = await db.prisma.$queryRaw<{ file: string; agreement: number; codes: string[] }[]>`
      SELECT ar.file, a.id AS agreement, a.country_codes AS codes FROM agreement_sources s
      JOIN articles ar ON ar.id = s.article_id JOIN agreements a ON a.id = s.agreement_id ORDER BY a.id LIMIT 1`;
    expect(signed!.codes.length).toBeGreaterThan(1);
    expect(await drift()).toBe(0);

    // The same article under another name: another report of the same agreement, which is rebuilt from both.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoptac-agreement-keys-"));
    try {
      const text = fs.readFileSync(path.join("data/seeds", path.basename(signed!.file)), "utf8");
      fs.writeFileSync(path.join(dir, "again.txt"), text);
      await importPaths(db.prisma, [dir]);
      const sources = await db.prisma.agreementSource.count({ where: { agreementId: signed!.agreement } });
      expect(sources).toBe(2);
      expect(await drift()).toBe(0);

      // It changes and no longer reports it: the agreement is rebuilt from its first report alone.
      fs.writeFileSync(path.join(dir, "again.txt"), `${text.split("\n")[0]}\n`);
      expect((await importPaths(db.prisma, [dir])).updated).toBe(1);
      expect(await db.prisma.agreementSource.count({ where: { agreementId: signed!.agreement } })).toBe(1);
      expect(await drift()).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
