/** Search and filters: which nodes stay visible. Pure over the graphology graph, so it is cheap to re-run. */
import type Graph from 'graphology';
import type { GraphNode } from '../src/topology/protocol';

export interface FilterState {
  text: string;
  driver: string;
  /** A network node id. */
  network: string;
  project: string;
}

export const NO_FILTER: FilterState = { text: '', driver: '', network: '', project: '' };

type G = Graph<{ data: GraphNode }>;

/** A network, its containers and their published ports. */
function networkNeighbourhood(g: G, networkIds: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of networkIds) {
    if (!g.hasNode(id)) continue;
    out.add(id);
    for (const c of g.neighbors(id)) {
      if (g.getNodeAttribute(c, 'data').kind !== 'container') continue;
      out.add(c);
      for (const p of g.neighbors(c)) if (g.getNodeAttribute(p, 'data').kind === 'port') out.add(p);
    }
  }
  return out;
}

export function computeVisible(g: G, f: FilterState): Set<string> | null {
  const sets: Set<string>[] = [];
  if (f.network) sets.push(networkNeighbourhood(g, [f.network]));
  if (f.driver)
    sets.push(
      networkNeighbourhood(
        g,
        g.filterNodes((_id, a) => a.data.kind === 'network' && a.data.driver === f.driver),
      ),
    );
  if (f.project) sets.push(new Set(g.filterNodes((_id, a) => a.data.project === f.project)));
  const text = f.text.trim().toLowerCase();
  if (text) {
    const hits = new Set<string>();
    g.forEachNode((id, a) => {
      if (a.data.label.toLowerCase().includes(text)) {
        hits.add(id);
        for (const n of g.neighbors(id)) hits.add(n); // keep what a match is attached to in sight
      }
    });
    sets.push(hits);
  }
  if (!sets.length) return null;
  const [first, ...rest] = sets;
  return new Set([...first].filter((id) => rest.every((s) => s.has(id))));
}

/** Options for the driver, network and project filters, from the nodes present. */
export function filterOptions(g: G): {
  drivers: string[];
  networks: Array<{ id: string; label: string }>;
  projects: string[];
} {
  const drivers = new Set<string>();
  const projects = new Set<string>();
  const networks: Array<{ id: string; label: string }> = [];
  g.forEachNode((id, a) => {
    if (a.data.kind === 'network') {
      if (a.data.driver) drivers.add(a.data.driver);
      networks.push({ id, label: a.data.label });
    }
    if (a.data.project) projects.add(a.data.project);
  });
  return {
    drivers: [...drivers].sort(),
    networks: networks.sort((a, b) => a.label.localeCompare(b.label)),
    projects: [...projects].sort(),
  };
}
