/**
 * Create Network with the engine's plugin drivers (src/commands/createNetwork/pluginSteps.ts): managed and legacy
 * network plugins offered with their kind, an IPAM step only when the engine has IPAM plugins, and a plugin's
 * key=value options in the request. Scripted answers, `vscode` stubbed (l10n only).
 */
import '../explorer/vscodeStub';
import * as assert from 'node:assert/strict';
import { runCreateNetworkWizard } from '../../../src/commands/createNetwork/wizard';
import type { EngineInfo, EnginePlugin } from '../../../src/engine/records';
import { buildDriverInventory } from '../../../src/model/drivers';
import { BACK, ScriptedPrompter, type ScriptStep } from '../../integration/operations/scriptedPrompter';

const info: EngineInfo = { Plugins: { Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'] } };
const plugin = (Name: string, Capability: string, Enabled = true): EnginePlugin => ({
  Id: Name,
  Name,
  Enabled,
  Config: { Interface: { Types: [{ Prefix: 'docker', Capability, Version: '1.0' }] } },
});

/** The steps after the drivers, all left empty, for a built-in network driver (it has driver options to offer). */
const plainRest: ScriptStep[] = [
  { id: 'ipv4Subnet', reply: '' },
  { id: 'ipv6Subnet', reply: '' },
  { id: 'flags', reply: [] },
  { id: 'driverOptions', reply: [] },
  { id: 'labels', reply: '' },
];

describe('drivers: Create Network with plugin drivers', () => {
  it('offers managed and legacy network plugins with their kind, then the IPAM plugins, and sends both', async () => {
    const drivers = buildDriverInventory({
      info,
      plugins: [plugin('vendor/net:latest', 'networkdriver'), plugin('vendor/ipam:latest', 'ipamdriver')],
      legacyFiles: [
        { name: 'dnefix', path: '/run/docker/plugins/dnefix.sock', form: 'socket', implements: ['NetworkDriver'] },
      ],
    });
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: 'plugged' },
      { id: 'driver', reply: 'vendor/net:latest' },
      { id: 'ipamDriver', reply: 'vendor/ipam:latest' },
      { id: 'ipamOptions', reply: 'vendor.pool' },
      { id: 'ipamOptions', reply: 'vendor.pool=blue' },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'pluginOptions', reply: 'vendor.vni=42, vendor.mode=fast' },
      { id: 'labels', reply: '' },
    ]);
    const request = await runCreateNetworkWizard({ prompter, networks: [], info, drivers });
    assert.deepEqual(prompter.unused, []);
    assert.deepEqual(prompter.seen.offered.get('driver'), [
      'bridge',
      'macvlan',
      'ipvlan',
      'dnefix',
      'vendor/net:latest',
      'Other driver...',
    ]);
    assert.deepEqual(prompter.seen.offered.get('ipamDriver'), ['default', 'vendor/ipam:latest']);
    assert.match(prompter.seen.invalid[0]?.message ?? '', /vendor\.pool/);
    assert.deepEqual(request, {
      name: 'plugged',
      driver: 'vendor/net:latest',
      ipamDriver: 'vendor/ipam:latest',
      ipamOptions: { 'vendor.pool': 'blue' },
      internal: false,
      attachable: false,
      enableIPv6: false,
      options: { 'vendor.vni': '42', 'vendor.mode': 'fast' },
    });
  });

  it('IPAM options belong to the IPAM plugin chosen: back to the default driver, no options step, none sent', async () => {
    const drivers = buildDriverInventory({ info, plugins: [plugin('vendor/ipam:latest', 'ipamdriver')] });
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: 'unplugged' },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipamDriver', reply: 'vendor/ipam:latest' },
      { id: 'ipamOptions', reply: 'vendor.pool=blue' },
      { id: 'ipv4Subnet', reply: BACK },
      { id: 'ipamOptions', reply: BACK },
      { id: 'ipamDriver', reply: 'default' },
      ...plainRest,
    ]);
    const request = await runCreateNetworkWizard({ prompter, networks: [], info, drivers });
    assert.deepEqual(prompter.unused, []);
    assert.equal(request?.ipamDriver, undefined);
    assert.equal(request?.ipamOptions, undefined);
  });

  it('no IPAM plugins: no IPAM step; a built-in driver gets no plugin options step', async () => {
    const drivers = buildDriverInventory({ info, plugins: [] });
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: 'plain' },
      { id: 'driver', reply: 'macvlan' },
      ...plainRest,
    ]);
    const request = await runCreateNetworkWizard({ prompter, networks: [], info, drivers });
    assert.deepEqual(prompter.unused, []);
    assert.equal(request?.ipamDriver, undefined);
    assert.equal(request?.options, undefined);
  });

  it('Other driver...: a typed name (validated, Back returns to the pick) with its options', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: 'typed' },
      { id: 'driver', reply: 'Other driver...' },
      { id: 'driverName', reply: 'has space' },
      { id: 'driverName', reply: BACK },
      { id: 'driver', reply: 'Other driver...' },
      { id: 'driverName', reply: 'weavemesh' },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'pluginOptions', reply: 'works.with=weave' },
      { id: 'labels', reply: '' },
    ]);
    const request = await runCreateNetworkWizard({ prompter, networks: [], info });
    assert.deepEqual(prompter.unused, []);
    assert.match(prompter.seen.invalid[0]?.message ?? '', /"has space" is not a driver name/);
    assert.equal(request?.driver, 'weavemesh');
    assert.deepEqual(request?.options, { 'works.with': 'weave' });
  });
});
