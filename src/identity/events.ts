// Same event: when two reports tell of one activity — two sentences of one
// article, or two articles — and how their facts merge into one event. The
// one home of these rules: the article reader (src/extraction/assemble.ts)
// and the store (src/import/store/events.ts) both decide with them.
import {
  compatible, dateDetail, fromPublication, isStated, partsOf, nearestYear, spanOf, type DatePart, type DateValue, type PartialDate,
} from "../dates/value.ts";
import type { EventTypeCode } from "../extraction/gazetteer.ts";

// ------------------------------------------------------------------- types

/** Meetings one report calls talks ("hội đàm") and another a reception or a meeting ("tiếp", "gặp"). */
export const MEETINGS: ReadonlySet<EventTypeCode> = new Set<EventTypeCode>(["talks", "reception"]);

/** Types two reports of one activity may give it: the same, or both a meeting. */
export function typesAgree(a: EventTypeCode, b: EventTypeCode): boolean {
  return a === b || (MEETINGS.has(a) && MEETINGS.has(b));
}

/** The types a report of this type may be another report of. */
export function agreeingTypes(t: EventTypeCode): EventTypeCode[] {
  return MEETINGS.has(t) ? [...MEETINGS] : [t];
}

/** Numbered sessions ("lần thứ 5") are one activity only with the same number. */
export function ordinalsAgree(a: number | null, b: number | null): boolean {
  return a === null || b === null || a === b;
}

// ------------------------------------------------------ within one article

/** A report of an activity while its article is read: people by the article's keys. */
export interface ArticleReport {
  type: EventTypeCode;
  start: PartialDate | null;
  ordinal: number | null;
  /** Told as background ("từ khi …"): never the same as an activity reported. */
  background: boolean;
  /** The people its clause names as the other side ("hội đàm với A"). */
  counterparts: Set<string>;
  /** Who receives ("A tiếp B": A). */
  receiver: string | null;
}

/**
 * Two reports in one article tell of one activity: the same type, both
 * reported or both background, dates that state the same parts alike, no
 * other numbered session, a shared counterpart (when both name one), and not
 * two receptions given by different people ("Tổng Bí thư A tiếp X … Thủ
 * tướng B tiếp X") — unless one's receiver is the other's counterpart: "A
 * tiếp X" and "X hội kiến A" tell one meeting.
 */
export function sameInArticle(e: ArticleReport, c: ArticleReport): boolean {
  return (
    e.type === c.type &&
    e.background === c.background &&
    compatible(e.start, c.start) &&
    ordinalsAgree(e.ordinal, c.ordinal) &&
    (e.counterparts.size === 0 || c.counterparts.size === 0 || [...c.counterparts].some((k) => e.counterparts.has(k))) &&
    !otherReceiver(e, c)
  );
}

function otherReceiver(e: ArticleReport, c: ArticleReport): boolean {
  if (!e.receiver || !c.receiver || e.receiver === c.receiver) return false;
  return !e.counterparts.has(c.receiver) && !c.counterparts.has(e.receiver);
}

/**
 * The activity a sentence points back to ("Tại buổi hội đàm, …", "Mở đầu
 * cuộc gặp, …"): the last one told of that type, else the last meeting when
 * it names a meeting (a meeting may be the talks).
 */
export function toldBefore<T extends { type: EventTypeCode; background: boolean }>(told: T[], type: EventTypeCode): T | undefined {
  const back = [...told].reverse().filter((e) => !e.background);
  return back.find((e) => e.type === type) ?? back.find((e) => typesAgree(e.type, type));
}

// ------------------------------------------------------- across articles

export type Role = "host" | "head_of_delegation" | "attendee";

/** What one source article says of an event, with database ids (stored as JSON per source). */
export interface EventFacts {
  type: EventTypeCode;
  start: DateValue | null;
  end: DateValue | null;
  place: string | null;
  countries: string[];
  /** Participants with their country (null when unknown). */
  participants: { official: number; role: Role; country?: string | null }[];
  ministries: number[];
  topics: string[];
  summary: string;
  mechanism: string | null;
  ordinal: number | null;
}

type Dated = Pick<EventFacts, "start" | "end">;

const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];
/** No event carries more topics than this, however many reports tell of it. */
const MAX_TOPICS = 6;
const foreign = (countries: string[]) => countries.filter((c) => c !== "VN");


/** The span [from, to] an event's dates allow; null without a year. */
export function eventSpan(start: PartialDate | null, end: PartialDate | null): [string, string] | null {
  const s = spanOf(start);
  if (!s) return null;
  const e = spanOf(end);
  return [s[0], e && e[1] > s[1] ? e[1] : s[1]];
}

