// Finds dictionary phrases in a sentence: longest match first, ignoring case,
// diacritics and tone-mark style, on word boundaries.
//
// A phrase is a sequence of folded syllables (runs of letters and digits),
// kept in one trie over syllable numbers shared by every dictionary. A text is
// cut into syllables and walked once for all dictionaries: at each syllable
// the trie is followed while the syllables follow one another across spaces
// only, and each dictionary keeps its deepest phrase there. The recent texts'
// scans are remembered, as each sentence is asked about by many readers.
import { int32s } from "./int32-blocks.ts";
import { addPhrase, childOf, endEntry, endMatcher, endNext, firstEnd, hasChildren, rootOf } from "./syllable-trie.ts";
import { fold, foldAligned, isUpperInitial, normalizeText } from "./text.ts";

export interface PhraseHit<T> {
  index: number;
  length: number;
  text: string;
  values: T[];
}

export interface PhraseOptions {
  /** Require a capital initial in the text where the phrase has one ("Anh", "Pháp"). */
  matchCapital?: boolean;
  /**
   * One-word phrases match only with their own diacritics: folded, "Bỉ"
   * (Belgium) would match "Bí thư" and "Lào" "Lao động".
   */
  exactOneWord?: boolean;
}

interface Entry<T> {
  key: string;
  values: T[];
  capital: boolean;
  forms: Set<string>;
}

/** Letters and digits of the BMP, as `[\p{L}\p{N}]` sees them: syllables are runs of them. */
const WORD = new Uint8Array(0x10000);
/** Whitespace as `\s` sees it: the only thing allowed between two syllables of a phrase. */
const SPACE = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const ch = String.fromCharCode(c);
  WORD[c] = /[\p{L}\p{N}]/u.test(ch) ? 1 : 0;
  SPACE[c] = /\s/.test(ch) ? 1 : 0;
}

// Texts scanned lately: each sentence is looked at by many readers in turn.
const recent = new Map<string, Scan>();
// The text last asked about: most questions in a row are about one sentence.
let lastText: string | null = null;
let lastScan: Scan | null = null;
/** Forgets every scan: a new syllable or phrase changes what a text's scan holds. */
function forget(): void {
  recent.clear();
  lastText = null;
  lastScan = null;
  positioned = null;
}

// Syllable numbers, from 1, of every syllable any dictionary holds; others
// are 0. An open-addressing table keyed by the characters themselves, so that
// a text's syllables are looked up where they stand, with no string made.
// Each slot keeps its syllable's hash next to its number (one memory read per
// probe): a probe that meets another syllable moves on without reading that
// syllable's characters. The characters are kept one syllable after another
// in one array, so that a match is checked without following a pointer to a
// string somewhere in the heap (the lookup is the hottest loop of a scan).
const syllables: string[] = [""];
/** Slot s: at 2s its syllable's number (0: free), at 2s + 1 that syllable's hash. */
let table = new Int32Array(2 << 12);
/** Syllable k's characters are chars[charsFrom[k], charsFrom[k + 1]). */
let chars = new Uint16Array(1 << 14);
let charsFrom = new Int32Array(1 << 12);

function hashOf(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** The number of the syllable s[from, to), or 0. */
function lookup(s: string, from: number, to: number): number {
  return lookupHashed(s, from, to, hashOf(s, from, to));
}

/** lookup, with the syllable's hash already worked out. */
function lookupHashed(s: string, from: number, to: number, h: number): number {
  const mask = (table.length >> 1) - 1;
  const n = to - from;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const id = table[2 * slot]!;
    if (id === 0) return 0;
    if (table[2 * slot + 1] !== h) continue;
    const at = charsFrom[id]!;
    if (charsFrom[id + 1]! - at !== n) continue;
    let i = 0;
    while (i < n && chars[at + i] === s.charCodeAt(from + i)) i++;
    if (i === n) return id;
  }
}

