import * as assert from 'node:assert/strict';
import type { Fact, FactCode, Fix, ReachabilityReport, Verdict } from '../../../src/diagnose/reachability/types';
import { analyzeReachability } from '../../../src/diagnose/reachability/analyze';
import { type Ask, ask, details, id, networkId, snapshot } from './reachFixture';

interface Case {
  title: string;
  ask: Ask;
  verdict: Verdict;
  /** Fact codes that must appear, in this order (others may sit between them). */
  facts: Array<FactCode | [FactCode, Partial<Fact>]>;
  /** The exact fixes, in order, with short container / network names resolved by the test. */
  fixes?: Array<{
    kind: Fix['kind'];
    containers?: string[];
    network?: string;
    name?: string;
    address?: string;
    port?: number;
  }>;
  probe?: ReachabilityReport['probe'];
  path?: string[];
}

const FRONT_WEB = '172.30.60.2';

const cases: Case[] = [
  {
    title: 'two containers on one user network, by container name: reachable through it',
    ask: { from: 'api', to: 'web' },
    verdict: 'reachable',
    facts: [
      [
        'containerState',
        {
          status: 'ok',
          field: 'State.Status',
          params: { role: 'source', container: 'dne-reach-api', state: 'running' },
        },
      ],
      ['containerState', { status: 'ok', params: { role: 'target', container: 'dne-reach-web', state: 'running' } }],
      [
        'sharedNetwork',
        {
          field: 'NetworkSettings.Networks.dne-reach-front',
          params: {
            network: 'dne-reach-front',
            driver: 'bridge',
            sourceAddress: '172.30.60.3',
            targetAddress: FRONT_WEB,
          },
        },
      ],
      [
        'namesOnNetwork',
        { params: { network: 'dne-reach-front', names: 'dne-reach-web, frontend, www, 413f9e9ad86b' } },
      ],
      [
        'nameResolves',
        {
          field: 'NetworkSettings.Networks.dne-reach-front.Aliases',
          params: { name: 'dne-reach-web', network: 'dne-reach-front' },
        },
      ],
    ],
    fixes: [],
    probe: { name: 'dne-reach-web', address: FRONT_WEB, port: undefined, protocol: 'tcp' },
    path: ['front'],
  },
  {
    title: 'a network alias resolves',
    ask: { from: 'api', to: 'web', as: 'www' },
    verdict: 'reachable',
    facts: [['nameResolves', { params: { name: 'www', network: 'dne-reach-front' } }]],
  },
  {
    title: 'the compose service name resolves',
    ask: { from: 'api', to: 'web', as: 'frontend' },
    verdict: 'reachable',
    facts: ['nameResolves'],
  },
  {
    title: 'the short id resolves',
    ask: { from: 'api', to: 'web', as: '413f9e9ad86b' },
    verdict: 'reachable',
    facts: ['nameResolves'],
  },
  {
    title: 'name.network resolves',
    ask: { from: 'api', to: 'web', as: 'www.dne-reach-front' },
    verdict: 'reachable',
    facts: ['nameResolves'],
  },
  {
    title: 'a name the target does not have: not reachable by it, use a name that resolves or the address',
    ask: { from: 'api', to: 'web', as: 'webserver' },
    verdict: 'notReachable',
    facts: [
      'sharedNetwork',
      'namesOnNetwork',
      ['nameDoesNotResolve', { status: 'problem', params: { name: 'webserver', target: 'dne-reach-web' } }],
    ],
    fixes: [
      { kind: 'useName', name: 'dne-reach-web', network: 'front' },
      { kind: 'useAddress', address: FRONT_WEB, network: 'front' },
    ],
  },
  {
    title: "no shared network: connect either side to the other one's network, or both to a new one",
    ask: { from: 'web', to: 'db' },
    verdict: 'notReachable',
    facts: [
      [
        'noSharedNetwork',
        {
          status: 'problem',
          field: 'NetworkSettings.Networks',
          params: {
            source: 'dne-reach-web',
            target: 'dne-reach-db',
            sourceNetworks: 'dne-reach-front',
            targetNetworks: 'dne-reach-back',
          },
        },
      ],
    ],
    fixes: [
      { kind: 'connect', network: 'back', containers: ['web'] },
      { kind: 'connect', network: 'front', containers: ['db'] },
      { kind: 'createNetworkAndConnect', containers: ['web', 'db'] },
    ],
    path: [],
  },
  {
    title: 'no shared network, the port published on all interfaces: only through the published port, via the gateway',
    ask: { from: 'lonely', to: 'web', port: 80 },
    verdict: 'onlyViaPublishedPort',
    facts: [
      'noSharedNetwork',
      [
        'publishedPort',
        {
          status: 'ok',
          field: 'Ports',
          params: { port: 80, bindings: '0.0.0.0:18080, [::]:18080', via: '172.30.62.1:18080' },
        },
      ],
    ],
    probe: { protocol: 'tcp', address: '172.30.62.1', port: 18080 },
    path: ['other'],
  },
  {
    title: 'a port published on 127.0.0.1 only cannot be reached from another container',
    ask: { from: 'lonely', to: 'web', port: 443 },
    verdict: 'notReachable',
    facts: ['noSharedNetwork', ['publishedLoopbackOnly', { params: { port: 443, bindings: '127.0.0.1:18443' } }]],
  },
  {
    title: 'no shared network and the port is not published',
    ask: { from: 'lonely', to: 'web', port: 81 },
    verdict: 'notReachable',
    facts: ['noSharedNetwork', ['notPublished', { field: 'Ports' }]],
  },
  {
    title: 'default bridge: names do not resolve (no embedded DNS); use the address or a user-defined network',
    ask: { from: 'b1', to: 'b2' },
    verdict: 'notReachable',
    facts: [
      'sharedNetwork',
      [
        'defaultBridgeNoDns',
        { status: 'problem', subject: 'bridge', params: { network: 'bridge', name: 'dne-reach-b2' } },
      ],
      'nameDoesNotResolve',
    ],
    fixes: [
      { kind: 'useAddress', address: '172.17.0.3', network: 'bridge' },
      { kind: 'createNetworkAndConnect', containers: ['b1', 'b2'] },
    ],
    probe: { name: 'dne-reach-b2', address: '172.17.0.3', port: undefined, protocol: 'tcp' },
  },
  {
    title: 'default bridge by address: reachable',
    ask: { from: 'b1', to: 'b2', as: '172.17.0.3' },
    verdict: 'reachable',
    facts: [['addressOnNetwork', { status: 'ok', params: { address: '172.17.0.3', network: 'bridge' } }]],
  },
  {
    title: 'default bridge with a legacy link: the link alias resolves',
    ask: { from: 'b2', to: 'b1', as: 'b1alias' },
    verdict: 'reachable',
    facts: [['linkResolves', { field: 'HostConfig.Links', params: { name: 'b1alias', network: 'bridge' } }]],
  },
  {
    title: 'default bridge with a legacy link: the linked name resolves too',
    ask: { from: 'b2', to: 'b1' },
    verdict: 'reachable',
    facts: ['linkResolves'],
  },
  {
    title: 'enable_icc=false blocks container-to-container traffic on that bridge',
    ask: { from: 'icc1', to: 'icc2', port: 80 },
    verdict: 'notReachable',
    facts: [
      'sharedNetwork',
      [
        'iccDisabled',
        {
          status: 'problem',
          field: 'Options[com.docker.network.bridge.enable_icc]',
          params: { network: 'dne-reach-noicc' },
        },
      ],
    ],
    fixes: [{ kind: 'createNetworkAndConnect', containers: ['icc1', 'icc2'] }],
    path: ['noicc'],
  },
  {
    title: 'an internal network still joins its own containers',
    ask: { from: 'int1', to: 'int2' },
    verdict: 'reachable',
    facts: ['sharedNetwork', ['internalNetwork', { status: 'info', field: 'Internal' }], 'nameResolves'],
  },
  {
    title: 'internal network: no way out, even to a port published on the host',
    ask: { from: 'int1', to: 'web', port: 80 },
    verdict: 'notReachable',
    facts: [
      'noSharedNetwork',
      [
        'internalNoWayOut',
        {
          status: 'problem',
          field: 'Internal',
          params: { container: 'dne-reach-int1', networks: 'dne-reach-internal' },
        },
      ],
    ],
  },
  {
    title: 'internal network: an address outside Docker cannot be reached',
    ask: { from: 'int1', to: { host: '10.9.9.9' } },
    verdict: 'notReachable',
    facts: ['internalNoWayOut'],
  },
  {
    title: 'internal network: a container on another network cannot be reached (no port)',
    ask: { from: 'int1', to: 'lonely' },
    verdict: 'notReachable',
    facts: ['noSharedNetwork', 'internalNoWayOut'],
  },
  {
    title: 'an extra host pointing outside Docker: depends on what lies beyond the gateway',
    ask: { from: 'api', to: { host: 'legacy-db' }, port: 5432 },
    verdict: 'unknown',
    facts: [
      ['extraHostResolves', { field: 'HostConfig.ExtraHosts', params: { name: 'legacy-db', address: '10.9.9.9' } }],
      ['outsideDocker', { params: { host: '10.9.9.9' } }],
    ],
    probe: { name: 'legacy-db', address: '10.9.9.9', port: 5432, protocol: 'tcp' },
  },
  {
    title: 'host.docker.internal:host-gateway reaches the host through the gateway',
    ask: { from: 'api', to: { host: 'host.docker.internal' } },
    verdict: 'reachable',
    facts: [
      'extraHostResolves',
      ['containerToHost', { params: { network: 'dne-reach-back', gateway: '172.30.61.1', target: '172.30.61.1' } }],
    ],
  },
  {
    title: 'an unassigned address inside a bridge subnet: nothing holds it',
    ask: { from: 'web', to: { host: '172.30.60.99' } },
    verdict: 'notReachable',
    facts: [['addressOnNetwork', { status: 'problem', field: 'IPAM.Config.Subnet' }]],
  },
  {
    title: "container:X is followed to X's namespace and networks",
    ask: { from: 'sidecar', to: 'db' },
    verdict: 'reachable',
    facts: [
      [
        'sharesNamespace',
        { field: 'HostConfig.NetworkMode', params: { container: 'dne-reach-sidecar', owner: 'dne-reach-api' } },
      ],
      'sharedNetwork',
      'nameResolves',
    ],
    path: ['back'],
  },
  {
    title: "a container in container:X mode has no DNS name of its own: use X's",
    ask: { from: 'web', to: 'sidecar' },
    verdict: 'notReachable',
    facts: [
      'sharesNamespace',
      'sharedNetwork',
      ['nameDoesNotResolve', { params: { name: 'dne-reach-sidecar', target: 'dne-reach-api' } }],
    ],
    fixes: [
      { kind: 'useName', name: 'dne-reach-api', network: 'front' },
      { kind: 'useAddress', address: '172.30.60.3', network: 'front' },
    ],
  },
  {
    title: 'the same namespace: loopback',
    ask: { from: 'sidecar', to: 'api', port: 80 },
    verdict: 'reachable',
    facts: ['sharesNamespace', 'sameNamespace', 'listeningUnknown'],
    probe: { name: undefined, address: '127.0.0.1', port: 80, protocol: 'tcp' },
  },
  {
    title: 'host mode to a bridge container: its address works, its name does not',
    ask: { from: 'hosty', to: 'web' },
    verdict: 'notReachable',
    facts: [
      'hostMode',
      ['hostToContainer', { params: { network: 'dne-reach-front', address: FRONT_WEB } }],
      'nameDoesNotResolve',
    ],
    fixes: [{ kind: 'useAddress', address: FRONT_WEB }],
  },
  {
    title: 'host mode to a bridge container by address',
    ask: { from: 'hosty', to: 'web', as: FRONT_WEB, port: 80 },
    verdict: 'reachable',
    facts: ['hostMode', 'hostToContainer', 'listeningUnknown'],
  },
  {
    title: 'a container to a host-mode container through its gateway',
    ask: { from: 'web', to: 'hosty', as: '172.30.60.1' },
    verdict: 'reachable',
    facts: [
      [
        'containerToHost',
        { params: { network: 'dne-reach-front', gateway: '172.30.60.1', target: 'dne-reach-hosty' } },
      ],
    ],
  },
  {
    title: 'macvlan: the host cannot reach its own macvlan containers',
    ask: { from: 'hosty', to: 'mac1', as: '172.30.65.2' },
    verdict: 'notReachable',
    facts: [['macvlanHost', { field: 'Driver', params: { network: 'dne-reach-macvlan', driver: 'macvlan' } }]],
    fixes: [{ kind: 'macvlanShim', network: 'macvlan' }],
  },
  {
    title: 'none mode: only loopback',
    ask: { from: 'nonet', to: 'web' },
    verdict: 'notReachable',
    facts: [['noneMode', { field: 'HostConfig.NetworkMode', subject: 'dne-reach-nonet' }]],
  },
  {
    title: 'a target that is not running',
    ask: { from: 'web', to: 'stopped' },
    verdict: 'notReachable',
    facts: [
      'containerState',
      [
        'containerState',
        { status: 'problem', params: { role: 'target', container: 'dne-reach-stopped', state: 'created' } },
      ],
    ],
    fixes: [{ kind: 'startContainer', containers: ['stopped'] }],
  },
  {
    title: 'a paused target',
    ask: { from: 'web', to: 'paused' },
    verdict: 'notReachable',
    facts: [
      'containerState',
      [
        'containerState',
        { status: 'problem', params: { role: 'target', container: 'dne-reach-paused', state: 'paused' } },
      ],
    ],
  },
  {
    title: 'listening on all interfaces: reachable on the port',
    ask: { from: 'api', to: 'web', port: 80, listening: { web: [{ port: 80, protocol: 'tcp', address: '0.0.0.0' }] } },
    verdict: 'reachable',
    facts: [
      'nameResolves',
      [
        'listening',
        {
          status: 'ok',
          field: '/proc/net/tcp, /proc/net/tcp6',
          params: { port: 80, protocol: 'tcp', addresses: '0.0.0.0' },
        },
      ],
    ],
  },
  {
    title: 'listening on loopback only: not reachable from another container',
    ask: {
      from: 'api',
      to: 'web',
      port: 80,
      listening: { web: [{ port: 80, protocol: 'tcp', address: '127.0.0.1' }] },
    },
    verdict: 'notReachable',
    facts: [
      ['listeningLoopbackOnly', { status: 'problem', params: { port: 80, protocol: 'tcp', addresses: '127.0.0.1' } }],
    ],
    fixes: [{ kind: 'listenOnAllInterfaces', containers: ['web'], port: 80 }],
  },
  {
    title: 'nothing listening on the port',
    ask: { from: 'api', to: 'web', port: 80, listening: { web: [{ port: 22, protocol: 'tcp', address: '0.0.0.0' }] } },
    verdict: 'notReachable',
    facts: [['notListening', { status: 'problem' }]],
  },
  {
    title: 'listening not known: said so, exposed port noted',
    ask: { from: 'api', to: 'web', port: 9000 },
    verdict: 'reachable',
    facts: [
      'listeningUnknown',
      ['exposedPort', { field: 'Config.ExposedPorts', params: { port: 9000, protocol: 'tcp' } }],
    ],
  },
  {
    title: 'UDP: the path holds, the probe cannot confirm',
    ask: { from: 'api', to: 'web', port: 53, protocol: 'udp' },
    verdict: 'reachable',
    facts: ['listeningUnknown', 'udpUnconfirmed'],
  },
  {
    title: 'an IPv6 address on a network without IPv6: family mismatch',
    ask: { from: 'api', to: 'web', as: 'fd00::2' },
    verdict: 'notReachable',
    facts: [
      'sharedNetwork',
      ['familyMismatch', { status: 'problem', params: { network: 'dne-reach-front', address: 'fd00::2' } }],
    ],
  },
];

