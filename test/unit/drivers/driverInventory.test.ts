/**
 * The driver inventory and a network's driver state (src/model/drivers.ts): built-in, managed plugins (enabled or
 * not, by capability), legacy plugins from the plugin directories or named only by /info, and what a network whose
 * driver is missing, disabled or silent is marked with (src/explorer/present/driverText.ts, words untranslated).
 */
import * as assert from 'node:assert/strict';
import type { EngineInfo, EnginePlugin } from '../../../src/engine/records';
import { driverDetailRows, driverProblemBadge } from '../../../src/explorer/present/driverText';
import { untranslated as t } from '../../../src/explorer/present/text';
import type { DriverFacts } from '../../../src/hostFacts/driverGathering';
import {
  buildDriverInventory,
  driversFor,
  legacySocketsAmong,
  networkDriverStates,
  type LegacyPluginFile,
} from '../../../src/model/drivers';
import { network as fakeNetwork } from '../topology/fakeTopology';

const info: EngineInfo = {
  Plugins: { Network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay', 'weave', 'gone'] },
};
const plugins: EnginePlugin[] = [
  {
    Id: 'p1',
    Name: 'vendor/net:latest',
    Enabled: false,
    Config: { Interface: { Types: [{ Prefix: 'docker', Capability: 'networkdriver', Version: '1.0' }] } },
  },
  {
    Id: 'p2',
    Name: 'vendor/ipam:1.2',
    Enabled: true,
    Config: { Interface: { Types: [{ Prefix: 'docker', Capability: 'ipamdriver', Version: '1.0' }] } },
  },
  // A volume plugin is not a network driver: left out.
  {
    Id: 'p3',
    Name: 'vieux/sshfs:latest',
    Enabled: true,
    Config: { Interface: { Types: [{ Capability: 'volumedriver' }] } },
  },
];
const files: LegacyPluginFile[] = [
  { name: 'weave', path: '/run/docker/plugins/weave.sock', form: 'socket', implements: ['NetworkDriver'] },
  { name: 'silent', path: '/run/docker/plugins/silent.sock', form: 'socket', unanswered: 'ECONNREFUSED' },
  { name: 'elsewhere', path: '/etc/docker/plugins/elsewhere.spec', form: 'spec' },
];

const network = (driver: string, ipamDriver = 'default') =>
  fakeNetwork(`id-${driver}`, `net-${driver}`, { driver, ipamDriver });

const local = buildDriverInventory({ info, plugins, legacyFiles: files });
const remote = buildDriverInventory({ info, plugins });
const facts = (inventory = local): DriverFacts => ({ inventory, local: { available: true }, unreadable: [] });
const dirs = ['/run/docker/plugins'];

describe('drivers: inventory and network driver state', () => {
  it('classifies every driver: built-in first, then plugins by name with their kind and roles', () => {
    const rows = local.entries.map((e) => `${e.name} ${e.kind} ${e.roles.join('+') || '?'} ${e.usable}`);
    assert.deepEqual(rows, [
      'bridge builtIn network true',
      'host builtIn network true',
      'null builtIn network+ipam true',
      'overlay builtIn network true',
      'macvlan builtIn network true',
      'ipvlan builtIn network true',
      'default builtIn ipam true',
      'elsewhere legacyPlugin ? true',
      'gone legacyPlugin network false',
      'silent legacyPlugin ? false',
      'vendor/ipam:1.2 managedPlugin ipam true',
      'vendor/net:latest managedPlugin network false',
      'weave legacyPlugin network true',
    ]);
  });

  it('offers network and IPAM drivers by role (a spec file, whose role is unknown, for both)', () => {
    assert.deepEqual(
      driversFor(local, 'ipam').map((e) => e.name),
      ['null', 'default', 'elsewhere', 'silent', 'vendor/ipam:1.2'],
    );
    assert.ok(driversFor(local, 'network').some((e) => e.name === 'weave'));
  });

  it('a disabled managed plugin: marked, with the command that enables it', () => {
    const n = network('vendor/net');
    assert.equal(networkDriverStates(n, local).network.state, 'disabled');
    const rows = driverDetailRows(n, facts(), dirs, t);
    assert.equal(rows[0].field, 'driverProblem');
    assert.equal(rows[0].name, 'Driver unavailable');
    assert.match(rows[0].value, /installed but disabled.*docker plugin enable vendor\/net:latest$/);
    assert.equal(driverProblemBadge(n, facts(), t), 'driver unavailable');
  });

  it('a legacy plugin whose socket does not answer, and one that is gone: the reason and what to do', () => {
    const silent = driverDetailRows(network('silent'), facts(), dirs, t)[0];
    assert.match(
      silent.value,
      /silent does not answer on \/run\/docker\/plugins\/silent\.sock \(ECONNREFUSED\).*Start/,
    );
    const gone = driverDetailRows(network('gone'), facts(), dirs, t)[0];
    assert.match(gone.value, /No driver named gone is available.*\/run\/docker\/plugins.*docker plugin enable gone/);
  });

  it('an IPAM plugin that is gone or silent: the network is marked as such, its network driver row stays', () => {
    const gone = network('bridge', 'gone-ipam');
    assert.deepEqual(
      driverDetailRows(gone, facts(), dirs, t).map((r) => `${r.field} ${r.name}`),
      ['driver Driver', 'driverProblem IPAM driver unavailable'],
    );
    assert.match(driverDetailRows(gone, facts(), dirs, t)[1].value, /No driver named gone-ipam is available.*Start/);
    assert.equal(driverProblemBadge(gone, facts(), t), 'IPAM driver unavailable');
    const silent = driverDetailRows(network('bridge', 'silent'), facts(), dirs, t)[1];
    assert.match(silent.value, /silent does not answer on \/run\/docker\/plugins\/silent\.sock \(ECONNREFUSED\)/);
    // Both drivers unavailable: the network driver's mark, the wider one.
    assert.equal(driverProblemBadge(network('gone', 'gone-ipam'), facts(), t), 'driver unavailable');
  });

  it("the legacy plugin sockets among a request's drivers, once each (the ones to ask before using them)", () => {
    const names = ['weave', 'silent', 'elsewhere', 'vendor/net', 'bridge', 'default', 'weave', ''];
    assert.deepEqual(
      legacySocketsAmong(local, names).map((e) => e.source),
      ['/run/docker/plugins/weave.sock', '/run/docker/plugins/silent.sock'],
    );
    // A remote engine's sockets cannot be asked from here.
    assert.deepEqual(legacySocketsAmong(remote, names), []);
  });

  it('a remote engine: legacy plugins are not checked, so nothing is marked', () => {
    const n = network('gone');
    assert.equal(networkDriverStates(n, remote).network.state, 'unchecked');
    assert.equal(driverProblemBadge(n, facts(remote), t), '');
    assert.match(driverDetailRows(n, facts(remote), dirs, t)[0].value, /gone \(legacy plugin; not checked/);
  });

  it('the kind of a healthy driver, and the IPAM plugin of a network', () => {
    const rows = driverDetailRows(network('weave', 'vendor/ipam:1.2'), facts(), dirs, t);
    assert.deepEqual(
      rows.map((r) => `${r.field} ${r.name}: ${r.value}`),
      [
        'driver Driver: weave (legacy plugin, /run/docker/plugins/weave.sock)',
        'driver IPAM driver: vendor/ipam:1.2 (managed plugin)',
        "thirdParty Weave Net: Weave Net's plugin driver (weave, global scope through the engine's key-value store)",
      ],
    );
    assert.deepEqual(
      driverDetailRows(network('bridge'), facts(), dirs, t).map((r) => r.value),
      ['bridge (built-in)'],
    );
  });
});
