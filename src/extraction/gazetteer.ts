// Loads the reviewable dictionaries of data/gazetteer and builds the matchers
// every reader uses. Knowledge lives in those files; this module only indexes it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { PhraseMatcher, SyllableIndex, syllableNumber, type PatternStep } from "./phrases.ts";
import { escapeRegExp, fold, normalizeText } from "./text.ts";

const DEFAULT_DIR = fileURLToPath(new URL("../../data/gazetteer/", import.meta.url));

const strs = z.array(z.string()).default([]);
const CountryFile = z.object({
  countries: z.array(z.object({ code: z.string().length(2), en: z.string(), vi: z.string(), aliases: strs, short: strs, places: strs })),
});
const UnitSchema = z.object({ id: z.string(), vi: z.string(), en: z.string().nullish(), aliases: strs });
const MinistryFile = z.object({
  generic: z.array(z.object({ vi: z.string(), en: z.string(), aliases: strs })).default([]),
  ministries: z.array(
    z.object({
      id: z.string(),
      country: z.string().length(2),
      vi: z.string(),
      en: z.string().nullish(),
      aliases: strs,
      kind: z.string().default("ministry"),
      units: z.array(UnitSchema).default([]),
    }),
  ),
});
const RankFile = z.object({ ranks: z.array(z.object({ vi: z.string(), en: z.string(), code: z.string(), grade: z.number(), aliases: strs })) });
const OfficeFile = z.object({
  offices: z.array(
    z.object({ vi: z.string(), en: z.string(), code: z.string(), takes_org: z.boolean().default(false), level: z.string().default("other"), aliases: strs }),
  ),
});
const TopicFile = z.object({ topics: z.array(z.object({ code: z.string(), en: z.string(), vi: z.string(), cues: strs })) });
const AgreementTypeFile = z.object({
  types: z.array(z.object({ code: z.enum(["mou", "agreement", "minutes", "plan", "other"]), en: z.string(), vi: z.string(), note: z.string().optional(), cues: strs })),
});
const OfficialFile = z.object({
  officials: z.array(
    z.object({
      name: z.string(),
      country: z.string().length(2).nullable(),
      en: z.string().nullish(),
      native: z.string().nullish(),
      aliases: strs,
    }),
  ),
});
const OrganizationFile = z.object({ organizations: z.array(z.object({ id: z.string(), vi: z.string(), en: z.string(), aliases: strs })) });
const NameList = z.object({ surnames: strs });
const AdminUnitFile = z.object({ units: z.array(z.object({ vi: z.string(), en: z.string() })) });
const HonorificFile = z.object({ honorifics: z.array(z.object({ vi: z.string(), en: z.string() })) });
const Glossed = z.object({ vi: z.string(), en: z.string() });
const glossed = z.array(Glossed).default([]);
const EventType = z.enum(["visit", "talks", "reception", "conference", "signing", "ceremony", "award", "other"]);
const CueFile = z.object({
  types: z.array(z.object({ type: EventType, en: z.string(), vi: z.string(), cues: strs })),
  hedges: z.object({ before: strs, exceptions: strs }),
  background: z.object({ markers: strs, before_date: glossed, before_period: glossed }),
  frames: z.object({ markers: glossed }).default({ markers: [] }),
  directives: z.object({ verbs: strs, past: strs }),
  plural_generic: strs,
  programme_stops: z.object({ verbs: strs }),
  blockers: z.object({ after: strs }).default({ after: [] }),
  former: z.object({ markers: glossed }),
  delegation_lead: z.object({ after_name: glossed }),
  absent: z.object({ before_person: glossed }).default({ before_person: [] }),
  ordinals: z.object({ words: z.array(Glossed.extend({ value: z.number().int().positive() })) }),
});
const PageFile = z.object({
  cut_markers: z.object({ lines: glossed }),
  chrome: z.object({ phrases: glossed }),
  sign_offs: z.object({ agencies: glossed, attribution: glossed }),
  outlets: z.array(
    z.object({ name: z.string(), en: z.string(), marks: z.array(z.string()).min(1), datelines: strs, ignore_case: z.boolean().default(false) }),
  ),
});

export type EventTypeCode = z.infer<typeof EventType>;
export type AgreementTypeCode = z.infer<typeof AgreementTypeFile>["types"][number]["code"];

