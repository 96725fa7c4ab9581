import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as ipaddr from 'ipaddr.js';
import {
  checkAliases,
  checkAuxAddresses,
  checkHostAddress,
  checkInteger,
  checkInterfaceName,
  checkIpRange,
  checkLabels,
  checkNetworkName,
  checkNewSubnet,
  checkStaticAddress,
  cidrsOverlap,
  parseSubnet,
  type Checked,
  type ParsedCidr,
  type ValidationIssue,
} from '../../../src/model/networkValidation';
import type { EndpointModel, IpamConfig, NetworkModel } from '../../../src/model/topology';
import { network as modelNetwork } from '../topology/fakeTopology';
import { propertyBudget } from '../propertyBudget';

function network(name: string, ipam: Array<Partial<IpamConfig>>, extra: Partial<NetworkModel> = {}): NetworkModel {
  return modelNetwork(`id-${name}`, name, {
    builtIn: false,
    ipam: ipam.map((c) => ({ auxAddresses: {}, ...c })),
    ...extra,
  });
}

function endpoint(net: NetworkModel, container: string, ipv4?: string, ipv6?: string): EndpointModel {
  return {
    key: `${net.id}/${container}`,
    networkId: net.id,
    networkName: net.name,
    containerId: `cid-${container}`,
    containerName: container,
    ipv4,
    ipv6,
    aliases: [],
    running: true,
  };
}

function issueOf<T>(c: Checked<T>): ValidationIssue {
  assert.equal(c.ok, false, `expected a validation issue, got ${JSON.stringify(c)}`);
  return (c as { ok: false; issue: ValidationIssue }).issue;
}

function valueOf<T>(c: Checked<T>): T {
  assert.equal(c.ok, true, `expected a valid value, got ${JSON.stringify(c)}`);
  return (c as { ok: true; value: T }).value;
}

const bridge = network('bridge', [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }], { builtIn: true });
const app = network(
  'app_net',
  [
    { subnet: '10.20.0.0/24', gateway: '10.20.0.1' },
    { subnet: 'fd00:20::/64', gateway: 'fd00:20::1' },
  ],
  { ipv6: true },
);
const existing = [bridge, app];

describe('network name', () => {
  it('accepts what the engine accepts and trims', () => {
    assert.equal(valueOf(checkNetworkName('  my-net_1.b ', existing)), 'my-net_1.b');
  });
  it('rejects names the engine rejects', () => {
    for (const bad of ['-lead', '.dot', 'a b', 'ünï', 'a/b', '_x'])
      assert.equal(issueOf(checkNetworkName(bad, existing)).kind, 'badName', bad);
    assert.equal(issueOf(checkNetworkName('   ', existing)).kind, 'required');
  });
  it('rejects a name already taken, naming it', () => {
    assert.deepEqual(issueOf(checkNetworkName('app_net', existing)), { kind: 'nameTaken', name: 'app_net' });
  });
});

describe('new subnet', () => {
  it('accepts a free IPv4 and IPv6 subnet', () => {
    assert.equal(valueOf(checkNewSubnet('10.30.0.0/24', 'ipv4', existing)).prefix, 24);
    assert.equal(valueOf(checkNewSubnet('fd00:30::/64', 'ipv6', existing)).family, 'ipv6');
  });
  it('rejects host bits and suggests the network address', () => {
    assert.deepEqual(issueOf(checkNewSubnet('10.30.0.5/24', 'ipv4', existing)), {
      kind: 'hostBits',
      value: '10.30.0.5/24',
      network: '10.30.0.0/24',
    });
  });
  it('rejects an overlap in either direction and names the network', () => {
    const inside = issueOf(checkNewSubnet('172.17.5.0/24', 'ipv4', existing));
    assert.deepEqual(inside, {
      kind: 'overlap',
      value: '172.17.5.0/24',
      otherSubnet: '172.17.0.0/16',
      otherNetwork: 'bridge',
    });
    const around = issueOf(checkNewSubnet('10.0.0.0/8', 'ipv4', existing));
    assert.equal(around.kind === 'overlap' && around.otherNetwork, 'app_net');
    const v6 = issueOf(checkNewSubnet('fd00:20::/48', 'ipv6', existing));
    assert.equal(v6.kind === 'overlap' && v6.otherNetwork, 'app_net');
  });
  it('rejects the wrong family and garbage', () => {
    assert.equal(issueOf(checkNewSubnet('fd00:30::/64', 'ipv4', existing)).kind, 'badCidr');
    assert.equal(issueOf(checkNewSubnet('10.30.0.0', 'ipv4', existing)).kind, 'badCidr');
    assert.equal(issueOf(checkNewSubnet('10.30.0.0/33', 'ipv4', existing)).kind, 'badCidr');
  });
});

