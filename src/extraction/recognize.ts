// Recognise stage: countries, ministries, units, organisations and people
// (with rank and offices) in one sentence. People are found from their
// anchors — a rank, an office or an honorific before the name — as the press
// always introduces an official that way ("Đại tướng Tô Lâm", "Bộ trưởng Bộ
// Công an Trung Quốc Vương Tiểu Hồng", "ông Quách Thanh Côn, Ủy viên Quốc vụ").
import { isGeneric, type Country, type Gazetteer, type GenericMinistry, type Ministry, type Office, type Organization, type Rank, type Unit } from "./gazetteer.ts";
import type { PhraseHit } from "./phrases.ts";
import { dashedPairs } from "./dashed-pairs.ts";
import { escapeRegExp, fold, foldAligned } from "./text.ts";

export interface MinistryRef {
  code: string;
  country: string;
  vi: string;
  en: string | null;
  kind: string;
}

export interface OrgRef {
  ministry: MinistryRef | null;
  unit: { code: string; vi: string; en: string | null } | null;
  organization: Organization | null;
  /** The country the text gives the body, or the gazetteer's. */
  country: string | null;
  /** True when the country was written next to the name ("Bộ Công an Trung Quốc"). */
  explicitCountry: boolean;
  index: number;
  length: number;
  text: string;
}

/** What the rank, offices and organisation around a name say of the person. */
export interface Descriptors {
  rank: Rank | null;
  /** Offices as written, with their organisation ("Bộ trưởng Bộ Công an"). */
  offices: string[];
  officeCodes: string[];
  org: OrgRef | null;
  /** Country read from the descriptors; null when they do not say. */
  country: string | null;
  /** True when the person belongs to an international organisation (no country). */
  international: boolean;
}

export interface PersonMention extends Descriptors {
  name: string;
  /** Where the descriptors before the name start, and where those after it end. */
  start: number;
  end: number;
  index: number;
  length: number;
  anchored: "rank" | "office" | "honorific";
}

export interface CountryMention {
  code: string;
  index: number;
  length: number;
  /** Inside a person's descriptor or an organisation's name. */
  attached: boolean;
}

export interface SentenceFacts {
  countries: CountryMention[];
  orgs: OrgRef[];
  persons: PersonMention[];
  places: { name: string; country: string; index: number }[];
}

export interface RecognizeContext {
  /** The article's main foreign country, for bodies named without one ("Bộ Nội vụ"). */
  foreign: string | null;
}

const slug = (s: string) => fold(s).replace(/ /g, "-");
const CONNECTOR = /^\s*(?:,|kiêm|-|–|—|\(|và đồng thời)\s*/u;
const COUNTRY_GLUE = /^\s*(?:nước\s+|của\s+|thuộc\s+)?/u;
const NAME_WORD = /^(?:\p{Lu}\.(?:\p{Lu}\.?)+|\p{Lu}[\p{L}\p{M}’']*(?:-\p{L}[\p{L}\p{M}’']*)*\.?)/u;
const PARTICLES = new Set(["de", "da", "del", "van", "von", "bin", "al", "la", "le", "dos", "di"]);
// Words that open an organisation's name, never a person's.
const NOT_NAME_START = new Set(["đoàn", "bộ", "cục", "tổng", "vụ", "sở", "công", "thành", "tỉnh", "quận", "huyện", "đại", "hội", "ủy", "ban", "nhà", "trường", "học", "viện", "liên", "hiệp", "tổ", "chính", "đảng", "nước", "phòng", "tòa", "cơ", "cảnh", "lực", "quân", "văn", "trung", "ngay", "tại", "theo", "trong"]);
const ORG_HEAD = /^\s+(?:Ủy ban|Uỷ ban|Cơ quan|Hội đồng|Tổng cục|Cục|Vụ|Viện|Học viện|Bộ|Tòa án|Quốc hội|Cảnh sát|Lực lượng|Bộ đội|Văn phòng|Ban|Sở|Công an|Tập đoàn|Đảng|Thành phố|Tỉnh|Quân đội|Tổ chức|Trung tâm|Cơ quan|Hiệp hội|Quân khu)(?=\s)/u;
const INITIALS = /\p{Lu}\.\p{Lu}/u;
const PREPOSITION_BEFORE = /(?:của|với|tặng|cho|và|về)\s*$/u;

