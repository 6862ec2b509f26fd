// Assemble stage: turns what the recognisers found in each sentence into the
// article's facts — officials, countries, ministries, events and agreements,
// each with the sentence it comes from (GUIDE.md is the specification).
import { readBody, type ArticleBody, type BodyHints, type Sentence } from "./body.ts";
import {
  compatible, dateFrom, formatDate, monthOf, partsOf, sameParts, withYear, yearBefore, type DateValue, type PartialDate,
} from "../dates/value.ts";
import { sameTitle } from "../identity/agreements.ts";
import { sameInArticle, toldBefore } from "../identity/events.ts";
import { officialKey, sameName } from "../identity/officials.ts";
import { readDates, type DateMention } from "./dates.ts";
import type { AgreementTypeCode, EventTypeCode, Gazetteer, KnownOfficial } from "./gazetteer.ts";
import { looksVietnamese, Recognizer, type MinistryRef, type PersonMention, type RecognizeContext, type SentenceFacts } from "./recognize.ts";
import { holdsEach, patternRuns, type PhraseHit } from "./phrases.ts";
import { fold, foldAligned, tidy } from "./text.ts";

export interface ExtractedOfficial {
  key: string;
  name: string;
  aliases: string[];
  country: string | null;
  nameEn: string | null;
  nameNative: string | null;
  rank: { vi: string; code: string } | null;
  offices: string[];
  ministry: MinistryRef | null;
  unit: { code: string; vi: string; en: string | null } | null;
  sentence: string;
}

export interface ExtractedEvent {
  type: EventTypeCode;
  /** With, for each part, whether the text stated it or where it was inferred from (describeDate() says why in words). */
  start: DateValue | null;
  end: DateValue | null;
  place: string | null;
  countries: string[];
  participants: { key: string; role: "host" | "head_of_delegation" | "attendee" }[];
  ministries: string[];
  topics: string[];
  summary: string;
  sentence: string;
  mechanism: string | null;
  ordinal: number | null;
}

export interface ExtractedAgreement {
  type: AgreementTypeCode;
  title: string;
  signed: DateValue | null;
  parties: { country: string; ministry: string | null; unit: string | null }[];
  /** Index into events of the signing event. */
  event: number | null;
  sentence: string;
}

export interface ArticleExtraction {
  title: string | null;
  publishedAt: PartialDate | null;
  siteClock: PartialDate | null;
  outlet: string | null;
  text: string;
  countries: string[];
  ministries: MinistryRef[];
  units: { code: string; vi: string; en: string | null; ministry: string }[];
  officials: ExtractedOfficial[];
  events: ExtractedEvent[];
  agreements: ExtractedAgreement[];
  topics: string[];
}

interface Found {
  sentence: number;
  facts: SentenceFacts;
  dates: DateMention[];
}

/** An event while the article is read: whom it is with, who receives, whether its date is its own. */
type Working = ExtractedEvent & {
  counterparts: Set<string>;
  receiver: string | null;
  own: boolean;
  background: boolean;
  /** The sentences that tell of this activity: where it is named, and what follows it with no activity of its own. */
  evidence: string[];
};

interface Cue {
  type: EventTypeCode;
  index: number;
  length: number;
}

/** The article's officials, and the key of each person mention. */
interface ArticleOfficials {
  list: ExtractedOfficial[];
  byMention: Map<PersonMention, string>;
}

type WorkingAgreement = ExtractedAgreement & { named: boolean };

/** What the reading of an article holds as its sentences are read in turn. */
interface Reading {
  pub: PartialDate | undefined;
  /** The publication's month (or year): the date of news with no date of its own. */
  pubMonth: PartialDate | null;
  /** The article's main foreign country. */
  foreign: string | null;
  /** A foreign country or an international body takes part: activities count. */
  hasForeign: boolean;
  officials: ArticleOfficials;
  events: Working[];
  agreements: WorkingAgreement[];
  /** The story's day, for an activity with no date of its own. */
  narrative: DateValue | null;
  /** The first dated visit: days inside its span (or its months) take its year. */
  frame: { start: PartialDate; end: PartialDate | null } | null;
  /** The activity last told, which a sentence naming none goes on about. */
  told: Working | null;
  /** A headline's signing, kept until the body names its own documents or none. */
  titleSigning: { event: Working; agreements: WorkingAgreement[]; index: number | null } | null;
}

/** One sentence while it is read: its text, its phrases and cues, who is present. */
interface SentenceReading {
  s: Sentence;
  f: Found;
  text: string;
  folded: string;
  hedges: PhraseHit<string>[];
  background: PhraseHit<string>[];
  frames: PhraseHit<string>[];
  cues: Cue[];
  /** The people named, but those absent from the activity told. */
  present: PersonMention[];
  /** A frame phrase that opens the sentence, and where its clause ends (the next comma). */
  opening: PhraseHit<string> | undefined;
  openingEnd: number;
  /** A year the sentence states for its activities. */
  stated: number | undefined;
}

/** The context of a first reading: the partner country is not known yet, and whether it was asked for is kept. */
class AskedContext implements RecognizeContext {
  asked = false;
  get foreign(): string | null {
    this.asked = true;
    return null;
  }
}

/** The parts the text wrote; a missing year is the sentence's, the visit's or the publication's (said so). */
function resolveDate(r: Reading, p: PartialDate, stated: number | undefined): DateValue {
  const v = dateFrom(p, "text");
  if (p.y !== undefined) return v;
  if (stated !== undefined) return withYear(v, stated, "text");
  const fy = r.frame ? yearInSpan(p, r.frame.start, r.frame.end) : undefined;
  if (fy !== undefined) return withYear(v, fy, "visit");
  const y = yearBefore(p, r.pub);
  return y === undefined ? v : withYear(v, y, "publication");
}

/** The story's day, for an activity with no date of its own. */
function story(r: Reading): DateValue | null {
  return r.narrative ? dateFrom(partsOf(r.narrative), "story") : null;
}

function published(r: Reading): DateValue | null {
  return r.pubMonth ? dateFrom(r.pubMonth, "publication") : null;
}

function keyOf(r: Reading, p: PersonMention): string | null {
  return r.officials.byMention.get(p) ?? null;
}

/** Inside the frame that opens the sentence. */
function inOpening(sc: SentenceReading, at: number): boolean {
  return sc.opening !== undefined && at >= sc.opening.index && at < sc.openingEnd;
}

