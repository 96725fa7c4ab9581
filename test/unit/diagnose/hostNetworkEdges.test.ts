/**
 * The bridges, veths and flags of the host-network view on a hand-made host: which networks have a bridge,
 * when a down or missing bridge is worth a flag (only while running containers use it, or when set down by hand),
 * how a container's interface is found (MAC in any case; else the only veth of a one-network container), the
 * uplink MTU comparison, and which /proc/net/route row is the default route.
 */
import * as assert from 'node:assert/strict';
import {
  bridgeNameOf,
  defaultRouteInterface,
  hostNetworkFacts,
  type InterfaceFacts,
} from '../../../src/diagnose/hostNet';
import { container, network, snapshotOf } from '../topology/fakeTopology';

const nic = (name: string, ifindex: number, extra: Partial<InterfaceFacts> = {}): InterfaceFacts => ({
  name,
  ifindex,
  iflink: ifindex,
  mtu: 1500,
  operstate: 'up',
  mac: `02:00:00:00:00:${ifindex.toString(16).padStart(2, '0')}`,
  adminUp: true,
  ...extra,
});

const app = network('aaaaaaaaaaaa1111', 'app');
const idle = network('bbbbbbbbbbbb2222', 'idle');
const lan = network('cccccccccccc3333', 'lan', { driver: 'macvlan' });
const single = container('c-single', 'single');
const multi = container('c-multi', 'multi');
const stopped = container('c-stopped', 'stopped', { running: false, state: 'exited' });
const snapshot = () =>
  snapshotOf(
    [app, idle, lan],
    [single, multi, stopped],
    [
      { network: app, container: single },
      { network: app, container: multi, mac: '02:42:AC:11:00:0A' },
      { network: lan, container: multi, mac: '02:42:ac:11:00:0b' },
      { network: idle, container: stopped },
    ],
  );

function facts(host: InterfaceFacts[], route?: string) {
  const s = snapshot();
  return hostNetworkFacts({
    networks: s.networks.values(),
    endpoints: s.endpoints.values(),
    hostInterfaces: host,
    containerInterfaces: new Map([
      ['c-single', [nic('lo', 1, { mac: '00:00:00:00:00:00' }), nic('eth0', 7, { iflink: 21 })]],
      [
        'c-multi',
        [
          nic('lo', 1),
          nic('eth0', 8, { iflink: 22, mac: '02:42:ac:11:00:0a', mtu: 1450 }),
          nic('eth1', 9, { iflink: 9, mac: '02:42:ac:11:00:0b' }),
        ],
      ],
      ['c-stopped', [nic('eth0', 5, { iflink: 23 })]],
    ]),
    defaultRouteInterface: route,
  });
}

const HOST = [
  nic('eth0', 2, { mtu: 1450 }),
  nic('br-aaaaaaaaaaaa', 10),
  nic('br-bbbbbbbbbbbb', 11, { operstate: 'down' }),
  nic('veth-single', 21, { master: 'br-aaaaaaaaaaaa' }),
  nic('veth-multi', 22, { master: 'br-aaaaaaaaaaaa' }),
];

