/** Create Network on a Swarm: overlay is offered to a manager only, with attachable and encrypted. */
import '../explorer/vscodeStub';
import * as assert from 'node:assert/strict';
import type { EngineInfo } from '../../../src/engine/records';
import { availableDrivers } from '../../../src/commands/createNetwork/pluginSteps';
import { runCreateNetworkWizard } from '../../../src/commands/createNetwork/wizard';
import { ScriptedPrompter } from '../../integration/operations/scriptedPrompter';

const manager: EngineInfo = { Swarm: { LocalNodeState: 'active', ControlAvailable: true } };
const worker: EngineInfo = { Swarm: { LocalNodeState: 'active', ControlAvailable: false } };

describe('Create Network: overlay on a Swarm', () => {
  it('offers overlay on a manager, not on a worker nor outside a Swarm', () => {
    const drivers = (info: EngineInfo) => availableDrivers(info).map((d) => d.driver);
    assert.ok(drivers(manager).includes('overlay'));
    assert.ok(!drivers(worker).includes('overlay'));
    assert.ok(!drivers({ Swarm: { LocalNodeState: 'inactive' } }).includes('overlay'));
  });

  it('an attachable, encrypted overlay: the request carries Attachable and the encrypted option', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: 'secure' },
      { id: 'driver', reply: 'overlay' },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: ['Attachable', 'Encrypted'] },
      { id: 'labels', reply: '' },
    ]);
    const request = await runCreateNetworkWizard({ prompter, networks: [], info: manager });
    assert.deepEqual(prompter.unused, []);
    assert.deepEqual(request, {
      name: 'secure',
      driver: 'overlay',
      internal: false,
      attachable: true,
      enableIPv6: false,
      options: { encrypted: '' },
    });
  });

  it('a bridge is never offered encryption', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: 'plain' },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipv4Subnet', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'driverOptions', reply: [] },
      { id: 'labels', reply: '' },
    ]);
    await runCreateNetworkWizard({ prompter, networks: [], info: manager });
    assert.deepEqual(prompter.seen.offered.get('flags'), ['Internal', 'Attachable']);
  });
});
