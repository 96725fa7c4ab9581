import { strict as assert } from 'node:assert';
import type { EngineContainer, EngineListing, EngineNetwork } from '../../../src/engine/records';
import { buildSnapshot } from '../../../src/model/snapshot';
import type { TopologySnapshot } from '../../../src/model/topology';
import { loadListing } from './engineFixtures';
import { containerNamed, endpointNames, endpointOf, networkNamed } from './snapshotLookup';

describe('buildSnapshot on a listing recorded from a real engine (20.10, API 1.41)', () => {
  // Built in each test, not once at load: mutation testing credits a test only with the code run inside it.
  const listing = loadListing('before');
  let snapshot: TopologySnapshot;
  beforeEach(() => {
    snapshot = buildSnapshot(listing);
  });

  it('lists every network sorted by name and marks the engine-made ones as built-in', () => {
    assert.deepEqual(
      [...snapshot.networks.values()].map((n) => `${n.name}:${n.driver}:${n.scope}:${n.builtIn ? 'built-in' : 'user'}`),
      [
        'bridge:bridge:local:built-in',
        'dne-model-internal:bridge:local:user',
        'dne-model-macvlan:macvlan:local:user',
        'dne-model-overlay:overlay:swarm:user',
        'dne-model-v6:bridge:local:user',
        'dne-model_default:bridge:local:user',
        'docker_gwbridge:bridge:local:built-in',
        'host:host:local:built-in',
        'ingress:overlay:swarm:built-in',
        'none:null:local:built-in',
      ],
    );
    assert.equal(networkNamed(snapshot, 'ingress').ingress, true);
    assert.equal(networkNamed(snapshot, 'bridge').ingress, false);
  });

  it('keeps IPv6, both IPAM configs with range and aux addresses, and the bridge driver options', () => {
    const v6 = networkNamed(snapshot, 'dne-model-v6');
    assert.equal(v6.ipv6, true);
    assert.deepEqual(v6.ipam, [
      {
        subnet: '172.30.50.0/24',
        gateway: '172.30.50.1',
        ipRange: '172.30.50.128/25',
        auxAddresses: { router: '172.30.50.5' },
      },
      { subnet: 'fd00:dead:beef::/64', gateway: undefined, ipRange: undefined, auxAddresses: {} },
    ]);
    assert.equal(v6.options['com.docker.network.driver.mtu'], '1400');
    assert.equal(v6.options['com.docker.network.bridge.enable_icc'], 'false');
    assert.equal(v6.options['com.docker.network.bridge.name'], 'dne-model-br6');
    assert.deepEqual(v6.labels, { team: 'net' });
    assert.equal(v6.ipamDriver, 'default');
    assert.equal(v6.created, '2026-11-28T02:00:26.96356447Z');
    assert.equal(v6.configFrom, undefined, 'the engine sends ConfigFrom.Network "" for no config network');
  });

  it('reads the internal, attachable overlay and macvlan flags and options', () => {
    assert.equal(networkNamed(snapshot, 'dne-model-internal').internal, true);
    assert.equal(networkNamed(snapshot, 'dne-model-v6').internal, false);
    const overlay = networkNamed(snapshot, 'dne-model-overlay');
    assert.equal(overlay.attachable, true);
    assert.equal(overlay.id, 'knmxy53lrkbuocfv1iuklqr09', 'swarm ids are 25 characters, not 64');
    assert.deepEqual(overlay.ipam, [
      { subnet: '10.30.53.0/24', gateway: '10.30.53.1', ipRange: undefined, auxAddresses: {} },
    ]);
    const macvlan = networkNamed(snapshot, 'dne-model-macvlan');
    assert.equal(macvlan.options.parent, 'dne-veth0');
    assert.deepEqual(macvlan.ipam, [
      { subnet: '172.30.52.0/24', gateway: undefined, ipRange: undefined, auxAddresses: {} },
    ]);
    assert.deepEqual(networkNamed(snapshot, 'host').ipam, []);
  });

  it('takes the compose project from the network and container labels, and the service from the container', () => {
    assert.equal(networkNamed(snapshot, 'dne-model_default').composeProject, 'dne-model');
    assert.equal(networkNamed(snapshot, 'dne-model-v6').composeProject, undefined);
    const web = containerNamed(snapshot, 'dne-model-web');
    assert.equal(web.composeProject, 'dne-model');
    assert.equal(web.composeService, 'web');
    assert.equal(containerNamed(snapshot, 'dne-model-db').composeService, undefined);
  });

  it('lists containers sorted by name, without the leading slash, with state and network mode', () => {
    assert.deepEqual(
      [...snapshot.containers.values()].map(
        (c) => `${c.name}:${c.state}:${c.networkMode.replace(/:[0-9a-f]{64}$/, ':<id>')}`,
      ),
      [
        'dne-model-db:running:dne-model-internal',
        'dne-model-hostmode:running:host',
        'dne-model-mac:running:dne-model-macvlan',
        'dne-model-nonet:running:none',
        'dne-model-plain:running:default',
        'dne-model-sidecar:running:container:<id>',
        'dne-model-stopped:exited:dne-model-v6',
        'dne-model-web:running:dne-model_default',
      ],
    );
    assert.equal(containerNamed(snapshot, 'dne-model-stopped').running, false);
    assert.equal(containerNamed(snapshot, 'dne-model-web').image, 'dne-busybox:latest');
  });

  it('builds endpoints with IPv4 and IPv6 addresses, prefix lengths, MAC and gateways', () => {
    const web = endpointOf(snapshot, 'dne-model-web', 'dne-model-v6');
    assert.equal(web.ipv4, '172.30.50.10');
    assert.equal(web.ipv4PrefixLen, 24);
    assert.equal(web.ipv6, 'fd00:dead:beef::10');
    assert.equal(web.ipv6PrefixLen, 64);
    assert.equal(web.mac, '02:42:ac:1e:32:0a');
    assert.equal(web.gateway, '172.30.50.1');
    assert.equal(web.ipv6Gateway, 'fd00:dead:beef::1');
    assert.equal(web.running, true);
    assert.equal(web.key, `${web.networkId}/${web.containerId}`);
    const onCompose = endpointOf(snapshot, 'dne-model-web', 'dne-model_default');
    assert.equal(onCompose.ipv4, '172.19.0.2');
    assert.equal(onCompose.ipv6, undefined);
    assert.equal(onCompose.ipv6PrefixLen, undefined, 'no prefix length without an address');
  });

  it('builds macvlan and overlay endpoints (an overlay endpoint has no gateway)', () => {
    const macvlan = endpointOf(snapshot, 'dne-model-mac', 'dne-model-macvlan');
    assert.equal(macvlan.ipv4, '172.30.52.30');
    assert.equal(macvlan.gateway, '172.30.52.1');
    const overlay = endpointOf(snapshot, 'dne-model-mac', 'dne-model-overlay');
    assert.equal(overlay.ipv4, '10.30.53.2');
    assert.equal(overlay.gateway, undefined);
  });

  it('represents host and none network modes as address-less endpoints, and container:X mode as none of its own', () => {
    const host = endpointOf(snapshot, 'dne-model-hostmode', 'host');
    assert.equal(host.ipv4, undefined);
    assert.equal(host.mac, undefined);
    assert.equal(host.running, true);
    const none = endpointOf(snapshot, 'dne-model-nonet', 'none');
    assert.equal(none.ipv4, undefined);
    const sidecar = containerNamed(snapshot, 'dne-model-sidecar');
    assert.deepEqual(snapshot.endpointsByContainer.get(sidecar.id), []);
    assert.equal(sidecar.networkMode, `container:${containerNamed(snapshot, 'dne-model-web').id}`);
  });

  it('keeps the endpoint of a stopped container, not running and without addresses', () => {
    const stopped = endpointOf(snapshot, 'dne-model-stopped', 'dne-model-v6');
    assert.equal(stopped.running, false);
    assert.equal(stopped.ipv4, undefined);
    assert.equal(stopped.ipv6, undefined);
  });

  it('indexes endpoints per network (by container name) and per container (by network name)', () => {
    assert.deepEqual(endpointNames(snapshot.endpointsByNetwork.get(networkNamed(snapshot, 'dne-model-v6').id) ?? []), [
      'dne-model-db@dne-model-v6',
      'dne-model-stopped@dne-model-v6',
      'dne-model-web@dne-model-v6',
    ]);
    assert.deepEqual(
      endpointNames(snapshot.endpointsByContainer.get(containerNamed(snapshot, 'dne-model-db').id) ?? []),
      ['dne-model-db@dne-model-internal', 'dne-model-db@dne-model-v6'],
    );
    assert.deepEqual(snapshot.endpointsByNetwork.get(networkNamed(snapshot, 'ingress').id), []);
    assert.equal(snapshot.endpoints.size, 10);
    const fromIndex = [...snapshot.endpointsByNetwork.values()].flat().map((e) => e.key);
    assert.deepEqual([...snapshot.endpoints.keys()], fromIndex, 'endpoints are ordered by network, then container');
  });

  it('keeps the host address of published ports: loopback, and both all-interface bindings', () => {
    assert.deepEqual(containerNamed(snapshot, 'dne-model-web').ports, [
      { containerPort: 53, protocol: 'udp', hostIp: '0.0.0.0', hostPort: 5353 },
      { containerPort: 53, protocol: 'udp', hostIp: '::', hostPort: 5353 },
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
      { containerPort: 80, protocol: 'tcp', hostIp: '::', hostPort: 8080 },
      { containerPort: 443, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8443 },
    ]);
    assert.deepEqual(containerNamed(snapshot, 'dne-model-db').ports, []);
  });

  it('has no aliases at API 1.41: the container list form leaves Aliases null', () => {
    for (const endpoint of snapshot.endpoints.values()) assert.deepEqual(endpoint.aliases, []);
  });
});

