// Finds dictionary phrases in a sentence: longest match first, ignoring case,
// diacritics and tone-mark style, on word boundaries.
//
// A phrase is a sequence of folded syllables (runs of letters and digits),
// kept in a trie over syllable numbers shared by every dictionary. A text is
// cut into syllables once (the last few texts are remembered: each sentence
// is scanned by many dictionaries in turn); then at each syllable the trie is
// walked while the syllables follow one another across spaces only, and the
// deepest phrase wins.
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

interface Node<T> {
  next: Map<number, Node<T>> | null;
  /** The phrase that ends here, if one does. */
  entry: Entry<T> | null;
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

/** Syllable numbers, from 1, of every syllable any dictionary holds; others are 0. */
const syllables = new Map<string, number>();
const syllableId = (s: string) => {
  let id = syllables.get(s);
  if (id === undefined) syllables.set(s, (id = syllables.size + 1));
  return id;
};

/** A folded text cut into syllables. */
interface Cut {
  count: number;
  start: Int32Array;
  end: Int32Array;
  id: Int32Array;
  /** Whether only spaces stand between syllable k and k + 1. */
  joined: Uint8Array;
}

// Room to cut a text in, grown as needed; each cut keeps copies of its own size.
let room = { start: new Int32Array(256), end: new Int32Array(256), id: new Int32Array(256), joined: new Uint8Array(256) };

function cut(folded: string): Cut {
  const n = folded.length;
  if (room.start.length < n) room = { start: new Int32Array(n), end: new Int32Array(n), id: new Int32Array(n), joined: new Uint8Array(n) };
  const { start, end, id, joined } = room;
  let count = 0;
  let i = 0;
  while (i < n) {
    if (WORD[folded.charCodeAt(i)] !== 1) {
      i++;
      continue;
    }
    const s = i;
    while (i < n && WORD[folded.charCodeAt(i)] === 1) i++;
    const k = count++;
    start[k] = s;
    end[k] = i;
    id[k] = syllables.get(folded.slice(s, i)) ?? 0;
    let j = i;
    while (j < n && SPACE[folded.charCodeAt(j)] === 1) j++;
    joined[k] = j > i && j < n && WORD[folded.charCodeAt(j)] === 1 ? 1 : 0;
  }
  return { count, start: start.slice(0, count), end: end.slice(0, count), id: id.slice(0, count), joined: joined.slice(0, count) };
}

/** The syllable that starts exactly at `pos`, or -1. */
function syllableAt(c: Cut, pos: number): number {
  let lo = 0;
  let hi = c.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = c.start[mid]!;
    if (s === pos) return mid;
    if (s < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const recent = new Map<string, Cut>();
function cutOf(folded: string): Cut {
  let c = recent.get(folded);
  if (!c) {
    c = cut(folded);
    if (recent.size >= 16) recent.delete(recent.keys().next().value!);
    recent.set(folded, c);
  }
  return c;
}

export class PhraseMatcher<T> {
  private readonly byFolded = new Map<string, Entry<T>>();
  private readonly root: Node<T> = { next: new Map(), entry: null };
  /** Which syllables begin a phrase, by syllable number: most syllables of a text are passed over here. */
  private first = new Uint8Array(64);

  constructor(private readonly options: PhraseOptions = {}) {}

  add(phrase: string, value: T): this {
    const key = fold(phrase);
    if (!key) return this;
    let entry = this.byFolded.get(key);
    if (!entry) {
      entry = { key, values: [], capital: false, forms: new Set<string>() };
      this.byFolded.set(key, entry);
      const ids = key.split(" ").map(syllableId);
      if (ids[0]! >= this.first.length) {
        const grown = new Uint8Array(Math.max(ids[0]! + 1, this.first.length * 2));
        grown.set(this.first);
        this.first = grown;
      }
      this.first[ids[0]!] = 1;
      let node = this.root;
      for (const id of ids) {
        node.next ??= new Map();
        let child = node.next.get(id);
        if (!child) node.next.set(id, (child = { next: null, entry: null }));
        node = child;
      }
      node.entry = entry;
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

  /** The longest phrase starting at syllable k: its entry and the syllable it ends with. */
  private longest(c: Cut, k: number): { entry: Entry<T>; last: number } | null {
    const id = c.id[k]!;
    if (id >= this.first.length || this.first[id] !== 1) return null;
    let node = this.root.next!.get(id);
    let best: Entry<T> | null = null;
    let last = k;
    for (let j = k; node; ) {
      if (node.entry) {
        best = node.entry;
        last = j;
      }
      if (!node.next || c.joined[j] !== 1) break;
      j++;
      node = node.next.get(c.id[j]!);
    }
    return best ? { entry: best, last } : null;
  }

  /** Non-overlapping hits in text order; `folded` may be passed when already computed. */
  find(text: string, folded = foldAligned(text)): PhraseHit<T>[] {
    const c = cutOf(folded);
    const hits: PhraseHit<T>[] = [];
    for (let k = 0; k < c.count; k++) {
      const m = this.longest(c, k);
      if (!m) continue;
      const index = c.start[k]!;
      const end = c.end[m.last]!;
      const original = text.slice(index, end);
      // Refused here, the next try is at the next syllable.
      if (!this.accepts(m.entry, original)) continue;
      hits.push({ index, length: end - index, text: original, values: m.entry.values });
      k = m.last;
    }
    return hits;
  }

  /** The hit that starts exactly at `at` (after spaces), if any. */
  at(text: string, at: number, folded = foldAligned(text)): PhraseHit<T> | null {
    let start = at;
    while (start < text.length && text[start] === " ") start++;
    if (start >= folded.length) return null;
    const c = cutOf(folded);
    const k = syllableAt(c, start);
    if (k < 0) return null;
    const m = this.longest(c, k);
    if (!m) return null;
    const end = c.end[m.last]!;
    const original = text.slice(start, end);
    if (!this.accepts(m.entry, original)) return null;
    return { index: start, length: end - start, text: original, values: m.entry.values };
  }
}
