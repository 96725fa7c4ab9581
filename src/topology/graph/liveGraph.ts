/**
 * The graph of the live topology, kept current from the model's own SnapshotDiff: a change rebuilds only the
 * nodes and edges of the networks, containers and endpoints it names (and the shared-network edges those
 * imply), so an event costs what it touches, not what the engine holds. Pure (no vscode).
 */
import type { EndpointModel, SnapshotDiff, TopologySnapshot } from '../../model/topology';
import { type Translate, untranslated } from '../../explorer/present/text';
import type { GraphData, GraphEdge, GraphMode, GraphNode, GraphPatch } from '../protocol';
import * as b from './build';
import { memoTranslate } from './present';
import { diffGraphs, emptyPatch, trackEdge, trackNode } from './diff';
import { taskEdge, taskEdgeId } from './swarmGraph';
import { isEmptySwarmDiff } from '../../model/swarmSnapshot';

export interface LiveGraphOptions extends b.BuildOptions {
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
 * Falls back to buildGraph + diffGraphs when the mode flips across the node limit or the change is large.
 * Each change must be the diff from the snapshot this graph last saw (the feed emits them in order).
 */
export class LiveGraph {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private snapshot: TopologySnapshot;
  private mode: GraphMode = 'full';
  /** Published ports: with the networks and containers, the full graph's size. */
  private publishedPorts = 0;
  /** Containers per network pair, kept in the networks-only mode only. */
  private shared = new Map<string, number>();
  private readonly nodeLimit: number;
  private readonly rebuildFraction: number;
  private readonly t: Translate;
  /** Set when the last change took the full-rebuild path (for tests and the benchmark). */
  lastWasRebuild = false;

  constructor(snapshot: TopologySnapshot, options: LiveGraphOptions = {}) {
    this.nodeLimit = options.nodeLimit ?? b.DEFAULT_NODE_LIMIT;
    this.rebuildFraction = options.rebuildFraction ?? DEFAULT_REBUILD_FRACTION;
    this.t = memoTranslate(options.t ?? untranslated);
    this.snapshot = snapshot;
    this.reset(this.build(snapshot), snapshot);
  }

