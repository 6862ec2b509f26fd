// Articles written for the tests, in the corpora's style: a short one with
// facts, and long ones of any size made of paragraphs that vary by number.

export const SHORT_TEXT = [
  "Việt Nam và Cuba bàn thêm về phòng, chống tội phạm mạng",
  "Ngày 15/8/2025, tại Hà Nội, Đại tướng Lương Tam Quang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an đã hội đàm với Thượng tướng Lázaro Alberto Álvarez Casas, Bộ trưởng Bộ Nội vụ Cuba.",
  "Hai bên nhất trí tăng cường hợp tác trong lĩnh vực phòng, chống tội phạm công nghệ cao và an ninh mạng.",
].join("\n\n");

const PARAGRAPHS = [
  (i: number) => `Ngày ${(i % 28) + 1}/${(i % 12) + 1}, tại Hà Nội, Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã tiếp đoàn công tác số ${i} của Bộ Nội vụ Cuba.`,
  (i: number) => `Hai bên đã trao đổi về kết quả hợp tác trong giai đoạn ${2000 + (i % 25)} và thống nhất các nội dung trọng tâm của năm tới.`,
  (i: number) => `Đoàn đại biểu thứ ${i} đã thăm và làm việc tại Học viện An ninh nhân dân, trao đổi kinh nghiệm về công tác đào tạo cán bộ.`,
  (i: number) => `Phát biểu tại buổi làm việc, lãnh đạo hai bên nhấn mạnh tầm quan trọng của việc phòng, chống tội phạm xuyên quốc gia lần thứ ${i}.`,
  (i: number) => `Hội nghị trực tuyến số ${i} có sự tham dự của đại diện các đơn vị chức năng thuộc Bộ Công an và cơ quan đại diện ngoại giao.`,
];

/** An article of at least `chars` characters: a title, then numbered paragraphs. */
export function longArticleText(chars: number): string {
  const parts = ["Bộ Công an Việt Nam và Bộ Nội vụ Cuba tăng cường hợp tác"];
  let length = parts[0]!.length;
  for (let i = 0; length < chars; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length]!(i);
    parts.push(p);
    length += p.length + 2;
  }
  return parts.join("\n\n");
}
