/**
 * Where nodes go without a layout run: a new node beside the neighbours already placed (a container beside its
 * network, a port beside its container), else on a ring around the graph; after a layout or on Fit, the parts
 * packed (arrange.ts); and, for the layout's copy only, a hidden hub per compose project that keeps it together.
 */
import type Graph from 'graphology';
import type { GraphEdge, GraphNode } from '../src/topology/protocol';
import { arrange, type ArrangeNode } from './arrange';
import { typicalEdgeLength } from './clearPlacement';
import type { EdgeAttrs, NodeAttrs } from './graphView';

type G = Graph<NodeAttrs, EdgeAttrs>;

/**
 * Positions for new nodes: next to a neighbour already placed (a new container beside its network, a port
 * beside its container), otherwise on a ring around the graph. Nothing else moves.
 */
export function seedPositions(
  graph: G,
  nodes: GraphNode[],
  edges: GraphEdge[],
  attrs: (n: GraphNode, x: number, y: number) => NodeAttrs,
): void {
  if (!nodes.length) return;
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const pending = new Map(nodes.map((n) => [n.id, n]));
  const { cx, cy, r } = extent(graph);
  const networks = nodes.filter((n) => n.kind === 'network');
  networks.forEach((n, i) => {
    if (neighbours.get(n.id)?.some((m) => graph.hasNode(m))) return;
    const angle = (2 * Math.PI * i) / Math.max(1, networks.length);
    const radius = graph.order === 0 ? 10 * Math.sqrt(networks.length) : r * 1.1;
    graph.addNode(n.id, attrs(n, cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)));
    pending.delete(n.id);
  });
  // Place the rest in waves: each wave places nodes with a placed neighbour.
  for (let wave = 0; pending.size && wave < 4; wave++) {
    for (const n of [...pending.values()]) {
      const placed = (neighbours.get(n.id) ?? []).filter((m) => graph.hasNode(m));
      if (!placed.length && wave < 3) continue;
      let x = cx;
      let y = cy;
      if (placed.length) {
        x = 0;
        y = 0;
        for (const m of placed) {
          x += graph.getNodeAttribute(m, 'x');
          y += graph.getNodeAttribute(m, 'y');
        }
        x /= placed.length;
        y /= placed.length;
      }
      const spread = n.kind === 'port' ? 0.6 : 2 + Math.random() * 2;
      const a = Math.random() * 2 * Math.PI;
      graph.addNode(n.id, attrs(n, x + spread * Math.cos(a), y + spread * Math.sin(a)));
      pending.delete(n.id);
    }
  }
}

function extent(graph: G): { cx: number; cy: number; r: number } {
  if (graph.order === 0) return { cx: 0, cy: 0, r: 10 };
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  graph.forEachNode((_id, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, r: Math.max(10, (maxX - minX) / 2, (maxY - minY) / 2) };
}

/**
 * For the layout only: a hidden hub per compose project, tied to its networks and containers, so each project
 * settles in one place and its frame encloses its own members (the drawn graph has no such node).
 */
export function pullProjectsTogether(copy: G): void {
  const members = new Map<string, string[]>();
  copy.forEachNode((id, a) => {
    if (a.data.project && a.data.kind !== 'port')
      (members.get(a.data.project) ?? members.set(a.data.project, []).get(a.data.project)!).push(id);
  });
  for (const [project, ids] of members) {
    if (ids.length < 2) continue;
    const hub = `layout-hub:${project}`;
    const x = ids.reduce((s, id) => s + copy.getNodeAttribute(id, 'x'), 0) / ids.length;
    const y = ids.reduce((s, id) => s + copy.getNodeAttribute(id, 'y'), 0) / ids.length;
    copy.addNode(hub, { x, y, size: 1 } as NodeAttrs);
    for (const id of ids) copy.addEdge(hub, id, { size: 1, weight: 0.2 } as unknown as EdgeAttrs); // a light pull
  }
}

const KIND_RANK: Record<GraphNode['kind'], number> = { network: 0, service: 1, container: 1, port: 2 };

/**
 * Packs the connected parts and lines up the nodes without edges (see arrange.ts); with a filter, only what it
 * shows (the rest keeps its place), so a filtered view fills the canvas too. The filtered packing goes to the right
 * of the nodes it hides: packed from the same corner as the whole drawing, a shown network landed on a hidden node
 * (its container, which a patch later brought into the view under the network's square).
 */
export function arrangeGraph(graph: G, isVisible: (id: string) => boolean, aspect: number): void {
  const nodes: ArrangeNode[] = [];
  graph.forEachNode((id, a) => {
    if (isVisible(id)) nodes.push({ id, x: a.x, y: a.y, sortKey: `${KIND_RANK[a.data.kind]} ${a.label}` });
  });
  const edges: Array<[string, string]> = [];
  graph.forEachEdge((_e, _a, s, t) => {
    if (isVisible(s) && isVisible(t)) edges.push([s, t]);
  });
  const placed = arrange({ nodes, edges, aspect });
  if (nodes.length < graph.order) besideTheRest(graph, isVisible, placed);
  graph.updateEachNodeAttributes(
    (id, a) => {
      const p = placed.get(id);
      if (p) {
        a.x = p.x;
        a.y = p.y;
      }
      return a;
    },
    { attributes: ['x', 'y'] },
  );
}

/** Moves the packed visible nodes right of the hidden ones, tops aligned, a typical edge length and a half apart. */
function besideTheRest(
  graph: G,
  isVisible: (id: string) => boolean,
  placed: Map<string, { x: number; y: number }>,
): void {
  let hiddenMaxX = -Infinity;
  let hiddenMaxY = -Infinity;
  graph.forEachNode((id, a) => {
    if (isVisible(id)) return;
    hiddenMaxX = Math.max(hiddenMaxX, a.x);
    hiddenMaxY = Math.max(hiddenMaxY, a.y);
  });
  if (hiddenMaxX === -Infinity || !placed.size) return;
  const ps = [...placed.values()];
  const dx = hiddenMaxX + 1.5 * typicalEdgeLength(graph) - ps.reduce((m, p) => Math.min(m, p.x), Infinity);
  const dy = hiddenMaxY - ps.reduce((m, p) => Math.max(m, p.y), -Infinity);
  for (const p of ps) {
    p.x += dx;
    p.y += dy;
  }
}
