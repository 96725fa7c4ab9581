/**
 * Where a node goes when no layout will run to move it: beside the nodes it is tied to (a container a patch adds,
 * beside its network; a container a patch brings into a filtered view, beside the network shown), one typical edge
 * length away, at the first angle where it lies clear of every other node. Without this, such a node kept a spot
 * picked for another view (or a few units from its network) and was drawn under its network's square.
 * Pure over the graph: reads positions and edges, writes the placed nodes' x and y, nothing else.
 */
import type Graph from 'graphology';
import type { EdgeAttrs, NodeAttrs } from './graphTypes';

type G = Graph<NodeAttrs, EdgeAttrs>;

/** Angles tried on each ring, and rings (each half an edge length farther out) before giving up on clearance. */
const ANGLES = 12;
const RINGS = 6;
/** How near (in typical edge lengths) another node may lie to a placed node. */
const CLEARANCE = 0.6;
/** A node already this near its anchors (in typical edge lengths), and clear, keeps its place. */
const NEAR_ENOUGH = 2;
/** Edges sampled for the typical length (a patch on a huge graph need not sort every edge). */
const SAMPLE = 2000;
const KIND_ORDER: Record<NodeAttrs['data']['kind'], number> = { network: 0, service: 1, container: 1, port: 2 };

/**
 * The (lower) median length of the edges whose ends are both placed (`skip`: nodes being placed); without any, two
 * and a half times the largest node size (sizes are graph units to the layout, which keeps nodes that far apart).
 */
export function typicalEdgeLength(graph: G, skip: ReadonlySet<string> = new Set()): number {
  const lengths: number[] = [];
  for (const { source, target, sourceAttributes: s, targetAttributes: t } of graph.edgeEntries()) {
    if (skip.has(source) || skip.has(target)) continue;
    const l = Math.hypot(s.x - t.x, s.y - t.y);
    if (l > 0) lengths.push(l);
    if (lengths.length >= SAMPLE) break;
  }
  lengths.sort((a, b) => a - b);
  if (lengths.length) return lengths[Math.floor((lengths.length - 1) / 2)];
  let size = 4;
  graph.forEachNode((_id, a) => void (size = Math.max(size, a.size)));
  return 2.5 * size;
}

/** Points bucketed in square cells of the clearance's size: "is any point nearer than d" looks at 9 cells. */
class PointGrid {
  private readonly cells = new Map<string, Array<[number, number]>>();
  constructor(private readonly d: number) {}

  private key(ix: number, iy: number): string {
    return `${ix},${iy}`;
  }

  add(x: number, y: number): void {
    const k = this.key(Math.floor(x / this.d), Math.floor(y / this.d));
    (this.cells.get(k) ?? this.cells.set(k, []).get(k)!).push([x, y]);
  }

  isClear(x: number, y: number): boolean {
    const ix = Math.floor(x / this.d);
    const iy = Math.floor(y / this.d);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const [px, py] of this.cells.get(this.key(ix + dx, iy + dy)) ?? [])
          if (Math.hypot(px - x, py - y) < this.d) return false;
    return true;
  }
}

const centroid = (graph: G, ids: readonly string[]): { x: number; y: number } => ({
  x: ids.reduce((s, id) => s + graph.getNodeAttribute(id, 'x'), 0) / ids.length,
  y: ids.reduce((s, id) => s + graph.getNodeAttribute(id, 'y'), 0) / ids.length,
});

/**
 * The first direction to try from an anchor: away from the anchor's other placed neighbours (into the open side),
 * straight down (y grows upwards) when it has none.
 */
function openAngle(graph: G, anchor: string, self: string, placed: (id: string) => boolean): number {
  const a = graph.getNodeAttributes(anchor);
  let vx = 0;
  let vy = 0;
  graph.forEachNeighbor(anchor, (m, b) => {
    if (m === self || !placed(m)) return;
    const l = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    vx += (b.x - a.x) / l;
    vy += (b.y - a.y) / l;
  });
  return Math.hypot(vx, vy) > 1e-9 ? Math.atan2(-vy, -vx) : -Math.PI / 2;
}

/**
 * Places each of `ids` beside its anchors (its neighbours for which `isAnchor` holds and that are not being placed,
 * or were placed before it): at their centre when two or more anchors leave it clear, else on rings around that
 * centre, one typical edge length out and farther, at the first angle clear of every other node. A node already
 * near its anchors and clear keeps its place; a node without anchors stays where it is. Networks go first, then
 * containers and services, then ports (a port follows its container).
 */
export function placeClear(graph: G, ids: readonly string[], isAnchor: (id: string) => boolean): void {
  const pending = new Set(ids.filter((id) => graph.hasNode(id)));
  if (!pending.size) return;
  const unit = typicalEdgeLength(graph, pending);
  const grid = new PointGrid(CLEARANCE * unit);
  graph.forEachNode((id, a) => {
    if (!pending.has(id)) grid.add(a.x, a.y);
  });
  const placed = (id: string): boolean => !pending.has(id);
  const order = [...pending].sort(
    (a, b) => KIND_ORDER[graph.getNodeAttribute(a, 'data').kind] - KIND_ORDER[graph.getNodeAttribute(b, 'data').kind],
  );
  for (const id of order) {
    const anchors = graph.neighbors(id).filter((m) => placed(m) && isAnchor(m));
    const at = graph.getNodeAttributes(id);
    let spot = { x: at.x, y: at.y };
    if (anchors.length) {
      const c = centroid(graph, anchors);
      const near = Math.hypot(at.x - c.x, at.y - c.y) <= NEAR_ENOUGH * unit;
      if (!(near && grid.isClear(at.x, at.y)))
        spot = ringSpot(c, anchors.length > 1, grid, unit, () => openAngle(graph, anchors[0], id, placed));
    }
    graph.mergeNodeAttributes(id, { x: spot.x, y: spot.y });
    pending.delete(id);
    grid.add(spot.x, spot.y);
  }
}

/** The centre itself when `centreFirst` and clear, else the first clear spot on the rings; the outermost tried. */
function ringSpot(
  c: { x: number; y: number },
  centreFirst: boolean,
  grid: PointGrid,
  unit: number,
  firstAngle: () => number,
): { x: number; y: number } {
  if (centreFirst && grid.isClear(c.x, c.y)) return c;
  const start = firstAngle();
  let last = c;
  for (let ring = 0; ring < RINGS; ring++) {
    const r = unit * (1 + ring / 2);
    for (let k = 0; k < ANGLES; k++) {
      // 0, +1, -1, +2, -2, ... steps from the open side
      const step = k % 2 ? (k + 1) / 2 : -k / 2;
      const a = start + (step * 2 * Math.PI) / ANGLES;
      last = { x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) };
      if (grid.isClear(last.x, last.y)) return last;
    }
  }
  return last;
}
