import { describe, expect, it } from "vitest";
import { int32s } from "../../src/extraction/int32-blocks.ts";

describe("int32s", () => {
  it("hands out zero-filled arrays that never share a number, across blocks", () => {
    // Enough arrays to fill several blocks, each written right after it is made.
    const arrays = Array.from({ length: 3000 }, (_, i) => {
      const a = int32s(1 + (i % 200));
      expect(a.every((x) => x === 0)).toBe(true);
      a.fill(i + 1);
      return a;
    });
    arrays.forEach((a, i) => {
      expect(a.length).toBe(1 + (i % 200));
      expect(a.every((x) => x === i + 1)).toBe(true);
    });
  });

  it("gives a long array a backing store of its own", () => {
    const long = int32s(100_000);
    expect(long.length).toBe(100_000);
    expect(long.byteOffset).toBe(0);
    expect(long.buffer.byteLength).toBe(400_000);
    expect(int32s(0).length).toBe(0);
  });
});