/** Each report's day may be off by this much, so two reports by twice it (a visit's first day, "hôm qua", a time zone). */
const SLACK_DAYS = 1;
/** A date read from the publication (no date of its own) may stand for an activity up to this long before it. */
const INFERRED_LEAD_DAYS = 31;

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * The days an event's date allows, as day numbers, widened for what dates
 * in reports leave open: a day by SLACK_DAYS on each side, a date from the
 * publication back by INFERRED_LEAD_DAYS. A start without a year takes `year`.
 */
function allowedDays(f: Dated, year?: number): [number, number] | null {
  const p = f.start;
  if (!p) return null;
  const withYear = (x: PartialDate | null) => (x && x.y === undefined && year !== undefined ? { ...x, y: year } : x);
  const s = spanOf(withYear(p));
  if (!s) return null;
  const t = spanOf(withYear(f.end));
  let from = dayOf(s[0]);
  let to = Math.max(dayOf(s[1]), t ? dayOf(t[1]) : -Infinity);
  if (p.d !== undefined) {
    from -= SLACK_DAYS;
    to += SLACK_DAYS;
  }
  if (fromPublication(p)) from -= INFERRED_LEAD_DAYS;
  return [from, to];
}

/** The span of days a stored event may have to share with `f` to be the same activity (a first filter, for an index). */
export function candidateSpan(f: Dated): [string, string] | null {
  const d = allowedDays(f);
  if (!d) return null;
  const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
  // The other side may be inferred too: leave it room.
  return [iso(d[0] - INFERRED_LEAD_DAYS), iso(d[1] + INFERRED_LEAD_DAYS)];
}

/** Do two events' dates allow the same days? Undefined when either has none. */
export function datesAgree(a: Dated, b: Dated): boolean | undefined {
  if (!a.start || !b.start) return undefined;
  // A date without a year is read in the other's year(s); with neither, in any one year.
  const years = [a.start.y, b.start.y, a.end?.y, b.end?.y].filter((y): y is number => y !== undefined);
  for (const y of years.length ? [...new Set(years)] : [2000]) {
    const da = allowedDays(a, y);
    const db = allowedDays(b, y);
    if (da && db && da[0] <= db[1] && db[0] <= da[1]) return true;
  }
  return false;
}

/** Activities with a counterpart: the same two sides meeting other people are another activity. */
const FACE_TO_FACE = new Set<EventTypeCode>(["talks", "reception", "award"]);

type People = Map<string, Set<number>>;
function byCountry(f: EventFacts): People {
  const m: People = new Map();
  for (const p of f.participants) if (p.country) (m.get(p.country) ?? m.set(p.country, new Set()).get(p.country)!).add(p.official);
  return m;
}

/** Some country has people named in both reports, and none of them is the same. */
function sidesDiffer(a: EventFacts, b: EventFacts): boolean {
  const mb = byCountry(b);
  for (const [c, xs] of byCountry(a)) {
    const ys = mb.get(c);
    if (ys && ![...ys].some((y) => xs.has(y))) return true;
  }
  return false;
}

/** Both reports name people of Việt Nam and of a foreign side, and share someone on each. */
function bothSidesShared(a: EventFacts, b: EventFacts): boolean {
  const ma = byCountry(a);
  const mb = byCountry(b);
  const shared = (c: string) => [...(ma.get(c) ?? [])].some((x) => mb.get(c)?.has(x));
  return shared("VN") && foreign([...ma.keys()]).some(shared);
}

/**
 * How well an incoming report matches a stored event, or null when they
 * cannot be the same activity: types that agree, a shared foreign side,
 * dates that allow the same days, no other numbered session and, for
 * face-to-face activities, no side whose named people all differ. Talks and
 * a reception (outlets name one meeting either way) join only when both
 * reports are dated and share people on both sides. A match is strong with a
 * shared participant or the same numbered session; it is weak — accepted by
 * the caller only when no other event qualifies — when one report names
 * nobody, or gives no date.
 */
export function eventMatch(stored: EventFacts, incoming: EventFacts): { score: number; weak: boolean } | null {
  if (!typesAgree(stored.type, incoming.type)) return null;
  if (!ordinalsAgree(stored.ordinal, incoming.ordinal)) return null;
  const fs = foreign(stored.countries);
  const fi = foreign(incoming.countries);
  const sharedCountries = fs.filter((c) => fi.includes(c)).length;
  if ((fs.length || fi.length) && sharedCountries === 0) return null;
  const ids = new Set(stored.participants.map((p) => p.official));
  const shared = incoming.participants.filter((p) => ids.has(p.official)).length;
  const named = stored.participants.length > 0 && incoming.participants.length > 0;
  if (FACE_TO_FACE.has(stored.type) ? sidesDiffer(stored, incoming) : named && shared === 0 && stored.type === "visit") return null;
  const sameSession = stored.ordinal !== null && stored.ordinal === incoming.ordinal;
  const agree = datesAgree(stored, incoming);
  if (agree === false) return null;
  // The same type counts for more: a report of talks goes to the talks of that day rather than a reception of it.
  if (stored.type !== incoming.type) return agree && bothSidesShared(stored, incoming) ? { score: shared * 10 + sharedCountries, weak: false } : null;
  const score = shared * 10 + (sameSession ? 20 : 0) + sharedCountries + 5;
  if (agree === undefined) {
    if ((shared === 0 && !sameSession) || fs.length !== fi.length || sharedCountries !== fs.length) return null;
    return { score, weak: true };
  }
  if (shared > 0 || sameSession) return { score, weak: false };
  // One report names nobody: the same sides on days that agree, when nothing else qualifies.
  const nested = sharedCountries === Math.min(fs.length, fi.length);
  if (!named && nested) return { score, weak: true };
  return null;
}