function expectFix(f: NonNullable<Case['fixes']>[number]): Fix {
  return {
    kind: f.kind,
    containerIds: (f.containers ?? []).map(id),
    ...(f.network ? { networkId: networkId(f.network) } : {}),
    ...(f.name ? { name: f.name } : {}),
    ...(f.address ? { address: f.address } : {}),
    ...(f.port ? { port: f.port } : {}),
  };
}

describe('reachability analyzer (recorded engine JSON)', () => {
  for (const c of cases) {
    it(c.title, () => {
      const report = ask(c.ask);
      const seen = report.facts.map((f) => `${f.code}(${f.status}) ${JSON.stringify(f.params)}`).join('\n  ');
      assert.equal(report.verdict, c.verdict, `facts:\n  ${seen}`);
      let from = 0;
      for (const wanted of c.facts) {
        const [code, partial] = Array.isArray(wanted) ? wanted : [wanted, {}];
        const at = report.facts.findIndex((f, i) => i >= from && f.code === code);
        assert.ok(at >= 0, `fact ${code} missing (in order) among:\n  ${seen}`);
        const fact = report.facts[at];
        for (const [key, value] of Object.entries(partial)) {
          assert.deepEqual((fact as unknown as Record<string, unknown>)[key], value, `${code}.${key}`);
        }
        from = at + 1;
      }
      if (c.fixes) assert.deepEqual(report.fixes, c.fixes.map(expectFix));
      if (c.probe) assert.deepEqual(report.probe, c.probe);
      if (c.path) assert.deepEqual(report.pathNetworkIds, c.path.map(networkId));
      for (const fact of report.facts)
        assert.ok(fact.field.length > 0 && fact.subject.length > 0, `${fact.code} names its field and subject`);
    });
  }

  it('a source that no longer exists: unknown, and the fact says which', () => {
    const report = analyzeReachability(
      { sourceId: 'gone', target: { kind: 'container', containerId: id('web') } },
      { snapshot, details },
    );
    assert.equal(report.verdict, 'unknown');
    assert.deepEqual(
      report.facts.map((f) => [f.code, f.params.role]),
      [['containerMissing', 'source']],
    );
  });

  it('a target removed meanwhile: not reachable, and the fact says so', () => {
    const report = analyzeReachability(
      { sourceId: id('web'), target: { kind: 'container', containerId: 'gone' } },
      { snapshot, details },
    );
    assert.equal(report.verdict, 'notReachable');
    assert.deepEqual(
      report.facts.map((f) => [f.code, f.params.role]),
      [
        ['containerState', 'source'],
        ['containerMissing', 'target'],
      ],
    );
  });

  it('a container:X whose X is gone: the namespace owner is missing', () => {
    const sidecar = snapshot.containers.get(id('sidecar'))!;
    const orphan = { ...snapshot, containers: new Map([...snapshot.containers].filter(([k]) => k !== id('api'))) };
    const report = analyzeReachability(
      { sourceId: sidecar.id, target: { kind: 'container', containerId: id('db') } },
      { snapshot: orphan, details },
    );
    assert.equal(report.verdict, 'notReachable');
    assert.ok(report.facts.some((f) => f.code === 'namespaceOwnerMissing' && f.status === 'problem'));
  });
});