/** Whitespace as `\s` sees it, by BMP character. */
const WHITE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) WHITE[c] = c >= 0xd800 && c <= 0xdfff ? 0 : /\s/.test(String.fromCharCode(c)) ? 1 : 0;
const isWordChar = (s: string, i: number) => i < s.length && WHITE[s.charCodeAt(i)] === 0;

/** The one or two spaces at i before the next word of a name (their length), or 0. */
function gapAt(s: string, i: number): number {
  if (s.charCodeAt(i) !== 32) return 0;
  if (s.charCodeAt(i + 1) === 32) return isWordChar(s, i + 2) ? 2 : 0;
  return isWordChar(s, i + 1) ? 1 : 0;
}

/** A rank, an office or an honorific: each starts a descriptor chain that may end in a name. */
interface Anchor {
  index: number;
  length: number;
  kind: "rank" | "office" | "honorific";
  rank: Rank | null;
  office: Office | null;
}

interface Chain extends Descriptors {
  end: number;
}

/** One sentence while it is recognised: its anchors, and the organisations its chains have read. */
interface SentenceScan {
  text: string;
  folded: string;
  ctx: RecognizeContext;
  anchors: Anchor[];
  orgs: OrgRef[];
}

function overlapsAny(taken: [number, number][], a: number, b: number): boolean {
  return taken.some(([x, y]) => a < y && b > x);
}

/** Whether [a, b) reaches into a person's name. */
function inName(persons: PersonMention[], a: number, b: number): boolean {
  return persons.some((p) => a < p.index + p.length && b > p.index);
}

/** A ministry of the gazetteer, as a reference. */
function pick(m: Ministry): MinistryRef {
  return { code: m.code, country: m.country, vi: m.vi, en: m.en, kind: m.kind };
}

/** A generic body ("Bộ Nội vụ") of a country, as a ministry reference of its own. */
function make(c: string, vi: string, en: string | null): MinistryRef {
  return { code: `${c}-${slug(vi)}`, country: c, vi, en, kind: "ministry" };
}

export class Recognizer {
  /** Text ending in a division's word ("… tỉnh"): what follows is a place. */
  private readonly afterDivision: RegExp;

  constructor(private readonly g: Gazetteer) {
    this.afterDivision = new RegExp(`(?:^|\\s)(?:${g.adminUnits.map(escapeRegExp).join("|")})\\s*$`, "u");
  }

  private country(hit: PhraseHit<Country> | null): string | null {
    return hit?.values[0]?.code ?? null;
  }

  /** A country name right at `pos` (after "nước", "của"), with its end. */
  private countryAt(text: string, folded: string, pos: number): { code: string; end: number } | null {
    const glue = COUNTRY_GLUE.exec(text.slice(pos));
    const at = pos + (glue?.[0].length ?? 0);
    const hit = this.g.countryNames.at(text, at, folded);
    if (hit) return { code: hit.values[0]!.code, end: hit.index + hit.length };
    const place = /^(?:thành phố|Thành phố|tỉnh|Tỉnh|thủ đô|Thủ đô|TP\.?)\s*/u.exec(text.slice(at));
    if (place) {
      const p = this.g.places.at(text, at + place[0].length, folded);
      if (p) return { code: p.values[0]!.code, end: p.index + p.length };
    }
    return null;
  }

