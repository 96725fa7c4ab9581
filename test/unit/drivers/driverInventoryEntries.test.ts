/**
 * The driver inventory entry by entry (src/model/drivers.ts), as the Drivers view and the create-network picker
 * list it: the built-in drivers first in the engine's order ("null" once, with both roles), then plugins by name;
 * managed plugins by capability (volume plugins and plugins without interfaces left out, disabled ones unusable);
 * legacy plugins from their files (a socket that answered wins over a spec file of the same name, a silent socket
 * is unusable with its reason) or named only by /info (missing when the plugin directories were read).
 */
import * as assert from 'node:assert/strict';
import type { EnginePlugin } from '../../../src/engine/records';
import { buildDriverInventory, driversFor, type LegacyPluginFile } from '../../../src/model/drivers';

const capability = (c: string) => ({ Interface: { Types: [{ Prefix: 'docker', Capability: c, Version: '1.0' }] } });
const plugins: EnginePlugin[] = [
  { Id: 'm1', Name: 'myplug:latest', Enabled: true, Config: capability('NetworkDriver') },
  { Id: 'm2', Name: 'ipamplug:2', Enabled: false, Config: capability('IpamDriver') },
  { Id: 'm3', Name: 'volplug:latest', Enabled: true, Config: capability('VolumeDriver') },
  { Id: 'm4', Name: 'bare:latest', Enabled: true, Config: null },
  { Id: 'm5', Name: 'nointerface:latest', Enabled: true, Config: { Interface: null } },
];
const legacyFiles: LegacyPluginFile[] = [
  { name: 'legacyNet', path: '/etc/docker/plugins/legacyNet.spec', form: 'spec' },
  { name: 'legacyNet', path: '/run/docker/plugins/legacyNet.sock', form: 'socket', implements: ['NetworkDriver'] },
  { name: 'deadsock', path: '/run/docker/plugins/deadsock.sock', form: 'socket', unanswered: 'connection refused' },
  { name: 'specOnly', path: '/etc/docker/plugins/specOnly.spec', form: 'spec', unanswered: 'not asked' },
];
const info = {
  Plugins: { Network: ['bridge', 'myplug', 'legacyNet', 'weave', 'nat'], IPAM: ['default', 'legacyNet', 'ipamOnly'] },
};

const builtIns = [
  { name: 'bridge', kind: 'builtIn', roles: ['network'], usable: true },
  { name: 'host', kind: 'builtIn', roles: ['network'], usable: true },
  { name: 'null', kind: 'builtIn', roles: ['network', 'ipam'], usable: true },
  { name: 'overlay', kind: 'builtIn', roles: ['network'], usable: true },
  { name: 'macvlan', kind: 'builtIn', roles: ['network'], usable: true },
  { name: 'ipvlan', kind: 'builtIn', roles: ['network'], usable: true },
  { name: 'default', kind: 'builtIn', roles: ['ipam'], usable: true },
];

describe('drivers: the inventory entry by entry', () => {
  it('lists built-ins, managed and legacy plugins with roles, usability and source, plugins by name', () => {
    const inventory = buildDriverInventory({ info, plugins, legacyFiles });
    assert.equal(inventory.legacyFilesRead, true);
    assert.deepEqual(inventory.entries, [
      ...builtIns,
      {
        name: 'deadsock',
        kind: 'legacyPlugin',
        roles: [],
        usable: false,
        source: '/run/docker/plugins/deadsock.sock',
        unanswered: 'connection refused',
      },
      { name: 'ipamOnly', kind: 'legacyPlugin', roles: ['ipam'], usable: false },
      { name: 'ipamplug:2', kind: 'managedPlugin', roles: ['ipam'], usable: false, source: 'm2' },
      {
        name: 'legacyNet',
        kind: 'legacyPlugin',
        roles: ['network', 'ipam'],
        usable: true,
        source: '/run/docker/plugins/legacyNet.sock',
      },
      { name: 'myplug:latest', kind: 'managedPlugin', roles: ['network'], usable: true, source: 'm1' },
      {
        name: 'specOnly',
        kind: 'legacyPlugin',
        roles: [],
        usable: true,
        source: '/etc/docker/plugins/specOnly.spec',
        unanswered: 'not asked',
      },
      { name: 'weave', kind: 'legacyPlugin', roles: ['network'], usable: false },
    ]);
  });

  it('a remote engine (plugin directories not read): plugins /info names are listed as usable, unchecked', () => {
    const inventory = buildDriverInventory({ info, plugins: [] });
    assert.equal(inventory.legacyFilesRead, false);
    assert.deepEqual(
      inventory.entries.filter((e) => e.kind !== 'builtIn'),
      [
        { name: 'ipamOnly', kind: 'legacyPlugin', roles: ['ipam'], usable: true },
        { name: 'legacyNet', kind: 'legacyPlugin', roles: ['network', 'ipam'], usable: true },
        { name: 'myplug', kind: 'legacyPlugin', roles: ['network'], usable: true },
        { name: 'weave', kind: 'legacyPlugin', roles: ['network'], usable: true },
      ],
    );
  });

  it('the drivers offered for a role: those with the role, and legacy plugins whose role is unknown', () => {
    const inventory = buildDriverInventory({ info, plugins, legacyFiles });
    assert.deepEqual(
      driversFor(inventory, 'ipam').map((e) => e.name),
      ['null', 'default', 'deadsock', 'ipamOnly', 'ipamplug:2', 'legacyNet', 'specOnly'],
    );
  });
});
