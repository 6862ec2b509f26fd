import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/extraction/sentences.ts";
import { pick, seeded } from "../helpers/fuzz.ts";

describe("splitSentences", () => {
  it("ends a sentence at a full stop, question or exclamation mark before a capital", () => {
    expect(splitSentences("Hai bên đã hội đàm tại Hà Nội. Bộ trưởng cảm ơn Đoàn! Vì sao? Đó là câu hỏi.")).toEqual([
      "Hai bên đã hội đàm tại Hà Nội.",
      "Bộ trưởng cảm ơn Đoàn!",
      "Vì sao?",
      "Đó là câu hỏi.",
    ]);
  });

  it("keeps a closing quote or bracket with its sentence, and cuts before an opening one", () => {
    expect(splitSentences("Ông nói: “Hợp tác còn nhiều dư địa.” “Chúng tôi sẵn sàng,” ông nói thêm. (Ảnh minh họa).")).toEqual([
      "Ông nói: “Hợp tác còn nhiều dư địa.”",
      "“Chúng tôi sẵn sàng,” ông nói thêm.",
      "(Ảnh minh họa).",
    ]);
  });

  it("cuts at a full stop glued to the next sentence, not inside abbreviations and numbers", () => {
    expect(splitSentences("Đoàn thăm TP.HCM với 1.500 cán bộ dự lễ đón.Phát biểu tại buổi lễ, ông nhấn mạnh hợp tác.")).toEqual([
      "Đoàn thăm TP.HCM với 1.500 cán bộ dự lễ đón.",
      "Phát biểu tại buổi lễ, ông nhấn mạnh hợp tác.",
    ]);
  });

  it("does not cut before a lower-case word, and cuts after an outlet's ./. mark", () => {
    expect(splitSentences("Hội nghị diễn ra lúc 9 giờ. sau đó hai bên ký kết./.Tin liên quan")).toEqual([
      "Hội nghị diễn ra lúc 9 giờ. sau đó hai bên ký kết./.",
      "Tin liên quan",
    ]);
    expect(splitSentences("Hai bên ký biên bản ghi nhớ./.")).toEqual(["Hai bên ký biên bản ghi nhớ."]);
  });

  it("cuts where splitting on the pattern it stands for cuts, on many paragraphs", () => {
    const CUT = /(?<=[.!?…]["”»)]?)\s+(?=[\p{Lu}“"«(])|(?<=\.\/\.)\s*|(?<=\p{Ll}{2}\.)(?=\p{Lu}\p{Ll})/u;
    const byPattern = (p: string) => p.replace(/\.\/\.$/u, ".").split(CUT).map((x) => x.trim()).filter((x) => x.length > 1);
    const random = seeded(5);
    const pieces = ["Bộ", "trưởng", "ab", "TP", ".", "./.", "!", "?", "…", "\"", "”", "»", ")", "“", "«", "(", " ", "  ", "\n", "Đ", "1.500", "𝐀", "𝐚", "x"];
    for (let n = 0; n < 5000; n++) {
      let text = "";
      const len = 1 + Math.floor(random() * 14);
      for (let i = 0; i < len; i++) text += pick(random, pieces);
      expect(splitSentences(text), JSON.stringify(text)).toEqual(byPattern(text));
    }
  });

  it("drops pieces of one character", () => {
    expect(splitSentences("Cuộc gặp kết thúc. V")).toEqual(["Cuộc gặp kết thúc."]);
  });
});