  resolveMinistry(values: (Ministry | GenericMinistry)[], country: string | null, ctx: RecognizeContext): MinistryRef | null {
    const specific = values.filter((v): v is Ministry => !isGeneric(v));
    const generic = values.find(isGeneric);
    if (country) {
      const s = specific.find((m) => m.country === country);
      if (s) return pick(s);
      const base = generic ?? specific[0];
      return base ? make(country, base.vi, base.en ?? null) : null;
    }
    const vn = specific.find((m) => m.country === "VN");
    // Without a country, "Bộ Công an" is Việt Nam's; another body is the partner's when it has one.
    // (Việt Nam's own ministry is settled before the partner is asked for: a sentence that only names
    // it reads alike whoever the partner is.)
    if (vn?.code === "VN-MPS") return pick(vn);
    const foreign = ctx.foreign ? specific.find((m) => m.country === ctx.foreign) : undefined;
    if (vn && !foreign) return pick(vn);
    if (foreign) return pick(foreign);
    if (generic) return ctx.foreign ? make(ctx.foreign, generic.vi, generic.en) : make("VN", generic.vi, generic.en);
    if (specific.length === 1) return pick(specific[0]!);
    return null;
  }

  /** An organisation (unit, ministry or international body) starting at `pos`. */
  orgAt(text: string, folded: string, pos: number, ctx: RecognizeContext, short = false): OrgRef | null {
    let start = pos;
    while (text.charCodeAt(start) === 32) start++;
    let unitHit = this.g.units.at(text, start, folded);
    // "Lực lượng Cảnh sát Việt Nam": a unit name of one country followed by another country is not that unit.
    const unitCountry = unitHit ? this.countryAt(text, folded, unitHit.index + unitHit.length) : null;
    if (unitHit && unitCountry && !(unitHit.values as Unit[]).some((u) => u.ministry.country === unitCountry.code)) unitHit = null;
    let minHit = this.g.ministryNames.at(text, start, folded);
    if (!minHit && short) {
      // "Bộ trưởng Nội vụ Cuba": a short name stands for a ministry with its country, or the article's partner's own
      // ministry; alone, "Tư lệnh Cảnh sát" is a police commander, not a ministry of police.
      const hit = this.g.ministryShortNames.at(text, start, folded);
      const partners = hit?.values.some((v) => !isGeneric(v) && (v.country === ctx.foreign || v.country === "VN"));
      if (hit && (partners || this.countryAt(text, folded, hit.index + hit.length))) minHit = hit;
    }
    const orgHit = this.g.organizations.at(text, start, folded);
    const best = [unitHit, minHit, orgHit].filter((h): h is NonNullable<typeof h> => h !== null).sort((a, b) => b.length - a.length)[0];
    if (!best) return null;
    let end = best.index + best.length;
    if (best === orgHit) {
      return { ministry: null, unit: null, organization: orgHit.values[0]!, country: null, explicitCountry: false, index: start, length: end - start, text: text.slice(start, end) };
    }
    // "Cục …, Bộ Công an": a unit followed by its ministry.
    let unitMinistry: OrgRef | null = null;
    if (best === unitHit) {
      const after = /^\s*,\s*/u.exec(text.slice(end));
      if (after) unitMinistry = this.orgAt(text, folded, end + after[0].length, ctx);
    }
    const c = this.countryAt(text, folded, unitMinistry ? unitMinistry.index + unitMinistry.length : end);
    let country = c?.code ?? unitMinistry?.country ?? null;
    if (c) end = c.end;
    else if (unitMinistry) end = unitMinistry.index + unitMinistry.length;
    if (best === unitHit) {
      const units = unitHit.values as Unit[];
      const u = units.find((x) => x.ministry.country === country) ?? units.find((x) => x.ministry.country === "VN") ?? units[0]!;
      country ??= u.ministry.country;
      return {
        ministry: { code: u.ministry.code, country: u.ministry.country, vi: u.ministry.vi, en: u.ministry.en, kind: u.ministry.kind },
        unit: { code: u.code, vi: u.vi, en: u.en },
        organization: null,
        country,
        explicitCountry: c !== null || unitMinistry?.explicitCountry === true,
        index: start,
        length: end - start,
        text: text.slice(start, end),
      };
    }
    const ministry = this.resolveMinistry(minHit!.values, country, ctx);
    if (!ministry) return null;
    return { ministry, unit: null, organization: null, country: ministry.country, explicitCountry: c !== null, index: start, length: end - start, text: text.slice(start, end) };
  }

