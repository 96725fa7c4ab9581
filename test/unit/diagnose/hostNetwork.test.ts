import * as assert from 'node:assert/strict';
import {
  bridgeNameOf,
  defaultRouteInterface,
  hostNetworkFacts,
  type InterfaceFacts,
} from '../../../src/diagnose/hostNet';
import type { NetworkModel } from '../../../src/model/topology';
import { captured, captureSnapshot, recordedSys } from './procFixtures';

const snapshot = captureSnapshot();
const sys = recordedSys();
const network = [...snapshot.networks.values()][0]!;

function facts(overrides: { host?: InterfaceFacts[]; route?: string } = {}) {
  return hostNetworkFacts({
    networks: snapshot.networks.values(),
    endpoints: snapshot.endpoints.values(),
    hostInterfaces: overrides.host ?? sys.host,
    containerInterfaces: new Map(Object.entries(sys.containers)),
    defaultRouteInterface: defaultRouteInterface(overrides.route ?? sys.route),
  });
}

describe('diagnose: the Linux bridges and veths behind networks', () => {
  it('names bridges as the engine does', () => {
    const base = { ...network, builtIn: false, options: {} } as NetworkModel;
    assert.equal(bridgeNameOf({ ...base, id: '0123456789abcdef0123' }), 'br-0123456789ab');
    assert.equal(bridgeNameOf({ ...base, name: 'bridge', builtIn: true }), 'docker0');
    assert.equal(bridgeNameOf({ ...base, options: { 'com.docker.network.bridge.name': 'mybr0' } }), 'mybr0');
    assert.equal(bridgeNameOf({ ...base, driver: 'macvlan' }), undefined);
  });

  it('finds the bridge of the recorded network with its MTU, state and MAC', () => {
    const bridge = facts().bridges.get(network.id);
    assert.equal(bridge?.bridgeName, `br-${network.id.slice(0, 12)}`);
    assert.equal(bridge?.bridge?.mtu, 1500);
    assert.equal(bridge?.bridge?.operstate, 'up');
    assert.match(bridge?.bridge?.mac ?? '', /^02:42:/);
  });

  it('pairs each endpoint with its host-side veth (container iflink = host ifindex), enslaved to the bridge', () => {
    const result = facts();
    for (const suffix of ['srv', 'cli'] as const) {
      const container = captured(snapshot, suffix);
      const endpoint = snapshot.endpointsByContainer.get(container.id)![0]!;
      const veth = result.veths.get(endpoint.key);
      assert.equal(veth?.containerInterface?.name, 'eth0');
      assert.equal(veth?.hostVeth?.ifindex, veth?.containerInterface?.iflink);
      assert.match(veth?.hostVeth?.name ?? '', /^veth/);
      assert.equal(veth?.hostVeth?.master, result.bridges.get(network.id)?.bridgeName);
    }
  });

  it('reads the default-route interface from /proc/net/route, lowest metric first', () => {
    assert.equal(defaultRouteInterface(sys.route), 'eth0');
    const table =
      'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\nwg0\t00000000\t00000000\t0001\t0\t0\t50\t00000000\n' +
      'eth1\t00000000\t0100A8C0\t0003\t0\t0\t100\t00000000\n';
    assert.equal(defaultRouteInterface(table), 'wg0');
    assert.equal(defaultRouteInterface('nonsense'), undefined);
  });

  it('flags container MTUs above the uplink MTU (recorded: eth0 at 1400, containers at 1500)', () => {
    const mtuFlags = facts().flags.filter((f) => f.kind === 'mtuAboveUplink');
    assert.equal(mtuFlags.length, 2);
    assert.deepEqual(
      mtuFlags.map((f) => f.kind === 'mtuAboveUplink' && [f.mtu, f.uplink, f.uplinkMtu]),
      [
        [1500, 'eth0', 1400],
        [1500, 'eth0', 1400],
      ],
    );
  });

  it('flags a bridge that is down while containers use it, and a missing one', () => {
    const name = `br-${network.id.slice(0, 12)}`;
    const down = sys.host.map((i) => (i.name === name ? { ...i, adminUp: false, operstate: 'down' } : i));
    assert.deepEqual(
      facts({ host: down }).flags.filter((f) => f.kind === 'bridgeDown'),
      [{ kind: 'bridgeDown', networkId: network.id, bridgeName: name, adminUp: false, operstate: 'down' }],
    );
    const missing = sys.host.filter((i) => i.name !== name);
    assert.ok(facts({ host: missing }).flags.some((f) => f.kind === 'bridgeMissing' && f.bridgeName === name));
  });
});