function place(id: number): void {
  const t = syllables[id]!;
  const mask = (table.length >> 1) - 1;
  const h = hashOf(t, 0, t.length);
  let slot = h & mask;
  while (table[2 * slot] !== 0) slot = (slot + 1) & mask;
  table[2 * slot] = id;
  table[2 * slot + 1] = h;
}

/** Files syllable `id` (the last one) in the character array. */
function keepChars(id: number): void {
  const t = syllables[id]!;
  if (id + 2 > charsFrom.length) {
    const grown = new Int32Array(charsFrom.length * 2);
    grown.set(charsFrom);
    charsFrom = grown;
  }
  const at = charsFrom[id]!;
  if (at + t.length > chars.length) {
    const grown = new Uint16Array(Math.max(chars.length * 2, at + t.length));
    grown.set(chars);
    chars = grown;
  }
  for (let i = 0; i < t.length; i++) chars[at + i] = t.charCodeAt(i);
  charsFrom[id + 1] = at + t.length;
}

const syllableId = (s: string) => {
  let id = lookup(s, 0, s.length);
  if (id === 0) {
    id = syllables.push(s) - 1;
    keepChars(id);
    if (syllables.length * 2 > table.length >> 1) {
      table = new Int32Array(table.length * 2);
      for (let i = 1; i < syllables.length; i++) place(i);
    } else place(id);
    // Texts cut before knew this syllable as 0.
    forget();
  }
  return id;
};

/**
 * A folded text cut into syllables: for syllable k, at 4k its start, 4k + 1
 * its end, 4k + 2 its number, 4k + 3 whether only spaces stand between it and
 * the next (1) or not (0).
 */
interface Cut {
  count: number;
  at: Int32Array;
}
const START = 0;
const END = 1;
const ID = 2;
const JOINED = 3;

// A text is cut here, then copied out at its size: scans are kept (see `recent`), so each one's arrays are made once.
let cutting = new Int32Array(4 * 256);