  /** The name run starting at `pos`: capitalised words, initials, particles inside. */
  private nameAt(text: string, folded: string, pos: number): { name: string; index: number; end: number } | null {
    let at = pos;
    while (text.charCodeAt(at) === 32) at++;
    // "Công an tỉnh Thanh Hóa": after a division's name comes a place.
    const before = text.slice(Math.max(0, at - 12), at).toLowerCase();
    if (this.afterDivision.test(before)) return null;
    const words: string[] = [];
    let end = at;
    let cursor = at;
    for (;;) {
      const rest = text.slice(cursor);
      const m = NAME_WORD.exec(rest);
      if (m) {
        // An office or rank begins here: the name has ended.
        if (words.length && (this.g.offices.at(text, cursor, folded) || this.g.ranks.at(text, cursor, folded))) break;
        // A full stop ends an initial's run ("V.V."), not a word ("Trung.").
        const w = m[0];
        words.push(w.endsWith(".") && !INITIALS.test(w) ? w.slice(0, -1) : w);
        cursor += m[0].length;
        end = cursor;
      } else if (words.length) {
        const p = /^\p{Ll}+/u.exec(rest);
        if (p && PARTICLES.has(p[0]) && NAME_WORD.test(text.slice(cursor + p[0].length + 1))) {
          words.push(p[0]);
          cursor += p[0].length;
        } else break;
      } else break;
      const gap = gapAt(text, cursor);
      if (!gap) break;
      cursor += gap;
      if (words.length >= 6) break;
    }
    while (words.length && PARTICLES.has(words[words.length - 1]!)) words.pop();
    if (!words.length) return null;
    const name = words.join(" ").replace(/\.$/, "");
    return { name, index: at, end };
  }

  private isNameLike(name: string, text: string, folded: string, index: number): boolean {
    const words = name.split(" ");
    if (NOT_NAME_START.has((words[0] ?? "").toLowerCase())) return false;
    if (this.g.countryNames.at(text, index, folded) && !this.g.known.has(fold(name))) {
      // "Trung Quốc …" is a country, unless the name merely begins like one.
      const hit = this.g.countryNames.at(text, index, folded)!;
      if (hit.length >= name.length - 1) return false;
    }
    if (this.g.ministryNames.at(text, index, folded) || this.g.organizations.at(text, index, folded)) return false;
    if (words.length === 1) return !looksVietnamese(name) && name.length >= 4 && !/^\p{Lu}+$/u.test(name);
    return true;
  }

  /** The anchor that starts at `pos` (after spaces), if any. */
  private anchorAt(sc: SentenceScan, pos: number): Anchor | undefined {
    let p = pos;
    while (sc.text.charCodeAt(p) === 32) p++;
    return sc.anchors.find((a) => a.index === p);
  }

