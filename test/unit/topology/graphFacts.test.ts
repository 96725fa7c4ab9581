/**
 * What the topology panel shows, fact by fact, for the cases the broader graph tests leave open: the colour of
 * macvlan and ipvlan networks, the IP-range row of a network's details, the endpoint count in a networks-only
 * label, the shared-network edges (never a network with itself), and the address an endpoint edge shows.
 * Expected values are written out here, never computed by the code under test.
 */
import { strict as assert } from 'node:assert';
import { buildAggregateGraph, buildFullGraph } from '../../../src/topology/graph/build';
import type { GraphData } from '../../../src/topology/protocol';
import { container, network, snapshotOf } from './fakeTopology';

const node = (g: GraphData, id: string) => {
  const found = g.nodes.find((n) => n.id === id);
  assert.ok(found, `node ${id}`);
  return found;
};

describe('topology graph: what each node and edge shows', () => {
  it('colours macvlan and ipvlan networks alike, and apart from bridge and unknown drivers', () => {
    const nets = [
      network('mv', 'lan-mv', { driver: 'macvlan' }),
      network('iv', 'lan-iv', { driver: 'ipvlan' }),
      network('br', 'br', { driver: 'bridge' }),
      network('wv', 'weave', { driver: 'weaveworks/net-plugin:latest' }),
    ];
    const g = buildFullGraph(snapshotOf(nets, [], []));
    const roles = ['mv', 'iv', 'br', 'wv'].map((id) => node(g, `n:${id}`).role);
    assert.deepEqual(roles, ['macvlan', 'macvlan', 'bridge', 'otherDriver']);
  });

  it('lists the subnet, gateway and IP range of each IPAM config in the network details', () => {
    const ipam = [{ subnet: '172.30.0.0/16', gateway: '172.30.0.1', ipRange: '172.30.5.0/24', auxAddresses: {} }];
    const g = buildFullGraph(snapshotOf([network('n1', 'back', { ipam })], [], []));
    const rows = node(g, 'n:n1').details;
    assert.deepEqual(
      rows.filter((r) => ['Subnet', 'Gateway', 'IP range'].includes(r.label)),
      [
        { label: 'Subnet', value: '172.30.0.0/16' },
        { label: 'Gateway', value: '172.30.0.1' },
        { label: 'IP range', value: '172.30.5.0/24' },
      ],
    );
  });

  it('networks-only view: labels carry the endpoint count; one edge per pair of networks sharing containers', () => {
    const [a, b, c] = [network('na', 'front'), network('nb', 'back'), network('nc', 'lonely')];
    const [x, y, z] = [container('cx', 'x'), container('cy', 'y'), container('cz', 'z')];
    const g = buildAggregateGraph(
      snapshotOf(
        [a, b, c],
        [x, y, z],
        [
          { network: a, container: x },
          { network: b, container: x },
          { network: a, container: y },
          { network: b, container: y },
          { network: a, container: z },
        ],
      ),
    );
    assert.deepEqual(g.nodes.map((n) => n.label).sort(), ['back (2)', 'front (3)', 'lonely (0)']);
    assert.deepEqual(
      g.edges.map((e) => [e.source, e.target, e.label]),
      [['n:na', 'n:nb', '2 shared']],
    );
  });

  it('a container on one network shares nothing: no network is linked to itself', () => {
    const a = network('na', 'front');
    const x = container('cx', 'x');
    const g = buildAggregateGraph(snapshotOf([a], [x], [{ network: a, container: x }]));
    assert.deepEqual(g.edges, []);
  });

  it('labels a dual-stack endpoint edge with its IPv4 address, an IPv6-only one with its IPv6 address', () => {
    const [v4, v6] = [network('n4', 'dual'), network('n6', 'v6only')];
    const web = container('cw', 'web');
    const snapshot = snapshotOf(
      [v4, v6],
      [web],
      [
        { network: v4, container: web, ipv4: '10.1.0.2' },
        { network: v6, container: web },
      ],
    );
    Object.assign(snapshot.endpoints.get('n4/cw')!, { ipv6: 'fd00:1::2', ipv6PrefixLen: 64 });
    Object.assign(snapshot.endpoints.get('n6/cw')!, { ipv6: 'fd00:6::2', ipv6PrefixLen: 64 });
    const g = buildFullGraph(snapshot);
    const label = (id: string) => g.edges.find((e) => e.id === id)?.label;
    assert.equal(label('e:n4/cw'), '10.1.0.2');
    assert.equal(label('e:n6/cw'), 'fd00:6::2');
  });
});