  /** The current graph as the webview holds it (built on demand: nodes and edges live in maps). */
  get graph(): GraphData {
    const counts = b.graphCounts(this.snapshot);
    return { mode: this.mode, counts, nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  /** Moves the graph to `snapshot` and returns the patch the webview applies to follow. */
  update(diff: SnapshotDiff, snapshot: TopologySnapshot): GraphPatch {
    const changes = [diff.networks, diff.containers, diff.endpoints].reduce(
      (sum, d) => sum + d.added.length + d.removed.length + d.changed.length,
      0,
    );
    // A Swarm change (services, tasks) is rare and small: the graph is rebuilt and diffed.
    if (!isEmptySwarmDiff(diff.swarm)) return this.rebuild(snapshot);
    if (changes > MIN_REBUILD_CHANGES && changes > this.rebuildFraction * this.nodes.size)
      return this.rebuild(snapshot);

    const prev = this.snapshot;
    const dirty = dirtySets(diff, prev, snapshot);
    this.countPorts(dirty, prev, snapshot);
    const size =
      snapshot.networks.size + snapshot.containers.size + this.publishedPorts + (snapshot.swarm?.services.size ?? 0);
    if ((size > this.nodeLimit ? 'aggregate' : 'full') !== this.mode) return this.rebuild(snapshot);

    this.lastWasRebuild = false;
    this.snapshot = snapshot;
    const patch = emptyPatch(this.mode, b.graphCounts(snapshot));
    if (this.mode === 'full') this.patchFull(patch, dirty, prev, snapshot);
    else this.patchAggregate(patch, dirty, prev, snapshot);
    return patch;
  }

  private build(snapshot: TopologySnapshot): GraphData {
    return b.buildGraph(snapshot, { nodeLimit: this.nodeLimit, t: this.t });
  }

  private rebuild(snapshot: TopologySnapshot): GraphPatch {
    const next = this.build(snapshot);
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
    this.publishedPorts = b.publishedPorts(snapshot);
    this.shared = graph.mode === 'aggregate' ? b.sharedCounts(snapshot) : new Map();
  }

  /** Updates the count of published ports for the dirty containers. */
  private countPorts(dirty: DirtySets, prev: TopologySnapshot, next: TopologySnapshot): void {
    for (const id of dirty.containers) {
      this.publishedPorts += b.publishedCount(next.containers.get(id)) - b.publishedCount(prev.containers.get(id));
    }
  }

  private patchFull(patch: GraphPatch, dirty: DirtySets, prev: TopologySnapshot, next: TopologySnapshot): void {
    const t = this.t;
    for (const id of dirty.networks) {
      const n = next.networks.get(id);
      this.setNode(patch, b.networkNodeId(id), n && b.networkNode(n, next.endpointsByNetwork.get(id)?.length ?? 0, t));
    }
    for (const id of dirty.containers) {
      const c = next.containers.get(id);
      this.setNode(patch, b.containerNodeId(id), c && b.containerNode(c, next.endpointsByContainer.get(id) ?? [], t));
      if (next.swarm || prev.swarm) this.setEdge(patch, taskEdgeId(id), taskEdge(id, next));
      // Ports: every published port of the new version (details carry the name), then those that went away.
      const kept = new Set<string>();
      for (const p of c?.ports ?? []) {
        if (!c || !b.isPublished(p)) continue;
        const node = b.portNode(c, p, t);
        kept.add(node.id);
        this.setNode(patch, node.id, node);
        this.setEdge(patch, b.portEdgeId(node.id), b.portEdge(id, node.id));
      }
      for (const p of prev.containers.get(id)?.ports ?? []) {
        const pid = b.portNodeId(id, p);
        if (!b.isPublished(p) || kept.has(pid)) continue;
        this.setEdge(patch, b.portEdgeId(pid), undefined);
        this.setNode(patch, pid, undefined);
      }
    }
    for (const e of dirty.endpoints.values()) {
      const now = next.endpoints.get(e.key);
      this.setEdge(patch, b.endpointEdgeId(e.networkId, e.containerId), now && b.endpointEdge(now, next));
    }
  }

  private patchAggregate(patch: GraphPatch, dirty: DirtySets, prev: TopologySnapshot, next: TopologySnapshot): void {
    for (const id of dirty.networks) {
      const n = next.networks.get(id);
      const count = next.endpointsByNetwork.get(id)?.length ?? 0;
      this.setNode(patch, b.networkNodeId(id), n && b.aggregateNetworkNode(n, count, this.t));
    }
    const movedKeys = new Set<string>();
    for (const id of dirty.containers) {
      for (const key of b.sharedKeys(prev.endpointsByContainer.get(id) ?? [], prev)) {
        b.addCount(this.shared, key, -1);
        movedKeys.add(key);
      }
      for (const key of b.sharedKeys(next.endpointsByContainer.get(id) ?? [], next)) {
        b.addCount(this.shared, key, 1);
        movedKeys.add(key);
      }
    }
    for (const key of movedKeys) {
      const count = this.shared.get(key) ?? 0;
      this.setEdge(patch, b.sharedEdgeId(key), count > 0 ? b.sharedEdge(key, count, this.t) : undefined);
    }
  }

  private setNode(patch: GraphPatch, id: string, node: GraphNode | undefined): void {
    trackNode(this.nodes, patch, id, node);
  }

  private setEdge(patch: GraphPatch, id: string, edge: GraphEdge | undefined): void {
    trackEdge(this.edges, patch, id, edge);
  }
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
  const d: DirtySets = { networks: new Set(), containers: new Set(), endpoints: new Map() };
  const touchEndpoint = (e: EndpointModel): void => {
    d.endpoints.set(e.key, e);
    d.networks.add(e.networkId);
    d.containers.add(e.containerId);
  };
  const { networks, containers, endpoints } = diff;
  for (const list of [endpoints.added, endpoints.removed, endpoints.changed]) for (const e of list) touchEndpoint(e);
  for (const n of [...networks.added, ...networks.removed]) {
    for (const e of prev.endpointsByNetwork.get(n.id) ?? []) touchEndpoint(e);
    for (const e of next.endpointsByNetwork.get(n.id) ?? []) touchEndpoint(e);
  }
  for (const c of [...containers.added, ...containers.removed]) {
    for (const e of prev.endpointsByContainer.get(c.id) ?? []) touchEndpoint(e);
    for (const e of next.endpointsByContainer.get(c.id) ?? []) touchEndpoint(e);
  }
  for (const n of [...networks.added, ...networks.removed, ...networks.changed]) d.networks.add(n.id);
  for (const c of [...containers.added, ...containers.removed, ...containers.changed]) d.containers.add(c.id);
  return d;
}
