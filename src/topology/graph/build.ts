/**
 * Turns the topology snapshot into the graph the webview draws: one node per network, container and published
 * port, one edge per endpoint; compose projects are a property of their members (the webview frames them). Pure (no vscode), O(nodes + edges); the node and edge factories
 * are shared with LiveGraph, which rebuilds only the ones a change names.
 */
import type { ContainerModel, EndpointModel, NetworkModel, PortModel, TopologySnapshot } from '../../model/topology';
import { type Translate, untranslated } from '../../explorer/present/text';
import type { GraphData, GraphEdge, GraphNode } from '../protocol';
import * as text from './present';
import { memoTranslate } from './present';
import { addSwarm } from './swarmGraph';

/** Above this many nodes the full graph stops being usable (see docs/BENCHMARKS.md): draw networks only. */
export const DEFAULT_NODE_LIMIT = 6000;

export interface BuildOptions {
  nodeLimit?: number;
  /** Translates the labels and detail rows (vscode.l10n.t in the extension); English placeholders otherwise. */
  t?: Translate;
}

export const networkNodeId = (id: string): string => `n:${id}`;
export const containerNodeId = (id: string): string => `c:${id}`;
export const endpointEdgeId = (networkId: string, containerId: string): string => `e:${networkId}/${containerId}`;
export const portNodeId = (containerId: string, p: PortModel): string =>
  `p:${containerId}:${p.hostIp ?? ''}:${p.hostPort ?? ''}:${p.containerPort}/${p.protocol}`;
export const portEdgeId = (portId: string): string => `x:${portId}`;
export const sharedEdgeId = (key: string): string => `s:${key}`;

/** Exposed-only ports are shown in the details, not as nodes. */
export const isPublished = (p: PortModel): boolean => p.hostPort !== undefined;

export function networkNode(n: NetworkModel, endpointCount: number, t: Translate): GraphNode {
  return {
    id: networkNodeId(n.id),
    kind: 'network',
    label: text.networkLabel(n, t),
    shape: text.networkShape(n),
    role: text.networkRole(n),
    size: Math.min(16, 8 + Math.sqrt(endpointCount)),
    driver: n.driver,
    scope: n.scope,
    project: n.composeProject,
    details: text.networkDetails(n, endpointCount, t),
  };
}

/** In the networks-only graph, a network is sized by its endpoints and says how many it has. */
export function aggregateNetworkNode(n: NetworkModel, endpointCount: number, t: Translate): GraphNode {
  return {
    ...networkNode(n, endpointCount, t),
    label: `${text.networkLabel(n, t)} (${endpointCount})`,
    size: Math.min(30, 6 + 2 * Math.sqrt(endpointCount)),
  };
}

export function containerNode(c: ContainerModel, eps: readonly EndpointModel[], t: Translate): GraphNode {
  return {
    id: containerNodeId(c.id),
    kind: 'container',
    label: c.name,
    shape: 'circle',
    role: c.running ? 'running' : 'stopped',
    size: 6,
    project: c.composeProject,
    networks: eps.map((e) => e.networkName).sort(),
    details: text.containerDetails(c, eps, t),
  };
}

export function portNode(c: ContainerModel, p: PortModel, t: Translate): GraphNode {
  return {
    id: portNodeId(c.id, p),
    kind: 'port',
    label: text.portText(p, t),
    shape: 'circle',
    role: text.isAllInterfaces(p) ? 'portAll' : 'port',
    size: 4.5,
    project: c.composeProject,
    details: text.portDetails(c, p, t),
  };
}

export const portEdge = (containerId: string, portId: string): GraphEdge => ({
  id: portEdgeId(portId),
  kind: 'publish',
  source: containerNodeId(containerId),
  target: portId,
  label: '',
});

/** The edge of an endpoint whose network and container are both in the snapshot; undefined otherwise. */
export function endpointEdge(e: EndpointModel, snapshot: TopologySnapshot): GraphEdge | undefined {
  if (!snapshot.networks.has(e.networkId) || !snapshot.containers.has(e.containerId)) return undefined;
  return {
    id: endpointEdgeId(e.networkId, e.containerId),
    kind: 'endpoint',
    source: containerNodeId(e.containerId),
    target: networkNodeId(e.networkId),
    label: e.ipv4 ?? e.ipv6 ?? '',
  };
}

