// The rules that decide when two reports name the same person or activity.
import { describe, expect, it } from "vitest";
import { agreementMatch, eventMatch, mergeDates, mergeEvents, sameName, sameOfficial, type EventFacts } from "../../src/import/resolve.ts";

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

  it("joins a report that names nobody only weakly: days that agree and the same sides", () => {
    expect(eventMatch(event({ participants: [toLam, pompeo] }), event({}))).toMatchObject({ weak: true });
    // A month-only report of the award, naming nobody, with one more country decorated.
    const award = event({ type: "award", start: "2025-08-16", countries: ["LA", "VN"], participants: [toLam] });
    expect(eventMatch(award, event({ type: "award", start: "2025-08", countries: ["CU", "LA", "VN"] }))).toMatchObject({ weak: true });
    expect(eventMatch(event({ participants: [toLam, pompeo] }), event({ start: "2020-09" }))).toBeNull();
  });

  it("does not read sides from roles: outlets disagree on who received whom", () => {
    const guest = { ...toLam, role: "head_of_delegation" as const };
    const host = { ...pompeo, role: "host" as const };
    expect(eventMatch(event({ participants: [toLam, pompeo] }), event({ participants: [guest, host] }))).toMatchObject({ weak: false });
  });

  it("joins one visit whoever else each outlet names, not two visits by different people", () => {
    const visit = (people: EventFacts["participants"], start = "2023-04-03") => event({ type: "visit", start, countries: ["JP", "VN"], participants: people });
    const suga = { official: 5, role: "host" as const, country: "JP" };
    const npa = { official: 6, role: "host" as const, country: "JP" };
    expect(eventMatch(visit([toLam, suga]), visit([toLam, npa], "2023-04"))).toMatchObject({ weak: false });
    const deputy = { official: 7, role: "head_of_delegation" as const, country: "VN" };
    expect(eventMatch(visit([toLam, suga]), visit([deputy], "2023-04"))).toBeNull();
  });

  it("lets two reports of one day differ by a day or two, and a date taken from the publication stand for the weeks before", () => {
    const conference = (start: string, dateReason = "stated") => event({ type: "conference", start, dateReason, countries: ["CN", "VN"], participants: [pompeo] });
    expect(eventMatch(conference("--09-25"), conference("2016-09-24"))).not.toBeNull();
    expect(eventMatch(conference("2016-09-25"), conference("2016-09-29"))).toBeNull();
    expect(eventMatch(conference("--10-31"), conference("2023-11", "publication month"))).not.toBeNull();
    expect(eventMatch(conference("--10-20"), conference("2023-11"))).toBeNull();
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

  it("combines dates that agree part by part, and prefers a stated day to a publication month", () => {
    expect(mergeDates(event({ start: "2016-09" }), event({ start: "--09-25" })).start).toBe("2016-09-25");
    const stated = event({ start: "--10-31", dateReason: "stated, year unknown" });
    const inferred = event({ start: "2023-11", dateReason: "publication month" });
    expect(mergeDates(inferred, stated)).toMatchObject({ start: "2023-10-31", dateReason: "stated, year unknown; year from another report" });
  });
});
