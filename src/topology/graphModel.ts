/**
 * Turns the topology snapshot into the graph the webview draws, and two graphs into the patch between them.
 * Pure (no vscode): unit-tested in plain Node, and cheap enough to run on every change (O(nodes + edges)).
 */
import type { ContainerModel, EndpointModel, NetworkModel, PortModel, TopologySnapshot } from '../model/topology';
import type { ColorRole, DetailRow, GraphData, GraphEdge, GraphNode, GraphPatch, NodeShape } from './protocol';

/** Above this many nodes the full graph stops being usable (see docs/BENCHMARKS.md): draw networks only. */
export const DEFAULT_NODE_LIMIT = 6000;

export interface BuildOptions {
  nodeLimit?: number;
}

export const networkNodeId = (id: string): string => `n:${id}`;
export const containerNodeId = (id: string): string => `c:${id}`;
export const projectNodeId = (name: string): string => `g:${name}`;
export const endpointEdgeId = (networkId: string, containerId: string): string => `e:${networkId}/${containerId}`;

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);

function networkRole(n: NetworkModel): ColorRole {
  if (n.internal) return 'internal';
  switch (n.driver) {
    case 'bridge':
      return 'bridge';
    case 'overlay':
      return 'overlay';
    case 'macvlan':
    case 'ipvlan':
      return 'macvlan';
    case 'host':
      return 'host';
    case 'null':
      return 'none';
    default:
      return 'otherDriver';
  }
}

/** Scope is told by shape: local networks are squares, swarm and global ones diamonds; containers are circles. */
function networkShape(n: NetworkModel): NodeShape {
  return n.scope === 'local' ? 'square' : 'diamond';
}

function networkLabel(n: NetworkModel): string {
  const marks = [n.internal ? 'internal' : '', n.driver === 'host' ? 'host networking' : n.driver === 'null' ? 'no networking' : ''].filter(Boolean);
  return marks.length ? `${n.name} [${marks.join(', ')}]` : n.name;
}

function kv(record: Readonly<Record<string, string>>, prefix: string): DetailRow[] {
  return Object.keys(record)
    .sort()
    .map((k) => ({ label: `${prefix}${k}`, value: record[k] }));
}

function networkDetails(n: NetworkModel, endpointCount: number): DetailRow[] {
  const rows: DetailRow[] = [
    { label: 'Network', value: n.name },
    { label: 'ID', value: n.id.slice(0, 12) },
    { label: 'Driver', value: n.driver },
    { label: 'Scope', value: n.scope },
    { label: 'Endpoints', value: String(endpointCount) },
  ];
  const flags = [
    n.builtIn ? 'built-in' : 'user-defined',
    n.internal ? 'internal' : '',
    n.attachable ? 'attachable' : '',
    n.ipv6 ? 'IPv6' : '',
    n.ingress ? 'ingress' : '',
  ].filter(Boolean);
  rows.push({ label: 'Flags', value: flags.join(', ') });
  for (const c of n.ipam) {
    if (c.subnet) rows.push({ label: 'Subnet', value: c.subnet });
    if (c.gateway) rows.push({ label: 'Gateway', value: c.gateway });
    if (c.ipRange) rows.push({ label: 'IP range', value: c.ipRange });
    rows.push(...kv(c.auxAddresses, 'Aux address '));
  }
  if (n.composeProject) rows.push({ label: 'Compose project', value: n.composeProject });
  rows.push(...kv(n.options, 'Option '));
  rows.push(...kv(n.labels, 'Label '));
  return rows;
}

export function portText(p: PortModel): string {
  const host = p.hostIp === undefined ? '' : ALL_INTERFACES.has(p.hostIp) ? `${p.hostIp || '0.0.0.0'} (all interfaces)` : p.hostIp;
  const hostPart = p.hostPort === undefined ? 'not published' : `${host.includes(':') && !host.includes(' ') ? `[${host}]` : host}:${p.hostPort}`;
  return `${hostPart} -> ${p.containerPort}/${p.protocol}`;
}

function endpointText(e: EndpointModel): string {
  const parts = [e.ipv4 ? `${e.ipv4}${e.ipv4PrefixLen !== undefined ? `/${e.ipv4PrefixLen}` : ''}` : '', e.ipv6 ?? ''].filter(Boolean);
  const extra = [e.mac ? `MAC ${e.mac}` : '', e.aliases.length ? `aliases ${e.aliases.join(', ')}` : ''].filter(Boolean);
  return [parts.join(', ') || 'no address', ...extra].join('; ');
}

