// The dictionary matcher: longest phrase first, on word boundaries, across
// any run of spaces, ignoring case and diacritics.
import { describe, expect, it } from "vitest";
import { holdsEach, PhraseMatcher, SyllableIndex, syllableNumber } from "../../src/extraction/phrases.ts";
import { foldAligned } from "../../src/extraction/text.ts";
import { pick, seeded } from "../helpers/fuzz.ts";

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

describe("SyllableIndex", () => {
  const words = ["hội", "đàm", "tiếp", "thăm", "làm", "việc", "ký", "kết", "Bộ", "Công", "an", "và"];
  const ids = (list: string[]) => list.map((w) => syllableNumber(foldAligned(w).toLowerCase()));

  it("gives the items filed under a syllable of the text, each once and in filing order, and those that need nothing", () => {
    const index = new SyllableIndex([ids(["thăm"]), ids(["hội", "đàm"]), [], ids(["ký"])]);
    expect(index.candidates(foldAligned("Hai bên hội đàm và thăm"))).toEqual([0, 1, 2]);
    expect(index.candidates(foldAligned("Không có gì"))).toEqual([2]);
  });

  it("keeps every item whose needs a text holds, on many texts", () => {
    const random = seeded(7);
    const items = Array.from({ length: 40 }, () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => ids(Array.from({ length: Math.floor(random() * 3) }, () => pick(random, words)))));
    const index = new SyllableIndex(items.map((needs) => needs[0]!));
    for (let n = 0; n < 2000; n++) {
      const text = foldAligned(Array.from({ length: Math.floor(random() * 8) }, () => pick(random, words)).join(" "));
      const holding = items.flatMap((needs, i) => (holdsEach(text, needs) ? [i] : []));
      const tried = index.candidates(text);
      expect(tried).toEqual([...tried].sort((a, b) => a - b));
      expect(holding.filter((i) => !tried.includes(i)), text).toEqual([]);
    }
  });
});