describe('gateway, range and auxiliary addresses', () => {
  const subnet = valueOf(parseSubnet('10.42.0.0/24', 'ipv4'));
  it('accepts a host address inside the subnet', () => {
    assert.equal(valueOf(checkHostAddress('10.42.0.1', subnet)), '10.42.0.1');
  });
  it('rejects outside, network and broadcast addresses', () => {
    assert.equal(issueOf(checkHostAddress('10.43.0.1', subnet)).kind, 'outsideSubnet');
    assert.deepEqual(issueOf(checkHostAddress('10.42.0.0', subnet)), {
      kind: 'reservedAddress',
      value: '10.42.0.0',
      subnet: '10.42.0.0/24',
      reason: 'network',
    });
    assert.equal((issueOf(checkHostAddress('10.42.0.255', subnet)) as { reason: string }).reason, 'broadcast');
    assert.equal(issueOf(checkHostAddress('fd00::1', subnet)).kind, 'badAddress');
  });
  it('accepts a range inside the subnet and rejects one that is wider or elsewhere', () => {
    assert.equal(valueOf(checkIpRange('10.42.0.128/25', subnet)).prefix, 25);
    assert.equal(issueOf(checkIpRange('10.42.0.0/23', subnet)).kind, 'outsideSubnet');
    assert.equal(issueOf(checkIpRange('10.43.0.0/25', subnet)).kind, 'outsideSubnet');
  });
  it('parses aux addresses and checks each one, also against the gateway', () => {
    assert.deepEqual(valueOf(checkAuxAddresses('router=10.42.0.5, dns = 10.42.0.6', subnet, '10.42.0.1')), {
      router: '10.42.0.5',
      dns: '10.42.0.6',
    });
    assert.equal(issueOf(checkAuxAddresses('router=10.99.0.5', subnet)).kind, 'outsideSubnet');
    assert.equal(issueOf(checkAuxAddresses('router=10.42.0.1', subnet, '10.42.0.1')).kind, 'reservedAddress');
    assert.equal(issueOf(checkAuxAddresses('router', subnet)).kind, 'badPair');
    assert.deepEqual(valueOf(checkAuxAddresses('', subnet)), {});
  });
});

describe('labels, options and aliases', () => {
  it('parses labels and rejects duplicates and bare words', () => {
    assert.deepEqual(valueOf(checkLabels('team=net, env=dev=1')), { team: 'net', env: 'dev=1' });
    assert.deepEqual(issueOf(checkLabels('a=1,a=2')), { kind: 'duplicateKey', key: 'a' });
    assert.equal(issueOf(checkLabels('=x')).kind, 'badPair');
  });
  it('checks MTU and interface names', () => {
    assert.equal(valueOf(checkInteger('1450', 68, 65535)), 1450);
    assert.equal(issueOf(checkInteger('20', 68, 65535)).kind, 'badInteger');
    assert.equal(issueOf(checkInteger('1.5', 68, 65535)).kind, 'badInteger');
    assert.equal(valueOf(checkInterfaceName('eth0.10')), 'eth0.10');
    assert.equal(issueOf(checkInterfaceName('thisnameiswaytoolong')).kind, 'badInterface');
  });
  it('splits aliases on commas and spaces, dropping duplicates', () => {
    assert.deepEqual(valueOf(checkAliases('db, primary db')), ['db', 'primary']);
    assert.equal(issueOf(checkAliases('ok, -bad')).kind, 'badAlias');
  });
});

