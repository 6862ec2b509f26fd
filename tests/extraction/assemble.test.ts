// The readers of names, events and agreements on real sentences from the
// corpora, and whole seed articles against their gold reading.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { datePartsOf } from "../../src/dates/parts.ts";
import { ArticleReader } from "../../src/extraction/assemble.ts";
import { describeDate, formatDate, parseDate } from "../../src/dates/value.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer.ts";

const reader = new ArticleReader(loadGazetteer());
const read = (text: string) => reader.read(text);
const date = formatDate;

describe("officials", () => {
  it("reads name, country, rank, offices and ministry as the article states them", () => {
    const x = read("Chiều 16/4, tại Hà Nội, Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an đã tiếp Trung tướng Lázaro Alberto Álvarez Casas, Bộ trưởng Bộ Nội vụ Cuba đang thăm và làm việc tại Việt Nam.");
    const toLam = x.officials.find((o) => o.name === "Tô Lâm");
    expect(toLam).toMatchObject({ country: "VN", rank: { vi: "Đại tướng" }, ministry: { code: "VN-MPS" } });
    expect(toLam!.offices).toEqual(["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"]);
    const casas = x.officials.find((o) => o.country === "CU");
    expect(casas).toMatchObject({ name: "Lázaro Alberto Álvarez Casas", rank: { vi: "Trung tướng" }, ministry: { code: "CU-MININT" } });
    expect(x.countries).toEqual(["CU", "VN"]);
  });

  it("keeps the form Vietnamese media use for a foreign name, with the gazetteer's English form", () => {
    const x = read("Ngày 13/9/2023, tại Bắc Kinh, Bộ trưởng Tô Lâm đã hội đàm với Ủy viên Quốc vụ, Bộ trưởng Bộ Công an Trung Quốc Vương Tiểu Hồng.");
    const wang = x.officials.find((o) => o.country === "CN");
    expect(wang?.name).toBe("Vương Tiểu Hồng");
    expect([wang?.nameEn, ...(wang?.aliases ?? [])]).toContain("Wang Xiaohong");
  });

  it("does not take a word for a country because it folds like one", () => {
    // "Bí thư" folds like "Bỉ" (Belgium), "Lao động" like "Lào".
    const x = read("Đồng chí Tô Lâm, Tổng Bí thư Ban Chấp hành Trung ương Đảng, tiếp Bộ trưởng Bộ Lao động Cuba tại Hà Nội ngày 5/3/2025.");
    expect(x.countries).not.toContain("BE");
    expect(x.countries).not.toContain("LA");
  });
});

describe("participants and offices", () => {
  const keys = (e: { participants: { key: string }[] } | undefined) => (e?.participants ?? []).map((p) => p.key.split("|")[1]).sort();

  it("keeps each office once in its fullest form, not again shortened", () => {
    const x = reader.read(
      "Sáng 4/6, Thượng tướng Đỗ Minh Khang, Thứ trưởng Bộ Công an Việt Nam đã hội đàm với ông Razak Ismail, Tổng Cảnh sát trưởng Malaysia. Tại buổi hội đàm, Thứ trưởng Đỗ Minh Khang cảm ơn Tổng Cảnh sát trưởng Razak Ismail.",
      { publishedAt: parseDate("2031-06-05") },
    );
    expect(x.officials.find((o) => o.name === "Đỗ Minh Khang")?.offices).toEqual(["Thứ trưởng Bộ Công an Việt Nam"]);
    expect(x.officials.find((o) => o.name === "Razak Ismail")?.offices).toEqual(["Tổng Cảnh sát trưởng Malaysia"]);
  });

  it("does not count as a participant someone whose greetings are conveyed or on whose behalf one speaks", () => {
    const x = reader.read(
      "Chiều 4/6, tại Kuala Lumpur, Thượng tướng Đỗ Minh Khang đã hội đàm với ông Razak Ismail, Tổng Cảnh sát trưởng Malaysia. Tại buổi hội đàm, Thượng tướng Đỗ Minh Khang chuyển lời thăm hỏi của Đại tướng Phan Quốc Việt, Bộ trưởng Bộ Công an tới ông Razak Ismail.",
      { publishedAt: parseDate("2031-06-05") },
    );
    expect(keys(x.events.find((e) => e.type === "talks"))).toEqual(["do minh khang", "razak ismail"]);
    // Still an official the article names.
    expect(x.officials.map((o) => o.name)).toContain("Phan Quốc Việt");
  });

  it("gives the people of a frame that opens the sentence to the activity it names, not to the main one", () => {
    const x = reader.read(
      "Ngày 14/3, nhân chuyến thăm chính thức Malaysia của Phó Thủ tướng Trần Văn Bình, Trung tướng Đỗ Minh Khang, Thứ trưởng Bộ Công an đã có buổi làm việc với ông Razak Ismail, Tổng Cảnh sát trưởng Malaysia.",
      { publishedAt: parseDate("2031-03-16") },
    );
    expect(keys(x.events.find((e) => e.type === "reception"))).toEqual(["do minh khang", "razak ismail"]);
    expect(keys(x.events.find((e) => e.type === "visit"))).toContain("tran van binh");
  });
});

