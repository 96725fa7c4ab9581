import { strict as assert } from 'node:assert';
import { buildFullGraph, buildGraph } from '../../../src/topology/graph/build';
import { diffGraphs, isEmptyPatch } from '../../../src/topology/graph/diff';
import { portText } from '../../../src/topology/graph/present';
import { untranslated } from '../../../src/explorer/present/text';
import { isGraphData, isGraphPatch } from '../../../src/topology/protocol';
import { container, generatedTopology, network, sampleTopology, snapshotOf } from './fakeTopology';

describe('topology graph building', () => {
  it('draws every network and container, an edge per endpoint labelled with its IP, and published ports', () => {
    const g = buildFullGraph(sampleTopology());
    assert.ok(isGraphData(g), 'the graph satisfies the protocol validator');
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const id of ['n:n-bridge', 'n:n-host', 'n:n-none', 'n:n-front', 'n:n-back', 'c:c-web', 'c:c-db', 'c:c-tool'])
      assert.ok(ids.has(id), id);
    // compose projects are framed by the webview around their members: no hub node, no membership edges
    assert.ok(g.nodes.every((n) => !n.id.startsWith('g:')) && g.edges.every((e) => e.kind !== ('member' as string)));
    const shop = g.nodes
      .filter((n) => n.project === 'shop')
      .map((n) => n.id)
      .sort();
    assert.deepEqual(shop, ['c:c-db', 'c:c-web', 'n:n-back', 'n:n-front', ...shop.filter((id) => id.startsWith('p:'))]);
    const web = g.edges.find((e) => e.id === 'e:n-front/c-web');
    assert.equal(web?.label, '172.20.0.2');
    assert.equal(g.edges.filter((e) => e.kind === 'endpoint').length, 4);
    const ports = g.nodes.filter((n) => n.kind === 'port').map((n) => [n.label, n.role]);
    assert.deepEqual(ports.sort(), [
      ['0.0.0.0:8080 → 80/tcp (all interfaces)', 'portAll'],
      ['127.0.0.1:8443 → 443/tcp (loopback only)', 'port'],
    ]);
  });

  it('tells drivers, scope, internal, host and none apart by shape and colour role', () => {
    const overlay = network('o', 'ov', { driver: 'overlay', scope: 'swarm' });
    const g = buildFullGraph(snapshotOf([overlay, ...sampleTopology().networks.values()], [], []));
    const by = (id: string) => g.nodes.find((n) => n.id === id)!;
    assert.deepEqual([by('n:o').shape, by('n:o').role], ['diamond', 'overlay']);
    assert.deepEqual([by('n:n-bridge').shape, by('n:n-bridge').role], ['square', 'bridge']);
    assert.equal(by('n:n-back').role, 'internal');
    assert.match(by('n:n-back').label, /internal/);
    assert.equal(by('n:n-host').role, 'host');
    assert.equal(by('n:n-none').role, 'none');
    assert.equal(by('n:n-none').label, 'none [no networking]');
    assert.equal(by('n:n-host').label, 'host [host networking]');
  });

  it('puts the endpoint addresses, MAC and aliases in the container details', () => {
    const g = buildFullGraph(sampleTopology());
    const web = g.nodes.find((n) => n.id === 'c:c-web')!;
    const onFront = web.details.find((d) => d.label === 'On shop_front')!;
    assert.equal(onFront.value, '172.20.0.2/16; MAC 02:42:ac:14:00:02; aliases web');
    assert.ok(web.details.some((d) => d.label === 'Port' && d.value === '0.0.0.0:8080 → 80/tcp (all interfaces)'));
    assert.deepEqual(web.networks, ['shop_back', 'shop_front']);
    assert.equal(web.project, 'shop');
  });

  it('writes IPv6 host addresses in brackets and marks :: as all interfaces', () => {
    const loopback = { hostIp: '::1', hostPort: 80, containerPort: 8080, protocol: 'tcp' as const };
    assert.equal(portText(loopback, untranslated), '[::1]:80 → 8080/tcp (loopback only)');
    const all = { hostIp: '::', hostPort: 53, containerPort: 53, protocol: 'udp' as const };
    assert.equal(portText(all, untranslated), '[::]:53 → 53/udp (all interfaces)');
  });

  it('says what it says through the translator it is given (the panel passes vscode.l10n.t)', () => {
    // the translator sees our sentences, never the engine's names that fill them
    const shout: typeof untranslated = (m, ...args) => untranslated(m.toUpperCase(), ...args);
    const g = buildGraph(sampleTopology(), { t: shout });
    const none = g.nodes.find((n) => n.id === 'n:n-none')!;
    assert.equal(none.label, 'none [NO NETWORKING]');
    assert.ok(none.details.some((d) => d.label === 'DRIVER' && d.value === 'null'));
    const web = g.nodes.find((n) => n.id === 'c:c-web')!;
    assert.ok(
      web.details.some((d) => d.label === 'ON shop_front'),
      'the engine name fills the translated sentence',
    );
  });

  it('switches to a networks-only graph above the node limit', () => {
    const s = generatedTopology(20, 500);
    const full = buildGraph(s, { nodeLimit: 10_000 });
    const agg = buildGraph(s, { nodeLimit: 100 });
    assert.equal(full.mode, 'full');
    assert.equal(agg.mode, 'aggregate');
    assert.equal(agg.nodes.length, 20);
    assert.ok(agg.nodes.every((n) => n.kind === 'network'));
    assert.ok(agg.edges.length > 0 && agg.edges.every((e) => e.kind === 'shared' && /\d+ shared/.test(e.label)));
    assert.equal(agg.counts.containers, 500);
  });
});

