import { afterAll, describe, expect, it } from "vitest";
import { knownWay, rememberBound } from "../../src/api/query/page-ways.ts";
import { poolReader } from "../../src/db/reader.ts";

// Never connected: a reader is only the key its filters' bounds are kept under.
const reader = poolReader(["postgresql://hoptac@127.0.0.1:1/none"]);
const other = poolReader(["postgresql://hoptac@127.0.0.1:1/none"]);
afterAll(async () => {
  await Promise.all([reader.close(), other.close()]);
});

describe("page ways", () => {
  it("reads few events whole and walks for many, once a page has told, per reader and filters, for a minute", () => {
    const t = 1_000_000;
    expect(knownWay(reader, { topic: "drugs" }, 2000, t)).toBe("either");
    rememberBound(reader, { topic: "drugs" }, 40, t);
    rememberBound(reader, { countries: ["VN", "CU"] }, 90_000, t);
    expect(knownWay(reader, { topic: "drugs" }, 2000, t + 1)).toBe("whole");
    // The same filters in another order are the same filters.
    expect(knownWay(reader, { countries: ["CU", "VN", "CU"] }, 2000, t + 1)).toBe("walk");
    expect(knownWay(reader, { topic: "drugs", types: ["visit"] }, 2000, t + 1)).toBe("either");
    expect(knownWay(other, { topic: "drugs" }, 2000, t + 1)).toBe("either");
    expect(knownWay(reader, { topic: "drugs" }, 2000, t + 61_000)).toBe("either");
  });

  it("keeps the latest 5,000 filters", () => {
    for (let i = 0; i <= 5_000; i++) rememberBound(reader, { official: i }, i, 0);
    expect(knownWay(reader, { official: 0 }, 2000, 1)).toBe("either");
    expect(knownWay(reader, { official: 1 }, 2000, 1)).toBe("whole");
    expect(knownWay(reader, { official: 5_000 }, 2000, 1)).toBe("walk");
  });
});
