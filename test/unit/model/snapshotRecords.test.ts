/**
 * buildSnapshot on engine records with fields missing or set, written out by hand: the entity each view shows
 * (every field spelled out here, never computed by the code under test) and the order the views list them in.
 */
import { strict as assert } from 'node:assert';
import type { EngineContainer, EngineListing, EngineNetwork, EnginePort } from '../../../src/engine/records';
import { buildSnapshot, containerEndpoints } from '../../../src/model/snapshot';
import type { PortModel } from '../../../src/model/topology';
import { network } from '../topology/fakeTopology';

const LONG_ID = '0123456789abcdef'.repeat(4);

function portsOf(ports: EnginePort[]): readonly PortModel[] | undefined {
  return buildSnapshot({ networks: [], containers: [{ Id: 'c1', Names: ['/c'], Ports: ports }] }).containers.get('c1')
    ?.ports;
}

describe('buildSnapshot on engine records with fields missing', () => {
  it('shows a network the engine sent without name, driver, scope or flags with empty texts and flags off', () => {
    const snapshot = buildSnapshot({ networks: [{ Id: 'n1' } as EngineNetwork], containers: [] });
    // The defaults of a plain local bridge network, but for what the engine left out: name, driver, scope.
    const expected = network('n1', '', { driver: '', scope: '', builtIn: false });
    assert.deepEqual(snapshot.networks.get('n1'), {
      ...expected,
      created: undefined,
      configFrom: undefined,
      composeProject: undefined,
    });
  });

  it('shows every flag the engine sets, and the ingress network as built-in whatever its name', () => {
    const raw: EngineNetwork = {
      Id: 'n1',
      Name: 'mesh',
      Driver: 'overlay',
      Scope: 'swarm',
      Internal: true,
      Attachable: true,
      EnableIPv6: true,
      Ingress: true,
      ConfigOnly: true,
    };
    const flagged = buildSnapshot({ networks: [raw], containers: [] }).networks.get('n1');
    assert.deepEqual(
      [flagged?.internal, flagged?.attachable, flagged?.ipv6, flagged?.ingress, flagged?.configOnly, flagged?.builtIn],
      [true, true, true, true, true, true],
    );
  });

  it('marks the local bridge, host and none networks as built-in', () => {
    const snapshot = buildSnapshot({
      networks: [
        { Id: 'b', Name: 'bridge', Driver: 'bridge', Scope: 'local' },
        { Id: 'h', Name: 'host', Driver: 'host', Scope: 'local' },
        { Id: 'z', Name: 'none', Driver: 'null', Scope: 'local' },
        { Id: 'u', Name: 'app', Driver: 'bridge', Scope: 'local' },
      ],
      containers: [],
    });
    assert.deepEqual(
      [...snapshot.networks.values()].map((n) => `${n.name}:${n.builtIn}`),
      ['app:false', 'bridge:true', 'host:true', 'none:true'],
    );
  });

  it('shows a container the engine sent without state, status, image or names: empty texts, its short id', () => {
    const snapshot = buildSnapshot({ networks: [], containers: [{ Id: LONG_ID }] });
    assert.deepEqual(snapshot.containers.get(LONG_ID), {
      id: LONG_ID,
      name: '0123456789ab',
      state: '',
      status: '',
      image: '',
      running: false,
      labels: {},
      composeProject: undefined,
      composeService: undefined,
      ports: [],
      networkMode: 'default',
    });
  });

  it('shows a container running only in state "running", and a name without slash as it is', () => {
    const snapshot = buildSnapshot({
      networks: [],
      containers: [
        { Id: 'c1', Names: ['db'], State: 'running', Status: 'Up 2 minutes', Image: 'postgres:16' },
        { Id: 'c2', Names: ['/cache'], State: 'exited', Status: 'Exited (0)', Image: 'redis' },
      ],
    });
    const db = snapshot.containers.get('c1');
    assert.deepEqual(
      [db?.name, db?.state, db?.status, db?.image, db?.running],
      ['db', 'running', 'Up 2 minutes', 'postgres:16', true],
    );
    assert.deepEqual([snapshot.containers.get('c2')?.name, snapshot.containers.get('c2')?.running], ['cache', false]);
  });

  it('shows an engine that answers no lists at all as empty', () => {
    const snapshot = buildSnapshot({} as EngineListing);
    assert.deepEqual([snapshot.networks.size, snapshot.containers.size, snapshot.endpoints.size], [0, 0, 0]);
  });

  it('resolves an endpoint entry the engine left without settings by its network name', () => {
    const app = buildSnapshot({
      networks: [{ Id: 'n1', Name: 'app', Driver: 'bridge', Scope: 'local' }],
      containers: [],
    }).networks.get('n1')!;
    const container = buildSnapshot({ networks: [], containers: [{ Id: 'c1', Names: ['/c'] }] }).containers.get('c1')!;
    const byName = new Map([['app', app]]);
    const endpoints = containerEndpoints({ app: undefined }, container, new Map(), byName);
    assert.deepEqual(
      endpoints.map((e) => [e.key, e.networkName, e.containerName, e.ipv4]),
      [['n1/c1', 'app', 'c', undefined]],
    );
  });

  it("lists a container's endpoints by network name, whatever order the engine sent them in", () => {
    const container: EngineContainer = {
      Id: 'c1',
      Names: ['/c'],
      NetworkSettings: { Networks: { zeta: { NetworkID: 'z' }, alpha: { NetworkID: 'a' }, mid: { NetworkID: 'm' } } },
    };
    const snapshot = buildSnapshot({
      networks: [
        { Id: 'z', Name: 'zeta', Driver: 'bridge', Scope: 'local' },
        { Id: 'a', Name: 'alpha', Driver: 'bridge', Scope: 'local' },
        { Id: 'm', Name: 'mid', Driver: 'bridge', Scope: 'local' },
      ],
      containers: [container],
    });
    assert.deepEqual(
      snapshot.endpointsByContainer.get('c1')?.map((e) => e.networkName),
      ['alpha', 'mid', 'zeta'],
    );
  });
});

