// Same person: the rules the article reader and the store share.
import { describe, expect, it } from "vitest";
import { sameName, sameOfficial } from "../../src/identity/officials.ts";

describe("names of one person", () => {
  it("joins foreign name orders, partial forms and slips across articles, not near-identical Vietnamese names", () => {
    expect(sameName("Patrushev Nikolai", "Patrushev Nikolai Platonovich", "RU")).toBe(true);
    expect(sameName("Lázaro Alberto Álvarez Casas", "Lazaro Alberto Alvares Casas", "CU")).toBe(true);
    expect(sameName("Quách Thanh Côn", "Quách Thành Côn", "CN")).toBe(true);
    expect(sameName("Nikolai Patrushev", "Dmitry Patrushev", "RU")).toBe(false);
    expect(sameName("Trần Đại Quang", "Trần Đại Quan", "VN")).toBe(false);
    // Sino-Vietnamese readings are as tight as Vietnamese names.
    expect(sameName("Vương Tiểu Hồng", "Vương Tiểu Hùng", "CN")).toBe(false);
    expect(sameName("Nguyễn Văn Thành", "Nguyễn Văn Thanh", "VN")).toBe(true); // the same once folded
  });

  it("within one article lets a family name alone stand for the person named in full; across articles it does not", () => {
    expect(sameName("Patrushev", "Nikolai Patrushev", null, "article")).toBe(true);
    expect(sameName("Patrushev", "Nikolai Patrushev", "RU", "articles")).toBe(false);
    // Vietnamese names are never shortened to a word.
    expect(sameName("Lâm", "Tô Lâm", null, "article")).toBe(false);
    expect(sameName("Dmitry Patrushev", "Nikolai Patrushev", null, "article")).toBe(false);
  });
});

describe("officials across articles", () => {
  it("joins a misspelt Vietnamese name only when the office is the same", () => {
    const president = { names: ["Trần Đại Quang"], country: "VN", offices: ["Chủ tịch nước"] };
    expect(sameOfficial(president, { names: ["Trần Đại Quan"], country: "VN", offices: ["Chủ tịch nước"] })).toBe(true);
    expect(sameOfficial(president, { names: ["Trần Đại Quan"], country: "VN", offices: ["Giám đốc Công an tỉnh"] })).toBe(false);
    expect(sameOfficial(president, { names: ["Trần Đại Quang"], country: "LA", offices: ["Chủ tịch nước"] })).toBe(false);
  });
});
