/**
 * Who the selection can talk to, drawn bright while the rest is dimmed: a container's networks and their members;
 * a network's members and their published ports. Pure over the graph.
 */
import type Graph from 'graphology';
import type { GraphNode } from '../src/topology/protocol';

export function neighbourhoodOf(graph: Graph<{ data: GraphNode }>, id: string | null): Set<string> | null {
  if (!id || !graph.hasNode(id)) return null;
  const set = new Set<string>([id]);
  const kind = graph.getNodeAttribute(id, 'data').kind;
  for (const n of graph.neighbors(id)) {
    set.add(n);
    const nk = graph.getNodeAttribute(n, 'data').kind;
    if (kind === 'container' && nk === 'network') for (const m of graph.neighbors(n)) set.add(m);
    if (kind === 'network' && nk === 'container')
      for (const m of graph.neighbors(n)) if (graph.getNodeAttribute(m, 'data').kind === 'port') set.add(m);
  }
  return set;
}