export function graphCounts(snapshot: TopologySnapshot): GraphData['counts'] {
  return { networks: snapshot.networks.size, containers: snapshot.containers.size, endpoints: snapshot.endpoints.size };
}

const endpointCount = (s: TopologySnapshot, networkId: string): number =>
  s.endpointsByNetwork.get(networkId)?.length ?? 0;

export function buildFullGraph(snapshot: TopologySnapshot, t: Translate = untranslated): GraphData {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const n of snapshot.networks.values()) nodes.push(networkNode(n, endpointCount(snapshot, n.id), t));
  for (const c of snapshot.containers.values()) {
    nodes.push(containerNode(c, snapshot.endpointsByContainer.get(c.id) ?? [], t));
    for (const p of c.ports) {
      if (!isPublished(p)) continue;
      const node = portNode(c, p, t);
      nodes.push(node);
      edges.push(portEdge(c.id, node.id));
    }
  }
  for (const e of snapshot.endpoints.values()) {
    const edge = endpointEdge(e, snapshot);
    if (edge) edges.push(edge);
  }
  addSwarm(snapshot, nodes, edges, t);
  return { mode: 'full', counts: graphCounts(snapshot), nodes, edges };
}

/** The `a|b` keys of the network pairs one container joins (networks present in the snapshot only). */
export function sharedKeys(eps: readonly EndpointModel[], snapshot: TopologySnapshot): string[] {
  const ids = eps
    .map((e) => e.networkId)
    .filter((id) => snapshot.networks.has(id))
    .sort();
  const keys: string[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) keys.push(`${ids[i]}|${ids[j]}`);
  return keys;
}

export function sharedEdge(key: string, count: number, t: Translate): GraphEdge {
  const [a, b] = key.split('|');
  const source = networkNodeId(a);
  return { id: sharedEdgeId(key), kind: 'shared', source, target: networkNodeId(b), label: text.sharedLabel(count, t) };
}

export function sharedCounts(snapshot: TopologySnapshot): Map<string, number> {
  const shared = new Map<string, number>();
  for (const eps of snapshot.endpointsByContainer.values())
    for (const key of sharedKeys(eps, snapshot)) addCount(shared, key, 1);
  return shared;
}

/** Networks only: each sized by its endpoints; an edge between two networks that share containers. */
export function buildAggregateGraph(snapshot: TopologySnapshot, t: Translate = untranslated): GraphData {
  const nodes: GraphNode[] = [];
  for (const n of snapshot.networks.values()) nodes.push(aggregateNetworkNode(n, endpointCount(snapshot, n.id), t));
  const edges: GraphEdge[] = [];
  for (const [key, count] of sharedCounts(snapshot)) edges.push(sharedEdge(key, count, t));
  return { mode: 'aggregate', counts: graphCounts(snapshot), nodes, edges };
}

export function publishedPorts(snapshot: TopologySnapshot): number {
  let ports = 0;
  for (const c of snapshot.containers.values()) ports += publishedCount(c);
  return ports;
}

/** Size of the full graph without building it, to pick the mode first. */
export function fullGraphSize(snapshot: TopologySnapshot): number {
  const services = snapshot.swarm?.services.size ?? 0;
  return snapshot.networks.size + snapshot.containers.size + publishedPorts(snapshot) + services;
}

export function buildGraph(snapshot: TopologySnapshot, options: BuildOptions = {}): GraphData {
  const limit = options.nodeLimit ?? DEFAULT_NODE_LIMIT;
  const t = memoTranslate(options.t ?? untranslated);
  return fullGraphSize(snapshot) > limit ? buildAggregateGraph(snapshot, t) : buildFullGraph(snapshot, t);
}

export function publishedCount(c: ContainerModel | undefined): number {
  let n = 0;
  for (const p of c?.ports ?? []) if (isPublished(p)) n++;
  return n;
}

/** Adds `delta` to a count; a count that reaches zero leaves the map. */
export function addCount(map: Map<string, number>, key: string | undefined, delta: number): void {
  if (!key) return;
  const n = (map.get(key) ?? 0) + delta;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}