const ROLE_RANK: Record<Role, number> = { attendee: 0, head_of_delegation: 1, host: 2 };

/** The finer of two dates: a day over a month over a year; at equal precision one with a year; else the first. */
function finer(a: PartialDate, b: PartialDate): boolean {
  const rank = (p: PartialDate) => (p.d !== undefined ? 4 : p.m !== undefined ? 2 : 0) + (p.y !== undefined ? 1 : 0);
  return rank(a) >= rank(b);
}

/** `lead` completed by the parts only `other` has, which then come from another report; a part both state keeps "text" if either stated it. */
function completed(lead: DateValue, other: DateValue): DateValue {
  const v: DateValue = { ...partsOf(lead), from: { ...lead.from } };
  for (const k of ["y", "m", "d"] as DatePart[]) {
    if (other[k] === undefined) continue;
    if (v[k] === undefined) {
      v[k] = other[k];
      v.from[k] = "another report";
    } else if (other.from[k] === "text") v.from[k] = "text";
  }
  return v;
}

/** `v` with a year from another report: the one nearest that report's date. */
function yearFromOther(v: DateValue, other: PartialDate): DateValue {
  const y = nearestYear(v, other);
  return y === undefined ? v : { ...v, y, from: { ...v.from, y: "another report" } };
}

/**
 * The date of one activity from two reports. Dates that agree part by part
 * combine ("2016-09" and "--09-25" give 2016-09-25); otherwise a date from
 * the publication loses, then a day (or month) stated for the activity beats
 * one borrowed (the story's day, another activity's), then the more precise
 * one wins (at equal precision, a span holding the other), and a winner
 * without a year takes it from the other report.
 */
export function mergeDates(base: Dated, add: Dated): Dated {
  const pa = add.start;
  const pb = base.start;
  if (!pa) return base;
  if (!pb) return add;
  if (compatible(pa, pb) && !base.end && !add.end) {
    return { start: finer(pb, pa) ? completed(pb, pa) : completed(pa, pb), end: null };
  }
  const wa = dateDetail(pa);
  const wb = dateDetail(pb);
  // At the same precision, a span that holds the other describes more of the activity.
  const sa = eventSpan(add.start, add.end);
  const sb = eventSpan(base.start, base.end);
  const wider = !!sa && !!sb && sa[0] <= sb[0] && sa[1] >= sb[1] && (sa[0] < sb[0] || sa[1] > sb[1]);
  const better =
    fromPublication(pa) !== fromPublication(pb) ? fromPublication(pb) : isStated(pa) !== isStated(pb) ? isStated(pa) : wa > wb || (wa === wb && wider);
  const [win, pl] = better ? [add, pb] : [base, pa];
  if (win.start!.y !== undefined || pl.y === undefined) return win;
  return { start: yearFromOther(win.start!, pl), end: win.end && win.end.y === undefined ? yearFromOther(win.end, pl) : win.end };
}

/** One event from two sources' facts: the first source leads; dates combine (mergeDates). */
export function mergeEvents(base: EventFacts, add: EventFacts): EventFacts {
  const participants = base.participants.map((p) => ({ ...p }));
  for (const p of add.participants) {
    const have = participants.find((x) => x.official === p.official);
    if (!have) participants.push({ ...p });
    else {
      if (ROLE_RANK[p.role] > ROLE_RANK[have.role]) have.role = p.role;
      have.country ??= p.country;
    }
  }
  return {
    ...base,
    ...mergeDates(base, add),
    place: base.place ?? add.place,
    countries: union(base.countries, add.countries).sort(),
    participants,
    ministries: union(base.ministries, add.ministries),
    // Each report's topics are those its own account names most; together, the first reports' first.
    topics: union(base.topics, add.topics).slice(0, MAX_TOPICS).sort(),
    mechanism: base.mechanism ?? add.mechanism,
    ordinal: base.ordinal ?? add.ordinal,
  };
}