  /** The descriptor chain an anchor starts: rank, offices with their organisation and country, and the anchors that follow. */
  private readChain(sc: SentenceScan, start: Anchor): Chain {
    const { text, folded, ctx, orgs } = sc;
    const chain: Chain = { rank: null, offices: [], officeCodes: [], org: null, country: null, international: false, end: start.index };
    let a: Anchor | undefined = start;
    while (a) {
      let end: number = a.index + a.length;
      if (a.kind === "rank") chain.rank ??= a.rank!;
      if (a.kind === "office") {
        const office = a.office!;
        const org = this.orgAt(text, folded, end, ctx, true);
        let written = text.slice(a.index, end);
        if (org) {
          end = org.index + org.length;
          written = text.slice(a.index, end);
          orgs.push(org);
          chain.org ??= org;
          if (org.organization) chain.international = true;
          if (org.explicitCountry || org.organization === null) chain.country ??= org.explicitCountry ? org.country : null;
        } else {
          // "Ngoại trưởng Hoa Kỳ", "Chủ tịch Cuba", "Đại sứ Việt Nam tại Pháp", "… Thành phố Trùng Khánh, Trung Quốc"
          const c = this.countryAt(text, folded, end);
          if (c) {
            chain.country ??= c.code;
            end = c.end;
            written = text.slice(a.index, end);
          } else if (office.takesOrg && ORG_HEAD.test(text.slice(end))) {
            // An organisation the gazetteer does not know: its words up to a country (within a clause).
            const words = /^(?:\s+[\p{L}\p{M}&-]+){1,14}/u.exec(text.slice(end))?.[0] ?? "";
            for (const w of words.matchAll(/\s+(?=\S)/gu)) {
              const c2 = w.index > 0 ? this.countryAt(text, folded, end + w.index + w[0].length) : null;
              if (c2) {
                chain.country ??= c2.code;
                end = c2.end;
                written = text.slice(a.index, end);
                break;
              }
            }
          }
        }
        chain.offices.push(written.trim());
        chain.officeCodes.push(office.code);
      }
      const party = /^\s+(?:Ban Chấp hành Trung ương\s+)?Đảng\s+(?:Cộng sản|Nhân dân Cách mạng|Nhân dân)\s+/u.exec(text.slice(end));
      if (party) {
        const c = this.countryAt(text, folded, end + party[0].length);
        if (c) {
          chain.country ??= c.code;
          end = c.end;
          chain.offices[chain.offices.length - 1] = text.slice(a.index, end).trim();
        }
      }
      chain.end = end;
      // "tại Trung Quốc" after an ambassador: where, not whose.
      const at = /^\s+tại\s+/u.exec(text.slice(end));
      if (at) {
        const c = this.countryAt(text, folded, end + at[0].length);
        if (c) chain.end = end = c.end;
      }
      // ", Trung Quốc" closing a descriptor.
      const comma = /^\s*,\s*/u.exec(text.slice(end));
      if (comma) {
        const c = this.g.countryNames.at(text, end + comma[0].length, folded);
        if (c && !/^\s*\p{Lu}/u.test(text.slice(c.index + c.length, c.index + c.length + 2))) {
          chain.country ??= c.values[0]!.code;
          chain.end = end = c.index + c.length;
        }
      }
      const next = this.anchorAt(sc, end);
      if (next) {
        a = next;
        continue;
      }
      // "của Chủ tịch nước, Bộ trưởng Tô Lâm": an office after "của" names someone else.
      const possessive = PREPOSITION_BEFORE.test(text.slice(0, start.index));
      const conn = possessive ? null : CONNECTOR.exec(text.slice(end));
      const after: Anchor | undefined = conn ? this.anchorAt(sc, end + conn[0].length) : undefined;
      if (conn && after) {
        a = after;
        continue;
      }
      a = undefined;
    }
    return chain;
  }

