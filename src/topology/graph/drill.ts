/**
 * One network's graph, for the drill-down from the networks-only mode: the network, the containers with an
 * endpoint on it, their published ports and the endpoint edges of that network, built with the same node and edge
 * factories as the full graph (build.ts), so a drilled container reads exactly as it does there.
 * DrilledGraph keeps it current: a change that touches neither the network, nor an endpoint on it, nor one of its
 * containers costs a few set lookups; one that does rebuilds this network's graph (its size, not the engine's) and
 * sends the difference. Pure (no vscode).
 */
import type { SnapshotDiff, TopologySnapshot } from '../../model/topology';
import { type Translate, untranslated } from '../../explorer/present/text';
import type { DrillScope, GraphData, GraphEdge, GraphNode, GraphPatch } from '../protocol';
import * as b from './build';
import { diffGraphs } from './diff';
import { memoTranslate } from './present';

/** The graph of one network's endpoints; undefined when the snapshot holds no such network. */
export function buildNetworkGraph(
  snapshot: TopologySnapshot,
  networkId: string,
  t: Translate = untranslated,
): GraphData | undefined {
  const network = snapshot.networks.get(networkId);
  if (!network) return undefined;
  const endpoints = snapshot.endpointsByNetwork.get(networkId) ?? [];
  const nodes: GraphNode[] = [b.networkNode(network, endpoints.length, t)];
  const edges: GraphEdge[] = [];
  let containers = 0;
  for (const e of endpoints) {
    const c = snapshot.containers.get(e.containerId);
    const edge = b.endpointEdge(e, snapshot);
    if (!c || !edge) continue;
    containers++;
    nodes.push(b.containerNode(c, snapshot.endpointsByContainer.get(c.id) ?? [], t));
    edges.push(edge);
    for (const p of c.ports) {
      if (!b.isPublished(p)) continue;
      const port = b.portNode(c, p, t);
      nodes.push(port);
      edges.push(b.portEdge(c.id, port.id));
    }
  }
  return { mode: 'network', counts: { networks: 1, containers, endpoints: containers }, nodes, edges };
}

/** The drilled-into network's graph, kept current from the model's diffs like LiveGraph keeps the whole one. */
export class DrilledGraph {
  private current: GraphData;
  private readonly t: Translate;

  /** Throws when the snapshot holds no network `networkId` (check with buildNetworkGraph first). */
  constructor(
    readonly networkId: string,
    snapshot: TopologySnapshot,
    t: Translate = untranslated,
  ) {
    this.t = memoTranslate(t);
    const graph = buildNetworkGraph(snapshot, networkId, this.t);
    if (!graph) throw new Error(`no network ${networkId} in the snapshot`);
    this.current = graph;
  }

  get graph(): GraphData {
    return this.current;
  }

  /** What the breadcrumb names: the network's node id and its label. */
  get scope(): DrillScope {
    const node = this.current.nodes[0];
    return { nodeId: node.id, label: node.label };
  }

  /**
   * Follows the change: the patch for the webview, or undefined when the network is gone (the panel then returns
   * to the overview). A change the network does not see gives an empty patch.
   */
  update(diff: SnapshotDiff, snapshot: TopologySnapshot): GraphPatch | undefined {
    if (!snapshot.networks.has(this.networkId)) return undefined;
    const next = this.touches(diff) ? buildNetworkGraph(snapshot, this.networkId, this.t) : undefined;
    if (!next) return diffGraphs(this.current, this.current);
    const patch = diffGraphs(this.current, next);
    this.current = next;
    return patch;
  }

  /** Whether the diff names this network, an endpoint on it, or a container drawn here. */
  private touches(diff: SnapshotDiff): boolean {
    const { networks, containers, endpoints } = diff;
    if ([...networks.added, ...networks.removed, ...networks.changed].some((n) => n.id === this.networkId)) return true;
    if ([...endpoints.added, ...endpoints.removed, ...endpoints.changed].some((e) => e.networkId === this.networkId))
      return true;
    const changed = [...containers.added, ...containers.removed, ...containers.changed];
    if (!changed.length) return false;
    const drawn = new Set(this.current.nodes.map((n) => n.id));
    return changed.some((c) => drawn.has(b.containerNodeId(c.id)));
  }
}