describe('static address for connect', () => {
  const eps = [endpoint(app, 'web', '10.20.0.2', 'fd00:20::2')];
  it('accepts a free address inside the subnet', () => {
    assert.equal(valueOf(checkStaticAddress('10.20.0.50', 'ipv4', app, eps)), '10.20.0.50');
    assert.equal(valueOf(checkStaticAddress('fd00:20::50', 'ipv6', app, eps)), 'fd00:20::50');
  });
  it('rejects an address outside every subnet, naming them', () => {
    assert.deepEqual(issueOf(checkStaticAddress('10.21.0.5', 'ipv4', app, eps)), {
      kind: 'outsideSubnet',
      value: '10.21.0.5',
      subnet: '10.20.0.0/24',
    });
  });
  it('rejects an address in use, naming the container, also written differently', () => {
    assert.deepEqual(issueOf(checkStaticAddress('10.20.0.2', 'ipv4', app, eps)), {
      kind: 'addressInUse',
      value: '10.20.0.2',
      container: 'web',
    });
    assert.equal(issueOf(checkStaticAddress('fd00:20:0:0::2', 'ipv6', app, eps)).kind, 'addressInUse');
  });
  it('rejects the gateway', () => {
    assert.equal((issueOf(checkStaticAddress('10.20.0.1', 'ipv4', app, eps)) as { reason: string }).reason, 'gateway');
  });
  it('says when the network has no configured subnet of that family', () => {
    assert.deepEqual(issueOf(checkStaticAddress('10.0.0.2', 'ipv4', network('auto', []), [])), {
      kind: 'noSubnet',
      family: 'ipv4',
    });
  });
});

describe('overlap properties', () => {
  const cidr = fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 30 }))
    .map(([a, b, prefix]): ParsedCidr => {
      // Build the network address of 10.a.b.0/prefix through the parser itself (no address math here).
      const text = `10.${a}.${b}.0/${prefix}`;
      const loose = parseSubnet(text, 'ipv4');
      if (loose.ok) return loose.value;
      const suggestion = (loose.issue as { network: string }).network;
      return valueOf(parseSubnet(suggestion, 'ipv4'));
    });
  it('is symmetric and reflexive', () => {
    fc.assert(
      fc.property(cidr, cidr, (a, b) => cidrsOverlap(a, b) === cidrsOverlap(b, a) && cidrsOverlap(a, a)),
      // fast-check's default count, 100 cases (as below).
      propertyBudget(100),
    );
  });
  // Oracle: the two address intervals [first, last] intersect (first/last from ipaddr.js, compared as numbers).
  const interval = (c: ParsedCidr): [number, number] => {
    const num = (addr: ipaddr.IPv4): number => addr.toByteArray().reduce((acc, byte) => acc * 256 + byte, 0);
    return [num(ipaddr.IPv4.networkAddressFromCIDR(c.text)), num(ipaddr.IPv4.broadcastAddressFromCIDR(c.text))];
  };
  it('a new subnet is refused exactly when its addresses intersect an existing one', () => {
    fc.assert(
      fc.property(cidr, cidr, (a, b) => {
        const nets = [network('other', [{ subnet: b.text }])];
        const r = checkNewSubnet(a.text, 'ipv4', nets);
        const [a0, a1] = interval(a);
        const [b0, b1] = interval(b);
        const intersect = a0 <= b1 && b0 <= a1;
        return r.ok === !intersect && (r.ok || (r.issue.kind === 'overlap' && r.issue.otherNetwork === 'other'));
      }),
      propertyBudget(100),
    );
  });
});