  recognize(text: string, ctx: RecognizeContext, folded = foldAligned(text)): SentenceFacts {
    const persons: PersonMention[] = [];
    const orgs: OrgRef[] = [];
    const taken: [number, number][] = [];

    // Anchors in text order; each starts a descriptor chain that may end in a name.
    const anchors: Anchor[] = [];
    for (const h of this.g.ranks.find(text, folded)) anchors.push({ index: h.index, length: h.length, kind: "rank", rank: h.values[0]!, office: null });
    for (const h of this.g.offices.find(text, folded)) anchors.push({ index: h.index, length: h.length, kind: "office", rank: null, office: h.values[0]! });
    for (const h of this.g.honorifics.find(text, folded)) anchors.push({ index: h.index, length: h.length, kind: "honorific", rank: null, office: null });
    anchors.sort((a, b) => a.index - b.index || b.length - a.length);
    const sc: SentenceScan = { text, folded, ctx, anchors, orgs };

    let i = 0;
    while (i < anchors.length) {
      const start = anchors[i]!;
      if (overlapsAny(taken, start.index, start.index + start.length)) {
        i++;
        continue;
      }
      const chain = this.readChain(sc, start);
      const nm = this.nameAt(text, folded, chain.end);
      if (nm && nm.index - chain.end <= 2 && this.isNameLike(nm.name, text, folded, nm.index)) {
        const person: PersonMention = {
          rank: chain.rank,
          offices: chain.offices,
          officeCodes: chain.officeCodes,
          org: chain.org,
          country: chain.country,
          international: chain.international,
          name: nm.name,
          start: start.index,
          end: nm.end,
          index: nm.index,
          length: nm.end - nm.index,
          anchored: chain.rank ? "rank" : chain.offices.length ? "office" : "honorific",
        };
        let end = nm.end;
        // Trailing appositives: ", Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an" (until a chain that names someone else).
        for (;;) {
          const conn = /^\s*(?:,|-|–|—|\(|là)\s*/u.exec(text.slice(end));
          const next = conn ? this.anchorAt(sc, end + conn[0].length) : undefined;
          if (!conn || !next || next.kind === "honorific") break;
          const tail = this.readChain(sc, next);
          const other = this.nameAt(text, folded, tail.end);
          if (other && other.index - tail.end <= 2 && this.isNameLike(other.name, text, folded, other.index)) break;
          if (tail.rank) person.rank ??= tail.rank;
          person.offices.push(...tail.offices);
          person.officeCodes.push(...tail.officeCodes);
          person.org ??= tail.org;
          person.country ??= tail.country;
          person.international ||= tail.international;
          end = tail.end;
        }
        person.end = end;
        persons.push(person);
        taken.push([start.index, end]);
        while (i < anchors.length && anchors[i]!.index < end) i++;
        continue;
      }
      i++;
    }

    // Free-standing organisations and countries (outside people's names).
    for (const h of [...this.g.ministryNames.find(text, folded), ...this.g.units.find(text, folded), ...this.g.organizations.find(text, folded)]) {
      if (inName(persons, h.index, h.index + h.length) || orgs.some((o) => h.index >= o.index && h.index < o.index + o.length)) continue;
      const org = this.orgAt(text, folded, h.index, ctx);
      if (org) orgs.push(org);
    }
    const countries: CountryMention[] = [];
    for (const h of this.g.countryNames.find(text, folded)) {
      if (inName(persons, h.index, h.index + h.length)) continue;
      const attached = taken.some(([a, b]) => h.index >= a && h.index < b) || orgs.some((o) => h.index >= o.index && h.index < o.index + o.length);
      countries.push({ code: h.values[0]!.code, index: h.index, length: h.length, attached });
    }
    // "Việt - Trung", "Việt-Nga": one-syllable forms in pairs.
    for (const m of dashedPairs(text)) {
      const a = this.g.countryShort.get(fold(m.first));
      const b = this.g.countryShort.get(fold(m.second));
      if (a && b) for (const c of [a, b]) countries.push({ code: c.code, index: m.index, length: m.length, attached: false });
    }
    const places = this.g.places
      .find(text, folded)
      .filter((h) => !inName(persons, h.index, h.index + h.length))
      .map((h) => ({ name: h.text, country: h.values[0]!.code, index: h.index }));
    return { countries, orgs, persons, places };
  }
}

// Vietnamese (and Sino-Vietnamese) syllables: no f, j, w, z; a vowel; a Vietnamese final.
const VI_SYLLABLE = /^(?:[bcdđghklmnpqrstvx]|ch|gh|gi|kh|ng|ngh|nh|ph|qu|th|tr)?[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}(?:c|ch|m|n|ng|nh|p|t)?$/u;
export function looksVietnamese(name: string): boolean {
  return name.split(/\s+/).every((w) => VI_SYLLABLE.test(w.toLowerCase()));
}
