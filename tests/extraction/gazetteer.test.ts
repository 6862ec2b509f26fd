// Word lists the readers use come from data/gazetteer, validated on load.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ArticleReader } from "../../src/extraction/assemble.ts";
import { readBody } from "../../src/extraction/body.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer.ts";

const DATA = new URL("../../data/gazetteer/", import.meta.url);
const dirs: string[] = [];

/** A copy of the gazetteer with one file changed. */
function variant(file: string, change: (json: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "gazetteer-"));
  dirs.push(dir);
  cpSync(DATA, dir, { recursive: true });
  const json = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
  change(json);
  writeFileSync(join(dir, file), JSON.stringify(json));
  return `${dir}/`;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("page chrome from page.json", () => {
  const page =
    "Bộ trưởng Tô Lâm tiếp Đại sứ Cuba tại Việt Nam\n\n04/06/2024\n\n(ANTV) - Chiều 3/6, tại Hà Nội, Đại tướng Tô Lâm, Bộ trưởng Bộ Công an đã tiếp Đại sứ Cuba tại Việt Nam Orlando Nicolás Hernández Guillén.\n\nTin ảnh\n\nĐại tướng Tô Lâm dự Hội nghị tổng kết công tác năm 2023 của Công an tỉnh Thanh Hóa.";

  it("cuts the page at a marker the file lists, and names the outlet from its marks", () => {
    const b = readBody(page);
    expect(b.outlet).toBe("ANTV");
    expect(b.paragraphs.join(" ")).toContain("Thanh Hóa");
    const dir = variant("page.json", (j) => {
      (j.cut_markers as { lines: { vi: string; en: string }[] }).lines.push({ vi: "Tin ảnh", en: "Photo stories" });
    });
    const cut = readBody(page, {}, loadGazetteer(dir).page);
    expect(cut.paragraphs.join(" ")).not.toContain("Thanh Hóa");
    expect(cut.paragraphs.join(" ")).not.toContain("(ANTV)");
  });

  it("refuses an outlet without marks", () => {
    const dir = variant("page.json", (j) => {
      (j.outlets as { marks: string[] }[])[0]!.marks = [];
    });
    expect(() => loadGazetteer(dir)).toThrow(/page\.json: outlets\.0\.marks/);
  });
});

describe("event words from event_cues.json", () => {
  it("reads the ordinal of a mechanism's session from the listed number words", () => {
    const text = "Ngày 27/10/2015, tại Bắc Kinh, Hội nghị hợp tác phòng, chống tội phạm lần thứ tư giữa Bộ Công an Việt Nam và Bộ Công an Trung Quốc đã diễn ra dưới sự chủ trì của Thượng tướng Trần Đại Quang và Bộ trưởng Quách Thanh Côn.";
    expect(new ArticleReader(loadGazetteer()).read(text).events.find((e) => e.type === "conference")?.ordinal).toBe(4);
    const dir = variant("event_cues.json", (j) => {
      const o = j.ordinals as { words: { vi: string }[] };
      o.words = o.words.filter((w) => w.vi !== "tư");
    });
    expect(new ArticleReader(loadGazetteer(dir)).read(text).events.find((e) => e.type === "conference")?.ordinal).toBeNull();
  });

  it("takes no ministry from a former office with the listed words", () => {
    const text = "Chiều 22-02, Bộ trưởng Tô Lâm tiếp ông Yitzhak Aharonovitch, nguyên Bộ trưởng Bộ Công an Israel, đang thăm Hà Nội.";
    expect(new ArticleReader(loadGazetteer()).read(text).ministries.map((m) => m.code)).not.toContain("IL-MPS");
    const dir = variant("event_cues.json", (j) => {
      (j.former as { markers: unknown[] }).markers = [];
    });
    expect(new ArticleReader(loadGazetteer(dir)).read(text).ministries.map((m) => m.code)).toContain("IL-MPS");
  });

  it("refuses an ordinal word without its number", () => {
    const dir = variant("event_cues.json", (j) => {
      (j.ordinals as { words: { value?: number }[] }).words[0]!.value = undefined;
    });
    expect(() => loadGazetteer(dir)).toThrow(/event_cues\.json: ordinals\.words\.0\.value/);
  });
});
