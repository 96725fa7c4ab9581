/**
 * SnapshotEditor, case by case: what a view receives after one apply, written out. Unchanged objects keep their
 * identity (views compare by identity), an update about an object the snapshot never held leaves every map as it
 * was, a network's endpoint list survives an update of that network, and the Swarm refresh keeps the node id.
 * The property tests (snapshotEditor.test.ts) compare with a fresh listing; these pin what they cannot see.
 */
import * as assert from 'node:assert/strict';
import type { EngineContainer, EngineListing, EngineNetwork } from '../../../src/engine/records';
import { SnapshotEditor } from '../../../src/model/incremental/snapshotEditor';
import type { SnapshotDiff, TopologySnapshot } from '../../../src/model/topology';

function network(id: string, name: string): EngineNetwork {
  return { Id: id, Name: name, Driver: 'bridge', Scope: 'local', IPAM: { Config: [{ Subnet: '10.0.0.0/24' }] } };
}

/** A running container attached to each network named in `addresses` (network name -> [network id, IPv4]). */
function container(id: string, name: string, addresses: Record<string, [string, string]>): EngineContainer {
  const networks: Record<string, { NetworkID: string; EndpointID: string; IPAddress: string; IPPrefixLen: number }> =
    {};
  for (const [networkName, [networkId, ip]] of Object.entries(addresses)) {
    networks[networkName] = {
      NetworkID: networkId,
      EndpointID: `ep-${id}-${networkId}`,
      IPAddress: ip,
      IPPrefixLen: 24,
    };
  }
  return { Id: id, Names: [`/${name}`], State: 'running', NetworkSettings: { Networks: networks } };
}

const front = network('n1', 'front');
const back = network('n2', 'back');
const api = container('c1', 'api', { front: ['n1', '10.0.0.2'], back: ['n2', '10.1.0.2'] });
const db = container('c2', 'db', { front: ['n1', '10.0.0.3'] });

function listing(): EngineListing {
  return structuredClone({ networks: [front, back], containers: [api, db] });
}

/** A network's endpoint list as a view shows it: container name and address. */
function networkRows(snapshot: TopologySnapshot, networkId: string): string[] {
  return (snapshot.endpointsByNetwork.get(networkId) ?? []).map((e) => `${e.containerName} ${e.networkName} ${e.ipv4}`);
}

function containerRows(snapshot: TopologySnapshot, containerId: string): string[] {
  return (snapshot.endpointsByContainer.get(containerId) ?? []).map((e) => `${e.networkName} ${e.ipv4}`);
}

const NO_CHANGE = { added: [], removed: [], changed: [] };

function assertEmptyDiff(diff: SnapshotDiff): void {
  assert.deepStrictEqual(diff.networks, NO_CHANGE, 'no network change');
  assert.deepStrictEqual(diff.containers, NO_CHANGE, 'no container change');
  assert.deepStrictEqual(diff.endpoints, NO_CHANGE, 'no endpoint change');
}