/** Dates settled once every sentence is read, and a headline's documents when the body names none. */
function settleDates(r: Reading): void {
  const { events, agreements, titleSigning } = r;
  if (titleSigning && !agreements.length && titleSigning.agreements.length) {
    const index = titleSigning.index ?? events.push(titleSigning.event) - 1;
    for (const a of titleSigning.agreements) if (!agreements.some((b) => b.type === a.type && sameTitle(b.title, a.title))) agreements.push({ ...a, event: index });
  }
  // A day without a year takes the year another activity of the article states for the same day (GUIDE.md, Dates).
  for (const e of events) {
    if (!e.start || e.start.y !== undefined || e.start.d === undefined) continue;
    const y = events.find((o) => o.start?.y !== undefined && o.start.m === e.start!.m && o.start.d === e.start!.d)?.start?.y;
    if (y !== undefined) {
      e.start = withYear(e.start, y, "same day");
    }
  }
  // A visit reported with no date of its own is dated by the first day reported of the activities in it.
  for (const e of events) {
    if (e.type !== "visit" || e.background || e.start) continue;
    const first = events.filter((o) => o !== e && !o.background && o.own && o.start?.d !== undefined).map((o) => o.start!)[0];
    if (first) {
      e.start = dateFrom(partsOf(first), "first activity");
    }
  }
  // A document is signed when its signing event took place, the best date read for it.
  for (const a of agreements) if (a.event !== null) a.signed = events[a.event]!.start;
}

export class ArticleReader {
  private readonly rec: Recognizer;

  constructor(private readonly g: Gazetteer) {
    this.rec = new Recognizer(g);
  }

  read(raw: string, hints: BodyHints = {}): ArticleExtraction {
    const body = readBody(raw, hints, this.g.page);
    return this.assemble(body);
  }

  /** A cue followed by a word that makes it another word ("tiếp" before "tục"). */
  private blocked(folded: string, end: number): boolean {
    const next = /^\s+(\p{L}+)/u.exec(folded.slice(end))?.[1];
    return next !== undefined && this.g.cueBlockers.has(next);
  }

  private cues(text: string, folded: string): Cue[] {
    const found: Cue[] = [];
    for (const i of this.g.eventCueIndex.candidates(folded)) {
      const c = this.g.eventCues[i]!;
      if (!holdsEach(folded, c.needs)) continue;
      const runs = c.steps ? patternRuns(folded, c.steps) : null;
      if (runs) {
        for (const r of runs) {
          if (c.type === "signing" && !SIGN.test(text.slice(r.index, r.index + r.length))) continue;
          if (!this.blocked(folded, r.index + r.length)) found.push({ type: c.type, index: r.index, length: r.length });
        }
        continue;
      }
      c.re.lastIndex = 0;
      for (let m = c.re.exec(folded); m; m = c.re.exec(folded)) {
        if (c.type === "signing" && !SIGN.test(text.slice(m.index, m.index + m[0].length))) continue;
        if (!this.blocked(folded, m.index + m[0].length)) found.push({ type: c.type, index: m.index, length: m[0].length });
      }
    }
    found.sort((a, b) => a.index - b.index || b.length - a.length);
    // One cue per place in the text.
    return found.filter((c, i) => !found.slice(0, i).some((d) => c.index < d.index + d.length && c.index + c.length > d.index && d.type === c.type));
  }

  assemble(body: ArticleBody): ArticleExtraction {
    const sentences = body.sentences;
    const { found, foreign, international } = this.readSentences(sentences);
    const officials = this.officials(found, sentences.map((s) => s.text), foreign);
    const pub = body.publishedAt ?? undefined;
    const r: Reading = {
      pub,
      pubMonth: pub?.y !== undefined && pub.m !== undefined ? { y: pub.y, m: pub.m } : pub?.y !== undefined ? { y: pub.y } : null,
      foreign,
      hasForeign: foreign !== null || international,
      officials,
      events: [],
      agreements: [],
      narrative: null,
      frame: null,
      told: null,
      titleSigning: null,
    };
    // Events, sentence by sentence, in reading order.
    for (const f of found) this.readSentence(r, sentences[f.sentence]!, f);
    settleDates(r);
    return this.extraction(body, r, found);
  }

