import { describe, expect, it } from "vitest";
import { compatible, formatDate, resolveYear, spanOf } from "../../src/dates/value.ts";
import { readDates } from "../../src/extraction/dates.ts";

// Sentences taken from the corpora.
const read = (s: string) => readDates(s).map((d) => ({ start: formatDate(d.start) ?? d.start, end: d.end ? formatDate(d.end) : undefined, part: d.partOfDay, rel: d.relative }));

describe("date reader", () => {
  it("reads a day without a year and its part of day", () => {
    expect(read("Chiều ngày 15/5, tại Hà Nội, Bộ Công an đã tổ chức Lễ đón chính thức")).toEqual([{ start: "--05-15", end: undefined, part: "afternoon", rel: undefined }]);
    expect(read("Chiều 16/4, tại Trụ sở Trung ương Đảng")[0]).toMatchObject({ start: "--04-16", part: "afternoon" });
    expect(read("Sáng 30.10, tại trụ sở Bộ Công an, hai đoàn")[0]).toMatchObject({ start: "--10-30", part: "morning" });
    expect(read("Ngày 16-3, đoàn đại biểu cấp cao")[0]).toMatchObject({ start: "--03-16" });
  });

  it("reads spans in their several forms", () => {
    expect(read("trong các ngày từ 12 đến 16/9/2023, Đoàn đại biểu")[0]).toMatchObject({ start: "2023-09-12", end: "2023-09-16" });
    expect(read("tại Liên bang Nga, từ ngày 28/5 - 4/6/2024.")[0]).toMatchObject({ start: "2024-05-28", end: "2024-06-04" });
    expect(read("trong chuyến công tác từ ngày 17 – 20/02, chiều 18/2, đoàn làm việc ở Phnom Penh")).toHaveLength(2);
    expect(read("trong các ngày 05-11 và 06-11, hai bộ đã tổ chức")[0]).toMatchObject({ start: "--11-05", end: "--11-06" });
    expect(read("đoàn công tác của Bộ Nội vụ Lào có mặt tại Hà Nội từ ngày 2-4/4.")[0]).toMatchObject({ start: "--04-02", end: "--04-04" });
    // Across New Year, the year written once belongs to the end.
    expect(read("Đoàn đã thăm và làm việc tại Liên bang Nga từ ngày 28/12 - 3/1/2024.")[0]).toMatchObject({ start: "2023-12-28", end: "2024-01-03" });
    expect(read("từ ngày 30/12/2023 - 3/1/2024")[0]).toMatchObject({ start: "2023-12-30", end: "2024-01-03" });
  });

  it("reads months, years and words relative to publication", () => {
    expect(read("trong chuyến thăm Việt Nam của Đoàn vào tháng 11/2023")[0]).toMatchObject({ start: "2023-11" });
    expect(read("hai nước nâng quan hệ lên đối tác chiến lược vào tháng 9-2013")[0]).toMatchObject({ start: "2013-09" });
    expect(read("Chiều nay (10/10/2018), tại Bắc Kinh")).toEqual([{ start: "2018-10-10", end: undefined, part: "afternoon", rel: undefined }]);
    expect(read("hôm nay đã chủ trì lễ đón")[0]).toMatchObject({ rel: "today" });
  });

  it("does not read numbers that are not dates", () => {
    expect(read("nhân dịp tròn 70 năm quan hệ ngoại giao giữa hai nước (1950-2020).")).toEqual([]);
    expect(read("bụi PM10 và PM2.5, đào tạo 130 lượt cán bộ")).toEqual([]);
  });

  it("resolves a missing year from the publication date, never later than it", () => {
    expect(resolveYear({ d: 16, m: 3 }, { y: 2021, m: 3 })).toEqual({ d: 16, m: 3, y: 2021 });
    expect(resolveYear({ d: 28, m: 12 }, { y: 2021, m: 1, d: 5 })).toEqual({ d: 28, m: 12, y: 2020 });
    expect(resolveYear({ d: 28, m: 12 }, undefined)).toEqual({ d: 28, m: 12 });
  });

  it("compares and spans partial dates", () => {
    expect(compatible({ y: 2023, m: 9, d: 12 }, { y: 2023, m: 9 })).toBe(true);
    expect(compatible({ m: 5, d: 15 }, { y: 2023, m: 5, d: 16 })).toBe(false);
    expect(spanOf({ y: 2024, m: 2 })).toEqual(["2024-02-01", "2024-02-29"]);
    expect(spanOf({ m: 5, d: 15 })).toBeNull();
  });
});