describe("one person per name within an article", () => {
  it("keeps apart two foreign names that only share some words", () => {
    const x = read("Chiều 5/3, tại La Habana, Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an đã hội kiến ông José Ramón Machado Ventura, Phó Bí thư thứ nhất Đảng Cộng sản Cuba. Cùng ngày, Bộ trưởng Tô Lâm đã gặp ông José Ramón Balaguer, Trưởng ban Quan hệ quốc tế Trung ương Đảng Cộng sản Cuba.");
    expect(x.officials.filter((o) => o.country === "CU").map((o) => o.name).sort()).toEqual(["José Ramón Balaguer", "José Ramón Machado Ventura"]);
    const y = read("Sáng 10/8, tại Seoul, Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã chào xã giao Tổng thống Hàn Quốc Lee Jae-myung. Cùng ngày, Bộ trưởng Lương Tam Quang đã gặp ông Lee Jae-yong, Chủ tịch Tập đoàn Samsung.");
    expect(y.officials.filter((o) => o.country === "KR")).toHaveLength(2);
  });

  it("joins the shorter and reordered forms of one name", () => {
    const x = read("Sáng 16/3, ông Nikolai Patrushev đến Hà Nội, mở đầu chuyến thăm Việt Nam. Đại tướng Tô Lâm, Bộ trưởng Công an đã hội đàm với Thư ký Hội đồng An ninh Liên bang Nga Patrushev Nikolai Platonovich. Ông Patrushev cho biết hai bên đã trao đổi nhiều vấn đề.");
    expect(x.officials.filter((o) => o.country === "RU").map((o) => o.key)).toEqual(["RU|patrushev nikolai platonovich"]);
  });
});