export interface Country {
  code: string;
  en: string;
  vi: string;
  aliases: string[];
}
export interface Ministry {
  code: string;
  country: string;
  vi: string;
  en: string | null;
  aliases: string[];
  kind: string;
}
export interface Unit {
  code: string;
  ministry: Ministry;
  vi: string;
  en: string | null;
  aliases: string[];
}
export interface GenericMinistry {
  vi: string;
  en: string;
}
export interface Rank {
  vi: string;
  en: string;
  code: string;
  grade: number;
}
export interface Office {
  vi: string;
  en: string;
  code: string;
  takesOrg: boolean;
  level: string;
}
export interface KnownOfficial {
  name: string;
  country: string | null;
  en: string | null;
  native: string | null;
  aliases: string[];
}
export interface Organization {
  id: string;
  vi: string;
  en: string;
}
export interface Topic {
  code: string;
  en: string;
  vi: string;
}
export interface EventTypeInfo {
  type: EventTypeCode;
  en: string;
  vi: string;
}

/** Matchers for what a site puts around an article (page.json). */
export interface PageChrome {
  /** Folded lines after which a page holds only other stories. */
  cutMarkers: Set<string>;
  /** The longest of them: a line folding to more is no marker. */
  cutMarkerLength: number;
  /** A phrase that makes a line site furniture. */
  chrome: RegExp;
  /** A line that is only an agency sign-off, an abbreviation or an attribution. */
  signOff: RegExp;
  outlets: { name: string; test(text: string): boolean }[];
  /** An outlet's mark opening a paragraph: in brackets with an optional dash, bare with one. */
  datelines: [RegExp, RegExp];
}

export interface Gazetteer {
  countries: Map<string, Country>;
  countryNames: PhraseMatcher<Country>;
  /** One-syllable forms used in pairs such as "Việt - Trung". */
  countryShort: Map<string, Country>;
  places: PhraseMatcher<Country>;
  ministries: Ministry[];
  /** Specific ministry names, and generic base names ("Bộ Nội vụ") with no country yet. */
  ministryNames: PhraseMatcher<Ministry | GenericMinistry>;
  /** Base names without "Bộ": "Công an" in "Bộ trưởng Công an". */
  ministryShortNames: PhraseMatcher<Ministry | GenericMinistry>;
  units: PhraseMatcher<Unit>;
  ranks: PhraseMatcher<Rank>;
  offices: PhraseMatcher<Office>;
  honorifics: PhraseMatcher<string>;
  /** Words for administrative divisions, lower case with diacritics ("tỉnh", "thành phố"). */
  adminUnits: string[];
  organizations: PhraseMatcher<Organization>;
  known: Map<string, KnownOfficial>;
  surnames: Set<string>;
  topics: { topic: Topic; cues: PhraseMatcher<Topic> }[];
  agreementTypes: PhraseMatcher<AgreementTypeCode>;
  agreementTypeInfo: Map<AgreementTypeCode, { en: string; vi: string }>;
  eventTypes: Map<EventTypeCode, EventTypeInfo>;
  /**
   * Cues as patterns over folded text, with the syllables a match needs (cueWords, as syllable
   * numbers) and, for most, the same pattern as steps over the sentence's syllables (cueSteps).
   */
  eventCues: { type: EventTypeCode; re: RegExp; needs: number[][]; steps: PatternStep[] | null }[];
  /** The cues filed by the syllables of their first need: a sentence tries only those it may hold. */
  eventCueIndex: SyllableIndex;
  /** Hedge words; hits whose value is "" are exceptions ("lời mời" is no invitation to come). */
  hedges: PhraseMatcher<string>;
  cueBlockers: Set<string>;
  background: PhraseMatcher<string>;
  /** "nhân dịp", "trong khuôn khổ": what follows is the occasion of the sentence's main activity. */
  frames: PhraseMatcher<string>;
  /** Verbs of instruction ("đề nghị"), folded, each with the space that ends it: how a directive sentence opens. */
  directiveOpenings: string[];
  pastMarkers: PhraseMatcher<string>;
  pluralGeneric: Set<string>;
  programmeStopVerbs: string[];
  /** Before an office, lower case: "nguyên", "khi còn trên cương vị" and up to three words. */
  former: RegExp;
  /** Right after a name in a folded sentence: "dẫn đầu", "làm trưởng đoàn". */
  delegationLead: RegExp;
  /** Right before a person: someone not at the activity told ("chuyển lời thăm hỏi của", "thay mặt", "trước đó"). */
  absent: PhraseMatcher<string>;
  /** Folded number words of "lần thứ …". */
  ordinals: Map<string, number>;
  /** At the end of the folded text before a date that is background ("kể từ", "giai đoạn"). */
  backgroundDate: RegExp;
  /** The same, for a month or year without a day ("từ"). */
  backgroundPeriod: RegExp;
  page: PageChrome;
}

