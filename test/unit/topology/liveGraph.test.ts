import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { diffSnapshots } from '../../../src/model/diff';
import type { TopologySnapshot } from '../../../src/model/topology';
import { buildGraph } from '../../../src/topology/graph/build';
import { diffGraphs } from '../../../src/topology/graph/diff';
import { LiveGraph } from '../../../src/topology/graph/liveGraph';
import type { GraphData } from '../../../src/topology/protocol';
import { container, generatedTopology, network, snapshotOf, type Attach } from './fakeTopology';
import { applyPatch, byId, CONTAINER_IDS, NETWORK_IDS, patchIds, snapshotArb, sorted } from './graphArbitraries';
import { propertyBudget } from '../propertyBudget';

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

/** Follows the sequence with a LiveGraph, checking each patch against buildGraph; counts the incremental ones. */
function assertLiveGraphFollows(snapshots: TopologySnapshot[], nodeLimit: number): Record<GraphData['mode'], number> {
  const incremental = { full: 0, aggregate: 0, network: 0 };
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
    const incremental = { full: 0, aggregate: 0, network: 0 };
    const budget = propertyBudget(400);
    fc.assert(
      fc.property(
        fc.array(snapshotArb, { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 4, max: 24 }),
        (snapshots, nodeLimit) => {
          const counted = assertLiveGraphFollows(snapshots, nodeLimit);
          incremental.full += counted.full;
          incremental.aggregate += counted.aggregate;
        },
      ),
      budget,
    );
    // The property must have exercised the incremental path in both modes, not only the rebuild.
    const least = budget.numRuns / 8;
    assert.ok(incremental.full > least && incremental.aggregate > least, JSON.stringify(incremental));
  });

  it('networks and containers appearing and disappearing under unchanged endpoints switch their edges on and off', () => {
    fc.assert(
      fc.property(presenceSequenceArb, fc.integer({ min: 4, max: 24 }), (snapshots, nodeLimit) => {
        assertLiveGraphFollows(snapshots, nodeLimit);
      }),
      propertyBudget(300),
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
