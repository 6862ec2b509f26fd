// The dictionary matcher: longest phrase first, on word boundaries, across
// any run of spaces, ignoring case and diacritics.
import { describe, expect, it } from "vitest";
import { PhraseMatcher } from "../../src/extraction/phrases.ts";

const matcher = (phrases: string[], options = {}) => {
  const m = new PhraseMatcher<string>(options);
  for (const p of phrases) m.add(p, p);
  return m;
};

describe("PhraseMatcher", () => {
  it("takes the longest phrase at each place, then goes on after it", () => {
    const m = matcher(["Bộ Công an", "Bộ", "Công an nhân dân"]);
    const hits = m.find("Lãnh đạo Bộ Công an và lực lượng Công an nhân dân.");
    expect(hits.map((h) => [h.index, h.text, h.values[0]])).toEqual([
      [9, "Bộ Công an", "Bộ Công an"],
      [33, "Công an nhân dân", "Công an nhân dân"],
    ]);
  });

  it("matches whole words only, across several spaces and line ends, whatever the diacritics", () => {
    const m = matcher(["an ninh mạng"]);
    expect(m.find("bảo đảm An  ninh\nmang quốc gia").map((h) => h.text)).toEqual(["An  ninh\nmang"]);
    expect(m.find("an ninh mạnglưới")).toEqual([]);
    expect(m.find("lan ninh mạng")).toEqual([]);
  });

  it("gives the phrase starting exactly at a place, after spaces", () => {
    const m = matcher(["Hà Nội"]);
    expect(m.at("tại  Hà Nội,", 4)?.text).toBe("Hà Nội");
    expect(m.at("tại Hà Nội", 5)).toBeNull();
  });

  it("keeps a shorter phrase when a longer one does not end on a word boundary", () => {
    const m = matcher(["Cuba", "Cuba tiến"]);
    expect(m.find("Cuba tiếnbộ").map((h) => h.text)).toEqual(["Cuba"]);
  });

  it("refuses a lower-case hit of a capitalised phrase and tries the next word", () => {
    const m = matcher(["Anh"], { matchCapital: true, exactOneWord: true });
    expect(m.find("anh ấy gặp Anh và Ánh").map((h) => h.index)).toEqual([11]);
  });
});