function cut(folded: string): Cut {
  const n = folded.length;
  let x = 0;
  let i = 0;
  while (i < n) {
    if (WORD[folded.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    const s = i;
    // The syllable's hash as hashOf works it out, on the way through its characters.
    let h = 0x811c9dc5;
    for (let c = folded.charCodeAt(i); i < n && WORD[c] === 1; c = folded.charCodeAt(++i)) h = Math.imul(h ^ c, 0x01000193);
    let j = i;
    while (j < n && SPACE[folded.charCodeAt(j)] === 1) j++;
    if (x + 4 > cutting.length) {
      const grown = new Int32Array(cutting.length * 2);
      grown.set(cutting);
      cutting = grown;
    }
    cutting[x] = s;
    cutting[x + 1] = i;
    cutting[x + 2] = lookupHashed(folded, s, i, h | 0);
    cutting[x + 3] = j > i && j < n && WORD[folded.charCodeAt(j)] === 1 ? 1 : 0;
    x += 4;
  }
  const at = int32s(x);
  at.set(cutting.subarray(0, x));
  return { count: x / 4, at };
}

/** The syllable that starts exactly at `pos`, or -1. */
function syllableAt(c: Cut, pos: number): number {
  let lo = 0;
  let hi = c.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = c.at[4 * mid + START]!;
    if (s === pos) return mid;
    if (s < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// Every dictionary shares one trie (./syllable-trie.ts): a text is walked once
// for all of them, and each dictionary's longest phrase at each syllable is kept for it.
let matcherCount = 0;

/**
 * A folded text cut into syllables, with every dictionary's candidates in text
 * order: its longest phrase at each syllable, as three numbers (the first
 * syllable, the last, and the phrase's place in the trie's end lists).
 * Dictionary d's are the triples from 3·from[d] to 3·from[d + 1] of
 * `candidates`, all dictionaries' in one array (d < matchers; a dictionary
 * made since has none).
 */
interface Scan {
  cut: Cut;
  matchers: number;
  from: Int32Array;
  candidates: Int32Array;
}
const FIRST = 0;
const LAST = 1;
const PHRASE = 2;

// Scratch for one walk: the deepest phrase per dictionary (-1: none), and the dictionaries touched.
let deepest = new Int32Array(0);
let deepestLast = new Int32Array(0);
let touched = new Int32Array(0);
// The walk's candidates as they come (dictionary, first, last, phrase), and how many each dictionary has.
let found = new Int32Array(4 * 256);
let perMatcher = new Int32Array(0);

function scan(folded: string): Scan {
  const c = cut(folded);
  if (deepest.length < matcherCount) {
    deepest = new Int32Array(matcherCount).fill(-1);
    deepestLast = new Int32Array(matcherCount);
    touched = new Int32Array(matcherCount);
    perMatcher = new Int32Array(matcherCount);
  }
  let total = 0;
  for (let k = 0; k < c.count; k++) {
    const id = c.at[4 * k + ID]!;
    if (id === 0) continue;
    let node = rootOf(id);
    let n = 0;
    for (let j = k; node >= 0; ) {
      for (let e = firstEnd(node); e >= 0; e = endNext[e]!) {
        const matcher = endMatcher[e]!;
        if (deepest[matcher] === -1) touched[n++] = matcher;
        deepest[matcher] = e;
        deepestLast[matcher] = j;
      }
      if (!hasChildren(node) || c.at[4 * j + JOINED] !== 1) break;
      j++;
      node = childOf(node, c.at[4 * j + ID]!);
    }
    if (4 * (total + n) > found.length) {
      const more = new Int32Array(Math.max(2 * found.length, 4 * (total + n)));
      more.set(found);
      found = more;
    }
    for (let t = 0; t < n; t++) {
      const m = touched[t]!;
      const x = 4 * total++;
      found[x] = m;
      found[x + 1] = k;
      found[x + 2] = deepestLast[m]!;
      found[x + 3] = deepest[m]!;
      perMatcher[m]!++;
      deepest[m] = -1;
    }
  }
  // Filed by dictionary, each one's in the order found (text order).
  const from = int32s(matcherCount + 1);
  let sum = 0;
  for (let d = 0; d < matcherCount; d++) {
    from[d] = sum;
    sum += perMatcher[d]!;
    perMatcher[d] = from[d]!;
  }
  from[matcherCount] = sum;
  const candidates = int32s(3 * total);
  for (let t = 0; t < total; t++) {
    const x = 4 * t;
    const at = 3 * perMatcher[found[x]!]!++;
    candidates[at + FIRST] = found[x + 1]!;
    candidates[at + LAST] = found[x + 2]!;
    candidates[at + PHRASE] = found[x + 3]!;
  }
  perMatcher.fill(0);
  return { cut: c, matchers: matcherCount, from, candidates };
}

let positioned: Scan | null = null;
let positionTurn = 0;
let firstTurn = new Int32Array(0);
let firstAt = new Int32Array(0);
let nextSame = new Int32Array(256);

function position(s: Scan): void {
  if (s === positioned) return;
  if (firstTurn.length < syllables.length) {
    firstTurn = new Int32Array(syllables.length * 2);
    firstAt = new Int32Array(syllables.length * 2);
  }
  const { count, at } = s.cut;
  if (nextSame.length < count) nextSame = new Int32Array(count * 2);
  positionTurn++;
  for (let k = count - 1; k >= 0; k--) {
    const id = at[4 * k + ID]!;
    nextSame[k] = firstTurn[id] === positionTurn ? firstAt[id]! : -1;
    firstTurn[id] = positionTurn;
    firstAt[id] = k;
  }
  positioned = s;
}

/** The first syllable with this number in the scan last positioned, or -1. */
function firstPosition(id: number): number {
  return firstTurn[id] === positionTurn ? firstAt[id]! : -1;
}

// An article's texts are asked about again within a few dozen others: over
// the corpora, keeping 512 saved 59 of 2,131 scans, and kept eight times as
// many alive for the garbage collector to carry.
const RECENT = 64;
function scanOf(folded: string): Scan {
  if (folded === lastText) return lastScan!;
  let s = recent.get(folded);
  if (!s) {
    s = scan(folded);
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    recent.set(folded, s);
  }
  lastText = folded;
  lastScan = s;
  return s;
}

/** The number of a folded syllable, to ask whether a text holds it (see `syllablesIn`). */
export const syllableNumber = syllableId;

/**
 * One step of a syllable pattern: a run of words (syllable numbers), or a
 * choice, tried in order, of such runs and of dictionaries (their longest
 * phrase), which may be optional. Steps follow one another across spaces only.
 */
export type PatternStep = { words: number[] } | { choices: (number[] | PhraseMatcher<unknown>)[]; optional: boolean };

/** The syllable after a run of words starting at syllable k, or -1. */
function wordsAt(c: Cut, ids: readonly number[], k: number): number {
  const n = ids.length;
  if (k + n > c.count) return -1;
  for (let j = 0; j < n; j++) {
    if (c.at[4 * (k + j) + ID] !== ids[j]) return -1;
    if (j < n - 1 && c.at[4 * (k + j) + JOINED] !== 1) return -1;
  }
  return k + n;
}

/** The syllable after steps t… matched from syllable k, or -1 (choices tried in order, as a pattern would). */
function stepsAt(s: Scan, steps: readonly PatternStep[], t: number, k: number): number {
  if (t === steps.length) return k;
  const step = steps[t]!;
  if ("words" in step) return nextSteps(s, steps, t, wordsAt(s.cut, step.words, k));
  for (const choice of step.choices) {
    const end = nextSteps(s, steps, t, Array.isArray(choice) ? wordsAt(s.cut, choice, k) : choice.endAt(s, k));
    if (end >= 0) return end;
  }
  return step.optional ? stepsAt(s, steps, t + 1, k) : -1;
}

/** After step t ended before syllable `end` (or failed, -1): the steps after it, across spaces only. */
function nextSteps(s: Scan, steps: readonly PatternStep[], t: number, end: number): number {
  if (end < 0) return -1;
  if (t + 1 === steps.length) return end;
  if (end >= s.cut.count || s.cut.at[4 * (end - 1) + JOINED] !== 1) return -1;
  return stepsAt(s, steps, t + 1, end);
}

/**
 * Where a folded text matches a pattern of steps, left to right and never
 * overlapping, as the same pattern written as a regular expression over whole
 * words would; null for a text with characters outside the BMP, whose letters
 * the syllables here do not see. Dictionaries may only stand in the last step.
 */
export function patternRuns(folded: string, steps: readonly PatternStep[]): { index: number; length: number }[] | null {
  if (OTHER_PLANES.test(folded)) return null;
  const s = scanOf(folded);
  const { count, at } = s.cut;
  const out: { index: number; length: number }[] = [];
  const opening = openingsOf(steps);
  if (!opening) {
    for (let k = 0; k < count; ) {
      const end = stepsAt(s, steps, 0, k);
      if (end <= k) {
        k++;
        continue;
      }
      pushRun(out, at, k, end);
      k = end;
    }
    return out;
  }
  // Only where an opening syllable stands can a match start: those places, in text order.
  position(s);
  const starts: number[] = [];
  for (const id of opening) for (let k = firstPosition(id); k >= 0; k = nextSame[k]!) starts.push(k);
  if (opening.length > 1) starts.sort((a, b) => a - b);
  let free = 0;
  for (const k of starts) {
    if (k < free) continue;
    const end = stepsAt(s, steps, 0, k);
    if (end <= k) continue;
    pushRun(out, at, k, end);
    free = end;
  }
  return out;
}
const OTHER_PLANES = /[\uD800-\uDFFF]/;

/** The run from syllable k to the one before `end`, as a place in the text. */
function pushRun(out: { index: number; length: number }[], at: Int32Array, k: number, end: number): void {
  const index = at[4 * k + START]!;
  out.push({ index, length: at[4 * (end - 1) + END]! - index });
}

/** The syllables a match of the steps can open with (each once); null when a dictionary may open it. */
const openings = new WeakMap<readonly PatternStep[], number[] | null>();
function openingsOf(steps: readonly PatternStep[]): number[] | null {
  let ids = openings.get(steps);
  if (ids === undefined) {
    const step = steps[0]!;
    const runs = "words" in step ? [step.words] : step.optional ? null : step.choices;
    ids = runs && runs.every((r) => Array.isArray(r)) ? [...new Set((runs as number[][]).map((r) => r[0]!))] : null;
    openings.set(steps, ids);
  }
  return ids;
}

// The syllables of the text last asked about by holdsEach, stamped with its turn:
// a cue's needs are then array reads, with no set made per sentence.
let marks = new Int32Array(0);
let turn = 0;
let stamped: Scan | null = null;

/** Whether a folded text holds, as whole syllables, one of each list of numbered syllables. */
export function holdsEach(folded: string, needs: readonly (readonly number[])[]): boolean {
  const s = scanOf(folded);
  if (s !== stamped || marks.length < syllables.length) {
    if (marks.length < syllables.length) marks = new Int32Array(syllables.length * 2);
    turn++;
    for (let k = 0; k < s.cut.count; k++) marks[s.cut.at[4 * k + ID]!] = turn;
    stamped = s;
  }
  for (const any of needs) {
    let found = false;
    for (let i = 0; i < any.length && !found; i++) found = marks[any[i]!] === turn;
    if (!found) return false;
  }
  return true;
}

/**
 * Items each filed under syllables one of which it needs (an item with none is
 * always a candidate): a text's candidates are the items filed under one of its
 * syllables, so that a sentence is not tried against every item in turn.
 */
export class SyllableIndex {
  // The items filed under syllable id: filedItems[filedFrom[id] … filedFrom[id + 1]).
  private readonly filedFrom: Int32Array;
  private readonly filedItems: Int32Array;
  private readonly always: number[] = [];
  private readonly seen: Int32Array;
  private turn = 0;

  /** `needs[i]`: the syllable numbers of which item i needs one. */
  constructor(needs: readonly (readonly number[])[]) {
    const pairs: [number, number][] = [];
    needs.forEach((any, i) => {
      if (!any.length) this.always.push(i);
      for (const id of new Set(any)) pairs.push([id, i]);
    });
    const top = Math.max(0, ...pairs.map(([id]) => id)) + 1;
    this.filedFrom = new Int32Array(top + 1);
    for (const [id] of pairs) this.filedFrom[id + 1]!++;
    for (let id = 0; id < top; id++) this.filedFrom[id + 1]! += this.filedFrom[id]!;
    this.filedItems = new Int32Array(pairs.length);
    const next = this.filedFrom.slice(0, top);
    for (const [id, i] of pairs.sort((a, b) => a[1] - b[1])) this.filedItems[next[id]!++] = i;
    this.seen = new Int32Array(needs.length);
  }

  /** The numbers of the items filed under a syllable of the folded text, ascending. */
  candidates(folded: string): number[] {
    const { count, at } = scanOf(folded).cut;
    const { filedFrom, filedItems, seen } = this;
    const top = filedFrom.length - 1;
    const turn = ++this.turn;
    const out = this.always.slice();
    for (const i of out) seen[i] = turn;
    for (let k = 0; k < count; k++) {
      const id = at[4 * k + ID]!;
      if (id >= top) continue;
      for (let f = filedFrom[id]!, to = filedFrom[id + 1]!; f < to; f++) {
        const i = filedItems[f]!;
        if (seen[i] === turn) continue;
        seen[i] = turn;
        // In order as they come: a sentence has few.
        let j = out.length;
        out.push(i);
        for (; j > 0 && out[j - 1]! > i; j--) out[j] = out[j - 1]!;
        out[j] = i;
      }
    }
    return out;
  }
}

export class PhraseMatcher<T> {
  private readonly byFolded = new Map<string, Entry<T>>();
  private readonly id = matcherCount++;

  constructor(private readonly options: PhraseOptions = {}) {}

  add(phrase: string, value: T): this {
    const key = fold(phrase);
    if (!key) return this;
    let entry = this.byFolded.get(key);
    if (!entry) {
      entry = { key, values: [], capital: false, forms: new Set<string>() };
      this.byFolded.set(key, entry);
      addPhrase(key.split(" ").map(syllableId), this.id, entry);
      // Texts scanned before knew nothing of this phrase.
      forget();
    }
    if (!entry.values.includes(value)) entry.values.push(value);
    entry.forms.add(normalizeText(phrase.trim()).toLowerCase());
    entry.capital ||= isUpperInitial(phrase.trim());
    return this;
  }

  /** Whether the text found for an entry may stand for it (capital, diacritics). */
  private accepts(entry: Entry<T>, original: string): boolean {
    if (this.options.matchCapital && entry.capital && !isUpperInitial(original)) return false;
    if (this.options.exactOneWord && !entry.key.includes(" ") && !entry.forms.has(original.toLowerCase())) return false;
    return true;
  }

  get size(): number {
    return this.byFolded.size;
  }

  /** Non-overlapping hits in text order; `folded` may be passed when already computed. */
  find(text: string, folded = foldAligned(text)): PhraseHit<T>[] {
    const s = scanOf(folded);
    const hits: PhraseHit<T>[] = [];
    if (this.id >= s.matchers) return hits;
    const candidates = s.candidates;
    let free = 0;
    for (let x = 3 * s.from[this.id]!, to = 3 * s.from[this.id + 1]!; x < to; x += 3) {
      const k = candidates[x + FIRST]!;
      if (k < free) continue;
      const last = candidates[x + LAST]!;
      const entry = endEntry[candidates[x + PHRASE]!] as Entry<T>;
      const index = s.cut.at[4 * k + START]!;
      const end = s.cut.at[4 * last + END]!;
      const original = text.slice(index, end);
      // Refused here, the next try is at the next syllable.
      if (!this.accepts(entry, original)) continue;
      hits.push({ index, length: end - index, text: original, values: entry.values });
      free = last + 1;
    }
    return hits;
  }

  /** The syllable after this dictionary's longest phrase starting at syllable k of a scan, or -1 (no capital or diacritic test). */
  endAt(s: Scan, k: number): number {
    const x = candidateAt(s, this.id, k);
    return x >= 0 ? s.candidates[x + LAST]! + 1 : -1;
  }

  /** The hit that starts exactly at `at` (after spaces), if any. */
  at(text: string, at: number, folded = foldAligned(text)): PhraseHit<T> | null {
    let start = at;
    while (text.charCodeAt(start) === 32) start++;
    if (start >= folded.length) return null;
    const s = scanOf(folded);
    const k = syllableAt(s.cut, start);
    if (k < 0) return null;
    const x = candidateAt(s, this.id, k);
    if (x < 0) return null;
    const entry = endEntry[s.candidates[x + PHRASE]!] as Entry<T>;
    const end = s.cut.at[4 * s.candidates[x + LAST]! + END]!;
    const original = text.slice(start, end);
    if (!this.accepts(entry, original)) return null;
    return { index: start, length: end - start, text: original, values: entry.values };
  }
}

/** Where dictionary d's candidate starting at syllable k stands in the scan's candidates (d's are in syllable order), or -1. */
function candidateAt(s: Scan, d: number, k: number): number {
  if (d >= s.matchers) return -1;
  const candidates = s.candidates;
  let lo = s.from[d]!;
  let hi = s.from[d + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = candidates[3 * mid + FIRST]!;
    if (at < k) lo = mid + 1;
    else if (at > k) hi = mid - 1;
    else return 3 * mid;
  }
  return -1;
}
