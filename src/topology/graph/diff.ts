/**
 * Patches between graphs: one change tracker (`track`) records an add, an update or a removal of a node or an edge,
 * and both the full comparison of two graphs (diffGraphs) and the incremental LiveGraph go through it.
 * Pure (no vscode).
 */
import type { GraphCounts, GraphData, GraphEdge, GraphMode, GraphNode, GraphPatch } from '../protocol';

export const sameNode = (a: GraphNode, b: GraphNode): boolean => JSON.stringify(a) === JSON.stringify(b);
export const sameEdge = (a: GraphEdge, b: GraphEdge): boolean =>
  a.kind === b.kind && a.source === b.source && a.target === b.target && a.label === b.label;

export function emptyPatch(mode: GraphMode, counts: GraphCounts): GraphPatch {
  return {
    mode,
    counts,
    addNodes: [],
    updateNodes: [],
    removeNodes: [],
    addEdges: [],
    updateEdges: [],
    removeEdges: [],
  };
}

export function isEmptyPatch(p: GraphPatch): boolean {
  const sizes = [p.addNodes, p.updateNodes, p.removeNodes, p.addEdges, p.updateEdges, p.removeEdges].map(
    (l) => l.length,
  );
  return sizes.every((n) => n === 0);
}

/** Brings `current[id]` to `next` and lists the change (add, update or remove) unless nothing changed. */
export function track<T>(
  current: Map<string, T>,
  id: string,
  next: T | undefined,
  same: (a: T, b: T) => boolean,
  added: T[],
  updated: T[],
  removed: string[],
): void {
  const old = current.get(id);
  if (!next) {
    if (old) {
      removed.push(id);
      current.delete(id);
    }
    return;
  }
  if (!old) added.push(next);
  else if (!same(old, next)) updated.push(next);
  else return;
  current.set(id, next);
}

/** Records a node's new version (or its removal, when undefined) in the patch, when it differs from `nodes`. */
export function trackNode(nodes: Map<string, GraphNode>, patch: GraphPatch, id: string, node?: GraphNode): void {
  track(nodes, id, node, sameNode, patch.addNodes, patch.updateNodes, patch.removeNodes);
}

export function trackEdge(edges: Map<string, GraphEdge>, patch: GraphPatch, id: string, edge?: GraphEdge): void {
  track(edges, id, edge, sameEdge, patch.addEdges, patch.updateEdges, patch.removeEdges);
}

/** The patch that turns `prev` into `next`: untouched nodes and edges are not in it. */
export function diffGraphs(prev: GraphData, next: GraphData): GraphPatch {
  const patch = emptyPatch(next.mode, next.counts);
  const nodes = new Map(prev.nodes.map((n) => [n.id, n]));
  const edges = new Map(prev.edges.map((e) => [e.id, e]));
  const gone = (ids: Iterable<string>, list: ReadonlyArray<{ id: string }>): string[] => {
    const kept = new Set(list.map((x) => x.id));
    return [...ids].filter((id) => !kept.has(id));
  };
  const goneNodes = gone(nodes.keys(), next.nodes);
  const goneEdges = gone(edges.keys(), next.edges);
  for (const n of next.nodes) trackNode(nodes, patch, n.id, n);
  for (const id of goneNodes) trackNode(nodes, patch, id, undefined);
  for (const e of next.edges) trackEdge(edges, patch, e.id, e);
  for (const id of goneEdges) trackEdge(edges, patch, id, undefined);
  return patch;
}
