import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDate } from "../../src/dates/value.ts";
import { readBody } from "../../src/extraction/body.ts";
import { fold, normalizeText, surelyNormal } from "../../src/extraction/text.ts";
import { pick, seeded } from "../helpers/fuzz.ts";

const seed = (name: string) => readFileSync(new URL(`../../data/seeds/${name}`, import.meta.url), "utf8");

describe("body reader", () => {
  it("keeps the site clock apart from the publication date and drops teasers", () => {
    const b = readBody(seed("000_5d531d129e3fa79b.txt"));
    expect(formatDate(b.siteClock)).toBe("2025-12-08");
    expect(formatDate(b.publishedAt)).toBeNull();
    expect(b.title).toBe("Tăng cường quan hệ hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba");
    const body = b.sentences.map((s) => s.text).join(" ");
    expect(body).toContain("Lázaro Alberto Álvarez Casas");
    expect(body).not.toContain("Donald Trump");
    expect(body).not.toContain("Hotline");
  });

  it("reads the publication date from a metadata line or a byline", () => {
    expect(formatDate(readBody(seed("001_634d2d9314a48930.txt")).publishedAt)).toBe("2025-08-16");
    expect(formatDate(readBody(seed("004_5c8efeb278a496af.txt")).publishedAt)).toBe("2024-06-04");
  });

  it("still knows the clock and the metadata line when a page's title is put before them", () => {
    const title = "Tăng cường quan hệ hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba";
    const b = readBody(`${title}\n\n${seed("000_5d531d129e3fa79b.txt")}`, { title });
    expect(formatDate(b.siteClock)).toBe("2025-12-08");
    expect(formatDate(b.publishedAt)).toBeNull();
    const m = readBody(`Một tiêu đề\n\n${seed("001_634d2d9314a48930.txt")}`, { title: "Một tiêu đề" });
    expect(formatDate(m.publishedAt)).toBe("2025-08-16");
    expect(m.sentences.map((x) => x.text).join(" ")).not.toMatch(/(^|\s)date 2025/);
  });

  it("takes a clock line with time and zone near the top for the site clock, never the publication date", () => {
    const b = readBody("ANTV\nThứ Hai, 08/12/2025 12:08 GMT+7\n\nTăng cường quan hệ hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba\n\nChiều ngày 15/5, tại Hà Nội, Bộ Công an đã tổ chức Lễ đón chính thức Đoàn đại biểu cấp cao Bộ Nội vụ Cuba.");
    expect(formatDate(b.siteClock)).toBe("2025-12-08");
    expect(formatDate(b.publishedAt)).toBeNull();
    expect(b.sentences.map((s) => s.text).join(" ")).not.toContain("GMT");
    // A byline with its author keeps its date and zone.
    const v = readBody("Interpol và Việt Nam bàn hợp tác chống tội phạm\nMinh Hà, Quốc Trung (Ban Thời sự)-Thứ năm, ngày 06/07/2017 18:30 GMT+7\nVTV.vn - Tối nay (6/7), Tổng Thư ký Interpol Jurgen Stock đã được Chủ tịch nước Trần Đại Quang tiếp tại Phủ Chủ tịch.");
    expect(formatDate(v.publishedAt)).toBe("2017-07-06");
  });

  it("knows the page's title line when the given title differs in spacing or case", () => {
    const title = "Việt Nam và Trung Quốc ký kết hai văn kiện hợp tác về an ninh";
    const text = `${title}\n\n16/05/2024\n\nBộ Công an Việt Nam và Bộ Công an Trung Quốc vừa ký kết Bản ghi nhớ về hợp tác phòng, chống khủng bố.`;
    for (const given of [title.replace("ký kết", "ký  kết"), title.toUpperCase()]) expect(readBody(text, { title: given }).sentences[0]!.isTitle).toBe(true);
  });

  it("reads a byline that carries a view counter", () => {
    const b = readBody("TIN THẾ GIỚI\n\nChủ tịch Cuba Raúl Castro tiếp Bộ trưởng Tô Lâm\n29/11/2017 | 08:35  | View count: 3252\n\nChiều 28/11, tại La Habana, Đại tướng Raúl Castro đã tiếp Thượng tướng Tô Lâm.");
    expect(formatDate(b.publishedAt)).toBe("2017-11-29");
  });

  it("keeps a body paragraph that happens to contain a chrome phrase", () => {
    const para = "Hai bên thống nhất tăng cường trao đổi thông tin về người nước ngoài đăng ký tạm trú, phối hợp xác minh và truy nã tội phạm.";
    const b = readBody(`Tiêu đề bài viết về hợp tác an ninh\n\nĐăng nhập | Đăng ký\n\n${para}`);
    expect(b.paragraphs).toContain(para);
    expect(b.paragraphs.join(" ")).not.toContain("Đăng nhập");
  });

  it("removes photo credits and agency sign-offs", () => {
    const b = readBody(seed("002_b60e7491f22b6e69.txt"));
    const body = b.sentences.map((s) => s.text).join(" ");
    expect(body).not.toMatch(/Trí Dũng|TTXVN\/VNP|Phạm Minh Chính/);
    // The caption broken over two lines is one sentence again.
    expect(b.sentences.some((s) => s.text.endsWith("đang thăm và làm việc tại Việt Nam."))).toBe(true);
  });
});

describe("text normalisation", () => {
  it("reads both tone-mark styles, NFD and CRLF the same", () => {
    expect(normalizeText("Hoà bình, Thuỷ, Uỷ viên")).toBe("Hòa bình, Thủy, Ủy viên");
    expect(normalizeText("Tô Lâm".normalize("NFD"))).toBe("Tô Lâm");
    expect(normalizeText("\uFEFFa\r\nb")).toBe("a\nb");
    expect(normalizeText("hoàn thành")).toBe("hoàn thành");
    expect(fold("Quách Thành Côn")).toBe(fold("Quách Thanh Côn"));
  });

  it("passes a text through untouched only when normalising would not change it", () => {
    expect(surelyNormal("Bộ trưởng Tô Lâm tiếp Đại sứ, hoàn thành.")).toBe(true);
    for (const s of ["Hoà bình", "Thuỷ", "a\r\nb", "a\u00A0b", "Tô Lâm".normalize("NFD"), "\u212B", "\u1100\u1161", "x\uD835\uDC00"]) expect(surelyNormal(s), s).toBe(false);
    const random = seeded(11);
    const pieces = ["a", "o", "O", "u", "U", "y", "à", "á", "ả", "ã", "ạ", "è", "Ẹ", "ỳ", "ý", "ỵ", "Ỷ", "n", "q", " ", "\n", "\r", "\u00A0", "\u200B", "\uFEFF", "\u0300", "\u0323", "\u0302", "ộ", "Đ", "\u212B", "\u1100", "\u1161", "\u11A8", "가", "\uD835\uDC00", "\u0958", "-", "."];
    for (let n = 0; n < 20000; n++) {
      let text = "";
      const len = 1 + Math.floor(random() * 8);
      for (let i = 0; i < len; i++) text += pick(random, pieces);
      if (surelyNormal(text)) expect(normalizeText(text), JSON.stringify(text)).toBe(text);
    }
  });
});
