// The store's lookup of a stored agreement that a new report may be another
// report of, on a real Postgres: it reads only the agreements whose signing
// dates may agree, and still finds every one agreementMatch would accept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { poolOf } from "../../src/db/client.ts";
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