describe('SnapshotEditor: what a view receives after one update', () => {
  it('a container update that changes nothing keeps the container, its endpoints and its lists as the same objects', () => {
    const editor = new SnapshotEditor(listing());
    const before = editor.snapshot;
    const { snapshot, diff } = editor.apply([{ kind: 'container', id: 'c1', record: structuredClone(api) }]);
    assertEmptyDiff(diff);
    assert.equal(snapshot.containers.get('c1'), before.containers.get('c1'), 'the container object');
    assert.equal(snapshot.endpoints.get('n1/c1'), before.endpoints.get('n1/c1'), 'the endpoint on front');
    assert.equal(snapshot.endpoints.get('n2/c1'), before.endpoints.get('n2/c1'), 'the endpoint on back');
    assert.equal(snapshot.endpointsByContainer.get('c1'), before.endpointsByContainer.get('c1'), "api's list");
    assert.equal(snapshot.endpointsByNetwork.get('n1'), before.endpointsByNetwork.get('n1'), "front's list");
    assert.deepStrictEqual(containerRows(snapshot, 'c1'), ['back 10.1.0.2', 'front 10.0.0.2']);
  });

  it('a network update that changes nothing keeps the network object and its endpoint list', () => {
    const editor = new SnapshotEditor(listing());
    const before = editor.snapshot;
    const { snapshot, diff } = editor.apply([{ kind: 'network', id: 'n1', record: structuredClone(front) }]);
    assertEmptyDiff(diff);
    assert.equal(snapshot.networks.get('n1'), before.networks.get('n1'), 'the network object');
    assert.deepStrictEqual(networkRows(snapshot, 'n1'), ['api front 10.0.0.2', 'db front 10.0.0.3']);
    assert.deepStrictEqual(networkRows(snapshot, 'n2'), ['api back 10.1.0.2']);
  });

  it('an update about a network or container never held leaves every map of the snapshot as it was', () => {
    const editor = new SnapshotEditor(listing());
    const before = editor.snapshot;
    const { snapshot, diff } = editor.apply([
      { kind: 'network', id: 'n-unknown', record: undefined },
      { kind: 'container', id: 'c-unknown', record: undefined },
    ]);
    assertEmptyDiff(diff);
    assert.equal(snapshot.networks, before.networks, 'networks');
    assert.equal(snapshot.containers, before.containers, 'containers');
    assert.equal(snapshot.endpoints, before.endpoints, 'endpoints');
    assert.equal(snapshot.endpointsByNetwork, before.endpointsByNetwork, 'endpointsByNetwork');
    assert.equal(snapshot.endpointsByContainer, before.endpointsByContainer, 'endpointsByContainer');
  });

  it("one endpoint of a container changes and the other stays: the container's list shows the new address", () => {
    const editor = new SnapshotEditor(listing());
    const before = editor.snapshot;
    const moved = container('c1', 'api', { front: ['n1', '10.0.0.2'], back: ['n2', '10.1.0.9'] });
    const { snapshot, diff } = editor.apply([{ kind: 'container', id: 'c1', record: moved }]);
    assert.deepStrictEqual(containerRows(snapshot, 'c1'), ['back 10.1.0.9', 'front 10.0.0.2']);
    assert.deepStrictEqual(networkRows(snapshot, 'n2'), ['api back 10.1.0.9']);
    assert.equal(snapshot.endpoints.get('n1/c1'), before.endpoints.get('n1/c1'), 'the unchanged endpoint is kept');
    assert.deepStrictEqual(
      diff.endpoints.changed.map((e) => `${e.key} ${e.ipv4}`),
      ['n2/c1 10.1.0.9'],
      'one endpoint changed',
    );
  });

  it('a network removed then listed again under a new name in one batch lists every container of it', () => {
    const editor = new SnapshotEditor(listing());
    const { snapshot } = editor.apply([
      { kind: 'network', id: 'n1', record: undefined },
      { kind: 'network', id: 'n1', record: network('n1', 'edge') },
    ]);
    assert.deepStrictEqual(networkRows(snapshot, 'n1'), ['api edge 10.0.0.2', 'db edge 10.0.0.3']);
    assert.deepStrictEqual(containerRows(snapshot, 'c2'), ['edge 10.0.0.3']);
    assert.deepStrictEqual(
      [...snapshot.networks.values()].map((n) => n.name),
      ['back', 'edge'],
    );
  });

  it('starts from a listing without a containers field: networks only, empty lists', () => {
    const editor = new SnapshotEditor({ networks: [structuredClone(front)] } as unknown as EngineListing);
    assert.deepStrictEqual([...editor.snapshot.containers.keys()], []);
    assert.deepStrictEqual(networkRows(editor.snapshot, 'n1'), []);
    const { snapshot } = editor.apply([{ kind: 'container', id: 'c2', record: structuredClone(db) }]);
    assert.deepStrictEqual(networkRows(snapshot, 'n1'), ['db front 10.0.0.3']);
  });
});

describe('SnapshotEditor.applySwarm: the node id', () => {
  const lists = { services: [], tasks: [], nodes: [] };

  it('a refresh naming its node id replaces the previous one; one without keeps the previous one', () => {
    const editor = new SnapshotEditor({ ...listing(), swarm: { role: 'manager', nodeId: 'node-a', ...lists } });
    assert.equal(editor.applySwarm({ role: 'manager', nodeId: 'node-b', ...lists }).snapshot.swarm?.nodeId, 'node-b');
    assert.equal(editor.applySwarm({ role: 'manager', ...lists }).snapshot.swarm?.nodeId, 'node-b');
  });

  it('a refresh without a node id on a snapshot that had no Swarm part gives a Swarm part without one', () => {
    const editor = new SnapshotEditor(listing());
    const { snapshot } = editor.applySwarm({ role: 'worker', ...lists });
    assert.equal(snapshot.swarm?.role, 'worker');
    assert.equal(snapshot.swarm?.nodeId, undefined);
  });

  it('a refresh naming its node id on a snapshot without a Swarm part takes that id', () => {
    const editor = new SnapshotEditor(listing());
    assert.equal(editor.applySwarm({ role: 'manager', nodeId: 'node-c', ...lists }).snapshot.swarm?.nodeId, 'node-c');
  });
});