function containerDetails(c: ContainerModel, endpoints: readonly EndpointModel[]): DetailRow[] {
  const rows: DetailRow[] = [
    { label: 'Container', value: c.name },
    { label: 'ID', value: c.id.slice(0, 12) },
    { label: 'State', value: c.status ? `${c.state} (${c.status})` : c.state },
    { label: 'Image', value: c.image },
    { label: 'Network mode', value: c.networkMode },
  ];
  if (c.composeProject) rows.push({ label: 'Compose project', value: c.composeProject });
  if (c.composeService) rows.push({ label: 'Compose service', value: c.composeService });
  for (const e of endpoints) rows.push({ label: `On ${e.networkName}`, value: endpointText(e) });
  for (const p of c.ports) rows.push({ label: 'Port', value: portText(p) });
  rows.push(...kv(c.labels, 'Label '));
  return rows;
}

function portNodeId(containerId: string, p: PortModel): string {
  return `p:${containerId}:${p.hostIp ?? ''}:${p.hostPort ?? ''}:${p.containerPort}/${p.protocol}`;
}

export function buildFullGraph(snapshot: TopologySnapshot): GraphData {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const projects = new Map<string, number>();
  const countProject = (p?: string): void => {
    if (p) projects.set(p, (projects.get(p) ?? 0) + 1);
  };

  for (const n of snapshot.networks.values()) {
    const eps = snapshot.endpointsByNetwork.get(n.id) ?? [];
    nodes.push({
      id: networkNodeId(n.id),
      kind: 'network',
      label: networkLabel(n),
      shape: networkShape(n),
      role: networkRole(n),
      size: Math.min(16, 8 + Math.sqrt(eps.length)),
      driver: n.driver,
      scope: n.scope,
      project: n.composeProject,
      details: networkDetails(n, eps.length),
    });
    countProject(n.composeProject);
    if (n.composeProject) edges.push({ id: `m:${n.id}`, kind: 'member', source: networkNodeId(n.id), target: projectNodeId(n.composeProject), label: '' });
  }

  for (const c of snapshot.containers.values()) {
    const eps = snapshot.endpointsByContainer.get(c.id) ?? [];
    const cid = containerNodeId(c.id);
    nodes.push({
      id: cid,
      kind: 'container',
      label: c.name,
      shape: 'circle',
      role: c.running ? 'running' : 'stopped',
      size: 6,
      project: c.composeProject,
      networks: eps.map((e) => e.networkName).sort(),
      details: containerDetails(c, eps),
    });
    countProject(c.composeProject);
    if (c.composeProject) edges.push({ id: `m:${c.id}`, kind: 'member', source: cid, target: projectNodeId(c.composeProject), label: '' });
    for (const p of c.ports) {
      if (p.hostPort === undefined) continue; // exposed only: shown in the details, not as a published port
      const all = p.hostIp === undefined || ALL_INTERFACES.has(p.hostIp);
      const pid = portNodeId(c.id, p);
      nodes.push({
        id: pid,
        kind: 'port',
        label: portText(p),
        shape: 'circle',
        role: all ? 'portAll' : 'port',
        size: 4.5,
        project: c.composeProject,
        details: [
          { label: 'Published port', value: portText(p) },
          { label: 'Container', value: c.name },
          { label: 'Reachable from', value: all ? 'every host interface' : `host address ${p.hostIp ?? ''} only` },
        ],
      });
      edges.push({ id: `x:${pid}`, kind: 'publish', source: cid, target: pid, label: '' });
    }
  }

  for (const e of snapshot.endpoints.values()) {
    if (!snapshot.networks.has(e.networkId) || !snapshot.containers.has(e.containerId)) continue;
    edges.push({
      id: endpointEdgeId(e.networkId, e.containerId),
      kind: 'endpoint',
      source: containerNodeId(e.containerId),
      target: networkNodeId(e.networkId),
      label: e.ipv4 ?? e.ipv6 ?? '',
    });
  }

  for (const [name, members] of projects) {
    nodes.push({
      id: projectNodeId(name),
      kind: 'project',
      label: `compose: ${name}`,
      shape: 'circle',
      role: 'project',
      size: 9,
      project: name,
      details: [
        { label: 'Compose project', value: name },
        { label: 'Members', value: String(members) },
      ],
    });
  }

  return { mode: 'full', counts: counts(snapshot), nodes, edges };
}