describe('topology graph patches', () => {
  it('a connect adds exactly one edge and updates only the touched nodes', () => {
    const base = sampleTopology();
    const nets = [...base.networks.values()];
    const cons = [...base.containers.values()];
    const front = base.networks.get('n-front')!;
    const tool = base.containers.get('c-tool')!;
    const attachments = [...base.endpoints.values()].map((e) => ({
      network: base.networks.get(e.networkId)!,
      container: base.containers.get(e.containerId)!,
      ipv4: e.ipv4,
      mac: e.mac,
      aliases: [...e.aliases],
    }));
    const after = snapshotOf(nets, cons, [...attachments, { network: front, container: tool, ipv4: '172.20.0.9' }]);
    const patch = diffGraphs(buildFullGraph(base), buildFullGraph(after));
    assert.ok(isGraphPatch(patch));
    assert.deepEqual(
      patch.addEdges.map((e) => [e.id, e.label]),
      [['e:n-front/c-tool', '172.20.0.9']],
    );
    assert.deepEqual(patch.addNodes, []);
    assert.deepEqual(patch.removeNodes, []);
    assert.deepEqual(patch.removeEdges, []);
    // the container (its networks and details) and the network (endpoint count) change; nothing else
    assert.deepEqual(patch.updateNodes.map((n) => n.id).sort(), ['c:c-tool', 'n:n-front']);
  });

  it('removing a container removes its node, its ports and its edges', () => {
    const base = sampleTopology();
    const nets = [...base.networks.values()];
    const rest = [...base.containers.values()].filter((c) => c.id !== 'c-web');
    const attachments = [...base.endpoints.values()]
      .filter((e) => e.containerId !== 'c-web')
      .map((e) => ({ network: base.networks.get(e.networkId)!, container: base.containers.get(e.containerId)! }));
    const patch = diffGraphs(buildFullGraph(base), buildFullGraph(snapshotOf(nets, rest, attachments)));
    assert.deepEqual(
      patch.removeNodes.filter((id) => id.startsWith('c:')),
      ['c:c-web'],
    );
    assert.equal(patch.removeNodes.filter((id) => id.startsWith('p:')).length, 2);
    assert.ok(patch.removeEdges.includes('e:n-front/c-web') && patch.removeEdges.includes('e:n-back/c-web'));
    assert.deepEqual(patch.addNodes, []);
  });

  it('the same snapshot twice gives an empty patch', () => {
    const s = generatedTopology(10, 200);
    assert.ok(isEmptyPatch(diffGraphs(buildFullGraph(s), buildFullGraph(s))));
  });

  it('a new container with a new network: both nodes and the edge are added', () => {
    const n = network('nx', 'extra');
    const c = container('cx', 'newcomer');
    const patch = diffGraphs(
      buildFullGraph(snapshotOf([], [], [])),
      buildFullGraph(snapshotOf([n], [c], [{ network: n, container: c, ipv4: '10.9.0.2' }])),
    );
    assert.deepEqual(patch.addNodes.map((x) => x.id).sort(), ['c:cx', 'n:nx']);
    assert.deepEqual(
      patch.addEdges.map((x) => x.id),
      ['e:nx/cx'],
    );
  });
});
