/**
 * Turns the topology snapshot into the graph the webview draws, and two graphs into the patch between them.
 * Pure (no vscode): unit-tested in plain Node, and cheap enough to run on every change (O(nodes + edges)).
 */
import type { ContainerModel, EndpointModel, NetworkModel, PortModel, SnapshotDiff, TopologySnapshot } from '../model/topology';
import type { ColorRole, DetailRow, GraphData, GraphEdge, GraphMode, GraphNode, GraphPatch, NodeShape } from './protocol';

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

function networkNode(n: NetworkModel, endpointCount: number): GraphNode {
  return {
    id: networkNodeId(n.id),
    kind: 'network',
    label: networkLabel(n),
    shape: networkShape(n),
    role: networkRole(n),
    size: Math.min(16, 8 + Math.sqrt(endpointCount)),
    driver: n.driver,
    scope: n.scope,
    project: n.composeProject,
    details: networkDetails(n, endpointCount),
  };
}

function containerNode(c: ContainerModel, eps: readonly EndpointModel[]): GraphNode {
  return {
    id: containerNodeId(c.id),
    kind: 'container',
    label: c.name,
    shape: 'circle',
    role: c.running ? 'running' : 'stopped',
    size: 6,
    project: c.composeProject,
    networks: eps.map((e) => e.networkName).sort(),
    details: containerDetails(c, eps),
  };
}

/** Compose membership: network and container ids never collide, so one `m:` namespace serves both. */
function memberEdge(entityId: string, nodeId: string, project: string): GraphEdge {
  return { id: `m:${entityId}`, kind: 'member', source: nodeId, target: projectNodeId(project), label: '' };
}

const isPublished = (p: PortModel): boolean => p.hostPort !== undefined; // exposed only: shown in the details, not as a node

function portNode(c: ContainerModel, p: PortModel): GraphNode {
  const all = p.hostIp === undefined || ALL_INTERFACES.has(p.hostIp);
  return {
    id: portNodeId(c.id, p),
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
  };
}

const portEdge = (containerId: string, portId: string): GraphEdge => ({
  id: `x:${portId}`,
  kind: 'publish',
  source: containerNodeId(containerId),
  target: portId,
  label: '',
});

/** The edge of an endpoint whose network and container are both in the snapshot; undefined otherwise. */
function endpointEdge(e: EndpointModel, snapshot: TopologySnapshot): GraphEdge | undefined {
  if (!snapshot.networks.has(e.networkId) || !snapshot.containers.has(e.containerId)) return undefined;
  return {
    id: endpointEdgeId(e.networkId, e.containerId),
    kind: 'endpoint',
    source: containerNodeId(e.containerId),
    target: networkNodeId(e.networkId),
    label: e.ipv4 ?? e.ipv6 ?? '',
  };
}

function projectNode(name: string, members: number): GraphNode {
  return {
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
  };
}

export function buildFullGraph(snapshot: TopologySnapshot): GraphData {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const projects = new Map<string, number>();
  const countProject = (p?: string): void => {
    if (p) projects.set(p, (projects.get(p) ?? 0) + 1);
  };

  for (const n of snapshot.networks.values()) {
    nodes.push(networkNode(n, snapshot.endpointsByNetwork.get(n.id)?.length ?? 0));
    countProject(n.composeProject);
    if (n.composeProject) edges.push(memberEdge(n.id, networkNodeId(n.id), n.composeProject));
  }

  for (const c of snapshot.containers.values()) {
    nodes.push(containerNode(c, snapshot.endpointsByContainer.get(c.id) ?? []));
    countProject(c.composeProject);
    if (c.composeProject) edges.push(memberEdge(c.id, containerNodeId(c.id), c.composeProject));
    for (const p of c.ports) {
      if (!isPublished(p)) continue;
      const node = portNode(c, p);
      nodes.push(node);
      edges.push(portEdge(c.id, node.id));
    }
  }

  for (const e of snapshot.endpoints.values()) {
    const edge = endpointEdge(e, snapshot);
    if (edge) edges.push(edge);
  }

  for (const [name, members] of projects) nodes.push(projectNode(name, members));

  return { mode: 'full', counts: counts(snapshot), nodes, edges };
}

function counts(snapshot: TopologySnapshot): GraphData['counts'] {
  return { networks: snapshot.networks.size, containers: snapshot.containers.size, endpoints: snapshot.endpoints.size };
}