function counts(snapshot: TopologySnapshot): GraphData['counts'] {
  return { networks: snapshot.networks.size, containers: snapshot.containers.size, endpoints: snapshot.endpoints.size };
}

/** Networks only: each sized by its endpoints; an edge between two networks that share containers. */
export function buildAggregateGraph(snapshot: TopologySnapshot): GraphData {
  const nodes: GraphNode[] = [];
  for (const n of snapshot.networks.values()) {
    const eps = snapshot.endpointsByNetwork.get(n.id) ?? [];
    nodes.push({
      id: networkNodeId(n.id),
      kind: 'network',
      label: `${networkLabel(n)} (${eps.length})`,
      shape: networkShape(n),
      role: networkRole(n),
      size: Math.min(30, 6 + 2 * Math.sqrt(eps.length)),
      driver: n.driver,
      scope: n.scope,
      project: n.composeProject,
      details: networkDetails(n, eps.length),
    });
  }
  const shared = new Map<string, number>();
  for (const eps of snapshot.endpointsByContainer.values()) {
    const ids = eps.map((e) => e.networkId).filter((id) => snapshot.networks.has(id)).sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}|${ids[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
  }
  const edges: GraphEdge[] = [];
  for (const [key, count] of shared) {
    const [a, b] = key.split('|');
    edges.push({ id: `s:${key}`, kind: 'shared', source: networkNodeId(a), target: networkNodeId(b), label: `${count} shared` });
  }
  return { mode: 'aggregate', counts: counts(snapshot), nodes, edges };
}

/** Size of the full graph without building it, to pick the mode first. */
export function fullGraphSize(snapshot: TopologySnapshot): number {
  let ports = 0;
  const projects = new Set<string>();
  for (const c of snapshot.containers.values()) {
    for (const p of c.ports) if (p.hostPort !== undefined) ports++;
    if (c.composeProject) projects.add(c.composeProject);
  }
  for (const n of snapshot.networks.values()) if (n.composeProject) projects.add(n.composeProject);
  return snapshot.networks.size + snapshot.containers.size + ports + projects.size;
}

export function buildGraph(snapshot: TopologySnapshot, options: BuildOptions = {}): GraphData {
  const limit = options.nodeLimit ?? DEFAULT_NODE_LIMIT;
  return fullGraphSize(snapshot) > limit ? buildAggregateGraph(snapshot) : buildFullGraph(snapshot);
}

const sameNode = (a: GraphNode, b: GraphNode): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameEdge = (a: GraphEdge, b: GraphEdge): boolean =>
  a.kind === b.kind && a.source === b.source && a.target === b.target && a.label === b.label;

/** The patch that turns `prev` into `next`: untouched nodes and edges are not in it. */
export function diffGraphs(prev: GraphData, next: GraphData): GraphPatch {
  const patch: GraphPatch = {
    mode: next.mode,
    counts: next.counts,
    addNodes: [],
    updateNodes: [],
    removeNodes: [],
    addEdges: [],
    updateEdges: [],
    removeEdges: [],
  };
  const prevNodes = new Map(prev.nodes.map((n) => [n.id, n]));
  const nextNodeIds = new Set<string>();
  for (const n of next.nodes) {
    nextNodeIds.add(n.id);
    const old = prevNodes.get(n.id);
    if (!old) patch.addNodes.push(n);
    else if (!sameNode(old, n)) patch.updateNodes.push(n);
  }
  for (const id of prevNodes.keys()) if (!nextNodeIds.has(id)) patch.removeNodes.push(id);

  const prevEdges = new Map(prev.edges.map((e) => [e.id, e]));
  const nextEdgeIds = new Set<string>();
  for (const e of next.edges) {
    nextEdgeIds.add(e.id);
    const old = prevEdges.get(e.id);
    if (!old) patch.addEdges.push(e);
    else if (!sameEdge(old, e)) patch.updateEdges.push(e);
  }
  for (const id of prevEdges.keys()) if (!nextEdgeIds.has(id)) patch.removeEdges.push(id);
  return patch;
}

export function isEmptyPatch(p: GraphPatch): boolean {
  return (
    p.addNodes.length + p.updateNodes.length + p.removeNodes.length + p.addEdges.length + p.updateEdges.length + p.removeEdges.length === 0
  );
}
