// Small Int32Arrays carved out of shared blocks. A typed array of its own
// allocates a backing store: 1–2.6 µs for a few hundred numbers here, more
// than cutting the sentence it is made for takes. A view on a block costs an
// object. A block is freed by the garbage collector once no view on it is
// left: the scans kept are the last few dozen (phrases.ts), so the blocks alive
// are those scans' worth.

const BLOCK = 1 << 16;
/** Longer arrays get a backing store of their own: the rest of a block would go unused. */
const LONGEST = BLOCK >> 4;

let block = new Int32Array(BLOCK);
let used = 0;

/** A zero-filled Int32Array of n numbers, of its own to keep (never handed out again). */
export function int32s(n: number): Int32Array {
  if (n > LONGEST) return new Int32Array(n);
  if (used + n > BLOCK) {
    block = new Int32Array(BLOCK);
    used = 0;
  }
  const out = block.subarray(used, used + n);
  used += n;
  return out;
}
