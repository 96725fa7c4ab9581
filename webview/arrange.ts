/**
 * Arranges the laid-out graph like a drawing: each connected part keeps the shape the force layout gave it, the
 * parts are packed in rows (largest first) to the canvas's proportions, and the nodes without any edge (host,
 * none, unused networks, containers without a network) sit in a compact grid under them instead of floating far
 * away and setting the scale. Pure: positions in, positions out.
 */

export interface ArrangeNode {
  id: string;
  x: number;
  y: number;
  /** Orders the nodes without edges (networks first, then by name). */
  sortKey: string;
}

export interface ArrangeInput {
  nodes: readonly ArrangeNode[];
  edges: ReadonlyArray<readonly [string, string]>;
  /** Canvas width / height, so the packing fills the panel. */
  aspect: number;
}

interface Part {
  ids: string[];
  minX: number;
  minY: number;
  w: number;
  h: number;
}

function components(nodes: readonly ArrangeNode[], edges: ArrangeInput['edges']): string[][] {
  const parent = new Map(nodes.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const [a, b] of edges) if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  const groups = new Map<string, string[]>();
  for (const n of nodes) {
    const root = find(n.id);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(n.id);
  }
  return [...groups.values()];
}

/** The typical distance between two connected nodes: the unit of gaps and grid cells. */
function edgeUnit(pos: Map<string, ArrangeNode>, edges: ArrangeInput['edges']): number {
  const lengths = edges
    .map(([a, b]) => {
      const p = pos.get(a);
      const q = pos.get(b);
      return p && q ? Math.hypot(p.x - q.x, p.y - q.y) : 0;
    })
    .filter((l) => l > 0)
    .sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length / 2)] : 10;
}

/**
 * New positions for every node (ids not in the input are not in the output). Graph y grows upwards (sigma), so
 * rows go down: each part keeps its orientation, its top at the row's top.
 */
export function arrange(input: ArrangeInput): Map<string, { x: number; y: number }> {
  const pos = new Map(input.nodes.map((n) => [n.id, n]));
  const unit = edgeUnit(pos, input.edges);
  const gap = 1.5 * unit;
  const parts: Part[] = [];
  const loners: string[] = [];
  for (const ids of components(input.nodes, input.edges)) {
    if (ids.length === 1) {
      loners.push(ids[0]);
      continue;
    }
    const xs = ids.map((id) => pos.get(id)!.x);
    const ys = ids.map((id) => pos.get(id)!.y);
    const minX = Math.min(...xs);
    const minY = Math.min(...ys);
    parts.push({ ids, minX, minY, w: Math.max(...xs) - minX, h: Math.max(...ys) - minY });
  }
  parts.sort((a, b) => b.w * b.h - a.w * a.h || b.ids.length - a.ids.length);
  const area = parts.reduce((s, p) => s + (p.w + gap) * (p.h + gap), 0);
  const rowWidth = Math.max(parts[0]?.w ?? 0, Math.sqrt(area * Math.max(0.3, input.aspect)), 4 * unit);
  const out = new Map<string, { x: number; y: number }>();
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const p of parts) {
    if (x > 0 && x + p.w > rowWidth) {
      x = 0;
      y += rowHeight + gap;
      rowHeight = 0;
    }
    for (const id of p.ids) {
      const n = pos.get(id)!;
      out.set(id, { x: x + n.x - p.minX, y: -y - (p.h - (n.y - p.minY)) });
    }
    x += p.w + gap;
    rowHeight = Math.max(rowHeight, p.h);
  }
  // the loners: a grid under the parts, in the caller's order (networks first, then by name)
  const cell = 2.5 * unit;
  const perRow = Math.max(1, Math.floor(Math.max(rowWidth, x - gap) / cell) + 1);
  const top = parts.length ? y + rowHeight + gap : 0;
  loners.sort((a, b) => pos.get(a)!.sortKey.localeCompare(pos.get(b)!.sortKey, 'en', { numeric: true }));
  loners.forEach((id, i) => out.set(id, { x: (i % perRow) * cell, y: -(top + Math.floor(i / perRow) * unit) }));
  return out;
}