describe("events", () => {
  it("reads a reception with roles, place and a date whose year is unknown", () => {
    const x = read("Sáng 30.10, tại Hà Nội, Bộ trưởng Bộ Công an Tô Lâm đã tiếp đoàn đại biểu cấp cao Mỹ do Ngoại trưởng Mike Pompeo dẫn đầu, đang thăm chính thức Việt Nam.");
    const reception = x.events.find((e) => e.type === "reception");
    expect(reception).toBeDefined();
    expect(date(reception!.start)).toBe("--10-30");
    expect(reception!.place).toBe("Hà Nội");
    expect(reception!.countries).toEqual(["US", "VN"]);
    expect(reception!.participants).toEqual([
      { key: "VN|to lam", role: "host" },
      { key: "US|mike pompeo", role: "head_of_delegation" },
    ]);
  });

  it("hosts an activity with no place of its own where the article's visit goes", () => {
    const x = read("Từ ngày 12 đến 16/9/2023, Đoàn đại biểu cấp cao Bộ Công an Việt Nam do Đại tướng Tô Lâm, Bộ trưởng Bộ Công an dẫn đầu đã thăm chính thức Trung Quốc tại Bắc Kinh. Ngày 13/9/2023, Ủy viên Quốc vụ, Bộ trưởng Bộ Công an Trung Quốc Vương Tiểu Hồng đã hội đàm với Bộ trưởng Tô Lâm.");
    const talks = x.events.find((e) => e.type === "talks");
    expect(talks?.participants).toEqual(expect.arrayContaining([{ key: "CN|vuong tieu hong", role: "host" }, { key: "VN|to lam", role: "head_of_delegation" }]));
  });

  it("reads a visit's span across months", () => {
    const x = read("Từ ngày 28/5 - 4/6/2024, Thứ trưởng Bộ Công an, Thượng tướng Lương Tam Quang dẫn đoàn Bộ Công an Việt Nam sang thăm và làm việc tại Cộng hòa Cuba.");
    const visit = x.events.find((e) => e.type === "visit");
    expect(date(visit!.start)).toBe("2024-05-28");
    expect(date(visit!.end)).toBe("2024-06-04");
    expect(visit!.countries).toEqual(["CU", "VN"]);
  });

  it("reads talks and two receptions with different counterparts from one sentence", () => {
    const x = read("Ngày 7/11/2016, tại thủ đô Paris, Bộ trưởng Trần Đại Quang hội đàm với Bộ trưởng Bộ Nội vụ Pháp Bernard Cazeneuve; sau đó gặp Chủ tịch Ủy ban Quốc phòng Quốc hội Pháp Patricia Adam và Tổng Giám đốc Cảnh sát quốc gia Pháp Jean-Marc Falcone.");
    expect(x.events.map((e) => e.type).sort()).toEqual(["reception", "reception", "talks"]);
  });

  it("reads receptions of one guest by different hosts as different events, one reception told twice as one", () => {
    const two = read("Chiều 16/4, tại Hà Nội, Tổng Bí thư Nguyễn Phú Trọng tiếp Bộ trưởng Bộ Công an Trung Quốc Vương Tiểu Hồng đang thăm chính thức Việt Nam. Cùng ngày, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Vương Tiểu Hồng.");
    const receptions = two.events.filter((e) => e.type === "reception");
    expect(receptions.map((e) => e.participants.find((p) => p.role === "host")?.key).sort()).toEqual(["VN|nguyen phu trong", "VN|pham minh chinh"]);
    const one = read("Chiều 28/11, tại La Habana, Đại tướng Raúl Castro, Chủ tịch Cuba đã tiếp Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an. Trước đó, Thượng tướng Tô Lâm đã hội kiến Chủ tịch Raúl Castro tại Trụ sở Trung ương Đảng.");
    expect(one.events.filter((e) => e.type === "reception")).toHaveLength(1);
  });

  it("does not take the counterpart of an earlier verb for the one who receives", () => {
    const x = read("Sáng 7/11, tại thủ đô Paris, Bộ trưởng Trần Đại Quang hội đàm với Bộ trưởng Bộ Nội vụ Pháp Bernard Cazeneuve, rồi gặp Tổng Giám đốc Cảnh sát quốc gia Pháp Jean-Marc Falcone. Buổi chiều, Bộ trưởng Trần Đại Quang gặp Tổng Giám đốc Jean-Marc Falcone thêm một lần ở trụ sở cảnh sát Pháp.");
    expect(x.events.filter((e) => e.type === "reception")).toHaveLength(1);
  });

  it("reads 'tiếp … và hội đàm' as one meeting", () => {
    const x = read("Ngày 27/8/2015, Thượng tướng Trần Đại Quang đã tiếp thân mật và hội đàm với Đoàn đại biểu cấp cao Bộ Nội vụ Singapore.");
    expect(x.events.map((e) => e.type)).toEqual(["talks"]);
  });

  it("takes a year only where the sentence states it for the activity, not from brackets", () => {
    const x = read("Bộ trưởng Lương Tam Quang tiếp Đại sứ Lào\n\n04/06/2024\n\nChiều 3/6, tại Trụ sở Bộ Công an, Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã tiếp ngài Khamphao Ernthavanh, Đại sứ Lào tại Việt Nam nhân dịp kỷ niệm 62 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào (năm 1962).\n\nHai bên trao đổi về kết quả hợp tác giữa hai Bộ.");
    expect(date(x.events.find((e) => e.type === "reception")!.start)).toBe("2024-06-03");
    const y = read("Chiều 18/2, tại thủ đô Phnom Penh, Bộ trưởng Lê Hồng Anh và Phó Thủ tướng kiêm Bộ trưởng Bộ Nội vụ Campuchia Sar Kheng đã ký Kế hoạch hợp tác năm 2011 của hai Bộ.");
    expect(date(y.events.find((e) => e.type === "signing")!.start)).toBe("2011-02-18");
  });

  it("gives a day inside a visit's span across two months the visit's year", () => {
    const x = read("Từ ngày 29/5 - 2/6/2017, Đoàn đại biểu Bộ Công an Việt Nam do Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an dẫn đầu đã thăm chính thức Liên bang Nga.\n\nSáng 1/6, tại trụ sở Bộ Nội vụ Nga ở Moskva, hai bộ trưởng Tô Lâm và Kolokoltsev Vladimir Alexandrovich đã hội đàm.");
    expect(date(x.events.find((e) => e.type === "talks")!.start)).toBe("2017-06-01");
  });

  it("gives an activity named as the occasion of a dated one ('nhân dịp') its month, not the other's day", () => {
    const x = read("Ngày 12/6/2019, tại Hà Nội, Thủ tướng Nguyễn Xuân Phúc đã tiếp Bộ trưởng Bộ Nội vụ Lào Vilay Lakhamphon nhân dịp sang thăm Việt Nam và đồng chủ trì hội nghị giao ban lần thứ ba giữa hai Bộ.");
    const conference = x.events.find((e) => e.type === "conference");
    expect(date(conference?.start ?? null)).toBe("2019-06");
    expect(date(x.events.find((e) => e.type === "reception")?.start ?? null)).toBe("2019-06-12");
    // The visit keeps the day: the first day reported of it.
    expect(date(x.events.find((e) => e.type === "visit")?.start ?? null)).toBe("2019-06-12");
  });

  it("reads 'Tại buổi hội đàm, …' as the talks already told, and a visit recalled with its own date as another visit", () => {
    const x = read(
      [
        "Chiều 12/3/2024, tại Hà Nội, Bộ trưởng Lương Tam Quang đã hội đàm với Bộ trưởng Bộ Nội vụ Lào Vilay Lakhamphong.",
        "Tại buổi hội đàm, hai Bộ trưởng đánh giá cao kết quả chuyến thăm Lào tháng 9/2023 của Thứ trưởng Lê Quốc Hùng.",
      ].join("\n\n"),
    );
    expect(x.events.filter((e) => e.type === "talks").map((e) => date(e.start))).toEqual(["2024-03-12"]);
    expect(x.events.filter((e) => e.type === "visit").map((e) => date(e.start))).toEqual(["2023-09"]);
    // The name "Trọng" is no "trong": the reception it opens is one of its own.
    const y = read(
      [
        "Sáng 16/4/2019, Thủ tướng Nguyễn Xuân Phúc đã tiếp Bộ trưởng Bộ Công an Trung Quốc Triệu Khắc Chí tại Hà Nội.",
        "Chiều cùng ngày, tại Trụ sở Trung ương Đảng, Tổng Bí thư Nguyễn Phú Trọng đã tiếp Bộ trưởng Triệu Khắc Chí.",
      ].join("\n\n"),
    );
    expect(y.events.map((e) => e.type)).toEqual(["reception", "reception"]);
  });

  it("ends a sentence at a full stop glued to the next one", () => {
    const x = read("Ngày 25/7/2017, Bộ trưởng Tô Lâm chủ trì lễ đón và hội đàm với Thư ký Hội đồng An ninh Liên bang Nga Nikolai Patrushev.Phát biểu tại hội đàm, Bộ trưởng nhắc lại chuyến thăm Nga tháng 6 của Chủ tịch nước.");
    expect(x.events.filter((e) => e.type === "talks").map((e) => date(e.start))).toEqual(["2017-07-25"]);
  });

  it("reads the opening ceremony of a conference as the conference", () => {
    const x = read("Sáng 10/10/2023, tại Hà Nội diễn ra lễ khai mạc hội nghị Bộ trưởng Công an các nước ASEAN lần thứ 18 với sự tham dự của Bộ trưởng Bộ Nội vụ Lào.");
    expect(x.events.map((e) => e.type)).toEqual(["conference"]);
  });

  it("reads no event from what is congratulated, and no story day from a date of history", () => {
    const x = read(
      [
        "Ngày 3/9/2025, Bộ trưởng Bộ Nội vụ Lào Vilay Lakhamphong đã hội đàm với Bộ trưởng Lương Tam Quang tại Hà Nội.",
        "Bộ trưởng chúc mừng Việt Nam tổ chức thành công Hội nghị Trung ương lần thứ 12.",
        "Lực lượng Công an nhân dân được thành lập ngày 19/8/1945.",
        "Bộ trưởng Vilay Lakhamphong trao Huân chương Lao động hạng Nhất tặng Bộ Công an Việt Nam.",
      ].join("\n\n"),
    );
    expect(x.events.map((e) => e.type)).toEqual(["talks", "award"]);
    expect(date(x.events[1]!.start)).toBe("2025-09-03");
  });

  it("completes dates from the article's other activities: a year stated for the same day, a visit's first day", () => {
    const x = read(
      [
        "Nhân dịp tháp tùng Tổng Bí thư thăm cấp nhà nước đến Lào, chiều 5/2 tại Viêng Chăn, Bộ trưởng Lương Tam Quang đã có cuộc gặp với Bộ trưởng Bộ Công an Lào.",
        "Ngày 5/2/2026, hai Bộ trưởng cũng đã ký Bản ghi nhớ về hợp tác phòng, chống tội phạm.",
      ].join("\n\n"),
    );
    expect(x.events.map((e) => `${e.type} ${date(e.start)}`)).toContain("visit 2026-02-05");
    const y = read(
      [
        "Đoàn đại biểu cấp cao Bộ Công an Việt Nam do Bộ trưởng Tô Lâm dẫn đầu đang có chuyến thăm và làm việc tại Vương quốc Anh.",
        "Ngày 21/11 tại London, Bộ trưởng Tô Lâm và Bộ trưởng Bộ Nội vụ Anh Sajid Javid đã ký Bản ghi nhớ về hợp tác phòng, chống mua bán người.",
      ].join("\n\n"),
    );
    expect(date(y.events.find((e) => e.type === "visit")?.start ?? null)).toBe("--11-21");
  });

  it("reads a named dialogue as a conference", () => {
    const x = read("Ngày 6/3/2025, tại Hà Nội, Thứ trưởng Nguyễn Văn Long và Bộ trưởng Bộ Nội vụ Anh đồng chủ trì Đối thoại di cư và xuất nhập cảnh Việt Nam - Vương quốc Anh lần thứ 4.");
    expect(x.events.map((e) => `${e.type} ${date(e.start)} ${e.ordinal}`)).toEqual(["conference 2025-03-06 4"]);
  });

  it("does not date an activity by a date a background phrase puts on another one", () => {
    const x = read(
      [
        "Sáng 12/6/2024, Bộ trưởng Lương Tam Quang đã hội đàm với Tổng Cục trưởng Cơ quan Cảnh sát Quốc gia Hàn Quốc.",
        "Bộ trưởng đánh giá cao chuyến thăm Việt Nam của đoàn, diễn ra khi quan hệ hai nước phát triển tốt đẹp kể từ khi nâng cấp lên Đối tác chiến lược toàn diện vào tháng 12/2022.",
      ].join("\n\n"),
    );
    expect(x.events.filter((e) => e.type === "visit").map((e) => date(e.start))).toEqual(["2024-06-12"]);
  });

  it("reads a frame that opens the sentence as the occasion, and the activity after it as the main one, on the sentence's day", () => {
    const x = reader.read(
      "Ngày 14/3, nhân chuyến thăm chính thức Malaysia của Phó Thủ tướng Trần Văn Bình và dự diễn đàn an ninh khu vực, Trung tướng Đỗ Minh Khang, Thứ trưởng Bộ Công an đã có buổi làm việc với ông Razak Ismail, Tổng Cảnh sát trưởng Malaysia.",
      { publishedAt: parseDate("2031-03-16") },
    );
    expect(date(x.events.find((e) => e.type === "reception")?.start ?? null)).toBe("2031-03-14");
    // The frame runs to the comma: the forum named in it keeps its month only.
    expect(date(x.events.find((e) => e.type === "conference")?.start ?? null)).toBe("2031-03");
  });

  it("reads 'làm việc với' and 'tiếp xúc với' as receptions, but not 'thăm và làm việc với'", () => {
    const x = reader.read("Sáng 9/5, tại Vientiane, Thượng tướng Đỗ Minh Khang đã có cuộc làm việc với Thượng tướng Somphone Keola, Thứ trưởng Bộ Công an Lào.", { publishedAt: parseDate("2031-05-10") });
    expect(x.events.map((e) => [e.type, date(e.start)])).toEqual([["reception", "2031-05-09"]]);
    const y = reader.read("Chiều 2/7, Bộ trưởng Đỗ Minh Khang hội đàm với Bộ trưởng Nội vụ Ba Lan Piotr Nowak; gặp gỡ và tiếp xúc với ông Jan Zielinski, Tổng Chỉ huy Cảnh sát Ba Lan.", { publishedAt: parseDate("2031-07-03") });
    expect(y.events.map((e) => e.type).sort()).toEqual(["reception", "talks"]);
    const z = reader.read("Ngày 20/8, Đoàn đại biểu Bộ Công an Việt Nam do Trung tướng Đỗ Minh Khang dẫn đầu đã đến thăm và làm việc với Bộ Nội vụ Ba Lan.", { publishedAt: parseDate("2031-08-21") });
    expect(z.events.map((e) => e.type)).toEqual(["visit"]);
  });

  it("reads a sports or culture exchange programme as another cooperation activity, not a field of cooperation", () => {
    const x = reader.read("Ngày 11/10, tại Hà Nội, Bộ Công an Việt Nam và Cảnh sát Quốc gia Indonesia tổ chức Chương trình giao lưu văn nghệ, thể thao lần thứ nhất.", { publishedAt: parseDate("2031-10-12") });
    expect(x.events.map((e) => [e.type, date(e.start)])).toEqual([["other", "2031-10-11"]]);
    const y = reader.read("Thứ trưởng Đỗ Minh Khang dự hội nghị thường niên với Cảnh sát Quốc gia Indonesia và giao lưu thể thao giữa hai lực lượng.", { publishedAt: parseDate("2031-10-12") });
    expect(y.events.map((e) => e.type).sort()).toEqual(["conference", "other"]);
    // A field of cooperation is no activity.
    const z = reader.read("Hai nước hợp tác hiệu quả trên các lĩnh vực chính trị, an ninh, thương mại và giao lưu văn hóa, nhân dân.", { publishedAt: parseDate("2031-10-12") });
    expect(z.events).toEqual([]);
  });

  it("does not date an activity by an anniversary's span, nor read 'Kỳ' as the signing verb", () => {
    const x = reader.read(
      "Chiều 16/8/2031, tại Hà Nội, Bộ trưởng Đỗ Minh Khang đã tiếp ông Piotr Nowak, Bộ trưởng Nội vụ Ba Lan sang dự Lễ kỷ niệm 86 năm Ngày truyền thống Công an nhân dân (19/8/1945 - 19/8/2031).",
      { publishedAt: parseDate("2031-08-17") },
    );
    expect(date(x.events.find((e) => e.type === "reception")?.start ?? null)).toBe("2031-08-16");
    expect(x.events.map((e) => e.start?.y)).not.toContain(1945);
    const y = reader.read("Ngày 9/2, đội cứu hộ của Bộ Công an đến Thổ Nhĩ Kỳ kế hoạch tìm kiếm người mắc kẹt được triển khai ngay.", { publishedAt: parseDate("2031-02-10") });
    expect(y.agreements).toEqual([]);
    expect(y.events.filter((e) => e.type === "signing")).toEqual([]);
  });

  it("says which parts of a date the text stated and where the rest came from", () => {
    const x = reader.read("Chiều 16/4, tại Hà Nội, Bộ trưởng Tô Lâm đã hội đàm với Bộ trưởng Bộ Nội vụ Cuba Lázaro Alberto Álvarez Casas.", { publishedAt: parseDate("2019-04-18") });
    expect(x.events.map((e) => [date(e.start), describeDate(e.start)])).toEqual([["2019-04-16", "stated day and month; year from the publication date"]]);
    const y = reader.read("Chiều 16/4/2019, tại Hà Nội, Bộ trưởng Tô Lâm đã hội đàm với Bộ trưởng Bộ Nội vụ Cuba Lázaro Alberto Álvarez Casas.", { publishedAt: parseDate("2019-04-18") });
    expect(y.events.map((e) => describeDate(e.start))).toEqual(["stated"]);
    expect(x.events[0]!.start!.from).toEqual({ y: "publication", m: "text", d: "text" });
    expect(y.events[0]!.start!.from).toEqual({ y: "text", m: "text", d: "text" });
  });

  it("does not call a signing's day stated in full when its year came from the publication date", () => {
    const x = reader.read("Sáng 21/10, tại Hà Nội, Bộ trưởng Đỗ Minh Khang và Bộ trưởng Nội vụ Ba Lan Piotr Nowak đã ký Bản ghi nhớ về hợp tác phòng, chống tội phạm.", { publishedAt: parseDate("2031-10-22") });
    const signing = x.events.find((e) => e.type === "signing");
    expect(date(signing?.start ?? null)).toBe("2031-10-21");
    expect(datePartsOf(signing!.start)).toEqual({ stated: ["month", "day"], inferred: [{ part: "year", from: "the publication date" }] });
    // A month the text names with no day, in a sentence that states no year.
    const y = reader.read("Cuối tháng 3, tại Warsaw, Bộ trưởng Đỗ Minh Khang đã hội đàm với Bộ trưởng Nội vụ Ba Lan Piotr Nowak.", { publishedAt: parseDate("2031-04-02") });
    const talks = y.events.find((e) => e.type === "talks");
    expect(datePartsOf(talks!.start)).toEqual({ stated: ["month"], inferred: [{ part: "year", from: "the publication date" }] });
  });

  it("reads nothing from sentences that only plan or recall", () => {
    const x = read("Hai bên nhất trí sẽ tiếp tục tăng cường trao đổi đoàn các cấp trong thời gian tới, thúc đẩy hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba.");
    expect(x.events).toEqual([]);
  });
});

