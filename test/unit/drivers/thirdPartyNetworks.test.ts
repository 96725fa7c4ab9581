/**
 * Weave Net and Flannel recognition (src/model/thirdPartyNetworks.ts) and what a network's Details say about them:
 * flanneld's subnet.env parsed, docker0's subnet and MTU compared with Flannel's, a mismatch with its fix.
 */
import * as assert from 'node:assert/strict';
import { driverDetailRows } from '../../../src/explorer/present/driverText';
import { untranslated as t } from '../../../src/explorer/present/text';
import { buildDriverInventory } from '../../../src/model/drivers';
import { parseFlannelEnv, recogniseThirdParty } from '../../../src/model/thirdPartyNetworks';
import type { NetworkModel } from '../../../src/model/topology';
import { network } from '../topology/fakeTopology';

const SUBNET_ENV = `# written by flanneld
FLANNEL_NETWORK=10.1.0.0/16
FLANNEL_SUBNET=10.1.15.1/24
FLANNEL_MTU=1450
FLANNEL_IPMASQ=false
`;

function bridge(subnet: string, gateway: string, mtu?: string): NetworkModel {
  return network('id-bridge', 'bridge', {
    ipam: [{ subnet, gateway, auxAddresses: {} }],
    options: { 'com.docker.network.bridge.name': 'docker0', ...(mtu ? { 'com.docker.network.driver.mtu': mtu } : {}) },
  });
}

