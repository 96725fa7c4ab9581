/**
 * The details pane of the topology panel, row by row, for a network, a container and a published
 * port; and the patch between two graphs when only an edge's label or ends change. Expected rows are written out.
 */
import { strict as assert } from 'node:assert';
import { buildFullGraph } from '../../../src/topology/graph/build';
import { diffGraphs, isEmptyPatch } from '../../../src/topology/graph/diff';
import type { GraphData, GraphEdge } from '../../../src/topology/protocol';
import { container, network, snapshotOf } from './fakeTopology';

const rows = (g: GraphData, id: string): string[] => {
  const node = g.nodes.find((n) => n.id === id);
  assert.ok(node, `node ${id}`);
  return node.details.map((d) => `${d.label}: ${d.value}`);
};

function sample(): GraphData {
  const back = network('n1', 'shop_back', {
    composeProject: 'shop',
    options: { 'com.docker.network.driver.mtu': '1400' },
    labels: { zeta: '1', alpha: '2' },
  });
  const plain = network('n2', 'plain');
  const web = container('c0123456789abcdef', 'web', {
    composeProject: 'shop',
    composeService: 'web',
    status: 'Up 5 minutes',
    image: 'nginx:1',
    labels: { zz: 'last', aa: 'first' },
    ports: [{ hostIp: '127.0.0.1', hostPort: 8443, containerPort: 443, protocol: 'tcp' }],
  });
  const snapshot = snapshotOf(
    [back, plain],
    [web],
    [
      { network: back, container: web, ipv4: '10.1.0.2', mac: '02:42:0a:01:00:02', aliases: ['api', 'c0123456789a'] },
      { network: plain, container: web },
    ],
  );
  Object.assign(snapshot.endpoints.get('n1/c0123456789abcdef')!, { ipv6: 'fd00::2' });
  return buildFullGraph(snapshot);
}

// The graph is built inside each test, never when the file loads: mutation testing's per-test coverage runs only
// the tests that reach a mutant, and code run at load time is attributed to no test.
describe('topology graph: the details pane', () => {
  it('a network: name, driver, scope, endpoints, kind, project, then the Networks view rows', () => {
    assert.deepEqual(rows(sample(), 'n:n1'), [
      'Network: shop_back',
      'Driver: bridge',
      'Scope: local',
      'Endpoints: 1',
      'Kind: user-defined',
      'Compose project: shop',
      'ID: n1',
      'IPAM driver: default',
      'Option com.docker.network.driver.mtu: 1400',
      'Label zeta: 1',
      'Label alpha: 2',
      'Flags: none',
    ]);
    const builtIn = buildFullGraph(snapshotOf([network('b', 'bridge')], [], []));
    assert.deepEqual(rows(builtIn, 'n:b').slice(4, 5), ['Kind: built-in']);
  });

  it('a container: short id, state, image, mode, compose names, each endpoint, ports, sorted labels', () => {
    assert.deepEqual(rows(sample(), 'c:c0123456789abcdef'), [
      'Container: web',
      'ID: c0123456789a',
      'State: running (Up 5 minutes)',
      'Image: nginx:1',
      'Network mode: default',
      'Compose project: shop',
      'Compose service: web',
      'On shop_back: 10.1.0.2/16 · fd00::2; MAC 02:42:0a:01:00:02; aliases api',
      'On plain: no address',
      'Port: 127.0.0.1:8443 → 443/tcp (loopback only)',
      'Label aa: first',
      'Label zz: last',
    ]);
    const bare = buildFullGraph(snapshotOf([], [container('c1', 'idle', { status: '' })], []));
    assert.deepEqual(rows(bare, 'c:c1').slice(2, 3), ['State: running']);
  });

  it('a published port', () => {
    assert.deepEqual(rows(sample(), 'p:c0123456789abcdef:127.0.0.1:8443:443/tcp'), [
      'Published port: 127.0.0.1:8443 → 443/tcp',
      'Container: web',
      'Reachable from: loopback only',
    ]);
  });
});

describe('topology graph: patches when only an edge changes', () => {
  const edge: GraphEdge = { id: 'e:a/b', kind: 'endpoint', source: 'n:a', target: 'c:b', label: '10.0.0.2' };
  const counts = { networks: 0, containers: 0, endpoints: 0 };
  const graph = (edges: GraphEdge[]): GraphData => ({ mode: 'full', counts, nodes: [], edges });

  it('updates an edge whose label, kind, source or target changed, and nothing for an equal one', () => {
    for (const change of [{ label: '10.0.0.3' }, { kind: 'shared' as const }, { source: 'n:x' }, { target: 'c:y' }]) {
      const patch = diffGraphs(graph([edge]), graph([{ ...edge, ...change }]));
      assert.deepEqual(
        patch.updateEdges.map((e) => e.id),
        ['e:a/b'],
        JSON.stringify(change),
      );
      assert.equal(isEmptyPatch(patch), false);
    }
    assert.equal(isEmptyPatch(diffGraphs(graph([edge]), graph([{ ...edge }]))), true);
  });

  it('a patch that only removes an edge is not empty', () => {
    const patch = diffGraphs(graph([edge]), graph([]));
    assert.deepEqual(patch.removeEdges, ['e:a/b']);
    assert.equal(isEmptyPatch(patch), false);
  });
});