function aggregateNetworkNode(n: NetworkModel, endpointCount: number): GraphNode {
  return {
    id: networkNodeId(n.id),
    kind: 'network',
    label: `${networkLabel(n)} (${endpointCount})`,
    shape: networkShape(n),
    role: networkRole(n),
    size: Math.min(30, 6 + 2 * Math.sqrt(endpointCount)),
    driver: n.driver,
    scope: n.scope,
    project: n.composeProject,
    details: networkDetails(n, endpointCount),
  };
}

/** The `a|b` keys of the network pairs one container joins (networks present in the snapshot only). */
function sharedKeys(eps: readonly EndpointModel[], snapshot: TopologySnapshot): string[] {
  const ids = eps.map((e) => e.networkId).filter((id) => snapshot.networks.has(id)).sort();
  const keys: string[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) keys.push(`${ids[i]}|${ids[j]}`);
  return keys;
}

function sharedEdge(key: string, count: number): GraphEdge {
  const [a, b] = key.split('|');
  return { id: `s:${key}`, kind: 'shared', source: networkNodeId(a), target: networkNodeId(b), label: `${count} shared` };
}

function sharedCounts(snapshot: TopologySnapshot): Map<string, number> {
  const shared = new Map<string, number>();
  for (const eps of snapshot.endpointsByContainer.values())
    for (const key of sharedKeys(eps, snapshot)) shared.set(key, (shared.get(key) ?? 0) + 1);
  return shared;
}

