// Same event: when two reports tell of one activity, and how they merge.
import { describe, expect, it } from "vitest";
import { dateFrom, describeDate, formatDate, parseDate, type PartSource } from "../../src/dates/value.ts";
import { eventMatch, mergeDates, mergeEvents, sameInArticle, typesAgree, type ArticleReport, type EventFacts } from "../../src/identity/events.ts";

const on = (s: string, source: PartSource = "text") => dateFrom(parseDate(s)!, source);
type Over = Omit<Partial<EventFacts>, "start" | "end"> & { start?: string | null; end?: string | null; source?: PartSource };
const event = ({ start = "2020-10-30", end = null, source = "text", ...over }: Over): EventFacts => ({
  type: "reception", start: start === null ? null : on(start, source), end: end === null ? null : on(end, source), place: null, countries: ["US", "VN"],
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
    expect(eventMatch(stored, event({ type: "signing", participants: [toLam, pompeo] }))).toBeNull();
    expect(eventMatch(stored, event({ countries: ["CN", "VN"], participants: [toLam] }))).toBeNull();
    expect(eventMatch(stored, event({ participants: [toLam, other] }))).toBeNull();
    // The same guest received by another host.
    const pm = { official: 4, role: "host" as const, country: "VN" };
    expect(eventMatch(stored, event({ participants: [pm, pompeo] }))).toBeNull();
  });

  it("joins talks and a reception when both are dated and name the same people on both sides", () => {
    expect(typesAgree("talks", "reception")).toBe(true);
    const reception = event({ participants: [toLam, pompeo] });
    expect(eventMatch(reception, event({ type: "talks", start: "--10-30", participants: [pompeo, toLam] }))).toMatchObject({ weak: false });
    // Only the guest named, or no date: it may be the other meeting of that visit.
    expect(eventMatch(reception, event({ type: "talks", participants: [pompeo] }))).toBeNull();
    expect(eventMatch(reception, event({ type: "talks", start: null, participants: [toLam, pompeo] }))).toBeNull();
    // Another host on the Vietnamese side: another meeting.
    const pm = { official: 4, role: "host" as const, country: "VN" };
    expect(eventMatch(reception, event({ type: "talks", participants: [pm, pompeo] }))).toBeNull();
    expect(mergeEvents(reception, event({ type: "talks", participants: [toLam, pompeo] })).type).toBe("reception");
    // Talks go to the talks of that day rather than to a reception of the same people.
    const talks = event({ type: "talks", participants: [toLam, pompeo] });
    expect(eventMatch(talks, talks)!.score).toBeGreaterThan(eventMatch(reception, talks)!.score);
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
    const conference = (start: string, source: PartSource = "text") => event({ type: "conference", start, source, countries: ["CN", "VN"], participants: [pompeo] });
    expect(eventMatch(conference("--09-25"), conference("2016-09-24"))).not.toBeNull();
    expect(eventMatch(conference("2016-09-25"), conference("2016-09-29"))).toBeNull();
    expect(eventMatch(conference("--10-31"), conference("2023-11", "publication"))).not.toBeNull();
    expect(eventMatch(conference("--10-20"), conference("2023-11"))).toBeNull();
  });

  it("joins the same numbered session of a mechanism whoever is named, and never two sessions", () => {
    const eighth = event({ type: "conference", start: "2023-09", countries: ["CN", "VN"], ordinal: 8 });
    expect(eventMatch(eighth, event({ type: "conference", start: "2023-09-13", countries: ["CN", "VN"], ordinal: 8 }))).not.toBeNull();
    expect(eventMatch(eighth, event({ type: "conference", start: "2023-09-13", countries: ["CN", "VN"], ordinal: 7 }))).toBeNull();
  });

  it("merges to the better date and the union of participants", () => {
    const merged = mergeEvents(event({ start: "--10-30", participants: [toLam] }), event({ participants: [{ ...toLam, role: "attendee" }, pompeo] }));
    expect(formatDate(merged.start)).toBe("2020-10-30");
    expect(merged.participants).toEqual([toLam, pompeo]);
  });

  it("combines dates that agree part by part, and prefers a stated day to a publication month, saying where each part came from", () => {
    const combined = mergeDates(event({ start: "2016-09", source: "publication" }), event({ start: "--09-25" })).start!;
    expect(formatDate(combined)).toBe("2016-09-25");
    expect(combined.from).toEqual({ y: "another report", m: "text", d: "text" });
    const stated = event({ start: "--10-31" });
    const inferred = event({ start: "2023-11", source: "publication" });
    const merged = mergeDates(inferred, stated).start!;
    expect(formatDate(merged)).toBe("2023-10-31");
    expect(describeDate(merged)).toBe("stated, year unknown; year from another report");
  });
});

describe("one date from two reports that disagree", () => {
  it("prefers a day stated for the activity to one borrowed from another activity, and takes the nearest year", () => {
    // One outlet dates the visit by the reception it framed (24/9), the other by its own sentence (25/9).
    const borrowed = { ...on("2016-09-24"), from: { y: "publication", m: "text", d: "first activity" } } as const;
    const visit = mergeDates({ start: borrowed, end: null }, { start: on("--09-25"), end: null }).start!;
    expect(formatDate(visit)).toBe("2016-09-25");
    expect(describeDate(visit)).toBe("stated, year unknown; year from another report");
    // Across the turn of a year the nearer year wins.
    const december = mergeDates({ start: on("2032-01-03", "publication"), end: null }, { start: on("--12-30"), end: null }).start!;
    expect(formatDate(december)).toBe("2031-12-30");
  });
});

describe("events within one article", () => {
  const report = (over: Partial<ArticleReport>): ArticleReport => ({
    type: "reception", start: { m: 10, d: 30 }, ordinal: null, background: false, counterparts: new Set(), receiver: null, ...over,
  });

  it("joins two sentences about one reception, not receptions by two hosts of one guest", () => {
    expect(sameInArticle(report({ counterparts: new Set(["guest"]) }), report({ counterparts: new Set(["guest"]), start: { y: 2020, m: 10, d: 30 } }))).toBe(true);
    expect(sameInArticle(report({ receiver: "secretary", counterparts: new Set(["guest"]) }), report({ receiver: "premier", counterparts: new Set(["guest"]) }))).toBe(false);
    // "A tiếp X" and "X hội kiến A": one meeting.
    expect(sameInArticle(report({ receiver: "a", counterparts: new Set(["x"]) }), report({ receiver: "x" }))).toBe(true);
  });

  it("keeps apart another day, another session and an activity recalled as background", () => {
    expect(sameInArticle(report({}), report({ start: { m: 10, d: 31 } }))).toBe(false);
    expect(sameInArticle(report({ type: "conference", ordinal: 4 }), report({ type: "conference", ordinal: 5 }))).toBe(false);
    expect(sameInArticle(report({}), report({ background: true }))).toBe(false);
  });
});
