/**
 * The Networks view with a driver source: a network whose driver is unavailable says so in its description and
 * Details, and a new driver reading refreshes only the networks whose mark it changes (plus the Details nodes).
 * Real snapshot and provider; the driver source is a plain object over a real inventory; `vscode` is stubbed.
 */
import '../explorer/vscodeStub';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NetworkDriverSource } from '../../../src/explorer/driverDetails';
import { NetworksProvider, type NetworksTreeNode } from '../../../src/explorer/networksProvider';
import { driverDetailRows, driverProblemBadge, namesIpamDriver } from '../../../src/explorer/present/driverText';
import { untranslated as t } from '../../../src/explorer/present/text';
import type { DriverFacts } from '../../../src/hostFacts/driverGathering';
import { buildDriverInventory } from '../../../src/model/drivers';
import { buildSnapshot } from '../../../src/model/snapshot';
import { FakeFeed } from '../explorer/fakeFeed';

const net = (Name: string, Driver: string) => ({ Name, Id: `id-${Name}`, Scope: 'local', Driver });

function facts(pluginEnabled: boolean): DriverFacts {
  const plugins = [
    {
      Name: 'vendor/net:latest',
      Enabled: pluginEnabled,
      Config: { Interface: { Types: [{ Capability: 'networkdriver' }] } },
    },
  ];
  return { inventory: buildDriverInventory({ info: {}, plugins }), local: { available: true }, unreadable: [] };
}

class Source implements NetworkDriverSource {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  constructor(public facts: DriverFacts) {}
  detailRows = (n: Parameters<NetworkDriverSource['detailRows']>[0]) => driverDetailRows(n, this.facts, [], t);
  badge = (n: Parameters<NetworkDriverSource['badge']>[0]) => driverProblemBadge(n, this.facts, t);
  namesIpamDriver = (n: Parameters<NetworkDriverSource['badge']>[0]) => namesIpamDriver(n, this.facts);
  set(next: DriverFacts): void {
    this.facts = next;
    this.emitter.fire();
  }
}

describe('drivers: the Networks view marks a network whose driver is unavailable', () => {
  it('description and Details say it; a reading refreshes only the network it changes', () => {
    const feed = new FakeFeed(
      buildSnapshot({ networks: [net('plain', 'bridge'), net('plugged', 'vendor/net')], containers: [] }),
    );
    const source = new Source(facts(false));
    const provider = new NetworksProvider(
      feed,
      { groupBy: 'none', showBuiltIn: true },
      undefined,
      undefined,
      undefined,
      source,
    );
    const [plain, plugged] = provider.getChildren();
    const describe = (n: NetworksTreeNode) => provider.getTreeItem(n).description;
    assert.equal(describe(plain), 'bridge · local');
    assert.equal(describe(plugged), 'vendor/net · local · ⚠ driver unavailable');
    const details = provider.getChildren(plugged).find((n) => n.kind === 'details')!;
    const problem = provider
      .getChildren(details)
      .map((n) => provider.getTreeItem(n))
      .find((i) => i.label === 'Driver unavailable');
    assert.match(String(problem?.description), /docker plugin enable vendor\/net:latest/);

    const fired: unknown[] = [];
    provider.onDidChangeTreeData((e) => fired.push(e));
    source.set(facts(true));
    assert.deepEqual(fired, [[plugged, details]]);
    assert.equal(describe(plugged), 'vendor/net · local');
  });
});
