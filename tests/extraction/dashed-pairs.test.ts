import { describe, expect, it } from "vitest";
import { dashedPairs } from "../../src/extraction/dashed-pairs.ts";
import { pick, seeded } from "../helpers/fuzz.ts";

const PAIR = /(?<!\p{L})(\p{Lu}\p{Ll}+)\s?[-–]\s?(\p{Lu}\p{Ll}+)(?!\p{L})/gu;
const byPattern = (text: string) => [...text.matchAll(PAIR)].map((m) => ({ index: m.index, length: m[0].length, first: m[1], second: m[2] }));

describe("dashedPairs", () => {
  it("finds pairs of capitalised words joined by a dash, with a space or none on each side", () => {
    expect(dashedPairs("Quan hệ Việt - Trung và hợp tác Việt-Nga")).toEqual([
      { index: 8, length: 12, first: "Việt", second: "Trung" },
      { index: 32, length: 8, first: "Việt", second: "Nga" },
    ]);
  });

  it("leaves words inside longer words, lower-case words, initials and a chain's second link", () => {
    expect(dashedPairs("xViệt-Nga, việt-Nga, Việt-NGA, V-Nga, Việt  -  Nga")).toEqual([]);
    expect(dashedPairs("Việt-Lào-Nga")).toEqual([{ index: 0, length: 8, first: "Việt", second: "Lào" }]);
  });

  it("finds what the pattern finds, on many texts", () => {
    const random = seeded(20261201);
    const pieces = ["Việt", "Trung", "Nga", "Lào", "việt", "nga", "NGA", "V", "-", "–", "—", " ", "  ", "\n", ",", ".", "x", "Ǆa", "ǅa", "𝐀bc", "Đức", "ảnh", "Ý"];
    for (let n = 0; n < 5000; n++) {
      let text = "";
      const len = 1 + Math.floor(random() * 12);
      for (let i = 0; i < len; i++) text += pick(random, pieces);
      expect(dashedPairs(text), text).toEqual(byPattern(text));
    }
  });
});
