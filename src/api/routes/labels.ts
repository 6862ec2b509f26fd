// Display labels for the enum codes the API returns, in Vietnamese and English.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { AgreementType, EventType } from "../../db/generated/enums.ts";

// The codes come from the database's enums, so that a new type cannot go without its labels.
export type EventTypeCode = EventType;
export const EVENT_TYPES = Object.values(EventType) as [EventTypeCode, ...EventTypeCode[]];

export type AgreementTypeCode = AgreementType;
export const AGREEMENT_TYPES = Object.values(AgreementType) as [AgreementTypeCode, ...AgreementTypeCode[]];

export interface Label {
  vi: string;
  en: string;
}

export const EVENT_TYPE_LABELS: Record<EventTypeCode, Label> = {
  visit: { vi: "Chuyến thăm", en: "Visit" },
  talks: { vi: "Hội đàm", en: "Talks" },
  reception: { vi: "Tiếp", en: "Reception" },
  conference: { vi: "Hội nghị", en: "Conference" },
  signing: { vi: "Ký kết", en: "Signing" },
  ceremony: { vi: "Lễ", en: "Ceremony" },
  award: { vi: "Trao tặng", en: "Award" },
  other: { vi: "Khác", en: "Other" },
};

export const AGREEMENT_TYPE_LABELS: Record<AgreementTypeCode, Label> = {
  mou: { vi: "Bản ghi nhớ", en: "Memorandum of understanding" },
  agreement: { vi: "Thỏa thuận, hiệp định", en: "Agreement" },
  minutes: { vi: "Biên bản", en: "Minutes" },
  plan: { vi: "Kế hoạch, chương trình hợp tác", en: "Plan or cooperation programme" },
  other: { vi: "Văn kiện khác", en: "Other instrument" },
};

const TopicsFile = z.object({ topics: z.array(z.object({ code: z.string(), en: z.string(), vi: z.string() })) });

/** Topic labels, from the gazetteer the extractor uses. */
export const TOPIC_LABELS: ReadonlyMap<string, Label> = new Map(
  TopicsFile.parse(JSON.parse(readFileSync(new URL("../../../data/gazetteer/topics.json", import.meta.url), "utf8"))).topics.map((t) => [
    t.code,
    { vi: t.vi, en: t.en },
  ]),
);