describe("ministries", () => {
  it("keeps a national police agency as a unit of its ministry, not a ministry", () => {
    const x = read("Sáng 5/3/2024, tại Hà Nội, Thượng tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã tiếp ông Yoon Hee-keun, Tổng Cục trưởng Cơ quan Cảnh sát Quốc gia Hàn Quốc.");
    expect(x.ministries.map((m) => m.code)).toEqual(["VN-MPS"]);
    expect(x.units.map((u) => [u.code, u.ministry])).toEqual([["KR-MOIS-KNPA", "KR-MOIS"]]);
    expect(x.countries).toEqual(["KR", "VN"]);
  });

  it("keeps the base name the text uses", () => {
    const now = read("Chiều 2/8/2023, Bộ trưởng Bộ Công an Lào Vilay Lakhamphon hội đàm với Bộ trưởng Bộ Công an Tô Lâm tại Viêng Chăn.");
    expect(now.ministries.find((m) => m.country === "LA")?.vi).toBe("Bộ Công an");
    const before = read("Ngày 10/4/2012, Bộ trưởng Bộ An ninh Lào Thongbanh Sengaphone hội đàm với Bộ trưởng Bộ Công an Trần Đại Quang tại Hà Nội.");
    expect(before.ministries.find((m) => m.country === "LA")?.vi).toBe("Bộ An ninh");
  });

  it("reads no ministry from police of a country or a police commander", () => {
    const x = read("Hôm nay, hội nghị Tư lệnh Cảnh sát các nước ASEAN lần thứ 40 khai mạc tại Hà Nội; lực lượng Cảnh sát Việt Nam mong muốn hợp tác với Cảnh sát các nước.");
    expect(x.ministries).toEqual([]);
    expect(x.countries).toEqual(["VN"]);
  });
});

