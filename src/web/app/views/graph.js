// Who met whom: from a list of events, the officials (or ministries) who took
// part in the same events, and how many events each pair shares.

/** The parties of an event for a network mode: officials or ministries, as {id, name, country}. */
export function partiesOf(event, mode) {
  return mode === "ministries"
    ? event.ministries.map((m) => ({ id: m.id, name: m.name_en && document.documentElement.lang === "en" ? m.name_en : m.name_vi, country: m.country }))
    : event.officials.map((o) => ({ id: o.id, name: o.name, country: o.country }));
}

/**
 * nodes: every party of an event with two or more parties, with its event count;
 * edges: every pair of parties of one such event, weighted by the events they share.
 */
export function coParticipation(events, mode) {
  const nodes = new Map();
  const edges = new Map();
  let used = 0;
  for (const event of events) {
    const parties = [...new Map(partiesOf(event, mode).map((p) => [p.id, p])).values()].sort((a, b) => a.id - b.id);
    if (parties.length < 2) continue;
    used++;
    for (const p of parties) {
      const node = nodes.get(p.id) ?? { ...p, events: 0 };
      node.events++;
      nodes.set(p.id, node);
    }
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) {
        const key = `${parties[i].id}-${parties[j].id}`;
        const edge = edges.get(key) ?? { source: parties[i].id, target: parties[j].id, weight: 0 };
        edge.weight++;
        edges.set(key, edge);
      }
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], events: used };
}
