/**
 * A real third-party network driver against a real engine: the fixture remote driver (test/fixtures/networkDriver)
 * serves a second dockerd that runs in its own network namespace and sees its own /run/docker/plugins
 * (scripts/second-engine.sh with DNE_E2_PRIVATE_PLUGINS=1), so the shared engine never sees the plugin. The
 * extension is pointed at that engine and at its plugin directory; the network is created through the Create
 * Network wizard, two containers on it ping each other, the tree says the driver is a legacy plugin, and once the
 * driver is gone the network is marked with the reason.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { eventually } from '../explorer/explorerApi';
import { ScriptedPrompter } from '../operations/scriptedPrompter';
import { run, until } from '../operations/support';
import { uniqueName } from '../support/docker';
import { PluginEngine } from './pluginEngine';

const engine = new PluginEngine('dne-pl', '10.250.12');
const DRIVER = 'dnefix';
const DRIVER_SOCKET = `${engine.pluginDir}/${DRIVER}.sock`;

describe('engines: third-party network driver', function () {
  this.timeout(150_000);
  const network = uniqueName('pl');
  const [first, second] = [uniqueName('pla'), uniqueName('plb')];
  const subnetPrefix = `10.251.${1 + Math.floor(Math.random() * 250)}`;
  let driver: ChildProcess | undefined;
  const engineDocker = (...args: string[]): string => engine.docker(...args);
  const treeRows = () => engine.treeRows(network);

  before(async () => {
    await engine.start();
    // The driver runs as root in the engine's network namespace, where its bridges and veths belong.
    driver = engine.startPlugin('remoteDriver.mjs', ['--socket', DRIVER_SOCKET], true);
  });

  after(async () => {
    await engine.stop([first, second]);
  });

  it('creates a network with the plugin driver from the wizard; its containers ping each other', async () => {
    await eventually(() => (fs.existsSync(DRIVER_SOCKET) ? true : undefined), 'the driver socket');
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: network },
      { id: 'driver', reply: DRIVER },
      { id: 'ipv4Subnet', reply: `${subnetPrefix}.0/24` },
      { id: 'ipv4Gateway', reply: '' },
      { id: 'ipv4Range', reply: '' },
      { id: 'ipv4Aux', reply: '' },
      { id: 'ipv6Subnet', reply: '' },
      { id: 'flags', reply: [] },
      { id: 'pluginOptions', reply: 'com.example.color=blue' },
      { id: 'labels', reply: '' },
    ]);
    const id = await run<string | undefined>('createNetwork', prompter);
    assert.ok(id, `no network created; notices: ${prompter.noticesText('error')}`);
    assert.deepEqual(prompter.unused, []);
    const inspected = JSON.parse(engineDocker('network', 'inspect', network))[0] as {
      Driver: string;
      Options: Record<string, string>;
    };
    assert.equal(inspected.Driver, DRIVER);
    assert.equal(inspected.Options['com.example.color'], 'blue');

    for (const name of [first, second])
      engineDocker('run', '-d', '--name', name, '--network', network, 'dne-busybox:latest', 'sleep', '600');
    const address = engineDocker(
      'inspect',
      '-f',
      `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`,
      second,
    );
    assert.match(address, new RegExp(`^${subnetPrefix.replace(/\./g, '\\.')}\\.\\d+$`));
    const ping = engineDocker('exec', first, 'ping', '-c', '2', '-W', '2', address);
    assert.match(ping, /2 packets transmitted, 2 packets received/);

    await until((s) => [...s.endpoints.values()].filter((e) => e.networkName === network).length === 2, '2 endpoints');
    const rows = await eventually(() => {
      const r = treeRows();
      return r?.details.some((d) => d.startsWith('Driver: ') && !d.endsWith('reading...')) ? r : undefined;
    }, `the Details of ${network}`);
    assert.ok(rows.description.startsWith(`${DRIVER} · local`), rows.description);
    assert.ok(!rows.description.includes('unavailable'), rows.description);
    assert.ok(rows.details.includes(`Driver: ${DRIVER} (legacy plugin, ${DRIVER_SOCKET})`), rows.details.join('\n'));
  });

  it('the driver stops: the network is marked, with the reason and what to do', async () => {
    if (driver) await engine.stopPlugin(driver, 'SIGKILL');
    // SIGKILL leaves the socket file behind, as a crashed driver does: nobody answers on it any more. A reading that
    // was connected when the process died says ECONNRESET or EPIPE; the next ones (every 5 s) ECONNREFUSED.
    const refused = new RegExp(`legacy plugin ${DRIVER} does not answer on ${DRIVER_SOCKET} \\(ECONNREFUSED\\)`);
    const rows = await eventually(
      () => {
        const r = treeRows();
        return r?.description.includes('driver unavailable') && r.details.some((d) => refused.test(d)) ? r : undefined;
      },
      'the network marked as having its driver unavailable, because its socket refuses connections',
      20_000,
    );
    const problem = rows.details.find((d) => d.startsWith('Driver unavailable: '));
    assert.ok(problem, rows.details.join('\n'));
    assert.match(problem, refused);
    assert.match(problem, /Start the driver again/);

    const listed = new ScriptedPrompter([{ id: 'drivers', reply: `$(warning) ${DRIVER}` }]);
    await run('showNetworkDrivers', listed);
    const offered = listed.seen.offered.get('drivers') ?? [];
    assert.ok(offered.includes('bridge') && offered.includes(`$(warning) ${DRIVER}`), offered.join(', '));
  });
});