describe("agreements", () => {
  it("reads type, title and parties of a signed document, and its signing event", () => {
    const x = read("Ngày 13/9/2023, tại Bắc Kinh, Bộ trưởng Tô Lâm và Ủy viên Quốc vụ, Bộ trưởng Bộ Công an Trung Quốc Vương Tiểu Hồng đã ký Bản ghi nhớ về hợp tác phòng, chống khủng bố giữa Bộ Công an Việt Nam và Bộ Công an Trung Quốc.");
    expect(x.agreements).toHaveLength(1);
    const a = x.agreements[0]!;
    expect(a.type).toBe("mou");
    expect(a.title).toBe("Bản ghi nhớ về hợp tác phòng, chống khủng bố giữa Bộ Công an Việt Nam và Bộ Công an Trung Quốc");
    expect(a.parties).toEqual([
      { country: "VN", ministry: "VN-MPS", unit: null },
      { country: "CN", ministry: "CN-MPS", unit: null },
    ]);
    const signing = x.events[a.event!];
    expect(signing).toMatchObject({ type: "signing" });
    expect(date(signing!.start)).toBe("2023-09-13");
    expect(signing!.topics).toContain("counter_terrorism");
  });
});

describe("agreements recalled as background", () => {
  it("reads a document named before a passive signing verb, with the date it was signed", () => {
    const x = read("Ngày 8/5/2024, Bộ trưởng Lương Tam Quang hội đàm với Bộ trưởng Bộ Nội vụ Cuba. Hai bên đánh giá cao kết quả thực hiện Bản ghi nhớ về hợp tác phòng, chống tội phạm giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba đã được ký kết ngày 14/3/2019 tại La Habana.");
    const mou = x.agreements.find((a) => a.type === "mou");
    expect(mou?.title).toBe("Bản ghi nhớ về hợp tác phòng, chống tội phạm giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba");
    expect(date(mou?.signed ?? null)).toBe("2019-03-14");
    expect(x.events.filter((e) => e.type === "signing").map((e) => date(e.start))).toEqual(["2019-03-14"]);
  });

  it("lists documents 'đã ký' after a proposal without a signing event, and none after 'thúc đẩy ký kết' or 'từ khi'", () => {
    const listed = read("Bộ trưởng đề nghị hai bên tiếp tục triển khai hiệu quả các văn bản đã ký, nhất là Bản ghi nhớ về phòng, chống khủng bố, Kế hoạch hợp tác giai đoạn 2023 - 2025.");
    expect(listed.agreements.map((a) => a.type)).toEqual(["mou", "plan"]);
    expect(listed.events.filter((e) => e.type === "signing")).toEqual([]);
    const planned = read("Ngày 2/4/2024, hai bên nhất trí thúc đẩy ký kết Hiệp định dẫn độ và Hiệp định tương trợ tư pháp về hình sự.");
    expect(planned.agreements).toEqual([]);
    const since = read("Ngày 2/4/2024, Bộ trưởng Tô Lâm cho biết thương mại giữa hai nước tăng mạnh từ khi Việt Nam ký kết Hiệp định Thương mại tự do với Liên minh châu Âu.");
    expect(since.agreements).toEqual([]);
  });
});

