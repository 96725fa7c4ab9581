/**
 * The security review's findings in full (rule, containers, networks and facts as the report lists them) on
 * hand-made topologies: stopped containers never judged, capabilities by any spelling (CAP_ prefix, lower case,
 * ALL), "shared" meaning another container on the network or the host's namespace, ports on every interface
 * (IPv6 and unset addresses included), the default bridge's running members, and inter-container traffic on a
 * single-project network.
 */
import * as assert from 'node:assert/strict';
import { reviewSecurity, type ContainerPrivileges, type EngineAccess } from '../../../src/diagnose/security';
import type { ContainerModel, NetworkModel } from '../../../src/model/topology';
import { container, network, snapshotOf, type Attach } from '../topology/fakeTopology';

const LOCAL: EngineAccess = { kind: 'unix', tls: false, display: 'unix:///var/run/docker.sock' };

function review(
  networks: NetworkModel[],
  containers: ContainerModel[],
  attach: Attach[],
  privileges: Record<string, ContainerPrivileges> = {},
  engine: EngineAccess = LOCAL,
): string[] {
  const snapshot = snapshotOf(networks, containers, attach);
  return reviewSecurity({ snapshot, privileges: new Map(Object.entries(privileges)), engine }).map(
    (f) =>
      `${f.rule} [${f.containers.map((c) => c.name).join(',')}] [${f.networks.map((n) => n.name).join(',')}] ` +
      `[${f.facts.join(',')}]`,
  );
}

const app = network('n-app', 'app');
const caps = (...capAdd: string[]): ContainerPrivileges => ({ privileged: false, capAdd });

describe('diagnose: security findings in full', () => {
  it('an engine over TCP without TLS, named by its address; with TLS or over ssh, nothing', () => {
    const tcp = { kind: 'tcp', tls: false, display: 'tcp://10.0.0.5:2375' } as const;
    assert.deepEqual(review([], [], [], {}, tcp), ['enginePlainTcp [] [] [tcp://10.0.0.5:2375]']);
    assert.deepEqual(review([], [], [], {}, { ...tcp, tls: true }), []);
    assert.deepEqual(review([], [], [], {}, { kind: 'ssh', tls: false, display: 'ssh://h' }), []);
  });

  it('network capabilities by any spelling, ALL meaning both; alone on a network, nothing', () => {
    const a = container('ca', 'a');
    const b = container('cb', 'b');
    const c = container('cc', 'c');
    const d = container('cd', 'd');
    const lone = container('cl', 'lone');
    const solo = network('n-solo', 'solo');
    const attach = [a, b, c, d].map((x) => ({ network: app, container: x }));
    assert.deepEqual(
      review([app, solo], [a, b, c, d, lone], [...attach, { network: solo, container: lone }], {
        ca: caps('cap_net_admin'),
        cb: caps('ALL'),
        cc: caps('SYS_TIME', 'NET_CAP_RAW'),
        cd: caps('net_raw'),
        cl: caps('NET_ADMIN'),
      }),
      [
        'netCapabilityOnSharedNetwork [a] [app] [NET_ADMIN]',
        'netCapabilityOnSharedNetwork [b] [app] [NET_ADMIN,NET_RAW]',
        'netCapabilityOnSharedNetwork [d] [app] [NET_RAW]',
      ],
    );
  });

  it('privileged or capable in the host namespace counts as shared; stopped containers are not judged', () => {
    const host = container('ch', 'agent', { networkMode: 'host' });
    const off = container('co', 'off', { running: false, state: 'exited', networkMode: 'host' });
    const cap = container('cc', 'capper', { networkMode: 'host' });
    assert.deepEqual(
      review([], [host, off, cap], [], {
        ch: { privileged: true, capAdd: [] },
        co: { privileged: true, capAdd: [] },
        cc: caps('NET_ADMIN'),
      }),
      [
        'privilegedOnSharedNetwork [agent] [] [host]',
        'netCapabilityOnSharedNetwork [capper] [] [NET_ADMIN]',
        'hostNetworkMode [agent] [] []',
        'hostNetworkMode [capper] [] []',
      ],
    );
  });

  it('ports on every interface, however written, once each; loopback and unpublished ports are fine', () => {
    const web = container('cw', 'web', {
      ports: [
        { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostPort: 53, containerPort: 53, protocol: 'udp' },
        { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', hostPort: 9000, containerPort: 90, protocol: 'tcp' },
        { containerPort: 5432, protocol: 'tcp' },
      ],
    });
    assert.deepEqual(review([], [web], []), [
      'portAllInterfaces [web] [] [0.0.0.0:8080->80/tcp,:::8080->80/tcp,0.0.0.0:53->53/udp]',
    ]);
  });

  it('the default bridge lists its running members only; a user network named like it does not count', () => {
    const bridge = network('n-b', 'bridge');
    const fake = network('n-f', 'bridge', { builtIn: false });
    const on = container('c1', 'on');
    const off = container('c2', 'off', { running: false, state: 'exited' });
    assert.deepEqual(
      review(
        [bridge],
        [on, off],
        [
          { network: bridge, container: on },
          { network: bridge, container: off },
        ],
      ),
      ['defaultBridge [on] [bridge] []'],
    );
    assert.deepEqual(review([fake], [on], [{ network: fake, container: on }]), []);
    assert.deepEqual(review([bridge], [off], [{ network: bridge, container: off }]), []);
  });

  it('a single-project network with inter-container traffic on, internal or not; mixed or ICC off, nothing', () => {
    const shop = { composeProject: 'shop' };
    const a = container('ca', 'a', shop);
    const b = container('cb', 'b', shop);
    const other = container('cx', 'x', { composeProject: 'other' });
    const back = network('n-back', 'back', { internal: true });
    const quiet = network('n-q', 'quiet', { options: { 'com.docker.network.bridge.enable_icc': 'false' } });
    const overlay = network('n-o', 'ov', { driver: 'overlay' });
    const mixed = network('n-m', 'mixed');
    const both = (n: NetworkModel, x = a, y = b): Attach[] => [
      { network: n, container: x },
      { network: n, container: y },
    ];
    assert.deepEqual(
      review(
        [app, back, quiet, overlay, mixed],
        [a, b, other],
        [...both(app), ...both(back), ...both(quiet), ...both(overlay), ...both(mixed, a, other)],
      ),
      ['iccSingleProject [a,b] [app] [shop,external]', 'iccSingleProject [a,b] [back] [shop,internal]'],
    );
    assert.deepEqual(review([app], [a], [{ network: app, container: a }]), []);
  });
});