describe('diagnose: host network facts on a hand-made host', () => {
  it('has a bridge entry for bridge networks only, and no flag when all is well', () => {
    const f = facts(HOST);
    assert.deepEqual([...f.bridges.keys()], [app.id, idle.id]);
    assert.equal(f.bridges.get(app.id)?.bridge?.name, 'br-aaaaaaaaaaaa');
    assert.deepEqual(f.flags, []);
    assert.equal(facts(HOST, 'eth0').uplink?.name, 'eth0');
  });

  it('a bridge down without running containers is normal; set down by hand it is flagged', () => {
    assert.deepEqual(facts(HOST).flags, []);
    const adminDown = HOST.map((i) => (i.name === 'br-bbbbbbbbbbbb' ? { ...i, adminUp: false } : i));
    assert.deepEqual(facts(adminDown).flags, [
      { kind: 'bridgeDown', networkId: idle.id, bridgeName: 'br-bbbbbbbbbbbb', adminUp: false, operstate: 'down' },
    ]);
    const appDown = HOST.map((i) => (i.name === 'br-aaaaaaaaaaaa' ? { ...i, operstate: 'down' } : i));
    assert.deepEqual(facts(appDown).flags, [
      { kind: 'bridgeDown', networkId: app.id, bridgeName: 'br-aaaaaaaaaaaa', adminUp: true, operstate: 'down' },
    ]);
  });

  it('a missing bridge is flagged only while running containers use it', () => {
    const noIdle = HOST.filter((i) => i.name !== 'br-bbbbbbbbbbbb');
    assert.deepEqual(facts(noIdle).flags, []);
    assert.deepEqual(facts(noIdle).bridges.get(idle.id), { networkId: idle.id, bridgeName: 'br-bbbbbbbbbbbb' });
    const noApp = HOST.filter((i) => i.name !== 'br-aaaaaaaaaaaa');
    assert.deepEqual(facts(noApp).flags, [{ kind: 'bridgeMissing', networkId: app.id, bridgeName: 'br-aaaaaaaaaaaa' }]);
  });

  it('finds container interfaces by MAC in any case, else the only veth of a one-network container', () => {
    const f = facts(HOST);
    const pair = (key: string) => {
      const v = f.veths.get(key);
      return [v?.containerInterface?.name, v?.hostVeth?.name];
    };
    assert.deepEqual(pair(`${app.id}/c-single`), ['eth0', 'veth-single']);
    assert.deepEqual(pair(`${app.id}/c-multi`), ['eth0', 'veth-multi']);
    assert.deepEqual(pair(`${lan.id}/c-multi`), ['eth1', undefined]);
    assert.equal(f.veths.has(`${idle.id}/c-stopped`), false, 'a stopped container has no veth');
    assert.deepEqual([...f.veths.keys()].sort(), [`${app.id}/c-multi`, `${app.id}/c-single`, `${lan.id}/c-multi`]);
  });

  it('flags an MTU above the uplink’s, not one equal to it, and none without an uplink', () => {
    const small = HOST.map((i) => (i.name === 'eth0' ? { ...i, mtu: 1400 } : i));
    assert.deepEqual(
      facts(small, 'eth0').flags.map((f) =>
        f.kind === 'mtuAboveUplink' ? [f.endpointKey, f.mtu, f.uplinkMtu] : f.kind,
      ),
      [
        [`${app.id}/c-single`, 1500, 1400],
        [`${app.id}/c-multi`, 1450, 1400],
        [`${lan.id}/c-multi`, 1500, 1400],
      ],
    );
    assert.deepEqual(
      facts(HOST, 'eth0')
        .flags.filter((f) => f.kind === 'mtuAboveUplink')
        .map((f) => f.kind === 'mtuAboveUplink' && f.mtu),
      [1500, 1500],
    );
    assert.deepEqual(facts(small).flags, []);
    assert.equal('uplink' in facts(small), false);
    assert.equal('uplink' in facts(small, 'wg9'), false);
  });

  it('docker0 only for the built-in default bridge', () =>
    assert.equal(bridgeNameOf({ ...app, name: 'bridge', builtIn: false }), 'br-aaaaaaaaaaaa'));
});

describe('diagnose: the default route in /proc/net/route', () => {
  const header = 'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n';
  const row = (iface: string, dest: string, flags: string, metric: number, mask = '00000000') =>
    `${iface}\t${dest}\t0100A8C0\t${flags}\t0\t0\t${metric}\t${mask}\n`;
  it('the lowest metric wins, wherever it is listed; on a tie the first', () => {
    assert.equal(
      defaultRouteInterface(header + row('eth1', '00000000', '0003', 100) + row('wg0', '00000000', '0003', 50)),
      'wg0',
    );
    assert.equal(
      defaultRouteInterface(header + row('eth1', '00000000', '0003', 100) + row('eth2', '00000000', '0003', 100)),
      'eth1',
    );
  });
  it('ignores routes that are down, not to 0.0.0.0, or with a mask', () => {
    const table =
      header +
      row('down0', '00000000', '0002', 1) +
      row('net0', '0000A8C0', '0001', 1) +
      row('mask0', '00000000', '0001', 1, '00FFFFFF') +
      row('eth0', '00000000', '0003', 600);
    assert.equal(defaultRouteInterface(table), 'eth0');
    assert.equal(defaultRouteInterface(header + row('down0', '00000000', '0002', 1)), undefined);
  });
});
