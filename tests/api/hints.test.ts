import { afterAll, describe, expect, it } from "vitest";
import { recall, remember } from "../../src/api/query/hints.ts";
import { knownWay, rememberWay } from "../../src/api/query/page-ways.ts";
import { poolReader } from "../../src/db/reader.ts";

// Never connected: a reader is only the key its hints are kept under.
const reader = poolReader(["postgresql://hoptac@127.0.0.1:1/none"]);
const other = poolReader(["postgresql://hoptac@127.0.0.1:1/none"]);
afterAll(async () => {
  await Promise.all([reader.close(), other.close()]);
});

describe("hints", () => {
  it("are kept a minute, per reader", () => {
    remember(reader, "k", 7, 1_000);
    expect(recall(reader, "k", 1_001)).toBe(7);
    expect(recall(other, "k", 1_001)).toBeUndefined();
    expect(recall(reader, "k", 61_001)).toBeUndefined();
  });

  it("keep the latest 5,000", () => {
    for (let i = 0; i <= 5_000; i++) remember(reader, `n${i}`, i, 0);
    expect(recall(reader, "n0", 1)).toBeUndefined();
    expect(recall(reader, "n1", 1)).toBe(1);
    expect(recall(reader, "n5000", 1)).toBe(5_000);
  });
});

describe("page ways", () => {
  it("are known for the same filters and sort, in any order of their values", () => {
    expect(knownWay(reader, { topic: "drugs" }, "-date")).toBe("either");
    rememberWay(reader, { topic: "drugs" }, "-date", "whole");
    rememberWay(reader, { countries: ["VN", "CU"] }, "-date", "walk");
    expect(knownWay(reader, { topic: "drugs" }, "-date")).toBe("whole");
    expect(knownWay(reader, { topic: "drugs" }, "date")).toBe("either");
    expect(knownWay(reader, { countries: ["CU", "VN", "CU"] }, "-date")).toBe("walk");
    expect(knownWay(reader, { topic: "drugs", types: ["visit"] }, "-date")).toBe("either");
    expect(knownWay(other, { topic: "drugs" }, "-date")).toBe("either");
  });
});