describe('buildSnapshot: the ports a container shows', () => {
  it('shows a port the engine sent with an empty Type as tcp, and one with PublicPort 0 as not published', () => {
    assert.deepEqual(
      portsOf([
        { PrivatePort: 53, Type: '' },
        { IP: '0.0.0.0', PrivatePort: 9000, PublicPort: 0, Type: 'udp' },
      ]),
      [
        { containerPort: 53, protocol: 'tcp', hostIp: undefined, hostPort: undefined },
        { containerPort: 9000, protocol: 'udp', hostIp: undefined, hostPort: undefined },
      ],
    );
  });

  it('sorts by container port, protocol, host address (exposed-only first), then host port', () => {
    const ports = portsOf([
      { IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8081, Type: 'tcp' },
      { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { PrivatePort: 443, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8082, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'udp' },
      { PrivatePort: 80, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'tcp' },
      { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8081, Type: 'tcp' },
    ]);
    assert.deepEqual(ports, [
      { containerPort: 53, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 5353 },
      { containerPort: 53, protocol: 'udp', hostIp: '0.0.0.0', hostPort: 5353 },
      { containerPort: 80, protocol: 'tcp', hostIp: undefined, hostPort: undefined },
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8081 },
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8082 },
      { containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8081 },
      { containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: 8080 },
      { containerPort: 443, protocol: 'tcp', hostIp: undefined, hostPort: undefined },
    ]);
  });

  it('keeps the two bindings of one port on all interfaces (0.0.0.0 and ::), which differ only in host address', () => {
    assert.deepEqual(
      portsOf([
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
      ]),
      [
        { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
        { containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: 8080 },
      ],
    );
  });
});