describe('drivers: Weave Net and Flannel', () => {
  it('parses subnet.env: the four variables, quotes dropped, comments and junk ignored', () => {
    assert.deepEqual(parseFlannelEnv(SUBNET_ENV), {
      network: '10.1.0.0/16',
      subnet: '10.1.15.1/24',
      mtu: 1450,
      ipmasq: false,
    });
    assert.deepEqual(parseFlannelEnv('FLANNEL_SUBNET="10.5.3.1/24"\r\nFLANNEL_MTU=lots\nnoise\n'), {
      subnet: '10.5.3.1/24',
    });
    assert.deepEqual(parseFlannelEnv('FLANNEL_SUBNET=not-a-cidr'), {});
  });

  it('docker0 as Flannel set it: recognised, with its lease and MTU', () => {
    const env = parseFlannelEnv(SUBNET_ENV);
    const party = recogniseThirdParty(bridge('10.1.15.0/24', '10.1.15.1', '1450'), env);
    assert.deepEqual(party, {
      kind: 'flannel',
      flannelSubnet: '10.1.15.0/24',
      flannelAddress: '10.1.15.1',
      flannelMtu: 1450,
      dockerSubnet: '10.1.15.0/24',
      dockerGateway: '10.1.15.1',
      dockerMtu: 1450,
      subnetMatches: true,
      mtuMatches: true,
    });
    const facts = {
      inventory: buildDriverInventory({ info: {}, plugins: [] }),
      local: { available: true as const },
      flannel: env,
      unreadable: [],
    };
    const rows = driverDetailRows(bridge('10.1.15.0/24', '10.1.15.1', '1450'), facts, [], t);
    assert.deepEqual(
      rows.map((r) => `${r.name}: ${r.value}`),
      [
        'Driver: bridge (built-in)',
        'Flannel: docker0 is managed by Flannel: flanneld leased 10.1.15.0/24 to this host (bridge address 10.1.15.1, MTU 1450), from /run/flannel/subnet.env',
      ],
    );
  });

  it('docker0 that does not follow Flannel: each mismatch with the dockerd flag that fixes it', () => {
    const env = parseFlannelEnv(SUBNET_ENV);
    const facts = {
      inventory: buildDriverInventory({ info: {}, plugins: [] }),
      local: { available: true as const },
      flannel: env,
      unreadable: [],
    };
    const rows = driverDetailRows(bridge('172.17.0.0/16', '172.17.0.1'), facts, [], t).filter(
      (r) => r.field === 'driverProblem',
    );
    assert.equal(rows.length, 2);
    assert.match(
      rows[0].value,
      /docker0 has 172\.17\.0\.0\/16 but Flannel leased 10\.1\.15\.0\/24.*--bip=10\.1\.15\.1\/24/,
    );
    assert.match(rows[1].value, /MTU is 1500 but Flannel's is 1450.*--mtu=1450/);
  });

  it('Weave Net by its drivers; other networks and a user bridge without Flannel are not third-party', () => {
    const n = bridge('10.32.0.0/12', '10.32.0.1');
    assert.deepEqual(recogniseThirdParty({ ...n, driver: 'weavemesh' }), {
      kind: 'weave',
      driver: 'weavemesh',
      mode: 'weavemesh',
    });
    assert.equal(recogniseThirdParty({ ...n, driver: 'weaveworks/net-plugin:2.8.1' })?.kind, 'weave');
    assert.equal(recogniseThirdParty(n), undefined);
    const userBridge = { ...n, name: 'mine', builtIn: false, options: {} };
    assert.equal(recogniseThirdParty(userBridge, parseFlannelEnv(SUBNET_ENV)), undefined);
  });

  it('subnet.env edge lines: single quotes, spaces, IPMASQ true, commented or malformed values ignored', () => {
    const text = [
      "  FLANNEL_NETWORK = '10.1.0.0/16'  ",
      '#FLANNEL_MTU=9000',
      '=10.9.9.9/24',
      'FLANNEL_MTU=1450x',
      'FLANNEL_IPMASQ=true',
      'FLANNEL_SUBNET="10.1.15.1/24\'',
      'FLANNEL_NETWORK_EXTRA=10.2.0.0/16',
    ].join('\n');
    assert.deepEqual(parseFlannelEnv(text), { network: '10.1.0.0/16', ipmasq: true });
    assert.deepEqual(parseFlannelEnv('FLANNEL_MTU=x1450\nFLANNEL_SUBNET=10.1.15.1'), {});
    assert.deepEqual(parseFlannelEnv('FLANNEL_NETWORK=10.1.0.0/99\nFLANNEL_IPMASQ=yes\nFLANNEL_MTU=8951'), {
      ipmasq: false,
      mtu: 8951,
    });
  });

  it('Weave Net modes by driver name; a driver only containing the plugin name is not Weave', () => {
    const n = bridge('10.32.0.0/12', '10.32.0.1');
    assert.deepEqual(recogniseThirdParty({ ...n, driver: 'weave' }), { kind: 'weave', driver: 'weave', mode: 'weave' });
    assert.deepEqual(recogniseThirdParty({ ...n, driver: 'weaveworks/net-plugin:latest' }), {
      kind: 'weave',
      driver: 'weaveworks/net-plugin:latest',
      mode: 'managedPlugin',
    });
    assert.equal(recogniseThirdParty({ ...n, driver: 'my/weaveworks/net-plugin' }), undefined);
    assert.equal(recogniseThirdParty({ ...n, driver: 'weavemeshy' }), undefined);
  });

  it('Flannel only on the default bridge: by its docker0 name, or as the built-in network named bridge', () => {
    const env = parseFlannelEnv(SUBNET_ENV);
    const docker0 = bridge('10.1.15.0/24', '10.1.15.1');
    const builtIn = { ...docker0, options: {}, name: 'bridge', builtIn: true };
    assert.equal(recogniseThirdParty(builtIn, env)?.kind, 'flannel');
    assert.equal(recogniseThirdParty({ ...builtIn, builtIn: false }, env), undefined);
    assert.equal(recogniseThirdParty({ ...builtIn, name: 'bridge2' }, env), undefined);
    assert.equal(recogniseThirdParty({ ...docker0, name: 'custom', builtIn: false }, env)?.kind, 'flannel');
    assert.equal(recogniseThirdParty({ ...docker0, driver: 'macvlan' }, env), undefined);
    assert.equal(recogniseThirdParty(docker0, { network: '10.1.0.0/16' }), undefined, 'no lease: not recognised');
  });

  it('docker0 compared with the lease: gateway, IPv4 entry after an IPv6 one, no IPv4 subnet, no Flannel MTU', () => {
    const env = parseFlannelEnv('FLANNEL_SUBNET=10.1.15.1/24');
    const otherGateway = recogniseThirdParty(bridge('10.1.15.0/24', '10.1.15.254', 'big'), env);
    assert.deepEqual(otherGateway, {
      kind: 'flannel',
      flannelSubnet: '10.1.15.0/24',
      flannelAddress: '10.1.15.1',
      dockerSubnet: '10.1.15.0/24',
      dockerGateway: '10.1.15.254',
      dockerMtu: 1500,
      subnetMatches: false,
      mtuMatches: true,
    });
    const dual = bridge('10.1.15.0/24', '10.1.15.1', '1400');
    const v6First = { ...dual, ipam: [{ subnet: 'fd00::/64', gateway: 'fd00::1', auxAddresses: {} }, dual.ipam[0]] };
    const party = recogniseThirdParty(v6First, { ...env, mtu: 1450 });
    assert.equal(
      party?.kind === 'flannel' && `${party.dockerSubnet} ${party.subnetMatches} ${party.mtuMatches}`,
      '10.1.15.0/24 true false',
    );
    for (const junk of ['x1400', '1400x']) {
      const odd = recogniseThirdParty(bridge('10.1.15.0/24', '10.1.15.1', junk), env);
      assert.equal(odd?.kind === 'flannel' && odd.dockerMtu, 1500, junk);
    }
    const noGateway = { ...dual, ipam: [{ subnet: '10.1.15.0/24', auxAddresses: {} }] };
    const loose = recogniseThirdParty(noGateway, env);
    assert.equal(loose?.kind === 'flannel' && `${loose.dockerGateway} ${loose.subnetMatches}`, 'undefined true');
    const v6Only = recogniseThirdParty({ ...dual, ipam: [v6First.ipam[0]] }, env);
    assert.equal(v6Only?.kind === 'flannel' && `${v6Only.dockerSubnet} ${v6Only.subnetMatches}`, 'undefined false');
  });
});
