import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { diffSnapshots } from '../../../src/model/diff';
import type { ContainerModel, NetworkModel, PortModel, TopologySnapshot } from '../../../src/model/topology';
import { buildGraph } from '../../../src/topology/graph/build';
import { diffGraphs } from '../../../src/topology/graph/diff';
import { LiveGraph } from '../../../src/topology/graph/liveGraph';
import type { GraphData, GraphEdge, GraphNode, GraphPatch } from '../../../src/topology/protocol';
import { container, generatedTopology, network, snapshotOf, type Attach } from './fakeTopology';

const NETWORK_IDS = ['na', 'nb', 'nc', 'nd', 'ne'];
const CONTAINER_IDS = ['ca', 'cb', 'cc', 'cd', 'ce', 'cf'];
const PROJECTS = [undefined, 'shop', 'blog'];
const PORTS: PortModel[] = [
  { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
  { hostIp: '127.0.0.1', hostPort: 8443, containerPort: 443, protocol: 'tcp' },
  { containerPort: 9000, protocol: 'tcp' }, // exposed only: no node
  { hostIp: '::', hostPort: 53, containerPort: 53, protocol: 'udp' },
];

const networkArb = (id: string): fc.Arbitrary<NetworkModel> =>
  fc
    .record({
      name: fc.constantFrom(`${id}-net`, `${id}-renamed`),
      driver: fc.constantFrom('bridge', 'overlay', 'host', 'null', 'macvlan'),
      internal: fc.boolean(),
      composeProject: fc.constantFrom(...PROJECTS),
    })
    .map(({ name, driver, internal, composeProject }) =>
      network(id, name, {
        driver,
        scope: driver === 'overlay' ? 'swarm' : 'local',
        internal,
        ...(composeProject ? { composeProject } : {}),
      }),
    );

const containerArb = (id: string): fc.Arbitrary<ContainerModel> =>
  fc
    .record({
      name: fc.constantFrom(`${id}-app`, `${id}-other`),
      running: fc.boolean(),
      composeProject: fc.constantFrom(...PROJECTS),
      ports: fc.subarray(PORTS),
    })
    .map(({ name, running, composeProject, ports }) =>
      container(id, name, {
        running,
        state: running ? 'running' : 'exited',
        ports,
        ...(composeProject ? { composeProject } : {}),
      }),
    );

/** A snapshot over a small fixed universe, so that two of them share most ids and differ in a few. */
const snapshotArb: fc.Arbitrary<TopologySnapshot> = fc
  .record({
    networks: fc.tuple(...NETWORK_IDS.map((id) => fc.option(networkArb(id), { nil: undefined }))),
    containers: fc.tuple(...CONTAINER_IDS.map((id) => fc.option(containerArb(id), { nil: undefined }))),
    links: fc.array(
      fc.record({
        net: fc.integer({ min: 0, max: NETWORK_IDS.length - 1 }),
        con: fc.integer({ min: 0, max: CONTAINER_IDS.length - 1 }),
        ipv4: fc.constantFrom(undefined, '10.0.0.2', '10.0.0.3'),
        aliases: fc.constantFrom([], ['web']),
      }),
      { maxLength: 14 },
    ),
  })
  .map(({ networks, containers, links }) => {
    const nets = networks.filter((n): n is NetworkModel => n !== undefined);
    const cons = containers.filter((c): c is ContainerModel => c !== undefined);
    const seen = new Set<string>();
    const attachments: Attach[] = [];
    for (const l of links) {
      // An endpoint may name a network or container missing from the lists: the graph must then skip its edge.
      const n = networks[l.net] ?? network(NETWORK_IDS[l.net], `${NETWORK_IDS[l.net]}-net`);
      const c = containers[l.con] ?? container(CONTAINER_IDS[l.con], `${CONTAINER_IDS[l.con]}-app`);
      const key = `${n.id}/${c.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      attachments.push({ network: n, container: c, ipv4: l.ipv4, aliases: [...l.aliases] });
    }
    return snapshotOf(nets, cons, attachments);
  });

const byId = <T extends { id: string }>(items: Iterable<T>): Map<string, T> =>
  new Map([...items].map((x) => [x.id, x]));
const sorted = <T>(m: Map<string, T>): Array<[string, T]> =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Applies a patch as the webview does, insisting that it adds only new ids and updates or removes existing ones. */
function applyPatch(
  graph: GraphData,
  patch: GraphPatch,
): { nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> } {
  const nodes = byId(graph.nodes);
  const edges = byId(graph.edges);
  for (const id of patch.removeEdges) assert.ok(edges.delete(id), `removes an edge it has: ${id}`);
  for (const id of patch.removeNodes) assert.ok(nodes.delete(id), `removes a node it has: ${id}`);
  for (const n of patch.addNodes) {
    assert.ok(!nodes.has(n.id), `adds a node it lacks: ${n.id}`);
    nodes.set(n.id, n);
  }
  for (const n of patch.updateNodes) {
    assert.ok(nodes.has(n.id), `updates a node it has: ${n.id}`);
    nodes.set(n.id, n);
  }
  for (const e of patch.addEdges) {
    assert.ok(!edges.has(e.id), `adds an edge it lacks: ${e.id}`);
    edges.set(e.id, e);
  }
  for (const e of patch.updateEdges) {
    assert.ok(edges.has(e.id), `updates an edge it has: ${e.id}`);
    edges.set(e.id, e);
  }
  return { nodes, edges };
}

const patchIds = (p: GraphPatch): Record<string, string[]> => ({
  addNodes: p.addNodes.map((n) => n.id).sort(),
  updateNodes: p.updateNodes.map((n) => n.id).sort(),
  removeNodes: [...p.removeNodes].sort(),
  addEdges: p.addEdges.map((e) => e.id).sort(),
  updateEdges: p.updateEdges.map((e) => e.id).sort(),
  removeEdges: [...p.removeEdges].sort(),
});

/**
 * Sequences where only the presence of networks and containers changes while the endpoints stay the same (a
 * missing network or container is stood in for by the same record): only the appear/disappear path of the diff
 * can switch those endpoints' edges on and off.
 */
const flags = (n: number) => fc.array(fc.boolean(), { minLength: n, maxLength: n });
const presenceSequenceArb: fc.Arbitrary<TopologySnapshot[]> = fc
  .record({
    links: fc.uniqueArray(fc.tuple(fc.nat(NETWORK_IDS.length - 1), fc.nat(CONTAINER_IDS.length - 1)), {
      minLength: 1,
      maxLength: 12,
      selector: ([n, c]) => `${n}/${c}`,
    }),
    present: fc.array(fc.tuple(flags(NETWORK_IDS.length), flags(CONTAINER_IDS.length)), { minLength: 2, maxLength: 6 }),
  })
  .map(({ links, present }) => {
    const nets = NETWORK_IDS.map((id) => network(id, `${id}-net`));
    const cons = CONTAINER_IDS.map((id) => container(id, `${id}-app`));
    const attachments = links.map(([n, c]) => ({ network: nets[n], container: cons[c], ipv4: '10.0.0.2' }));
    return present.map(([netOn, conOn]) =>
      snapshotOf(
        nets.filter((_n, i) => netOn[i]),
        cons.filter((_c, i) => conOn[i]),
        attachments,
      ),
    );
  });

/** Under CI a fixed seed (the same cases every run); locally a new one each run, printed by fast-check on failure. */
const seed = process.env.CI ? 20261129 : undefined;
/** Mutation runs (stryker.config.mjs) repeat these properties for every mutant: fewer cases there. */
const runs = (n: number): number => (process.env.DNE_MUTATION_RUN ? Math.ceil(n / 4) : n);

/** Follows the sequence with a LiveGraph, checking each patch against buildGraph; counts the incremental ones. */
function assertLiveGraphFollows(snapshots: TopologySnapshot[], nodeLimit: number): Record<GraphData['mode'], number> {
  const incremental = { full: 0, aggregate: 0 };
  const live = new LiveGraph(snapshots[0], { nodeLimit });
  let shown = buildGraph(snapshots[0], { nodeLimit });
  assert.deepEqual(sorted(byId(live.graph.nodes)), sorted(byId(shown.nodes)));
  for (let i = 1; i < snapshots.length; i++) {
    const expected = buildGraph(snapshots[i], { nodeLimit });
    const patch = live.update(diffSnapshots(snapshots[i - 1], snapshots[i]), snapshots[i]);
    if (!live.lastWasRebuild) incremental[patch.mode]++;
    const applied = applyPatch(shown, patch);
    assert.equal(patch.mode, expected.mode);
    assert.deepEqual(patch.counts, expected.counts);
    assert.deepEqual(sorted(applied.nodes), sorted(byId(expected.nodes)), 'nodes and their attributes');
    assert.deepEqual(sorted(applied.edges), sorted(byId(expected.edges)), 'edges and their attributes');
    // no more than the full comparison finds: untouched nodes and edges stay out of the patch
    assert.deepEqual(patchIds(patch), patchIds(diffGraphs(shown, expected)));
    assert.deepEqual(sorted(byId(live.graph.edges)), sorted(byId(expected.edges)), 'the live graph itself');
    shown = expected;
  }
  return incremental;
}

describe('live topology graph (patches derived from the model diff)', () => {
  it('for random snapshot sequences, each patch applied to the old graph gives buildGraph of the new snapshot', () => {
    let incremental = { full: 0, aggregate: 0 };
    fc.assert(
      fc.property(
        fc.array(snapshotArb, { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 4, max: 24 }),
        (snapshots, nodeLimit) => {
          const counted = assertLiveGraphFollows(snapshots, nodeLimit);
          incremental = { full: incremental.full + counted.full, aggregate: incremental.aggregate + counted.aggregate };
        },
      ),
      { numRuns: runs(400), seed },
    );
    // The property must have exercised the incremental path in both modes, not only the rebuild.
    assert.ok(incremental.full > runs(50) && incremental.aggregate > runs(50), JSON.stringify(incremental));
  });

  it('networks and containers appearing and disappearing under unchanged endpoints switch their edges on and off', () => {
    fc.assert(
      fc.property(presenceSequenceArb, fc.integer({ min: 4, max: 24 }), (snapshots, nodeLimit) => {
        assertLiveGraphFollows(snapshots, nodeLimit);
      }),
      { numRuns: runs(300), seed },
    );
  });

  it('a connect at 2,000 containers is patched incrementally: one edge added, the container and network updated', () => {
    const before = generatedTopology(200, 2000);
    const nets = [...before.networks.values()];
    const cons = [...before.containers.values()];
    const attachments: Attach[] = [...before.endpoints.values()].map((e) => ({
      network: before.networks.get(e.networkId)!,
      container: before.containers.get(e.containerId)!,
      ipv4: e.ipv4,
    }));
    const after = snapshotOf(nets, cons, [
      ...attachments,
      { network: nets[5], container: cons[3], ipv4: '10.250.0.2' },
    ]);
    const live = new LiveGraph(before);
    const patch = live.update(diffSnapshots(before, after), after);
    assert.equal(live.lastWasRebuild, false);
    assert.deepEqual(patchIds(patch), {
      addNodes: [],
      updateNodes: ['c:con3', 'n:net5'],
      removeNodes: [],
      addEdges: ['e:net5/con3'],
      updateEdges: [],
      removeEdges: [],
    });
    assert.equal(patch.addEdges[0].label, '10.250.0.2');
  });

  it('falls back to a full rebuild when the change is large, and when the graph crosses the node limit', () => {
    const small = generatedTopology(20, 100);
    const big = generatedTopology(20, 400);
    const live = new LiveGraph(small, { nodeLimit: 300 });
    const patch = live.update(diffSnapshots(small, big), big);
    assert.equal(live.lastWasRebuild, true);
    assert.equal(patch.mode, 'aggregate');
    assert.deepEqual(sorted(byId(live.graph.nodes)), sorted(byId(buildGraph(big, { nodeLimit: 300 }).nodes)));
    const back = live.update(diffSnapshots(big, small), small);
    assert.equal(back.mode, 'full');
    assert.equal(live.graph.nodes.length, buildGraph(small, { nodeLimit: 300 }).nodes.length);
  });
});
