// The rules that decide when two reports name the same person or activity.
import { describe, expect, it } from "vitest";
import { agreementMatch, eventMatch, mergeEvents, sameName, sameOfficial, type EventFacts } from "../../src/import/resolve.ts";

describe("officials across articles", () => {
  it("joins foreign name orders, partial forms and slips, not near-identical Vietnamese names", () => {
    expect(sameName("Patrushev Nikolai", "Patrushev Nikolai Platonovich", "RU")).toBe(true);
    expect(sameName("Lázaro Alberto Álvarez Casas", "Lazaro Alberto Alvares Casas", "CU")).toBe(true);
    expect(sameName("Quách Thanh Côn", "Quách Thành Côn", "CN")).toBe(true);
    expect(sameName("Nikolai Patrushev", "Dmitry Patrushev", "RU")).toBe(false);
    expect(sameName("Trần Đại Quang", "Trần Đại Quan", "VN")).toBe(false);
    // Sino-Vietnamese readings are as tight as Vietnamese names.
    expect(sameName("Vương Tiểu Hồng", "Vương Tiểu Hùng", "CN")).toBe(false);
    expect(sameName("Nguyễn Văn Thành", "Nguyễn Văn Thanh", "VN")).toBe(true); // the same once folded
  });

  it("joins a misspelt Vietnamese name only when the office is the same", () => {
    const president = { names: ["Trần Đại Quang"], country: "VN", offices: ["Chủ tịch nước"] };
    expect(sameOfficial(president, { names: ["Trần Đại Quan"], country: "VN", offices: ["Chủ tịch nước"] })).toBe(true);
    expect(sameOfficial(president, { names: ["Trần Đại Quan"], country: "VN", offices: ["Giám đốc Công an tỉnh"] })).toBe(false);
    expect(sameOfficial(president, { names: ["Trần Đại Quang"], country: "LA", offices: ["Chủ tịch nước"] })).toBe(false);
  });
});

const event = (over: Partial<EventFacts>): EventFacts => ({
  type: "reception", start: "2020-10-30", end: null, dateReason: "stated", place: null, countries: ["US", "VN"],
  participants: [], ministries: [], topics: [], summary: "", mechanism: null, ordinal: null, ...over,
});
const toLam = { official: 1, role: "host" as const, country: "VN" };
const pompeo = { official: 2, role: "head_of_delegation" as const, country: "US" };
const other = { official: 3, role: "head_of_delegation" as const, country: "US" };

describe("events across articles", () => {
  it("joins reports of one activity, a date without year included", () => {
    expect(eventMatch(event({ participants: [toLam, pompeo] }), event({ start: "--10-30", participants: [toLam, pompeo] }))).not.toBeNull();
    // A visit's span holds a day another report gives.
    expect(eventMatch(event({ type: "visit", start: "2021-03-15", end: "2021-03-17", participants: [pompeo] }), event({ type: "visit", start: "2021-03-16", participants: [pompeo] }))).not.toBeNull();
  });

  it("keeps apart other days, other types, other sides and other counterparts", () => {
    const stored = event({ participants: [toLam, pompeo] });
    expect(eventMatch(stored, event({ start: "2020-11-30", participants: [toLam, pompeo] }))).toBeNull();
    expect(eventMatch(stored, event({ type: "talks", participants: [toLam, pompeo] }))).toBeNull();
    expect(eventMatch(stored, event({ countries: ["CN", "VN"], participants: [toLam] }))).toBeNull();
    expect(eventMatch(stored, event({ participants: [toLam, other] }))).toBeNull();
    // The same guest received by another host.
    const pm = { official: 4, role: "host" as const, country: "VN" };
    expect(eventMatch(stored, event({ participants: [pm, pompeo] }))).toBeNull();
  });

  it("joins a report that names nobody only weakly: the same day and sides", () => {
    expect(eventMatch(event({ participants: [toLam, pompeo] }), event({}))).toMatchObject({ weak: true });
    expect(eventMatch(event({ participants: [toLam, pompeo] }), event({ start: "2020-10" }))).toBeNull();
  });

  it("joins the same numbered session of a mechanism whoever is named, and never two sessions", () => {
    const eighth = event({ type: "conference", start: "2023-09", countries: ["CN", "VN"], ordinal: 8 });
    expect(eventMatch(eighth, event({ type: "conference", start: "2023-09-13", countries: ["CN", "VN"], ordinal: 8 }))).not.toBeNull();
    expect(eventMatch(eighth, event({ type: "conference", start: "2023-09-13", countries: ["CN", "VN"], ordinal: 7 }))).toBeNull();
  });

  it("keeps two documents signed at one event apart", () => {
    const parties = [{ country: "CN", ministry: 1, unit: null }, { country: "VN", ministry: 2, unit: null }];
    const drugs = { type: "mou", title: "Bản ghi nhớ về hợp tác phòng, chống ma túy", signed: "2024-05-14", parties, event: 7 };
    const cyber = { ...drugs, title: "Bản ghi nhớ về hợp tác bảo đảm an ninh mạng" };
    expect(agreementMatch(drugs, cyber)).toBe(false);
    expect(agreementMatch(drugs, { ...drugs, signed: "2024-05", event: null })).toBe(true);
  });

  it("merges to the better date and the union of participants", () => {
    const merged = mergeEvents(event({ start: "--10-30", participants: [toLam] }), event({ participants: [{ ...toLam, role: "attendee" }, pompeo] }));
    expect(merged.start).toBe("2020-10-30");
    expect(merged.participants).toEqual([toLam, pompeo]);
  });
});
