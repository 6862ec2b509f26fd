// The trie of every dictionary's phrases over syllable numbers, kept flat in
// typed arrays: a sentence's walk reads a few numbers per syllable instead of
// following objects and maps scattered through the heap.
//
// Nodes are numbered from 0. A first syllable leads to its node through
// `rootOf`; a node's child for a syllable is found in one open-addressing
// table keyed by (node, syllable); the phrases that end at a node are a list
// through `endNext`, each with its dictionary and its entry.

/** By syllable number: its node at the trie's first level, plus one (0: none). */
let roots = new Int32Array(1024);
/** By node: how many children it has, and the first phrase ending there (-1: none). */
let children = new Int32Array(1024);
let endHead = new Int32Array(1024).fill(-1);
let nodeCount = 0;

/** The phrases ending at nodes: their dictionary, their entry, the next one at the same node. */
export const endMatcher: number[] = [];
export const endEntry: unknown[] = [];
export const endNext: number[] = [];

// Edges (node, syllable) → child, by open addressing; a free slot has node -1.
let edgeNode = new Int32Array(1 << 12).fill(-1);
let edgeSyllable = new Int32Array(1 << 12);
let edgeChild = new Int32Array(1 << 12);
let edgeCount = 0;

function edgeSlot(node: number, syllable: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(syllable, 0x85ebca77)) & mask;
}

/** The node at the first level for a syllable, or -1. */
export function rootOf(syllable: number): number {
  return syllable < roots.length ? roots[syllable]! - 1 : -1;
}

/** Whether a node has children at all. */
export function hasChildren(node: number): boolean {
  return children[node]! > 0;
}

/** The child of a node for a syllable, or -1. */
export function childOf(node: number, syllable: number): number {
  const mask = edgeNode.length - 1;
  for (let slot = edgeSlot(node, syllable, mask); ; slot = (slot + 1) & mask) {
    const n = edgeNode[slot]!;
    if (n === -1) return -1;
    if (n === node && edgeSyllable[slot] === syllable) return edgeChild[slot]!;
  }
}

/** The first phrase ending at a node (an index into the end lists), or -1. */
export function firstEnd(node: number): number {
  return endHead[node]!;
}

function newNode(): number {
  if (nodeCount === children.length) {
    const grownChildren = new Int32Array(nodeCount * 2);
    grownChildren.set(children);
    children = grownChildren;
    const grownEnds = new Int32Array(nodeCount * 2).fill(-1);
    grownEnds.set(endHead);
    endHead = grownEnds;
  }
  return nodeCount++;
}

function putEdge(node: number, syllable: number, child: number): void {
  const mask = edgeNode.length - 1;
  let slot = edgeSlot(node, syllable, mask);
  while (edgeNode[slot] !== -1) slot = (slot + 1) & mask;
  edgeNode[slot] = node;
  edgeSyllable[slot] = syllable;
  edgeChild[slot] = child;
}

function addEdge(node: number, syllable: number, child: number): void {
  if ((edgeCount + 1) * 2 > edgeNode.length) {
    const [nodes, syllables, childs] = [edgeNode, edgeSyllable, edgeChild];
    edgeNode = new Int32Array(nodes.length * 2).fill(-1);
    edgeSyllable = new Int32Array(nodes.length * 2);
    edgeChild = new Int32Array(nodes.length * 2);
    for (let i = 0; i < nodes.length; i++) if (nodes[i] !== -1) putEdge(nodes[i]!, syllables[i]!, childs[i]!);
  }
  putEdge(node, syllable, child);
  edgeCount++;
  children[node] = children[node]! + 1;
}

/** Adds a phrase (its syllable numbers, each above 0) for a dictionary. */
export function addPhrase(ids: readonly number[], matcher: number, entry: unknown): void {
  const head = ids[0]!;
  if (head >= roots.length) {
    const grown = new Int32Array(Math.max(head + 1, roots.length * 2));
    grown.set(roots);
    roots = grown;
  }
  let node = roots[head]! - 1;
  if (node < 0) {
    node = newNode();
    roots[head] = node + 1;
  }
  for (let i = 1; i < ids.length; i++) {
    let child = childOf(node, ids[i]!);
    if (child < 0) {
      child = newNode();
      addEdge(node, ids[i]!, child);
    }
    node = child;
  }
  endNext.push(endHead[node]!);
  endHead[node] = endMatcher.push(matcher) - 1;
  endEntry.push(entry);
}
