/**
 * The graph's structure as the panel draws it: which ports become nodes (published ones only) and their ids,
 * which endpoints become edges (both ends present) and their labels, node sizes by endpoint count, the
 * networks-only edges (sorted pairs of present networks), and the node limit that switches views. Expected values
 * are written out here; each graph is built inside its test (code run at file load has no per-test coverage).
 */
import { strict as assert } from 'node:assert';
import {
  addCount,
  buildAggregateGraph,
  buildFullGraph,
  buildGraph,
  publishedCount,
} from '../../../src/topology/graph/build';
import { track } from '../../../src/topology/graph/diff';
import { memoTranslate, networkLabel } from '../../../src/topology/graph/present';
import { untranslated } from '../../../src/explorer/present/text';
import type { GraphData } from '../../../src/topology/protocol';
import { container, network, snapshotOf } from './fakeTopology';

const ids = (list: ReadonlyArray<{ id: string }>): string[] => list.map((x) => x.id).sort();

function withPorts(): ReturnType<typeof snapshotOf> {
  const net = network('n1', 'front');
  const web = container('c1', 'web', {
    ports: [
      { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostPort: 9090, containerPort: 90, protocol: 'udp' },
      { containerPort: 5432, protocol: 'tcp' },
    ],
  });
  return snapshotOf([net], [web], [{ network: net, container: web }]);
}

describe('topology graph: nodes, edges and sizes', () => {
  it('draws published ports only, with ids naming address, host port, container port and protocol', () => {
    const g = buildFullGraph(withPorts());
    assert.deepEqual(ids(g.nodes), ['c:c1', 'n:n1', 'p:c1:0.0.0.0:8080:80/tcp', 'p:c1::9090:90/udp']);
    const publish = g.edges.filter((e) => e.kind === 'publish');
    assert.deepEqual(
      publish.map((e) => [e.id, e.source, e.target, e.label]),
      [
        ['x:p:c1:0.0.0.0:8080:80/tcp', 'c:c1', 'p:c1:0.0.0.0:8080:80/tcp', ''],
        ['x:p:c1::9090:90/udp', 'c:c1', 'p:c1::9090:90/udp', ''],
      ],
    );
  });

  it('labels an endpoint edge without addresses with nothing', () => {
    const g = buildFullGraph(withPorts());
    assert.deepEqual(
      g.edges.filter((e) => e.kind === 'endpoint').map((e) => [e.id, e.label]),
      [['e:n1/c1', '']],
    );
  });

  it('draws no edge for an endpoint whose network or container is missing from the listing', () => {
    const net = network('n1', 'front');
    const web = container('c1', 'web');
    const full = snapshotOf([net], [web], [{ network: net, container: web, ipv4: '10.0.0.2' }]);
    const noContainer = { ...full, containers: new Map() };
    const noNetwork = { ...full, networks: new Map() };
    assert.deepEqual(buildFullGraph(noContainer).edges, []);
    assert.deepEqual(buildFullGraph(noNetwork).edges, []);
    assert.deepEqual(ids(buildFullGraph(full).edges), ['e:n1/c1']);
  });

  it('sizes a network by its endpoints, up to a cap, in both views', () => {
    const nets = ['n0', 'n4', 'n400'].map((id) => network(id, id));
    const cons = Array.from({ length: 400 }, (_, i) => container(`c${i}`, `c${i}`));
    const attach = [
      ...cons.slice(0, 4).map((c) => ({ network: nets[1], container: c })),
      ...cons.map((c) => ({ network: nets[2], container: c })),
    ];
    const s = snapshotOf(nets, cons, attach);
    const size = (g: GraphData, id: string) => g.nodes.find((n) => n.id === id)?.size;
    const full = buildFullGraph(s);
    assert.deepEqual([size(full, 'n:n0'), size(full, 'n:n4'), size(full, 'n:n400')], [8, 10, 16]);
    const agg = buildAggregateGraph(s);
    assert.deepEqual([size(agg, 'n:n0'), size(agg, 'n:n4'), size(agg, 'n:n400')], [6, 10, 30]);
  });

  it('networks-only view: one edge per sorted pair of listed networks, whatever the endpoint order', () => {
    const a = network('a', 'alpha');
    const b = network('b', 'beta');
    const ghost = network('zz', 'gone');
    const c = container('c1', 'web');
    const s = snapshotOf(
      [a, b],
      [c],
      [
        { network: ghost, container: c },
        { network: b, container: c },
        { network: a, container: c },
      ],
    );
    const g = buildAggregateGraph(s);
    assert.deepEqual(
      g.edges.map((e) => [e.id, e.source, e.target, e.label]),
      [['s:a|b', 'n:a', 'n:b', '1 shared']],
    );
  });

  it('switches to networks only when networks, containers and published ports exceed the limit', () => {
    const s = withPorts(); // 1 network + 1 container + 2 published ports (the exposed-only one does not count)
    assert.equal(buildGraph(s, { nodeLimit: 4 }).mode, 'full');
    assert.equal(buildGraph(s, { nodeLimit: 3 }).mode, 'aggregate');
    assert.equal(publishedCount(s.containers.get('c1')), 2);
    assert.equal(publishedCount(undefined), 0);
  });
});

describe('topology graph: counters and change tracking', () => {
  it('a count that reaches zero leaves the map; no key, no count', () => {
    const map = new Map<string, number>();
    addCount(map, 'a|b', 1);
    addCount(map, 'a|b', 1);
    assert.deepEqual([...map], [['a|b', 2]]);
    addCount(map, 'a|b', -2);
    assert.deepEqual([...map], []);
    addCount(map, undefined, 1);
    addCount(map, '', 1);
    assert.deepEqual([...map], []);
  });

  it('removing what is not there lists no removal', () => {
    const current = new Map<string, number>([['kept', 1]]);
    const removed: string[] = [];
    track(current, 'absent', undefined, (x, y) => x === y, [], [], removed);
    assert.deepEqual(removed, []);
    track(current, 'kept', undefined, (x, y) => x === y, [], [], removed);
    assert.deepEqual(removed, ['kept']);
    assert.deepEqual([...current], []);
  });

  it('marks a network with every flag it has, comma-separated', () => {
    const t = memoTranslate(untranslated);
    assert.equal(
      networkLabel(network('x', 'odd', { internal: true, driver: 'host' }), t),
      'odd [internal, host networking]',
    );
    assert.equal(networkLabel(network('y', 'plain'), t), 'plain');
  });
});