describe("signing reported twice", () => {
  const lead = "Việt Nam và Trung Quốc ký kết hai văn kiện hợp tác về an ninh\n\n16/05/2024\n\nBộ Công an Việt Nam và Bộ Công an Trung Quốc vừa ký kết Bản ghi nhớ về hợp tác phòng, chống khủng bố giữa hai Bộ.\n\n";
  const later = "Chiều 14/5, tại Hà Nội, Đại tướng Tô Lâm, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an và ông Vương Tiểu Hồng, Ủy viên Quốc vụ, Bộ trưởng Bộ Công an Trung Quốc đã ký";

  it("gives the one signing event the day, place and signatories of the later report", () => {
    for (const end of [" các văn kiện trên.", " Bản ghi nhớ về hợp tác phòng, chống khủng bố giữa hai Bộ."]) {
      const x = read(lead + later + end);
      const signings = x.events.filter((e) => e.type === "signing");
      expect(signings).toHaveLength(1);
      expect(date(signings[0]!.start)).toBe("2024-05-14");
      expect(signings[0]!.place).toBe("Hà Nội");
      expect(signings[0]!.participants.map((p) => p.key).sort()).toEqual(["CN|vuong tieu hong", "VN|to lam"]);
      expect(date(x.agreements[0]!.signed)).toBe("2024-05-14");
    }
  });

  it("reads no document from the headline when the body names one", () => {
    const x = read(lead + later + " các văn kiện trên.");
    expect(x.agreements.map((a) => a.type)).toEqual(["mou"]);
    // With none in the body, the headline's document stands.
    const y = read("Bộ Công an Việt Nam ký biên bản hợp tác với Cảnh sát Hoàng gia Thái Lan\n\nChiều 20/12, tại Bangkok, Bộ trưởng Tô Lâm đã hội đàm với Tổng Tư lệnh Cảnh sát Hoàng gia Thái Lan, Đại tướng Chakthip Chaijinda.");
    expect(y.agreements.map((a) => a.type)).toEqual(["minutes"]);
  });
});