describe('buildSnapshot on hand-made engine records', () => {
  const network = (name: string, id: string, extra: Partial<EngineNetwork> = {}): EngineNetwork => ({
    Name: name,
    Id: id,
    Scope: 'local',
    Driver: 'bridge',
    ...extra,
  });
  const shortId = 'abcdef012345';
  const containerId = `${shortId}${'6'.repeat(52)}`;

  it('survives the nulls the engine sends for empty maps and lists', () => {
    const listing: EngineListing = {
      networks: [network('n', 'n1', { IPAM: null, Options: null, Labels: null, ConfigFrom: null, Containers: null })],
      containers: [
        { Id: 'c1', Names: null, Ports: null, Labels: null, HostConfig: null, NetworkSettings: null },
        { Id: 'c2', Names: ['/two'], NetworkSettings: { Networks: null } },
      ],
    };
    const snapshot = buildSnapshot(listing);
    const n = networkNamed(snapshot, 'n');
    assert.deepEqual([n.ipam, n.options, n.labels, n.ipamOptions, n.ipamDriver], [[], {}, {}, {}, 'default']);
    const c1 = snapshot.containers.get('c1');
    assert.equal(c1?.name, 'c1', 'a container without names is shown by its short id');
    assert.equal(c1?.networkMode, 'default');
    assert.deepEqual(c1?.ports, []);
    assert.equal(snapshot.endpoints.size, 0);
  });

  it('takes Aliases and DNSNames, without the engine-added short id and own name, each once', () => {
    const listing: EngineListing = {
      networks: [network('app', 'net1')],
      containers: [
        {
          Id: containerId,
          Names: ['/api'],
          State: 'running',
          NetworkSettings: {
            Networks: {
              app: {
                NetworkID: 'net1',
                Aliases: ['backend', shortId],
                DNSNames: ['api', 'backend', 'v1.api', shortId],
              },
            },
          },
        },
      ],
    };
    const endpoint = buildSnapshot(listing).endpoints.get(`net1/${containerId}`);
    assert.deepEqual(endpoint?.aliases, ['backend', 'v1.api']);
  });

  it('resolves the network by name when NetworkID is missing, and drops endpoints of unknown networks', () => {
    const container: EngineContainer = {
      Id: 'c1',
      Names: ['/c'],
      NetworkSettings: { Networks: { app: { IPAddress: '10.0.0.2' }, gone: { NetworkID: 'removed-meanwhile' } } },
    };
    const snapshot = buildSnapshot({ networks: [network('app', 'net1')], containers: [container] });
    assert.deepEqual([...snapshot.endpoints.keys()], ['net1/c1']);
    assert.equal(snapshot.endpoints.get('net1/c1')?.ipv4, '10.0.0.2');
  });

  it('names a container by its own name, not by the names links give it', () => {
    const snapshot = buildSnapshot({ networks: [], containers: [{ Id: 'c1', Names: ['/web/db', '/db'] }] });
    assert.equal(snapshot.containers.get('c1')?.name, 'db');
  });

  it('merges only port entries identical in every field, and keeps exposed-only ports without host side', () => {
    const snapshot = buildSnapshot({
      networks: [],
      containers: [
        {
          Id: 'c1',
          Ports: [
            { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
            { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
            { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8081, Type: 'tcp' },
            { PrivatePort: 9000, Type: 'tcp' },
          ],
        },
      ],
    });
    assert.deepEqual(snapshot.containers.get('c1')?.ports, [
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
      { containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8081 },
      { containerPort: 9000, protocol: 'tcp', hostIp: undefined, hostPort: undefined },
    ]);
  });

  it('marks a network named like a built-in one as user-defined when its driver or scope differs', () => {
    const snapshot = buildSnapshot({
      networks: [network('host', 'x', { Driver: 'macvlan' }), network('bridge', 'y', { Scope: 'swarm' })],
      containers: [],
    });
    assert.equal(snapshot.networks.get('x')?.builtIn, false);
    assert.equal(snapshot.networks.get('y')?.builtIn, false);
  });
});
