// The date value: parts with their sources, formatted only at the edges.
import { describe, expect, it } from "vitest";
import { dateFrom, dateFromJson, describeDate, formatDate, fromPublication, monthOf, parseDate, withYear, type DateValue } from "../../src/dates/value.ts";

describe("date values", () => {
  it("formats ISO partial dates and reads them back", () => {
    for (const s of ["2016-09-25", "2016-09", "2016", "--09-25"]) expect(formatDate(parseDate(s))).toBe(s);
    expect(formatDate({ d: 25 })).toBeNull();
    expect(parseDate("25/9/2016")).toBeNull();
  });

  it("describes what the text stated and where the rest came from", () => {
    const day = dateFrom({ m: 9, d: 25 }, "text");
    expect(describeDate(day)).toBe("stated, year unknown");
    expect(describeDate(withYear(day, 2016, "publication"))).toBe("stated day and month; year from the publication date");
    expect(describeDate(withYear(day, 2016, "visit"))).toBe("stated day and month; year of the visit it falls in");
    expect(describeDate(withYear(day, 2016, "text"))).toBe("stated");
    expect(describeDate(dateFrom({ y: 2016, m: 9 }, "publication"))).toBe("publication month");
    expect(describeDate(dateFrom({ y: 2016, m: 9, d: 25 }, "relative"))).toBe("publication");
    expect(describeDate(monthOf(dateFrom({ y: 2016, m: 9, d: 25 }, "occasion")))).toBe("month of the activity it is the occasion of");
    expect(describeDate(null)).toBe("unknown");
  });

  it("tells a date of the publication from a stated day whose year is the publication's", () => {
    expect(fromPublication(dateFrom({ y: 2016, m: 9 }, "publication"))).toBe(true);
    expect(fromPublication(withYear(dateFrom({ m: 9, d: 25 }, "text"), 2016, "publication"))).toBe(false);
  });

  it("reads stored values and the ISO strings with a reason written before", () => {
    const v = withYear(dateFrom({ m: 9, d: 25 }, "text"), 2016, "publication");
    expect(dateFromJson(JSON.parse(JSON.stringify(v)))).toEqual(v);
    expect(dateFromJson("2016-09-25", "stated day and month; year from the publication date")).toEqual(v);
    expect(dateFromJson("2023-10-31", "stated, year unknown; year from another report")!.from).toEqual({ y: "another report", m: "text", d: "text" });
    expect(dateFromJson(null)).toBeNull();
  });

  it("reads each part's source back from the reason it wrote, as the database keeps it", () => {
    const day = dateFrom({ m: 9, d: 25 }, "text");
    const values: DateValue[] = [
      dateFrom({ y: 2016, m: 9, d: 25 }, "text"),
      day,
      ...(["publication", "visit", "same day", "story", "occasion", "first activity", "another report"] as const).map((s) => withYear(day, 2016, s)),
      withYear(dateFrom({ m: 9 }, "text"), 2016, "publication"),
      ...(["relative", "story", "first activity", "another report"] as const).map((s) => dateFrom({ y: 2016, m: 9, d: 25 }, s)),
      dateFrom({ y: 2016, m: 9 }, "publication"),
      dateFrom({ y: 2016, m: 9 }, "occasion"),
      withYear(dateFrom({ m: 9, d: 25 }, "story"), 2016, "another report"),
    ];
    for (const v of values) expect(dateFromJson(formatDate(v), describeDate(v))).toEqual(v);
    expect(describeDate(withYear(dateFrom({ m: 9 }, "text"), 2016, "publication"))).toBe("stated month; year from the publication date");
  });
});
