// Same agreement: the rules the article reader and the store share.
import { describe, expect, it } from "vitest";
import { dateFrom, parseDate } from "../../src/dates/value.ts";
import { agreementMatch, mergeAgreements, sameTitle, type AgreementFacts } from "../../src/identity/agreements.ts";

const stated = (s: string) => dateFrom(parseDate(s)!, "text");
const parties = [{ country: "CN", ministry: 1, unit: null }, { country: "VN", ministry: 2, unit: null }];
const drugs: AgreementFacts = { type: "mou", title: "Bản ghi nhớ về hợp tác phòng, chống ma túy", signed: stated("2024-05-14"), parties, event: 7 };
const cyber: AgreementFacts = { ...drugs, title: "Bản ghi nhớ về hợp tác bảo đảm an ninh mạng" };

describe("titles of one document", () => {
  it("joins a title cut short at a word, and spellings that fold alike", () => {
    expect(sameTitle("Bản ghi nhớ về hợp tác phòng, chống ma túy", "Bản ghi nhớ về hợp tác phòng chống ma tuý")).toBe(true);
    expect(sameTitle("Kế hoạch hợp tác", "Kế hoạch hợp tác giữa hai Bộ năm 2024")).toBe(true);
    // The parties named in full or as "the two ministries".
    expect(sameTitle("Chương trình hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ Lào về phòng chống ma túy", "Chương trình hợp tác giữa hai Bộ về phòng chống ma túy")).toBe(true);
  });

  it("keeps apart documents that only begin alike", () => {
    expect(sameTitle(drugs.title, cyber.title)).toBe(false);
    expect(sameTitle("Kế hoạch hợp tác năm 2023", "Kế hoạch hợp tác năm 2024")).toBe(false);
    expect(sameTitle("Kế hoạch hợp tác giữa hai Bộ năm 2023", "Kế hoạch hợp tác giữa Bộ Công an và Bộ Nội vụ năm 2024")).toBe(false);
  });
});

describe("agreements across articles", () => {
  it("keeps two documents signed at one event apart, and joins one document reported twice", () => {
    expect(agreementMatch(drugs, cyber)).toBe(false);
    expect(agreementMatch(drugs, { ...drugs, signed: dateFrom({ y: 2024, m: 5 }, "publication"), event: null })).toBe(true);
    expect(agreementMatch(drugs, { ...drugs, signed: stated("2023-05-14") })).toBe(false);
    expect(agreementMatch(drugs, { ...drugs, parties: [parties[1]!, { country: "LA", ministry: 3, unit: null }] })).toBe(false);
  });

  it("keeps the fuller title and the better date", () => {
    const short = { ...drugs, title: "Bản ghi nhớ về hợp tác", signed: dateFrom({ y: 2024, m: 5 }, "publication") };
    const merged = mergeAgreements(short, drugs);
    expect(merged.title).toBe(drugs.title);
    expect(merged.signed).toEqual(drugs.signed);
  });
});
