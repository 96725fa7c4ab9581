/**
 * The drill-down's host side: one network's graph (its containers, their ports, its endpoint edges) built with
 * the full graph's own nodes, and DrilledGraph following random changes with patches that, applied as the webview
 * applies them, give that network's graph of the new snapshot; the network's removal ends the drill. A change the
 * network does not see keeps the drawn graph as it is (no rebuild); a drawn container's own change updates its node.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { diffSnapshots } from '../../../src/model/diff';
import { buildFullGraph } from '../../../src/topology/graph/build';
import { buildNetworkGraph, DrilledGraph } from '../../../src/topology/graph/drill';
import { container, network, shop, shopSnapshot, snapshotOf, type Attach } from './fakeTopology';
import { applyPatch, byId, NETWORK_IDS, snapshotArb, sorted } from './graphArbitraries';
import { propertyBudget } from '../propertyBudget';

const { web, db, api, pg, worker } = shop;
const snapshot = shopSnapshot();

describe('topology drill-down into one network', () => {
  it("draws the network, its containers with their published ports and only that network's endpoint edges", () => {
    const graph = buildNetworkGraph(snapshot, 'n-web')!;
    assert.equal(graph.mode, 'network');
    assert.deepEqual(graph.nodes.map((n) => n.id).sort(), ['c:c-api', 'n:n-web', 'p:c-api:0.0.0.0:8080:80/tcp']);
    assert.deepEqual(graph.edges.map((e) => [e.id, e.label]).sort(), [
      ['e:n-web/c-api', '10.1.0.2'],
      ['x:p:c-api:0.0.0.0:8080:80/tcp', ''],
    ]);
    assert.deepEqual(graph.counts, { networks: 1, containers: 1, endpoints: 1 });
    // the same nodes as in the full graph: a container still lists all its networks in its details
    const full = byId(buildFullGraph(snapshot).nodes);
    for (const n of graph.nodes) assert.deepEqual(n, full.get(n.id));
    assert.deepEqual(full.get('c:c-api')?.networks, ['shop_db', 'shop_web']);
  });

  it('a network without endpoints is drawn alone; an unknown network has no graph', () => {
    const empty = snapshotOf([web], [worker], []);
    assert.deepEqual(
      buildNetworkGraph(empty, 'n-web')!.nodes.map((n) => n.id),
      ['n:n-web'],
    );
    const alone = buildNetworkGraph(empty, 'n-web')!.nodes[0];
    assert.equal(alone.size, 8, 'the smallest network circle');
    assert.ok(alone.details.some((d) => d.label === 'Endpoints' && d.value === '0'));
    assert.equal(buildNetworkGraph(snapshot, 'nothere'), undefined);
    assert.throws(() => new DrilledGraph('nothere', snapshot), /no network nothere in the snapshot/);
  });

  it('a change elsewhere sends nothing; a connect to the network adds the container and its edge', () => {
    const drilled = new DrilledGraph('n-web', snapshot);
    assert.deepEqual(drilled.scope, { nodeId: 'n:n-web', label: 'shop_web' });
    // pg moves to another address on shop_db, the worker joins shop_db: nothing on shop_web changes
    const links: Attach[] = [
      { network: web, container: api, ipv4: '10.1.0.2' },
      { network: db, container: api, ipv4: '10.2.0.2' },
      { network: db, container: pg, ipv4: '10.2.0.4' },
      { network: db, container: worker, ipv4: '10.2.0.5' },
    ];
    const elsewhere = snapshotOf([web, db], [api, pg, worker], links);
    const drawn = drilled.graph;
    const quiet = drilled.update(diffSnapshots(snapshot, elsewhere), elsewhere)!;
    assert.equal(drilled.graph, drawn, 'an endpoint change on another network does not rebuild this one');
    assert.equal(
      quiet.addNodes.length + quiet.updateNodes.length + quiet.addEdges.length + quiet.removeEdges.length,
      0,
    );
    const connected = snapshotOf(
      [web, db],
      [api, pg, worker],
      [...links, { network: web, container: pg, ipv4: '10.1.0.3' }],
    );
    const patch = drilled.update(diffSnapshots(elsewhere, connected), connected)!;
    assert.deepEqual(
      patch.addNodes.map((n) => n.id),
      ['c:c-pg'],
    );
    assert.deepEqual(
      patch.addEdges.map((e) => [e.id, e.label]),
      [['e:n-web/c-pg', '10.1.0.3']],
    );
    assert.deepEqual(
      patch.updateNodes.map((n) => n.id),
      ['n:n-web'],
      'the endpoint count in its details',
    );
  });

  it('only published ports are drawn; a change to another network alone keeps the same graph', () => {
    const exposing = container('c-api', 'shop-api-1', {
      ports: [...api.ports, { containerPort: 9000, protocol: 'tcp' }],
    });
    const s0 = snapshotOf([web, db], [exposing], [{ network: web, container: exposing, ipv4: '10.1.0.2' }]);
    const drilled = new DrilledGraph('n-web', s0);
    assert.deepEqual(
      drilled.graph.nodes.map((n) => n.id),
      ['n:n-web', 'c:c-api', 'p:c-api:0.0.0.0:8080:80/tcp'],
    );
    const drawn = drilled.graph;
    const relabelled = network('n-db', 'shop_db', { internal: true, labels: { tier: 'data' } });
    const s1 = snapshotOf([web, relabelled], [exposing], [{ network: web, container: exposing, ipv4: '10.1.0.2' }]);
    const patch = drilled.update(diffSnapshots(s0, s1), s1)!;
    assert.equal(patch.updateNodes.length + patch.addNodes.length + patch.removeNodes.length, 0);
    assert.equal(drilled.graph, drawn, 'a label on shop_db does not rebuild the shop_web graph');
  });

  it("a drawn container's own change (a new image, no endpoint change) updates its node, among others' changes", () => {
    const drilled = new DrilledGraph('n-web', snapshot);
    const upgraded = shopSnapshot().containers.get('c-api')!;
    const next = shopSnapshot();
    const containers = next.containers as Map<string, typeof upgraded>;
    containers.set('c-api', { ...upgraded, image: 'shop-api:2' });
    containers.set('c-worker', { ...worker, image: 'shop-worker:2' }); // not drawn here
    const patch = drilled.update(diffSnapshots(snapshot, next), next)!;
    assert.deepEqual(
      patch.updateNodes.map((n) => [n.id, n.details.find((d) => d.label === 'Image')?.value]),
      [['c:c-api', 'shop-api:2']],
    );
    assert.equal(patch.addNodes.length + patch.addEdges.length + patch.removeEdges.length, 0);
  });

  it('the network removed ends the drill (undefined instead of a patch)', () => {
    const drilled = new DrilledGraph('n-web', snapshot);
    const gone = snapshotOf([db], [api, pg], [{ network: db, container: api, ipv4: '10.2.0.2' }]);
    assert.equal(drilled.update(diffSnapshots(snapshot, gone), gone), undefined);
  });

  it('for random snapshot sequences, each patch applied gives the network graph of the new snapshot', () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { minLength: 2, maxLength: 5 }), fc.constantFrom(...NETWORK_IDS), (s, id) => {
        const start = s.findIndex((x) => x.networks.has(id));
        fc.pre(start >= 0);
        const drilled = new DrilledGraph(id, s[start]);
        let shown = drilled.graph;
        for (let i = start + 1; i < s.length; i++) {
          const patch = drilled.update(diffSnapshots(s[i - 1], s[i]), s[i]);
          const expected = buildNetworkGraph(s[i], id);
          if (!patch) {
            assert.equal(expected, undefined, 'ends only when the network is gone');
            return;
          }
          assert.ok(expected);
          const applied = applyPatch(shown, patch);
          assert.deepEqual(sorted(applied.nodes), sorted(byId(expected.nodes)), 'nodes and their attributes');
          assert.deepEqual(sorted(applied.edges), sorted(byId(expected.edges)), 'edges and their attributes');
          shown = expected;
        }
      }),
      propertyBudget(300),
    );
  });
});
