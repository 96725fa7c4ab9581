import * as assert from 'node:assert/strict';
import type { EngineContainer, EngineNetwork } from '../../../src/engine/records';
import {
  reviewSecurity,
  type ContainerPrivileges,
  type EngineAccess,
  type SecurityRuleId,
} from '../../../src/diagnose/security';
import { buildSnapshot } from '../../../src/model/snapshot';

const LOCAL: EngineAccess = { kind: 'unix', tls: false, display: 'unix:///var/run/docker.sock' };

function net(name: string, extra: Partial<EngineNetwork> = {}): EngineNetwork {
  return { Name: name, Id: `${name}-id`.padEnd(64, '0'), Scope: 'local', Driver: 'bridge', ...extra };
}

function ctr(name: string, networks: string[], extra: Partial<EngineContainer> = {}): EngineContainer {
  const settings = Object.fromEntries(
    networks.map((n, i) => [
      n,
      { NetworkID: `${n}-id`.padEnd(64, '0'), IPAddress: `10.9.${i}.${name.length}`, IPPrefixLen: 24 },
    ]),
  );
  return {
    Id: `${name}-cid`.padEnd(64, '0'),
    Names: [`/${name}`],
    State: 'running',
    HostConfig: { NetworkMode: networks[0] ?? 'default' },
    NetworkSettings: { Networks: settings },
    ...extra,
  };
}

interface Case {
  name: string;
  networks: EngineNetwork[];
  containers: EngineContainer[];
  privileges?: Record<string, ContainerPrivileges>;
  engine?: EngineAccess;
  /** rule -> the container or network names of its findings (one string per finding). */
  expect: Partial<Record<SecurityRuleId, string[]>>;
}

const project = (p: string) => ({ 'com.docker.compose.project': p });

const cases: Case[] = [
  {
    name: 'a port published on all interfaces, one on loopback only',
    networks: [net('app')],
    containers: [
      ctr('web', ['app'], { Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }] }),
      ctr('admin', ['app'], { Ports: [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 9000, Type: 'tcp' }] }),
    ],
    expect: { portAllInterfaces: ['web: 0.0.0.0:8080->80/tcp'] },
  },
  {
    name: 'a host-mode container',
    networks: [net('host', { Driver: 'host' })],
    containers: [ctr('agent', ['host'], { HostConfig: { NetworkMode: 'host' } })],
    expect: { hostNetworkMode: ['agent'] },
  },
  {
    name: 'privileged and NET_ADMIN on a shared network; NET_RAW alone on its own network is not reported',
    networks: [net('shared'), net('alone')],
    containers: [ctr('vpn', ['shared']), ctr('sniffer', ['shared']), ctr('db', ['shared']), ctr('solo', ['alone'])],
    privileges: {
      vpn: { privileged: true, capAdd: [] },
      sniffer: { privileged: false, capAdd: ['CAP_NET_ADMIN', 'NET_RAW'] },
      solo: { privileged: false, capAdd: ['NET_RAW'] },
    },
    expect: { privilegedOnSharedNetwork: ['vpn'], netCapabilityOnSharedNetwork: ['sniffer: NET_ADMIN, NET_RAW'] },
  },
  {
    name: 'containers on the default bridge',
    networks: [net('bridge')],
    containers: [ctr('legacy1', ['bridge']), ctr('legacy2', ['bridge'])],
    expect: { defaultBridge: ['legacy1, legacy2'] },
  },
  {
    name: 'the engine over plain tcp://',
    networks: [],
    containers: [],
    engine: { kind: 'tcp', tls: false, display: 'tcp://10.0.0.5:2375' },
    expect: { enginePlainTcp: [': tcp://10.0.0.5:2375'] },
  },
  {
    name: 'the engine over tcp:// with TLS is fine',
    networks: [],
    containers: [],
    engine: { kind: 'tcp', tls: true, display: 'tcp://10.0.0.5:2376 (TLS)' },
    expect: {},
  },
  {
    name: 'ICC on where every member is one compose project; mixed projects and ICC off are not reported',
    networks: [
      net('shop_default', { Labels: project('shop') }),
      net('mixed'),
      net('closed', { Options: { 'com.docker.network.bridge.enable_icc': 'false' } }),
    ],
    containers: [
      ctr('shop-web', ['shop_default', 'closed'], { Labels: project('shop') }),
      ctr('shop-db', ['shop_default', 'closed'], { Labels: project('shop') }),
      ctr('x', ['mixed'], { Labels: project('shop') }),
      ctr('y', ['mixed'], { Labels: project('other') }),
    ],
    expect: { iccSingleProject: ['shop_default: shop'] },
  },
];

describe('diagnose: security review rules', () => {
  for (const c of cases) {
    it(c.name, () => {
      const snapshot = buildSnapshot({
        networks: [net('bridge', {}), ...c.networks].filter(
          (n, i, all) => all.findIndex((m) => m.Name === n.Name) === i,
        ),
        containers: c.containers,
      });
      const byName = new Map([...snapshot.containers.values()].map((x) => [x.name, x.id]));
      const privileges = new Map(Object.entries(c.privileges ?? {}).map(([name, p]) => [byName.get(name)!, p]));
      const findings = reviewSecurity({ snapshot, privileges, engine: c.engine ?? LOCAL });
      const got: Partial<Record<SecurityRuleId, string[]>> = {};
      for (const f of findings) {
        const who = f.rule === 'iccSingleProject' || f.rule === 'enginePlainTcp' ? f.networks : f.containers;
        const facts =
          f.rule === 'iccSingleProject' ? f.facts.slice(0, 1) : f.rule === 'privilegedOnSharedNetwork' ? [] : f.facts;
        const line = who.map((s) => s.name).join(', ') + (facts.length ? `: ${facts.join(', ')}` : '');
        (got[f.rule] ??= []).push(line);
      }
      assert.deepEqual(got, c.expect);
    });
  }

  it('orders findings most severe first', () => {
    const snapshot = buildSnapshot({
      networks: [net('bridge')],
      containers: [ctr('a', ['bridge'], { Ports: [{ IP: '0.0.0.0', PrivatePort: 1, PublicPort: 2, Type: 'tcp' }] })],
    });
    const engine: EngineAccess = { kind: 'tcp', tls: false, display: 'tcp://h:2375' };
    const severities = reviewSecurity({ snapshot, privileges: new Map(), engine }).map((f) => f.severity);
    assert.deepEqual(severities, ['high', 'medium', 'low']);
  });
});
