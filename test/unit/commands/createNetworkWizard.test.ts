/**
 * The Create Network wizard in plain Node: a scripted prompter (the one the integration tests use) answers the
 * questions, including Back, Cancel and rejected values; the tests assert the request the wizard produces, the
 * validation messages the user read, and the step counter shown. `vscode` is stubbed (l10n only).
 */
import '../explorer/vscodeStub';
import * as assert from 'node:assert/strict';
import type { EngineInfo } from '../../../src/engine/records';
import type { NetworkModel } from '../../../src/model/topology';
import { runCreateNetworkWizard } from '../../../src/commands/createNetwork/wizard';
import { BACK, CANCEL, ScriptedPrompter, type ScriptStep } from '../../integration/operations/scriptedPrompter';

function network(name: string, subnet?: string): NetworkModel {
  return {
    id: `id-${name}`,
    name,
    driver: 'bridge',
    scope: 'local',
    ipamDriver: 'default',
    ipamOptions: {},
    ipam: subnet ? [{ subnet, auxAddresses: {} }] : [],
    internal: false,
    attachable: false,
    ipv6: false,
    ingress: false,
    configOnly: false,
    options: {},
    labels: {},
    builtIn: false,
  };
}

const networks = [network('bridge', '172.17.0.0/16'), network('occupied', '10.50.0.0/24')];
const localEngine: EngineInfo = { Plugins: { Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'] } };

async function wizard(script: ScriptStep[], info: EngineInfo = localEngine) {
  const prompter = new ScriptedPrompter(script);
  const request = await runCreateNetworkWizard({ prompter, networks, info });
  assert.deepEqual(prompter.unused, [], 'the wizard finished before the script did');
  return { request, prompter };
}

const quickBridge = (name: string): ScriptStep[] => [
  { id: 'name', reply: name },
  { id: 'driver', reply: 'bridge' },
  { id: 'ipv4Subnet', reply: '' },
  { id: 'ipv6Subnet', reply: '' },
  { id: 'flags', reply: [] },
  { id: 'driverOptions', reply: [] },
];

describe('Create Network wizard (scripted, no extension host)', () => {
  it('builds the full request from every step, re-asking rejected values and going back once', async () => {
    const { request, prompter } = await wizard([
      { id: 'name', reply: 'bad name' },
      { id: 'name', reply: 'occupied' },
      { id: 'name', reply: 'first-try' },
      { id: 'driver', reply: BACK },
      { id: 'name', reply: 'mynet' },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipv4Subnet', reply: '10.50.0.128/25' },
      { id: 'ipv4Subnet', reply: '10.60.0.7/24' },
      { id: 'ipv4Subnet', reply: '10.60.0.0/24' },
      { id: 'ipv4Gateway', reply: '10.254.254.1' },
      { id: 'ipv4Gateway', reply: '10.60.0.1' },
      { id: 'ipv4Range', reply: '10.60.0.128/25' },
      { id: 'ipv4Aux', reply: 'router=10.60.0.1' },
      { id: 'ipv4Aux', reply: 'router=10.60.0.2' },
      { id: 'ipv6Subnet', reply: 'fd00:60::/64' },
      { id: 'ipv6Gateway', reply: 'fd00:60::1' },
      { id: 'ipv6Range', reply: 'fd00:60::/80' },
      { id: 'ipv6Aux', reply: 'dns=fd00:60::53' },
      { id: 'flags', reply: ['Internal', 'Attachable'] },
      { id: 'driverOptions', reply: ['Inter-container communication (ICC)', 'MTU'] },
      { id: 'option:com.docker.network.bridge.enable_icc', reply: 'false' },
      { id: 'option:com.docker.network.driver.mtu', reply: '20' },
      { id: 'option:com.docker.network.driver.mtu', reply: '1400' },
      { id: 'labels', reply: 'com.example.team=net, env=test' },
    ]);
    assert.deepEqual(request, {
      name: 'mynet',
      driver: 'bridge',
      internal: true,
      attachable: true,
      enableIPv6: true,
      ipam: [
        {
          subnet: '10.60.0.0/24',
          gateway: '10.60.0.1',
          ipRange: '10.60.0.128/25',
          auxAddresses: { router: '10.60.0.2' },
        },
        {
          subnet: 'fd00:60::/64',
          gateway: 'fd00:60::1',
          ipRange: 'fd00:60::/80',
          auxAddresses: { dns: 'fd00:60::53' },
        },
      ],
      options: { 'com.docker.network.bridge.enable_icc': 'false', 'com.docker.network.driver.mtu': '1400' },
      labels: { 'com.example.team': 'net', env: 'test' },
    });
    assert.deepEqual(
      prompter.seen.invalid.map((i) => `${i.id}: ${i.message}`),
      [
        'name: "bad name" is not a valid network name: start with a letter or digit, then use only letters, digits, "_", "." or "-".',
        'name: A network named "occupied" already exists: choose another name.',
        'ipv4Subnet: 10.50.0.128/25 overlaps 10.50.0.0/24 of network "occupied": choose a subnet that does not overlap.',
        'ipv4Subnet: "10.60.0.7/24" has host bits set: did you mean 10.60.0.0/24?',
        'ipv4Gateway: 10.254.254.1 is not inside the subnet 10.60.0.0/24.',
        'ipv4Aux: 10.60.0.1 is already used as the gateway or an auxiliary address of 10.60.0.0/24.',
        'option:com.docker.network.driver.mtu: "20" is not a whole number between 68 and 65535.',
      ],
    );
  });

  it('counts the steps the answers call for, and offers Back from the second step on', async () => {
    const { prompter } = await wizard([
      { id: 'name', reply: 'counted' },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipv4Subnet', reply: '10.61.0.0/24' },
      { id: 'ipv4Gateway', reply: '' },
      { id: 'ipv4Range', reply: '' },
      { id: 'ipv4Aux', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'driverOptions', reply: ['MTU'] },
      { id: 'option:com.docker.network.driver.mtu', reply: '1400' },
      { id: 'labels', reply: '' },
    ]);
    assert.deepEqual(
      prompter.seen.questions.map((q) => `${q.id} ${q.step}/${q.totalSteps}${q.canGoBack ? '' : ' (no Back)'}`),
      [
        'name 1/7 (no Back)',
        'driver 2/7',
        'ipv4Subnet 3/7',
        'ipv4Gateway 4/10',
        'ipv4Range 5/10',
        'ipv4Aux 6/10',
        'ipv6Subnet 7/10',
        'flags 8/10',
        'driverOptions 9/10',
        'option:com.docker.network.driver.mtu 10/11',
        'labels 11/11',
      ],
    );
  });

  it('offers bridge, overlay only when Swarm is active, macvlan, ipvlan, then network plugins', async () => {
    const swarm: EngineInfo = {
      Swarm: { LocalNodeState: 'active' },
      Plugins: { Network: ['bridge', 'overlay', 'weave'] },
    };
    const { request, prompter } = await wizard(
      [
        { id: 'name', reply: 'drivers' },
        { id: 'driver', reply: 'weave' },
        { id: 'ipv4Subnet', reply: '' },
        { id: 'ipv6Subnet', reply: '' },
        // A plugin has no driver options we know by name: no options list, its options are typed as pairs.
        { id: 'flags', reply: ['Attachable'] },
        { id: 'pluginOptions', reply: 'no-equals-sign' },
        { id: 'pluginOptions', reply: 'weave.mtu=1376' },
        { id: 'labels', reply: '' },
      ],
      swarm,
    );
    assert.deepEqual(prompter.seen.offered.get('driver'), [
      'bridge',
      'overlay',
      'macvlan',
      'ipvlan',
      'weave',
      'Other driver...',
    ]);
    assert.match(prompter.seen.invalid[0]?.message ?? '', /no-equals-sign/);
    assert.deepEqual(request, {
      name: 'drivers',
      driver: 'weave',
      internal: false,
      attachable: true,
      enableIPv6: false,
      options: { 'weave.mtu': '1376' },
    });
    const local = await wizard([
      { id: 'name', reply: 'x' },
      { id: 'driver', reply: CANCEL },
    ]);
    assert.deepEqual(local.prompter.seen.offered.get('driver'), ['bridge', 'macvlan', 'ipvlan', 'Other driver...']);
  });

  it('Back from the labels returns to the last option value, whose new answer is kept', async () => {
    const { request } = await wizard([
      { id: 'name', reply: 'ipv' },
      { id: 'driver', reply: 'ipvlan' },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'driverOptions', reply: ['Parent interface', 'ipvlan mode'] },
      { id: 'option:parent', reply: 'eth0.10' },
      { id: 'option:ipvlan_mode', reply: 'l2' },
      { id: 'labels', reply: BACK },
      { id: 'option:ipvlan_mode', reply: 'l3' },
      { id: 'labels', reply: '' },
    ]);
    assert.deepEqual(request?.options, { parent: 'eth0.10', ipvlan_mode: 'l3' });
  });

  it('Back with no option chosen returns to the option list; options dropped there are not sent', async () => {
    const { request } = await wizard([
      ...quickBridge('opts'),
      { id: 'labels', reply: BACK },
      { id: 'driverOptions', reply: ['MTU'] },
      { id: 'option:com.docker.network.driver.mtu', reply: '9000' },
      { id: 'labels', reply: BACK },
      { id: 'option:com.docker.network.driver.mtu', reply: BACK },
      { id: 'driverOptions', reply: [] },
      { id: 'labels', reply: 'a=b' },
    ]);
    assert.equal(request?.options, undefined);
    assert.deepEqual(request?.labels, { a: 'b' });
  });

  it('emptying a subnet after going back drops its gateway, range and aux addresses', async () => {
    const { request } = await wizard([
      { id: 'name', reply: 'nosub' },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipv4Subnet', reply: '10.62.0.0/24' },
      { id: 'ipv4Gateway', reply: '10.62.0.1' },
      { id: 'ipv4Range', reply: BACK },
      { id: 'ipv4Gateway', reply: BACK },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'driverOptions', reply: [] },
      { id: 'labels', reply: '' },
    ]);
    assert.deepEqual(request, {
      name: 'nosub',
      driver: 'bridge',
      internal: false,
      attachable: false,
      enableIPv6: false,
    });
  });

  it('switching the driver after going back drops the options of the old driver', async () => {
    const { request } = await wizard([
      { id: 'name', reply: 'switch' },
      { id: 'driver', reply: 'macvlan' },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'driverOptions', reply: ['macvlan mode'] },
      { id: 'option:macvlan_mode', reply: 'vepa' },
      { id: 'labels', reply: BACK },
      { id: 'option:macvlan_mode', reply: BACK },
      { id: 'driverOptions', reply: BACK },
      { id: 'flags', reply: BACK },
      { id: 'ipv6Subnet', reply: BACK },
      { id: 'ipv4Subnet', reply: BACK },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'driverOptions', reply: [] },
      { id: 'labels', reply: '' },
    ]);
    assert.equal(request?.driver, 'bridge');
    assert.equal(request?.options, undefined);
  });

  it('resolves undefined when the user cancels, or goes back from the first step', async () => {
    assert.equal((await wizard([...quickBridge('gone'), { id: 'labels', reply: CANCEL }])).request, undefined);
    assert.equal((await wizard([{ id: 'name', reply: BACK }])).request, undefined);
  });
});