  /**
   * Each sentence's facts and dates. Pass 1 finds the article's main foreign
   * country; pass 2 reads with it. A sentence whose reading never asked for
   * that country reads the same in both passes.
   */
  private readSentences(sentences: Sentence[]): { found: Found[]; foreign: string | null; international: boolean } {
    const first = sentences.map((s) => {
      const ctx = new AskedContext();
      const facts = this.rec.recognize(s.text, ctx, s.folded);
      return { sentence: s.index, facts, dates: readDates(s.text, s.folded), asked: ctx.asked };
    });
    const foreignCount = new Map<string, number>();
    for (const f of first) {
      for (const c of f.facts.countries) if (c.code !== "VN") foreignCount.set(c.code, (foreignCount.get(c.code) ?? 0) + 1);
      for (const p of f.facts.persons) if (p.country && p.country !== "VN") foreignCount.set(p.country, (foreignCount.get(p.country) ?? 0) + 2);
    }
    const foreign = [...foreignCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    const found: Found[] = first.map((f) => (f.asked && foreign !== null ? { ...f, facts: this.rec.recognize(sentences[f.sentence]!.text, { foreign }, sentences[f.sentence]!.folded) } : f));
    const international = found.some((f) => f.facts.orgs.some((o) => o.organization) || f.facts.persons.some((p) => p.international));
    return { found, foreign, international };
  }

  /** One sentence's signings, recalled documents and activities, added to the reading. */
  private readSentence(r: Reading, s: Sentence, f: Found): void {
    const { text, folded } = s;
    const hedges = this.g.hedges.find(text, folded).filter((h) => h.values[0] !== "");
    const background = this.g.background.find(text, folded);
    const frames = this.g.frames.find(text, folded);
    const directive = this.isDirective(text, folded, f.dates);
    // "tiếp thân mật và hội đàm với …": one meeting, reported as talks.
    const cues = (directive ? [] : this.cues(text, folded)).filter(
      (c, i, all) => !(c.type === "reception" && all.slice(i + 1).some((d) => d.type === "talks" && /^\s*(?:\p{L}+\s+){0,2}và\s*$/u.test(text.slice(c.index + c.length, d.index)))),
    );
    const persons = f.facts.persons;
    // People named but not at the activity told: whose greetings are conveyed, on whose behalf one speaks.
    const absentAt = this.g.absent.find(text, folded);
    const away = new Set(persons.filter((p) => absentAt.some((h) => h.index + h.length <= p.start && ABSENT_GAP.test(text.slice(h.index + h.length, p.start)))));
    // A frame that opens the sentence ("nhân chuyến thăm … của A, B đã có buổi làm việc với C") runs to the next
    // comma: the people in it belong to the activity it names, not to the main one after it.
    const opening = frames.find((fr) => !cues.some((c) => c.index < fr.index));
    const sc: SentenceReading = {
      s, f, text, folded, hedges, background, frames, cues,
      present: persons.filter((p) => !away.has(p)),
      opening,
      openingEnd: opening ? text.indexOf(",", opening.index) + 1 || text.length : -1,
      stated: this.statedYear(text, f.dates, cues),
    };

    this.readSignings(r, sc);
    // "Bản ghi nhớ … đã được ký kết ngày 2/11/2012": a document recalled with the date it was signed.
    if (!s.isTitle) this.readRecalled(r, sc);
    for (const [ci, cue] of cues.entries()) this.readCue(r, sc, ci, cue);
    // A sentence that names no activity goes on about the last one told ("Hai bên nhất trí …").
    if (!cues.length && !s.isTitle && r.told && !r.told.evidence.includes(text)) r.told.evidence.push(text);
    if (!cues.length && f.dates.length && !directive) {
      const d = f.dates.find((x) => x.start.d !== undefined && !this.isBackgroundDate(text, x));
      // A day written with a year far from the publication ("2/9/1945") is history, not the story's day.
      const historic = d?.start.y !== undefined && r.pub?.y !== undefined && Math.abs(r.pub.y - d.start.y) > 1;
      if (d && r.hasForeign && !historic) r.narrative = resolveDate(r, d.start, sc.stated);
    }
  }

  /** Agreements (and their signing event) from signing verbs followed by a document type. */
  private readSignings(r: Reading, sc: SentenceReading): void {
    const { s, f, text, folded, hedges, background, cues, present, stated } = sc;
    const { events, agreements, foreign } = r;
    const read = this.readAgreements(text, folded, hedges.map((h) => h.index), background.map((b) => b.index), f.dates);
    const signed = read.filter((a) => !a.recalled);
    // "đề nghị triển khai các văn bản đã ký, nhất là …": documents signed some time before, with no signing to report.
    if (!s.isTitle) {
      for (const a of read.filter((x) => x.recalled)) {
        if (agreements.some((b) => b.type === a.type && sameTitle(b.title, a.title))) continue;
        agreements.push({ type: a.type, title: a.title, signed: null, parties: this.parties(a.title, f.facts, this.sentenceCountries(f.facts, foreign)), event: null, sentence: text, named: a.named });
      }
    }
    // "Chiều 14/5, tại Hà Nội, A và B đã ký các văn kiện trên": a dated report of a signing already read.
    const dated = this.ownDate(text, f.dates, text.length / 2);
    const reported = !s.isTitle && dated !== null && cues.some((c) => c.type === "signing" && !hedges.some((h) => h.index < c.index) && !background.some((b) => b.index < c.index));
    if (!signed.length && !reported) return;
    const date = dated;
    const when = date ? resolveDate(r, date.start, stated) : (story(r) ?? published(r));
    const countries = this.sentenceCountries(f.facts, foreign);
    const participants = present.map((p) => keyOf(r, p)).filter((k): k is string => k !== null);
    const candidate: Working = {
      type: "signing", start: when, end: null, place: this.place(f.facts, text),
      countries, participants: participants.map((key) => ({ key, role: "attendee" })), ministries: this.ministryCodes(f.facts), topics: [],
      summary: "", sentence: text, mechanism: null, ordinal: null, counterparts: new Set(), receiver: null, own: date !== null, background: false, evidence: [text],
    };
    const documents = signed.map((a) => ({ type: a.type, title: a.title, signed: when, parties: this.parties(a.title, f.facts, countries), event: null, sentence: text, named: a.named }));
    if (s.isTitle) {
      // A headline's documents count only when the body names none.
      r.titleSigning ??= { event: candidate, agreements: documents, index: null };
      return;
    }
    const titleSigning = r.titleSigning;
    let evIndex = events.findIndex((e) => e.type === "signing" && compatible(e.start ?? undefined, when ?? undefined));
    if (evIndex < 0 && !signed.length && titleSigning && titleSigning.index === null && compatible(titleSigning.event.start ?? undefined, when ?? undefined)) {
      titleSigning.index = events.push(titleSigning.event) - 1;
      evIndex = titleSigning.index;
    }
    if (evIndex >= 0) mergeInto(events[evIndex]!, candidate);
    else if (signed.length) evIndex = events.push(candidate) - 1;
    if (evIndex >= 0) r.told = events[evIndex]!;
    for (const a of documents) {
      const dup = agreements.find((b) => b.type === a.type && sameTitle(b.title, a.title));
      if (dup) {
        if (a.title.length > dup.title.length) dup.title = a.title;
        continue;
      }
      agreements.push({ ...a, event: evIndex });
    }
  }

  /** Documents recalled with the date they were signed, each with a (background) signing. */
  private readRecalled(r: Reading, sc: SentenceReading): void {
    const { f, text, folded, stated } = sc;
    const { events, agreements } = r;
    for (const rc of this.readRecalledAgreements(text, folded, f.dates)) {
      const when = resolveDate(r, rc.date.start, stated);
      if (agreements.some((b) => b.type === rc.type && sameTitle(b.title, rc.title))) continue;
      let evIndex = events.findIndex((e) => e.type === "signing" && e.start !== null && sameParts(e.start, when));
      if (evIndex < 0) {
        const countries = this.sentenceCountries(f.facts, r.foreign);
        evIndex = events.push({
          type: "signing", start: when, end: null, place: null, countries, participants: [], ministries: this.ministryCodes(f.facts),
          topics: [], summary: "", sentence: text, mechanism: null, ordinal: null, counterparts: new Set(), receiver: null, own: true, background: true, evidence: [text],
        }) - 1;
      }
      const countries = events[evIndex]!.countries;
      agreements.push({ type: rc.type, title: rc.title, signed: when, parties: this.parties(rc.title, f.facts, countries), event: evIndex, sentence: text, named: true });
    }
  }

  /** The activity one cue names: a new event, or another report of one already read. */
  private readCue(r: Reading, sc: SentenceReading, ci: number, cue: Cue): void {
    const { s, f, text, folded, hedges, background, cues, present, stated } = sc;
    const { events } = r;
    if (cue.type === "signing") return;
    if (s.isTitle && !events.some((e) => e.type === cue.type)) return;
    if (hedges.some((h) => h.index < cue.index)) return;
    if (cue.type === "conference" && this.pluralBefore(folded, cue.index)) return;
    if (cue.type === "ceremony" && this.isProgrammeStop(folded, cue.index, cues)) return;
    // "lễ khai mạc hội nghị …": the opening of a conference is the conference.
    if (cue.type === "ceremony" && cues.some((c) => c.type === "conference" && c.index >= cue.index + cue.length && /^\s*$/.test(text.slice(cue.index + cue.length, c.index)))) return;
    const isBackground = background.some((b) => b.index < cue.index);
    // A date with a background phrase between it and the cue is another activity's ("… kể từ khi 2 nước nâng cấp quan hệ vào tháng 12/2022").
    const date = this.ownDate(text, f.dates.filter((d) => !background.some((b) => (b.index - cue.index) * (b.index - d.index) < 0)), cue.index);
    if (isBackground && !date) return;
    if (!r.hasForeign) return;
    // "Tại buổi hội đàm, …", "Mở đầu cuộc gặp, …": the activity already told, not another one.
    // With a date of its own close by ("trong chuyến thăm Cuba tháng 9/2024"), it is another one, recalled.
    const dateNear = f.dates.some((d) =>
      d.index < cue.index ? d.index + d.length > cue.index - 30 : d.index - cue.index < 160 && !/[,;]/.test(text.slice(cue.index, d.index)));
    if (!dateNear && ANAPHOR.test(text.slice(Math.max(0, cue.index - 24), cue.index))) {
      const target = toldBefore(events, cue.type);
      if (target) {
        if (!target.evidence.includes(text)) target.evidence.push(text);
        for (const p of present) {
          const k = keyOf(r, p);
          if (k && !target.participants.some((x) => x.key === k)) target.participants.push({ key: k, role: "attendee" });
        }
        return;
      }
    }

    const { start, end } = this.cueDates(r, sc, cue, date, isBackground);
    this.addCueEvents(r, sc, ci, cue, { start, end, own: date !== null, background: isBackground });
    if (date && !isBackground && !date.relative) {
      const st = resolveDate(r, date.start, stated);
      if (st.d !== undefined) r.narrative = st;
      if (cue.type === "visit" && !r.frame) r.frame = { start: st, end: date.end ? resolveDate(r, date.end, stated) : null };
    }
  }

  /** A cue's dates: its own, its sentence's month when a frame takes its day, the story's, or the publication's. */
  private cueDates(r: Reading, sc: SentenceReading, cue: Cue, date: DateMention | null, isBackground: boolean): { start: DateValue | null; end: DateValue | null } {
    const { text, frames, cues, stated } = sc;
    const { pub, pubMonth } = r;
    let start: DateValue | null = null;
    let end: DateValue | null = null;
    if (date?.relative) {
      const on = date.relative === "today" && pub?.d !== undefined ? pub : pubMonth;
      start = on ? dateFrom(on, "relative") : null;
    } else if (date && cue.type !== "visit" && framedAway(frames, date, cue, cues, text)) {
      // "Ngày 24/9, A tiếp B nhân dịp … đồng chủ trì hội nghị …": the day is the reception's, the
      // conference keeps its month (a visit keeps the day: the first day reported of it).
      const month = monthOf(resolveDate(r, date.start, stated));
      start = month.m !== undefined && month.y !== undefined ? dateFrom(partsOf(month), "occasion") : null;
    } else if (date) {
      start = resolveDate(r, date.start, stated);
      end = date.end ? resolveDate(r, date.end, stated) : null;
      // A visit after the frame phrase keeps the day, but it is the main activity's: the first day reported of the visit, not one stated for it.
      if (cue.type === "visit" && start.d !== undefined && framedAway(frames, date, cue, cues, text)) start = { ...start, from: { ...start.from, d: "first activity" } };
    } else if (r.narrative && !isBackground) start = story(r);
    else start = published(r);
    return { start, end };
  }

  /** The events a cue tells of: one, or one per foreign side when talks or a reception name several. */
  private addCueEvents(r: Reading, sc: SentenceReading, ci: number, cue: Cue, when: { start: DateValue | null; end: DateValue | null; own: boolean; background: boolean }): void {
    const { s, f, text, cues, present } = sc;
    const { events, officials, foreign } = r;
    const persons = f.facts.persons;
    // Counterparts: the people this cue's clause names, up to the next cue.
    const next = cues[ci + 1]?.index ?? text.length;
    // Counterparts: people listed right after the cue ("hội đàm với A, … và B, …").
    const clause: PersonMention[] = [];
    for (const p of persons) {
      if (p.start <= cue.index || p.start >= next) continue;
      const from = clause.length ? clause[clause.length - 1]!.end : cue.index + cue.length;
      const gap = text.slice(from, p.start);
      if (clause.length ? !/^[\s,;]*(?:và|cùng|với|và với)?[\s,;]*$/u.test(gap) : gap.length > 40) break;
      clause.push(p);
    }
    const around = clause.length ? clause : persons;
    const foreignPeople = around.filter((p) => {
      const k = keyOf(r, p);
      const o = k ? officials.list.find((x) => x.key === k) : null;
      return o && o.country !== "VN";
    });
    const groups: PersonMention[][] =
      (cue.type === "talks" || cue.type === "reception") && foreignPeople.length > 1 && new Set(foreignPeople.map((p) => p.org?.ministry?.code ?? p.name)).size > 1
        ? foreignPeople.map((p) => [p])
        : [foreignPeople];
    const ordinal = cue.type === "conference" ? this.ordinal(text, cue.index) : null;
    const subject = cue.type === "reception" ? this.subjectOf(text, persons, cue) : null;
    const receiver = subject ? keyOf(r, subject) : null;
    for (const group of groups) {
      const counterparts = new Set(group.map((p) => keyOf(r, p)!).filter(Boolean));
      const participants = new Set<string>();
      const main = !inOpening(sc, cue.index);
      for (const p of present.filter((p) => (!foreignPeople.includes(p) || group.includes(p)) && !(main && inOpening(sc, p.start)))) {
        const k = keyOf(r, p);
        if (k) participants.add(k);
      }
      const candidate = {
        type: cue.type, start: when.start, end: when.end, place: this.place(f.facts, text), countries: this.sentenceCountries(f.facts, foreign),
        participants: [...participants].map((key) => ({ key, role: "attendee" as const })), ministries: this.ministryCodes(f.facts), topics: [],
        summary: "", sentence: text, mechanism: ordinal !== null ? tidy(text.slice(cue.index, cue.index + 120).split(/[,.;]/)[0] ?? "") : null, ordinal,
        counterparts, receiver, own: when.own, background: when.background, evidence: [text],
      };
      const same = events.find((e) => sameInArticle(e, candidate));
      if (same) {
        mergeInto(same, candidate);
        r.told = same;
        continue;
      }
      if (s.isTitle) continue;
      events.push(candidate);
      r.told = candidate;
    }
  }

  /** The article's facts from its reading: events with roles and topics, the countries and ministries it names as parties. */
  private extraction(body: ArticleBody, r: Reading, found: Found[]): ArticleExtraction {
    const { officials, events, agreements } = r;
    const sentences = body.sentences;
    const topicHits = new Map<string, Map<number, number>>();
    const topics = this.topics(sentences.map((s) => s.text), Infinity, topicHits, sentences.map((s) => s.folded));
    // Activities with no place of their own happen where the article's visit goes.
    const visited = events.filter((e) => e.type === "visit" && !e.background).map((e) => this.placeCountry(e.place)).find(Boolean) ?? null;
    const outEvents: ExtractedEvent[] = events.map((e) => {
      const { counterparts: _c, receiver: _r, own: _o, background: _b, evidence, ...rest } = e;
      return { ...rest, participants: this.roles(e, officials.list, visited), topics: this.topics(evidence, MAX_EVENT_TOPICS, topicHits), summary: this.summary(e, officials.list) };
    });

    // Countries and ministries the article names as parties (GUIDE.md, Countries).
    const countries = new Set<string>();
    const ministries = new Map<string, MinistryRef>();
    const units = new Map<string, { code: string; vi: string; en: string | null; ministry: string }>();
    const participantKeys = new Set(outEvents.flatMap((e) => e.participants.map((p) => p.key)));
    for (const o of officials.list) if (o.country) countries.add(o.country);
    for (const e of outEvents) for (const c of e.countries) countries.add(c);
    for (const a of agreements) for (const p of a.parties) countries.add(p.country);
    for (const f of found) {
      for (const org of f.facts.orgs) {
        if (!org.ministry) continue;
        // A body named only to describe someone who takes no part does not count.
        const owner = f.facts.persons.find((p) => p.org === org);
        if (owner && outEvents.length && !participantKeys.has(keyOf(r, owner) ?? "")) continue;
        // "nguyên Bộ trưởng Bộ Công an của Israel": a former office speaks for no ministry.
        if (this.g.former.test(sentences[f.sentence]!.text.slice(Math.max(0, org.index - 40), org.index).toLowerCase())) continue;
        countries.add(org.ministry.country);
        // Only ministry-level bodies count as ministries; a unit below one (a national police agency) is kept as a unit.
        if (org.unit) units.set(org.unit.code, { ...org.unit, ministry: org.ministry.code });
        else ministries.set(org.ministry.code, org.ministry);
      }
    }
    if (countries.size || outEvents.length) countries.add("VN");

    return {
      title: body.title,
      publishedAt: body.publishedAt,
      siteClock: body.siteClock,
      outlet: body.outlet,
      text: body.paragraphs.join("\n\n"),
      countries: [...countries].sort(),
      ministries: [...ministries.values()],
      units: [...units.values()],
      officials: officials.list,
      events: outEvents,
      // A document only described is dropped when one of its type is named.
      agreements: agreements
        .filter((a) => a.named || !agreements.some((b) => b.named && b.type === a.type))
        .map(({ named: _n, ...a }) => a),
      topics,
    };
  }

  /**
   * Roles: whoever leads a delegation ("đoàn … do X dẫn đầu") heads it; the
   * first participant of the country where the event takes place (its own
   * place, else where the article's visit goes, else Việt Nam for receptions
   * and talks) hosts; the first of each other country heads its side (with
   * no host known, every side has a head: the signatories of a signing); the
   * rest attend.
   */
  private placeCountry(place: string | null): string | null {
    return place ? ((this.g.places.find(place)[0] ?? this.g.countryNames.find(place)[0])?.values[0]?.code ?? null) : null;
  }

  private roles(
    e: { type: EventTypeCode; place: string | null; sentence: string; participants: { key: string }[] },
    officials: ExtractedOfficial[],
    visited: string | null,
  ): ExtractedEvent["participants"] {
    const hostCountry = this.placeCountry(e.place) ?? (e.type === "visit" ? null : visited) ?? (["reception", "talks"].includes(e.type) ? "VN" : null);
    const sentence = fold(e.sentence);
    const leads = (o: ExtractedOfficial) => [o.name, ...o.aliases].some((n) => this.g.delegationLead.test(between(sentence, fold(n))));
    const sides = new Set<string>();
    let hosted = false;
    return e.participants.map(({ key }) => {
      const o = officials.find((x) => x.key === key);
      const country = o?.country ?? null;
      let role: ExtractedEvent["participants"][number]["role"] = "attendee";
      if (o && leads(o)) role = "head_of_delegation";
      else if (country && hostCountry && country === hostCountry && !hosted) role = "host";
      else if (country && country !== hostCountry && !sides.has(country)) role = "head_of_delegation";
      if (role === "host") hosted = true;
      if (role === "head_of_delegation" && country) sides.add(country);
      return { key, role };
    });
  }

  private isBackgroundDate(text: string, d: DateMention): boolean {
    const before = fold(text.slice(Math.max(0, d.index - 12), d.index));
    return this.g.backgroundDate.test(before) || (d.start.d === undefined && this.g.backgroundPeriod.test(before)) || /^\d{4}\s*[-–]\s*\d{4}/.test(text.slice(d.index - 1)) || anniversary(d);
  }

  /**
   * A year the sentence states for its activities: "năm YYYY" right after a
   * date, or in the clause of an activity ("đã ký Kế hoạch … trong năm 2011");
   * never one in brackets ("(năm 1962)") or a background phrase.
   */
  private statedYear(text: string, dates: DateMention[], cues: Cue[]): number | undefined {
    for (const y of dates) {
      if (y.start.y === undefined || y.start.m !== undefined || this.isBackgroundDate(text, y)) continue;
      const before = text.slice(0, y.index);
      if ((before.match(/\(/g)?.length ?? 0) > (before.match(/\)/g)?.length ?? 0)) continue;
      const afterDate = dates.some((d) => d.start.m !== undefined && d.index < y.index && /^[\s,]*$/.test(text.slice(d.index + d.length, y.index)));
      const inClause = cues.some((c) => c.index < y.index && !/[,;:()]/.test(text.slice(c.index + c.length, y.index)));
      if (afterDate || inClause) return y.start.y;
    }
    return undefined;
  }

  /** Who does what a cue says: the person named right before it ("Tổng Bí thư Nguyễn Phú Trọng tiếp …"). */
  private subjectOf(text: string, persons: PersonMention[], cue: Cue): PersonMention | null {
    const before = persons.filter((p) => p.end <= cue.index);
    const p = before[before.length - 1];
    if (!p) return null;
    // A comma would make the person before it a counterpart of an earlier verb ("hội đàm với B, gặp C").
    return /^\s*(?:(?:đã|đang|vừa|cũng|có)\s+)*$/u.test(text.slice(p.end, cue.index)) ? p : null;
  }

  /** The date a cue goes with: the nearest one in its sentence that is not background. */
  private ownDate(text: string, dates: DateMention[], at: number): DateMention | null {
    const usable = dates.filter((d) => !this.isBackgroundDate(text, d) && (d.start.m !== undefined || d.relative));
    if (!usable.length) return null;
    return usable.reduce((best, d) => (Math.abs(d.index - at) < Math.abs(best.index - at) ? d : best));
  }

  private isDirective(text: string, folded: string, dates: DateMention[]): boolean {
    const head = folded.trimStart();
    if (!this.g.directiveOpenings.some((v) => head.startsWith(v))) return false;
    if (this.g.pastMarkers.find(text, folded).length) return false;
    return !dates.some((d) => d.start.d !== undefined);
  }

  private pluralBefore(folded: string, at: number): boolean {
    const words = folded.slice(Math.max(0, at - 12), at).trim().split(/\s+/);
    return this.g.pluralGeneric.has(words[words.length - 1] ?? "");
  }

  private isProgrammeStop(folded: string, at: number, cues: Cue[]): boolean {
    if (!cues.some((c) => c.type === "visit")) return false;
    const before = folded.slice(Math.max(0, at - 12), at).trim();
    return this.g.programmeStopVerbs.some((v) => before.endsWith(v));
  }

  private ordinal(text: string, at: number): number | null {
    const m = /lần\s+thứ\s+(\d+|[\p{L}]+)/u.exec(text.slice(at, at + 160));
    if (!m?.[1]) return null;
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : this.g.ordinals.get(fold(m[1]));
    return n ?? null;
  }

  private place(facts: SentenceFacts, text: string): string | null {
    const m = /(?:tại|ở)\s+(?:thủ đô\s+|Thủ đô\s+|trụ sở\s+|Trụ sở\s+)?((?:\p{Lu}[\p{L}\p{M}]*\s?){1,5})/u.exec(text);
    if (m?.[1]) {
      const name = m[1].trim();
      if (facts.places.some((p) => name.startsWith(p.name)) || this.g.countryNames.find(name).length) return name;
    }
    return facts.places[0]?.name ?? null;
  }

  private sentenceCountries(facts: SentenceFacts, foreign: string | null): string[] {
    const set = new Set<string>(["VN"]);
    for (const c of facts.countries) set.add(c.code);
    for (const o of facts.orgs) if (o.country) set.add(o.country);
    for (const p of facts.persons) if (p.country) set.add(p.country);
    if (set.size === 1 && foreign) set.add(foreign);
    return [...set].sort();
  }

  private ministryCodes(facts: SentenceFacts): string[] {
    return [...new Set(facts.orgs.map((o) => o.ministry?.code).filter((c): c is string => !!c))];
  }

  /**
   * Documents named before a passive signing verb with a date after it ("Bản
   * ghi nhớ hợp tác được ký kết năm 2016", "Thỏa thuận … ký tháng 11/2022 tại
   * Minsk"): background the article recalls, an agreement with its own date.
   */
  private readRecalledAgreements(text: string, folded: string, dates: DateMention[]): { type: AgreementTypeCode; title: string; date: DateMention }[] {
    const out: { type: AgreementTypeCode; title: string; date: DateMention }[] = [];
    if (!/ký/iu.test(text)) return out;
    for (const h of this.g.agreementTypes.find(text, folded)) {
      if (!/^\p{Lu}/u.test(h.text)) continue;
      const verb = RECALLED_VERB.exec(text.slice(h.index + h.length, h.index + h.length + 240));
      if (!verb) continue;
      const titleEnd = h.index + h.length + verb.index;
      const title = tidy(text.slice(h.index, titleEnd));
      if (/[;“”"]|\.\s/u.test(title) || this.g.agreementTypes.find(title, foldAligned(title)).some((x) => x.index > 0 && /^\p{Lu}/u.test(x.text))) continue;
      const after = titleEnd + verb[0].length;
      const rest = text.slice(after, after + 120).split(/[;]|\.(?:\s|$)/u)[0] ?? "";
      const date = dates.find((d) => d.index >= after && d.index < after + rest.length && !d.relative);
      if (!date || out.some((o) => o.title === title)) continue;
      out.push({ type: h.values[0]!, title, date });
    }
    return out;
  }

  private readAgreements(text: string, folded: string, hedgeAt: number[], backgroundAt: number[], dates: DateMention[]): { type: AgreementTypeCode; title: string; named: boolean; recalled: boolean }[] {
    const verbs = folded.includes("ky") ? [...folded.matchAll(/(?<![\p{L}])(le ky|ky ket|ky)(?![\p{L}])/gu)] : [];
    const out: { type: AgreementTypeCode; title: string; named: boolean; recalled: boolean }[] = [];
    for (const v of verbs) {
      // Read without diacritics "ky" is "Kỳ" too ("Hoa Kỳ", "Thổ Nhĩ Kỳ"): only "ký" signs.
      if (!SIGN.test(text.slice(v.index, v.index + v[0].length))) continue;
      // "đề nghị triển khai các văn bản đã ký, nhất là …": what was signed is no proposal, but no signing is reported either.
      const hedged = hedgeAt.some((h) => h < v.index);
      const recalled = hedged && /(?<![\p{L}])da\s+(?:duoc\s+)?$/u.test(folded.slice(Math.max(0, v.index - 12), v.index));
      if (hedged && !recalled) continue;
      // "từ khi Việt Nam ký kết Hiệp định …": a signing recalled as background counts only with a date of its own.
      if (backgroundAt.some((b) => b < v.index) && !dates.some((d) => d.index > v.index && !d.relative)) continue;
      const after = v.index + v[0].length;
      // Documents right after the verb, and each one listed right after the previous ("“A” và “B”").
      let reach = after + 40;
      const hits = this.g.agreementTypes.find(text, folded).filter((h) => h.index >= after);
      for (const h of hits) {
        if (h.index > reach) break;
        if (out.some((o) => text.indexOf(o.title) <= h.index && text.indexOf(o.title) + o.title.length > h.index)) continue;
        const quoted = /[“"]$/.test(text.slice(0, h.index).trimEnd());
        let title: string;
        if (quoted) title = text.slice(h.index).split(/[”"]/)[0] ?? "";
        else {
          // An unquoted title ends where the next document of the list begins ("Bản ghi nhớ … và Kế hoạch …").
          const next = hits.find((n) => n.index > h.index && /^\p{Lu}/u.test(n.text) && /(?:,|\svà)\s*$/u.test(text.slice(h.index, n.index)));
          title = text.slice(h.index, next?.index).split(/(?:\s+và\s+[“"]|;|\.(?:\s|\/|$)|\s+tại\s+(?:buổi|lễ)|\s+\(|$)/u)[0] ?? "";
          title = title.replace(/(?:,|\s+và)\s*$/u, "");
        }
        title = tidy(title.replace(/\.\/?\.?$/, ""));
        if (title.split(" ").length < 2) continue;
        // "ký Bản ghi nhớ …" names a document; "ký kết chương trình hợp tác" may only describe one.
        const named = quoted || /^\p{Lu}/u.test(title);
        out.push({ type: h.values[0]!, title: title.charAt(0).toUpperCase() + title.slice(1), named, recalled });
        reach = h.index + title.length + 12;
      }
    }
    return out;
  }

  private parties(title: string, facts: SentenceFacts, sentenceCountries: string[]): ExtractedAgreement["parties"] {
    const inTitle = this.rec.recognize(title, { foreign: sentenceCountries.find((c) => c !== "VN") ?? null });
    const byCountry = new Map<string, { country: string; ministry: string | null; unit: string | null }>();
    for (const o of [...inTitle.orgs, ...facts.orgs]) {
      if (!o.country || byCountry.has(o.country)) continue;
      byCountry.set(o.country, { country: o.country, ministry: o.ministry?.code ?? null, unit: o.unit?.code ?? null });
    }
    for (const c of sentenceCountries) if (!byCountry.has(c)) byCountry.set(c, { country: c, ministry: null, unit: null });
    return [...byCountry.values()];
  }

  /**
   * The topics a text speaks of, those it names most first (at most `max`), in
   * the gazetteer's order. Where cues of two topics overlap, the one reaching
   * further narrows the other: "phòng, chống tội phạm công nghệ cao" is
   * high-tech crime, not crime prevention at large. `folds`: the texts'
   * folded forms, when already made.
   */
  private topics(texts: string[], max: number, cache: Map<string, Map<number, number>>, folds?: string[]): string[] {
    const counts = new Map<number, number>();
    for (let t = 0; t < texts.length; t++) {
      const text = texts[t]!;
      let own = cache.get(text);
      if (!own) {
        own = new Map();
        const folded = folds?.[t] ?? foldAligned(text);
        const hits: { i: number; from: number; to: number }[] = [];
        for (let i = 0; i < this.g.topics.length; i++) {
          for (const h of this.g.topics[i]!.cues.find(text, folded)) hits.push({ i, from: h.index, to: h.index + h.length });
        }
        for (const h of hits) {
          if (hits.some((o) => o.i !== h.i && o.from < h.to && h.from < o.to && o.to > h.to)) continue;
          own.set(h.i, (own.get(h.i) ?? 0) + 1);
        }
        cache.set(text, own);
      }
      for (const [i, n] of own) counts.set(i, (counts.get(i) ?? 0) + n);
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, max)
      .sort((a, b) => a[0] - b[0])
      .map(([i]) => this.g.topics[i]!.topic.code);
  }

  private summary(e: ExtractedEvent, officials: ExtractedOfficial[]): string {
    const info = this.g.eventTypes.get(e.type);
    const names = e.participants.map((p) => officials.find((o) => o.key === p.key)?.name).filter(Boolean);
    const when = formatDate(e.start);
    const parts = [`${info?.en ?? e.type} (${e.countries.join("–")})`];
    if (names.length) parts.push(names.join(", "));
    if (e.place) parts.push(e.place);
    if (when) parts.push(when);
    return parts.join(" · ");
  }

  /** One official per person of the article, with every form of the name it uses. */
  private officials(found: Found[], texts: string[], foreign: string | null): ArticleOfficials {
    type Group = { names: string[]; mentions: { p: PersonMention; sentence: number }[] };
    const groups: Group[] = [];
    // Each folded name belongs to one group: the one it first joined.
    const byKey = new Map<string, Group>();
    const allNames = new Set<string>();
    for (const f of found) for (const p of f.facts.persons) allNames.add(p.name);
    for (const f of found) {
      for (const p of f.facts.persons) {
        const shorter = p.name.split(" ").slice(0, -1).join(" ");
        if (shorter.includes(" ") && allNames.has(shorter) && looksVietnamese(p.name)) p.name = shorter;
        const key = fold(p.name);
        // "Patrushev", "Nikolai Patrushev", "Patrushev Nikolai Platonovich": one person (the country is known only later).
        let g = byKey.get(key) ?? groups.find((x) => x.names.some((n) => sameName(n, p.name, null, "article")));
        if (!g) {
          g = { names: [], mentions: [] };
          groups.push(g);
        }
        if (!byKey.has(key)) byKey.set(key, g);
        if (!g.names.includes(p.name)) g.names.push(p.name);
        g.mentions.push({ p, sentence: f.sentence });
      }
    }
    const byMention = new Map<PersonMention, string>();
    const list: ExtractedOfficial[] = [];
    for (const g of groups) {
      // Single-word forms ("Patrushev") only count next to a fuller one.
      const full = g.names.filter((n) => n.includes(" "));
      if (!full.length) continue;
      const known: KnownOfficial | undefined = g.names.map((n) => this.g.known.get(fold(n))).find(Boolean);
      // A known person goes by the gazetteer's form (the one Vietnamese media use), the same in every article.
      const name = known ? known.name : longest(full);
      const explicit = count(g.mentions.map((m) => m.p.country).filter((c): c is string => !!c));
      const intl = g.mentions.some((m) => m.p.international);
      let country: string | null = explicit ?? (known ? known.country : null);
      if (!country && !intl && !known) {
        if (looksVietnamese(name)) country = this.delegationCountry(g, texts, found) ?? "VN";
        else {
          const inSentence = g.mentions.flatMap((m) => found[m.sentence]!.facts.countries.map((c) => c.code)).find((c) => c !== "VN");
          country = this.delegationCountry(g, texts, found) ?? inSentence ?? foreign;
        }
      }
      const first = g.mentions[0]!;
      const best = g.mentions.reduce((b, m) => (m.p.offices.length + (m.p.rank ? 1 : 0) > b.p.offices.length + (b.p.rank ? 1 : 0) ? m : b), first);
      const rank = g.mentions.find((m) => m.p.rank)?.p.rank ?? null;
      const offices = fullOffices(g.mentions.flatMap((m) => m.p.offices));
      const org = g.mentions.find((m) => m.p.org?.ministry)?.p.org ?? null;
      const aliases = new Set(g.names.filter((n) => n !== name));
      if (known) {
        for (const a of [known.name, ...known.aliases, ...(known.en ? [known.en] : [])]) if (a !== name) aliases.add(a);
      }
      const key = officialKey(country, name);
      const official: ExtractedOfficial = {
        key,
        name,
        aliases: [...aliases],
        country,
        nameEn: known?.en ?? null,
        nameNative: known?.native ?? null,
        rank: rank ? { vi: rank.vi, code: rank.code } : null,
        offices,
        ministry: org?.ministry ?? null,
        unit: org?.unit ?? null,
        sentence: texts[best.sentence] ?? "",
      };
      const existing = list.find((o) => o.key === key);
      if (existing) {
        existing.aliases = [...new Set([...existing.aliases, ...official.aliases])];
        existing.offices = fullOffices([...existing.offices, ...official.offices]);
      } else list.push(official);
      for (const m of g.mentions) byMention.set(m.p, key);
    }
    return { list, byMention };
  }

  /** "Đoàn đại biểu cấp cao Singapore do ngài Tiêu Chí Hiền … làm Trưởng đoàn": the delegation's country. */
  private delegationCountry(g: { mentions: { p: PersonMention; sentence: number }[] }, texts: string[], found: Found[]): string | null {
    for (const m of g.mentions) {
      const text = texts[m.sentence] ?? "";
      const before = text.slice(0, m.p.index);
      const d = /[Đđ]oàn(?!.*[Đđ]oàn)(.*)\sdo\s+(?:\S+\s+){0,12}$/su.exec(before);
      if (!d) continue;
      const from = before.length - d[0].length;
      const facts = found[m.sentence]!.facts;
      const c = [...facts.orgs.filter((o) => o.index >= from && o.index < m.p.index).map((o) => o.country), ...facts.countries.filter((x) => x.index >= from && x.index < m.p.index).map((x) => x.code)].filter(
        (x): x is string => !!x,
      );
      if (c.length) return c[c.length - 1]!;
    }
    return null;
  }
}

/** A day's place in its year, for comparing days of one year (a month alone stands at `day`). */
function at(x: PartialDate, day = 0): number {
  return (x.m ?? 0) * 100 + (x.d ?? day);
}

/** How many parts a date states. */
function more(x: PartialDate | null): number {
  return x ? (x.y !== undefined ? 1 : 0) + (x.m !== undefined ? 1 : 0) + (x.d !== undefined ? 1 : 0) : 0;
}

/** The year of a day or month that falls inside a span (or in its first or last month). */
function yearInSpan(p: PartialDate, start: PartialDate, end: PartialDate | null): number | undefined {
  if (p.m === undefined) return undefined;
  if (end?.y !== undefined && end.m !== undefined && start.y !== undefined) {
    if (start.y === end.y) {
      if (at(p, 31) >= at(start) && at(p) <= at(end, 31)) return start.y;
    } else if (at(p, 31) >= at(start)) return start.y;
    else if (at(p) <= at(end, 31)) return end.y;
  }
  if (start.y !== undefined && start.m === p.m) return start.y;
  if (end?.y !== undefined && end.m === p.m) return end.y;
  return undefined;
}

/**
 * Before a cue: "tại", "trong", "mở đầu", "kết thúc", "quang cảnh" (+ "buổi", "cuộc"): it points back. Read with
 * diacritics: folded, the name "Trọng" would be "trong".
 */
const ANAPHOR = /(?:^|[^\p{L}])(?:tại|trong|mở đầu|kết thúc|quang cảnh)\s+(?:(?:buổi|cuộc|lễ)\s+)?$/iu;

/** An event's topics come from its own evidence; a long account keeps those it names most. */
const MAX_EVENT_TOPICS = 4;

/** The signing verb as written: folded, "ky" would be "Kỳ" ("Hoa Kỳ") too. */
const SIGN = /ký/iu;

/** "(19/8/1945 - 19/8/2025)": the same day in two years is an anniversary's span, the date of nothing told. */
function anniversary(d: DateMention): boolean {
  return !!d.end && d.start.y !== undefined && d.end.y !== undefined && d.start.y !== d.end.y && d.start.m === d.end.m && d.start.d === d.end.d;
}

/** Between an absence phrase and the person: a comma and up to two words ("thay mặt lãnh đạo Bộ, …" is no person's). */
const ABSENT_GAP = /^[\s,]*(?:\p{L}+\s+){0,2}$/u;

/** After a document's title: "(đã) (được) ký (kết)" (in the text: folded, "ký" would be "kỳ" too). */
const RECALLED_VERB = /\s(?:đã\s+)?(?:được\s+)?ký(?:\s+kết)?(?![\p{L}])/iu;

/**
 * A frame phrase ("nhân dịp") stands between the sentence's date and the cue, and the cue is inside the frame: the
 * date is another activity's. After a main activity ("Ngày 24/9, A tiếp B nhân dịp … và đồng chủ trì hội nghị …")
 * every cue after the phrase is framed; a frame that opens the sentence ("Ngày 8/12, nhân chuyến thăm … và dự hội
 * nghị …, A đã có buổi làm việc với B") runs to the next comma, and the main activity follows it.
 */
function framedAway(frames: { index: number }[], date: DateMention, cue: Cue, cues: Cue[], text: string): boolean {
  return frames.some((f) => {
    if (f.index <= date.index || f.index >= cue.index) return false;
    if (cues.some((c) => c.index > date.index && c.index < f.index)) return true;
    return !text.slice(f.index, cue.index).includes(",");
  });
}

/**
 * One person's offices, each once in its fullest form: "Bộ trưởng" and "Bộ
 * trưởng Bộ Công an" after "Bộ trưởng Bộ Công an Việt Nam" are that office
 * shortened, not others.
 */
function fullOffices(offices: string[]): string[] {
  // Each office once (a name's mentions repeat them), in the order first named.
  const distinct = [...new Set(offices)];
  const folded = distinct.map((o) => fold(o));
  return distinct.filter((_, i) => {
    const prefix = folded[i]! + " ";
    return !folded.some((f) => f.startsWith(prefix));
  });
}

/** What stands between the first and the second `sep` in `s` (to the end without a second), as s.split(sep)[1] ?? "". */
function between(s: string, sep: string): string {
  if (!sep) return s.split(sep)[1] ?? "";
  const from = s.indexOf(sep);
  if (from < 0) return "";
  const to = s.indexOf(sep, from + sep.length);
  return s.slice(from + sep.length, to < 0 ? undefined : to);
}

function longest(names: string[]): string {
  return names.reduce((a, b) => (b.split(" ").length > a.split(" ").length ? b : a));
}

function count(values: string[]): string | null {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function mergeInto(e: Working, c: Working): void {
  if ((c.own && !e.own) || (c.own === e.own && more(c.start) > more(e.start))) {
    e.start = c.start;
    e.end = c.end ?? e.end;
    e.own ||= c.own;
  }
  e.place ??= c.place;
  e.countries = [...new Set([...e.countries, ...c.countries])].sort();
  for (const p of c.participants) if (!e.participants.some((x) => x.key === p.key)) e.participants.push(p);
  e.ministries = [...new Set([...e.ministries, ...c.ministries])];
  for (const t of c.evidence) if (!e.evidence.includes(t)) e.evidence.push(t);
  for (const k of c.counterparts) e.counterparts.add(k);
  e.receiver ??= c.receiver;
}