/** Networks only: each sized by its endpoints; an edge between two networks that share containers. */
export function buildAggregateGraph(snapshot: TopologySnapshot): GraphData {
  const nodes: GraphNode[] = [];
  for (const n of snapshot.networks.values()) nodes.push(aggregateNetworkNode(n, snapshot.endpointsByNetwork.get(n.id)?.length ?? 0));
  const edges: GraphEdge[] = [];
  for (const [key, count] of sharedCounts(snapshot)) edges.push(sharedEdge(key, count));
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

export interface LiveGraphOptions extends BuildOptions {
  /**
   * Above this share of the graph's node count, a change is applied by a full rebuild and diffGraphs: a large
   * change touches most of the graph anyway, and the rebuild is the reference the incremental path must match.
   */
  rebuildFraction?: number;
}

const DEFAULT_REBUILD_FRACTION = 0.2;
/** Small graphs are always patched incrementally: the fraction means nothing at a dozen nodes. */
const MIN_REBUILD_CHANGES = 64;

/**
 * The graph of the live topology, kept current from the model's own SnapshotDiff: a change rebuilds only the
 * nodes and edges of the networks, containers and endpoints it names (and the compose groups and shared-network
 * edges those imply), so an event costs what it touches, not what the engine holds. Falls back to
 * buildGraph + diffGraphs when the mode flips across the node limit or the change is large.
 * Each change must be the diff from the snapshot this graph last saw (the feed emits them in order).
 */
export class LiveGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private snapshot: TopologySnapshot;
  private mode: GraphMode = 'full';
  /** Members per compose project (networks and containers), and published ports: the full graph's size. */
  private projects = new Map<string, number>();
  private publishedPorts = 0;
  /** Containers per network pair, kept in the networks-only mode only. */
  private shared = new Map<string, number>();
  private readonly nodeLimit: number;
  private readonly rebuildFraction: number;
  /** Set when the last change took the full-rebuild path (for tests and the benchmark). */
  lastWasRebuild = false;

  constructor(snapshot: TopologySnapshot, options: LiveGraphOptions = {}) {
    this.nodeLimit = options.nodeLimit ?? DEFAULT_NODE_LIMIT;
    this.rebuildFraction = options.rebuildFraction ?? DEFAULT_REBUILD_FRACTION;
    this.snapshot = snapshot;
    this.reset(buildGraph(snapshot, { nodeLimit: this.nodeLimit }), snapshot);
  }

  /** The current graph as the webview holds it (built on demand: nodes and edges live in maps). */
  get graph(): GraphData {
    return { mode: this.mode, counts: counts(this.snapshot), nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  /** Moves the graph to `snapshot` and returns the patch the webview applies to follow. */
  update(diff: SnapshotDiff, snapshot: TopologySnapshot): GraphPatch {
    const changes =
      diff.networks.added.length + diff.networks.removed.length + diff.networks.changed.length +
      diff.containers.added.length + diff.containers.removed.length + diff.containers.changed.length +
      diff.endpoints.added.length + diff.endpoints.removed.length + diff.endpoints.changed.length;
    if (changes > MIN_REBUILD_CHANGES && changes > this.rebuildFraction * this.nodes.size) return this.rebuild(snapshot);

    const prev = this.snapshot;
    const dirty = dirtySets(diff, prev, snapshot);
    const dirtyProjects = this.countMembers(dirty, prev, snapshot);
    const size = snapshot.networks.size + snapshot.containers.size + this.publishedPorts + this.projects.size;
    if ((size > this.nodeLimit ? 'aggregate' : 'full') !== this.mode) return this.rebuild(snapshot);

    this.lastWasRebuild = false;
    this.snapshot = snapshot;
    const patch = emptyPatch(this.mode, counts(snapshot));
    if (this.mode === 'full') this.patchFull(patch, dirty, dirtyProjects, prev, snapshot);
    else this.patchAggregate(patch, dirty, prev, snapshot);
    return patch;
  }

  private rebuild(snapshot: TopologySnapshot): GraphPatch {
    const next = buildGraph(snapshot, { nodeLimit: this.nodeLimit });
    const patch = diffGraphs(this.graph, next);
    this.reset(next, snapshot);
    this.lastWasRebuild = true;
    return patch;
  }

  private reset(graph: GraphData, snapshot: TopologySnapshot): void {
    this.snapshot = snapshot;
    this.mode = graph.mode;
    this.nodes.clear();
    this.edges.clear();
    for (const n of graph.nodes) this.nodes.set(n.id, n);
    for (const e of graph.edges) this.edges.set(e.id, e);
    this.projects = new Map();
    this.publishedPorts = 0;
    for (const n of snapshot.networks.values()) addCount(this.projects, n.composeProject, 1);
    for (const c of snapshot.containers.values()) {
      addCount(this.projects, c.composeProject, 1);
      for (const p of c.ports) if (isPublished(p)) this.publishedPorts++;
    }
    this.shared = graph.mode === 'aggregate' ? sharedCounts(snapshot) : new Map();
  }

  /** Updates project members and published ports for the dirty entities; returns the projects whose count moved. */
  private countMembers(dirty: DirtySets, prev: TopologySnapshot, next: TopologySnapshot): Set<string> {
    const moved = new Set<string>();
    const move = (before: string | undefined, after: string | undefined): void => {
      if (before === after) return;
      if (before) moved.add(before);
      if (after) moved.add(after);
      addCount(this.projects, before, -1);
      addCount(this.projects, after, 1);
    };
    for (const id of dirty.networks) move(prev.networks.get(id)?.composeProject, next.networks.get(id)?.composeProject);
    for (const id of dirty.containers) {
      const before = prev.containers.get(id);
      const after = next.containers.get(id);
      move(before?.composeProject, after?.composeProject);
      this.publishedPorts += publishedCount(after) - publishedCount(before);
    }
    return moved;
  }

  private patchFull(patch: GraphPatch, dirty: DirtySets, dirtyProjects: Set<string>, prev: TopologySnapshot, next: TopologySnapshot): void {
    for (const id of dirty.networks) {
      const n = next.networks.get(id);
      this.setNode(patch, networkNodeId(id), n && networkNode(n, next.endpointsByNetwork.get(id)?.length ?? 0));
      this.setEdge(patch, `m:${id}`, n?.composeProject ? memberEdge(id, networkNodeId(id), n.composeProject) : undefined);
    }
    for (const id of dirty.containers) {
      const c = next.containers.get(id);
      const cid = containerNodeId(id);
      this.setNode(patch, cid, c && containerNode(c, next.endpointsByContainer.get(id) ?? []));
      this.setEdge(patch, `m:${id}`, c?.composeProject ? memberEdge(id, cid, c.composeProject) : undefined);
      // Ports: every published port of the new version (details carry the name), then those that went away.
      const kept = new Set<string>();
      for (const p of c?.ports ?? []) {
        if (!isPublished(p)) continue;
        const node = portNode(c!, p);
        kept.add(node.id);
        this.setNode(patch, node.id, node);
        this.setEdge(patch, `x:${node.id}`, portEdge(id, node.id));
      }
      for (const p of prev.containers.get(id)?.ports ?? []) {
        const pid = portNodeId(id, p);
        if (!isPublished(p) || kept.has(pid)) continue;
        this.setEdge(patch, `x:${pid}`, undefined);
        this.setNode(patch, pid, undefined);
      }
    }
    for (const e of dirty.endpoints.values()) {
      const now = next.endpoints.get(e.key);
      this.setEdge(patch, endpointEdgeId(e.networkId, e.containerId), now && endpointEdge(now, next));
    }
    for (const name of dirtyProjects) {
      const members = this.projects.get(name) ?? 0;
      this.setNode(patch, projectNodeId(name), members > 0 ? projectNode(name, members) : undefined);
    }
  }

  private patchAggregate(patch: GraphPatch, dirty: DirtySets, prev: TopologySnapshot, next: TopologySnapshot): void {
    for (const id of dirty.networks) {
      const n = next.networks.get(id);
      this.setNode(patch, networkNodeId(id), n && aggregateNetworkNode(n, next.endpointsByNetwork.get(id)?.length ?? 0));
    }
    const movedKeys = new Set<string>();
    for (const id of dirty.containers) {
      for (const key of sharedKeys(prev.endpointsByContainer.get(id) ?? [], prev)) {
        addCount(this.shared, key, -1);
        movedKeys.add(key);
      }
      for (const key of sharedKeys(next.endpointsByContainer.get(id) ?? [], next)) {
        addCount(this.shared, key, 1);
        movedKeys.add(key);
      }
    }
    for (const key of movedKeys) {
      const count = this.shared.get(key) ?? 0;
      this.setEdge(patch, `s:${key}`, count > 0 ? sharedEdge(key, count) : undefined);
    }
  }

  /** Records the node's new version (or its removal) in the patch when it differs from what the webview has. */
  private setNode(patch: GraphPatch, id: string, node: GraphNode | undefined): void {
    track(this.nodes, id, node, sameNode, patch.addNodes, patch.updateNodes, patch.removeNodes);
  }

  private setEdge(patch: GraphPatch, id: string, edge: GraphEdge | undefined): void {
    track(this.edges, id, edge, sameEdge, patch.addEdges, patch.updateEdges, patch.removeEdges);
  }
}

/** Brings `current[id]` to `next` and lists the change (add, update or remove) unless nothing changed. */
function track<T>(
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

interface DirtySets {
  networks: Set<string>;
  containers: Set<string>;
  /** By key; any version of the endpoint (its ids are what matter). */
  endpoints: Map<string, EndpointModel>;
}

/**
 * What a diff touches. An endpoint touches its network (endpoint count) and its container (details, network list).
 * A network or container that appears or disappears switches its endpoints' edges on or off, and with them
 * the shared-network pairs of the containers on it (so those containers are dirty too).
 */
function dirtySets(diff: SnapshotDiff, prev: TopologySnapshot, next: TopologySnapshot): DirtySets {
  const d: DirtySets = { networks: new Set(), containers: new Set(), endpoints: new Map()};
  const touchEndpoint = (e: EndpointModel): void => {
    d.endpoints.set(e.key, e);
    d.networks.add(e.networkId);
    d.containers.add(e.containerId);
  };
  for (const list of [diff.endpoints.added, diff.endpoints.removed, diff.endpoints.changed]) for (const e of list) touchEndpoint(e);
  for (const list of [diff.networks.added, diff.networks.removed]) {
    for (const n of list) {
      for (const e of prev.endpointsByNetwork.get(n.id) ?? []) touchEndpoint(e);
      for (const e of next.endpointsByNetwork.get(n.id) ?? []) touchEndpoint(e);
    }
  }
  for (const list of [diff.containers.added, diff.containers.removed]) {
    for (const c of list) {
      for (const e of prev.endpointsByContainer.get(c.id) ?? []) touchEndpoint(e);
      for (const e of next.endpointsByContainer.get(c.id) ?? []) touchEndpoint(e);
    }
  }
  for (const list of [diff.networks.added, diff.networks.removed, diff.networks.changed]) for (const n of list) d.networks.add(n.id);
  for (const list of [diff.containers.added, diff.containers.removed, diff.containers.changed]) for (const c of list) d.containers.add(c.id);
  return d;
}

function addCount(map: Map<string, number>, key: string | undefined, delta: number): void {
  if (!key) return;
  const n = (map.get(key) ?? 0) + delta;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

function publishedCount(c: ContainerModel | undefined): number {
  let n = 0;
  for (const p of c?.ports ?? []) if (isPublished(p)) n++;
  return n;
}

function emptyPatch(mode: GraphMode, graphCounts: GraphData['counts']): GraphPatch {
  return { mode, counts: graphCounts, addNodes: [], updateNodes: [], removeNodes: [], addEdges: [], updateEdges: [], removeEdges: [] };
}