describe("agreements listed without quotation marks", () => {
  it("ends a title where the next document begins", () => {
    const x = read("Ngày 14/5/2024, tại Hà Nội, Bộ trưởng Tô Lâm và Bộ trưởng Vương Tiểu Hồng đã ký Bản ghi nhớ về hợp tác phòng, chống ma túy giữa Bộ Công an Việt Nam và Bộ Công an Trung Quốc và Kế hoạch hợp tác năm 2024-2025 giữa hai Bộ.");
    expect(x.agreements.map((a) => [a.type, a.title])).toEqual([
      ["mou", "Bản ghi nhớ về hợp tác phòng, chống ma túy giữa Bộ Công an Việt Nam và Bộ Công an Trung Quốc"],
      ["plan", "Kế hoạch hợp tác năm 2024-2025 giữa hai Bộ"],
    ]);
  });
});

describe("whole seed articles against their gold reading", () => {
  const dir = "data/seeds";
  const gold = JSON.parse(fs.readFileSync(`${dir}/gold.json`, "utf8")) as {
    articles: { file: string; published_at: string | null; countries: string[]; officials: { name: string; country: string }[]; events: { type: string }[] }[];
  };
  for (const g of gold.articles) {
    it(`reads ${g.file}`, () => {
      const x = read(fs.readFileSync(`${dir}/${g.file}`, "utf8"));
      expect(date(x.publishedAt)).toBe(g.published_at);
      expect(x.countries).toEqual([...g.countries].sort());
      // Each gold official under its name or one of its aliases, of the same country.
      const known = x.officials.flatMap((p) => [p.name, ...p.aliases].map((n) => `${p.country}|${n}`));
      for (const o of g.officials) expect(known).toContain(`${o.country}|${o.name}`);
      expect(x.events.map((e) => e.type).sort()).toEqual(g.events.map((e) => e.type).sort());
    });
  }
});
