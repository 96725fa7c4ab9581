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
});