function load<T extends z.ZodType>(dir: string, file: string, schema: T): z.infer<T> {
  const path = `${dir}${file}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new Error(`gazetteer ${file}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`gazetteer ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** Turns a cue written in Vietnamese into a regex over folded text. */
function cuePattern(cue: string, slots: Record<string, string>): string {
  return cue
    .split(/(\{\w+\}|[()|?])/)
    .map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part);
      if (slot) return slots[slot[1] ?? ""] ?? "(?!)";
      if (/^[()|?]$/.test(part)) return part === "(" ? "(?:" : part;
      const f = fold(part);
      const lead = /^\s/.test(part) ? "\\s+" : "";
      const trail = /\s$/.test(part) ? "\\s+" : "";
      return f ? lead + f.split(" ").join("\\s+") + trail : part.trim() ? "" : part.length ? "\\s+" : "";
    })
    .join("")
    .replace(/(\\s\+)+/g, "\\s+")
    // An optional word between two spaces ("gặp (gỡ|mặt)? Chủ tịch") takes one of them along.
    .replace(/\\s\+(\(\?:[^()]*\))\?\\s\+/g, "\\s+(?:$1\\s+)?");
}

/**
 * What a cue's every match holds as whole syllables of its folded text: each
 * list has at least one of its words there (the cue's words outside brackets
 * one by one, and the first words of a bracket's choices), so that a sentence
 * missing one need not be searched. Empty when the cue's form says nothing sure.
 */
function cueWords(cue: string): string[][] {
  const parts = cue.split(/(\{\w+\}|[()|?])/).filter(Boolean);
  const literal = (p: string | undefined) => p !== undefined && !/^(?:\{\w+\}|[()|?])$/.test(p) && fold(p) !== "";
  // A word is whole where a space or the cue's start or end stands beside it.
  const openBefore = (i: number) => i === 0 || /\s$/.test(parts[i - 1] ?? "");
  const openAfter = (i: number) => i === parts.length - 1 || /^\s/.test(parts[i + 1] ?? "");
  const needs: string[][] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === "|" || p === ")") return []; // a choice at the top: nothing is sure
    if (literal(p)) {
      const words = fold(p).split(" ");
      words.forEach((w, j) => {
        const whole = (j > 0 || /^\s/.test(p) || i === 0) && (j < words.length - 1 || /\s$/.test(p) || i === parts.length - 1);
        if (whole) needs.push([w]);
      });
    }
    if (p !== "(") continue;
    const close = parts.indexOf(")", i);
    if (close < 0) return [];
    const inner = parts.slice(i + 1, close);
    const optional = parts[close + 1] === "?";
    if (inner.includes("(")) return [];
    const start = i;
    i = close + (optional ? 1 : 0);
    const choices = inner.join("").split("|");
    if (optional || !openBefore(start) || choices.some((c) => !literal(c) || /[{}]/.test(c) || /^\s/.test(c))) continue;
    // A one-word choice ends where the bracket does.
    if (choices.some((c) => !fold(c).includes(" ") && !/\s$/.test(c)) && !openAfter(close)) continue;
    needs.push(choices.map((c) => fold(c).split(" ")[0]!));
  }
  return needs;
}

/**
 * A cue as steps over a sentence's syllables (see PatternStep): words, and
 * bracketed choices of words or of a slot's dictionary, apart by spaces. Null
 * for a cue of another form, left to its regular expression.
 */
function cueSteps(cue: string, slots: Record<string, PhraseMatcher<unknown>>): PatternStep[] | null {
  const tokens: string[] = [];
  let depth = 0;
  let token = "";
  for (const ch of cue) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === " " && depth === 0) {
      tokens.push(token);
      token = "";
    } else token += ch;
  }
  tokens.push(token);
  const words = (w: string) => (/[{}()|?]/.test(w) || w !== w.trim() || !fold(w) ? null : fold(w).split(" ").map(syllableNumber));
  const slot = (w: string) => {
    const name = /^\{(\w+)\}$/.exec(w)?.[1];
    return name === undefined ? undefined : (slots[name] ?? null);
  };
  const steps: PatternStep[] = [];
  for (const t of tokens) {
    const group = /^\(([^()]*)\)(\?)?$/.exec(t);
    if (group) {
      const choices = group[1]!.split("|").map((c) => slot(c) ?? words(c));
      if (choices.some((c) => c === null)) return null;
      steps.push({ choices: choices as (number[] | PhraseMatcher<unknown>)[], optional: group[2] === "?" });
      continue;
    }
    const s = slot(t);
    if (s === null) return null;
    const w = s ? null : words(t);
    if (!s && !w) return null;
    steps.push(s ? { choices: [s], optional: false } : { words: w! });
  }
  // A dictionary gives its longest phrase only: it may close the cue, not stand before more of it.
  const dictionaryBefore = steps.slice(0, -1).some((st) => "choices" in st && st.choices.some((c) => !Array.isArray(c)));
  const optionalEnd = [steps[0], steps[steps.length - 1]].some((st) => st && "optional" in st && st.optional);
  return dictionaryBefore || optionalEnd ? null : steps;
}

/** An alternation over folded text; with no phrase, one that matches nothing. */
const alternation = (names: Iterable<string>) => {
  const folded = [...new Set([...names].map(fold).filter(Boolean))];
  return folded.length ? `(?:${folded.sort((a, b) => b.length - a.length).map((n) => n.split(" ").join("\\s+")).join("|")})` : "(?!)";
};

/** An alternation of phrases as written, longest first. */
const literal = (phrases: string[]) =>
  phrases.length ? `(?:${[...new Set(phrases)].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|")})` : "(?!)";

// The last text put in lower case, asked for by each outlet in turn.
let lowered = { text: "", lower: "" };
const lowerCase = (text: string) => (lowered.text === text ? lowered.lower : (lowered = { text, lower: text.toLowerCase() }).lower);

function pageChrome(pf: z.infer<typeof PageFile>): PageChrome {
  const loose = (p: string) => escapeRegExp(normalizeText(p)).replace(/\s*:/g, "\\s*:").replace(/ +/g, "\\s+");
  const agencies = literal(pf.sign_offs.agencies.map((a) => a.vi));
  const attribution = literal(pf.sign_offs.attribution.map((a) => a.vi));
  const lines = pf.outlets.flatMap((o) => o.datelines);
  return {
    cutMarkers: new Set(pf.cut_markers.lines.map((l) => fold(l.vi))),
    cutMarkerLength: Math.max(0, ...pf.cut_markers.lines.map((l) => fold(l.vi).length)),
    chrome: new RegExp(pf.chrome.phrases.length ? `(?:${pf.chrome.phrases.map((p) => loose(p.vi)).join("|")})` : "(?!)", "iu"),
    signOff: new RegExp(`^(?:\\(?${agencies}\\)?|\\(?${attribution} [^)]{2,40}\\)?|[A-ZĐ]{2,8}(?:\\/[A-Z+]{2,8})?)\\.?$`, "u"),
    outlets: pf.outlets.map((o) => ({
      name: o.name,
      test: o.ignore_case ? (text: string) => o.marks.some((m) => lowerCase(text).includes(m.toLowerCase())) : (text: string) => o.marks.some((m) => text.includes(m)),
    })),
    datelines: [
      new RegExp(`^\\s*${literal(lines.filter((l) => l.startsWith("(")))}\\s*[-–—]?\\s*`, "u"),
      new RegExp(`^\\s*${literal(lines.filter((l) => !l.startsWith("(")))}\\s*[-–—]\\s*`, "u"),
    ],
  };
}

let cached: Gazetteer | null = null;

export function loadGazetteer(dir = DEFAULT_DIR): Gazetteer {
  if (cached && dir === DEFAULT_DIR) return cached;
  const cf = load(dir, "countries.json", CountryFile);
  const mf = load(dir, "ministries.json", MinistryFile);
  const rf = load(dir, "ranks.json", RankFile);
  const of = load(dir, "offices.json", OfficeFile);
  const tf = load(dir, "topics.json", TopicFile);
  const af = load(dir, "agreement_types.json", AgreementTypeFile);
  const kf = load(dir, "officials.json", OfficialFile);
  const gf = load(dir, "organizations.json", OrganizationFile);
  const sf = load(dir, "surnames.json", NameList);
  const hf = load(dir, "honorifics.json", HonorificFile);
  const uf = load(dir, "admin_units.json", AdminUnitFile);
  const ef = load(dir, "event_cues.json", CueFile);
  const pf = load(dir, "page.json", PageFile);

  const countries = new Map<string, Country>();
  const countryNames = new PhraseMatcher<Country>({ matchCapital: true, exactOneWord: true });
  const countryShort = new Map<string, Country>();
  const places = new PhraseMatcher<Country>({ matchCapital: true, exactOneWord: true });
  for (const c of cf.countries) {
    const country: Country = { code: c.code.toUpperCase(), en: c.en, vi: c.vi, aliases: c.aliases };
    countries.set(country.code, country);
    for (const n of [c.vi, ...c.aliases]) countryNames.add(n, country);
    if (/^\p{Lu}/u.test(c.en)) countryNames.add(c.en, country);
    for (const s of c.short) countryShort.set(fold(s), country);
    for (const p of c.places) places.add(p, country);
  }

  const ministries: Ministry[] = [];
  const ministryNames = new PhraseMatcher<Ministry | GenericMinistry>();
  const ministryShortNames = new PhraseMatcher<Ministry | GenericMinistry>({ matchCapital: true });
  const units = new PhraseMatcher<Unit>({ matchCapital: true });
  const addShort = (name: string, value: Ministry | GenericMinistry) => {
    const m = /^Bộ\s+(.+)$/u.exec(name);
    if (m?.[1] && /^\p{Lu}/u.test(m[1])) ministryShortNames.add(m[1], value);
  };
  for (const g of mf.generic) {
    // Each form is a base name of its own: the knowledge base keeps the name the text uses.
    for (const n of [g.vi, ...g.aliases]) {
      const generic: GenericMinistry = { vi: n, en: g.en };
      ministryNames.add(n, generic);
      addShort(n, generic);
    }
  }
  for (const m of mf.ministries) {
    const ministry: Ministry = { code: m.id, country: m.country.toUpperCase(), vi: m.vi, en: m.en ?? null, aliases: m.aliases, kind: m.kind };
    ministries.push(ministry);
    for (const n of [m.vi, ...m.aliases]) {
      ministryNames.add(n, ministry);
      addShort(n, ministry);
    }
    for (const u of m.units) {
      const unit: Unit = { code: u.id, ministry, vi: u.vi, en: u.en ?? null, aliases: u.aliases };
      for (const n of [u.vi, ...u.aliases]) units.add(n, unit);
    }
  }

  const ranks = new PhraseMatcher<Rank>({ matchCapital: false });
  for (const r of rf.ranks) for (const n of [r.vi, ...r.aliases]) ranks.add(n, { vi: r.vi, en: r.en, code: r.code, grade: r.grade });
  const offices = new PhraseMatcher<Office>();
  for (const o of of.offices) {
    const office: Office = { vi: o.vi, en: o.en, code: o.code, takesOrg: o.takes_org, level: o.level };
    for (const n of [o.vi, ...o.aliases]) offices.add(n, office);
  }
  const honorifics = new PhraseMatcher<string>();
  for (const h of hf.honorifics) honorifics.add(h.vi, h.vi);
  const organizations = new PhraseMatcher<Organization>({ matchCapital: true });
  for (const o of gf.organizations) for (const n of [o.vi, ...o.aliases]) organizations.add(n, { id: o.id, vi: o.vi, en: o.en });

  const known = new Map<string, KnownOfficial>();
  for (const k of kf.officials) {
    const entry: KnownOfficial = { name: k.name, country: k.country?.toUpperCase() ?? null, en: k.en ?? null, native: k.native ?? null, aliases: k.aliases };
    for (const n of [k.name, ...k.aliases, ...(k.en ? [k.en] : [])]) {
      const key = fold(n);
      if (key && !known.has(key)) known.set(key, entry);
    }
  }

  const topics = tf.topics.map((t) => {
    const topic: Topic = { code: t.code, en: t.en, vi: t.vi };
    const cues = new PhraseMatcher<Topic>();
    for (const c of t.cues) cues.add(c, topic);
    return { topic, cues };
  });
  const agreementTypes = new PhraseMatcher<AgreementTypeCode>();
  const agreementTypeInfo = new Map<AgreementTypeCode, { en: string; vi: string }>();
  for (const t of af.types) {
    agreementTypeInfo.set(t.code, { en: t.en, vi: t.vi });
    for (const c of t.cues) agreementTypes.add(c, t.code);
  }

  const slotNames: Record<string, string[]> = {
    country: [...countries.values()].flatMap((c) => [c.vi, ...c.aliases]),
    rank: rf.ranks.map((r) => r.vi),
    agreement: af.types.flatMap((t) => t.cues),
  };
  const slots: Record<string, string> = {};
  const slotMatchers: Record<string, PhraseMatcher<unknown>> = {};
  for (const [name, list] of Object.entries(slotNames)) {
    slots[name] = alternation(list);
    slotMatchers[name] = new PhraseMatcher<unknown>();
    for (const n of list) slotMatchers[name].add(n, name);
  }
  const eventTypes = new Map<EventTypeCode, EventTypeInfo>();
  const eventCues: Gazetteer["eventCues"] = [];
  for (const t of ef.types) {
    eventTypes.set(t.type, { type: t.type, en: t.en, vi: t.vi });
    for (const c of t.cues) {
      eventCues.push({ type: t.type, re: new RegExp(`(?<![\\p{L}\\p{N}])${cuePattern(c, slots)}(?![\\p{L}\\p{N}])`, "gu"), needs: cueWords(c).map((words) => words.map(syllableNumber)),
        steps: cueSteps(c, slotMatchers),
      });
    }
  }
  const phraseSet = (list: string[]) => {
    const m = new PhraseMatcher<string>();
    for (const p of list) m.add(p, p);
    return m;
  };

  const g: Gazetteer = {
    countries,
    countryNames,
    countryShort,
    places,
    ministries,
    ministryNames,
    ministryShortNames,
    units,
    ranks,
    offices,
    honorifics,
    adminUnits: uf.units.map((u) => normalizeText(u.vi).toLowerCase()),
    organizations,
    known,
    surnames: new Set(sf.surnames.map(fold)),
    topics,
    agreementTypes,
    agreementTypeInfo,
    eventTypes,
    eventCues,
    eventCueIndex: new SyllableIndex(eventCues.map((c) => c.needs[0] ?? [])),
    hedges: (() => {
      const m = phraseSet(ef.hedges.before);
      for (const e of ef.hedges.exceptions) m.add(e, "");
      return m;
    })(),
    cueBlockers: new Set(ef.blockers.after.map(fold)),
    background: phraseSet(ef.background.markers),
    frames: phraseSet(ef.frames.markers.map((m) => m.vi)),
    directiveOpenings: ef.directives.verbs.map((v) => `${fold(v)} `),
    pastMarkers: phraseSet(ef.directives.past),
    pluralGeneric: new Set(ef.plural_generic.map(fold)),
    programmeStopVerbs: ef.programme_stops.verbs.map(fold),
    former: new RegExp(`(?:^|[\\s,(])${literal(ef.former.markers.map((m) => normalizeText(m.vi).toLowerCase()))}\\s+(?:\\S+\\s+){0,3}$`, "u"),
    absent: phraseSet(ef.absent.before_person.map((m) => m.vi)),
    delegationLead: new RegExp(`^ ${alternation(ef.delegation_lead.after_name.map((m) => m.vi))}\\b`),
    ordinals: new Map(ef.ordinals.words.map((w) => [fold(w.vi), w.value])),
    backgroundDate: new RegExp(`${alternation([...ef.background.markers, ...ef.background.before_date.map((m) => m.vi)])}\\s*$`),
    backgroundPeriod: new RegExp(`${alternation(ef.background.before_period.map((m) => m.vi))}\\s*$`),
    page: pageChrome(pf),
  };
  if (dir === DEFAULT_DIR) cached = g;
  return g;
}

export const isGeneric = (m: Ministry | GenericMinistry): m is GenericMinistry => !("code" in m);
