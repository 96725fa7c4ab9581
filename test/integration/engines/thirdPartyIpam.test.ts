/**
 * A real third-party IPAM driver against a real engine: the fixture remote IPAM driver
 * (test/fixtures/networkDriver/remoteIpam.mjs, which logs every request it gets) serves a second dockerd with a
 * plugin directory of its own (pluginEngine.ts). A bridge network is created through the Create Network wizard with
 * that IPAM driver and a key=value IPAM option: its containers get their addresses from the plugin's pool, the plugin
 * saw the option, the tree says the IPAM driver is a legacy plugin. A requested pool, range and address are
 * honoured. A plugin socket that accepts and never answers costs Show Network Drivers the 2 s probe cap and gives a
 * sentence; Create Network with it says why instead of sending a request the engine would hang on. The IPAM plugin
 * hangs (SIGSTOP): the network is marked and Connect says why instead of hanging; so do Remove Network, Disconnect and
 * Prune (hungPluginRefusals.ts). Once the IPAM plugin stops, the network is marked with the reason; started again,
 * the mark goes.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DriverEntry } from '../../../src/model/drivers';
import { eventually } from '../explorer/explorerApi';
import { ScriptedPrompter, type ScriptStep } from '../operations/scriptedPrompter';
import { containerNamed, networkNode, run, until } from '../operations/support';
import { uniqueName } from '../support/docker';
import { removeDisconnectPruneWhileHung } from './hungPluginRefusals';
import { PluginEngine } from './pluginEngine';

const engine = new PluginEngine('dne-ipam', '10.250.14');
const IPAM = 'dnefixipam';
const IPAM_SOCKET = `${engine.pluginDir}/${IPAM}.sock`;
/** The fixture hands out pools from this range, the first one first. */
const IPAM_RANGE = '10.253.0.0/16';
const OPTION = 'dnefix.prefix-length';

/** The wizard's steps after the IPAM driver's, all left at their defaults, for a bridge network. */
const BRIDGE_DEFAULTS: ScriptStep[] = [
  { id: 'ipv4Subnet', reply: '' },
  { id: 'ipv6Subnet', reply: '' },
  { id: 'flags', reply: [] },
  { id: 'driverOptions', reply: [] },
  { id: 'labels', reply: '' },
];

interface LoggedRequest {
  url: string;
  request: Record<string, unknown>;
}

describe('engines: third-party IPAM driver', function () {
  this.timeout(150_000);
  const network = uniqueName('ipam');
  const requested = uniqueName('ipamreq');
  const hungNetwork = uniqueName('ipamhung');
  const spare = uniqueName('ipamspare');
  const [first, second, fixed, next, guest] = ['ipa', 'ipb', 'ipc', 'ipd', 'ipe'].map(uniqueName);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-ipam-'));
  const requestLog = path.join(logDir, 'requests.jsonl');
  let ipam: ChildProcess | undefined;

  const startIpam = async (): Promise<void> => {
    const args = ['--socket', IPAM_SOCKET, '--range', IPAM_RANGE, '--requests', requestLog];
    ipam = engine.startPlugin('remoteIpam.mjs', args);
    await eventually(() => (fs.existsSync(IPAM_SOCKET) ? true : undefined), 'the IPAM plugin socket');
  };
  const addressOn = (container: string, on: string): string =>
    engine.docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${on}").IPAddress}}`, container);
  const logged = (): LoggedRequest[] =>
    fs
      .readFileSync(requestLog, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as LoggedRequest);

  before(async () => {
    await engine.start();
    await startIpam();
  });

  after(async () => {
    await engine.stop([first, second, fixed, next, guest]);
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  it('creates a network with the plugin IPAM driver and an option from the wizard; containers get its addresses', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'name', reply: network },
      { id: 'driver', reply: 'bridge' },
      { id: 'ipamDriver', reply: IPAM },
      { id: 'ipamOptions', reply: `${OPTION}=26` },
      ...BRIDGE_DEFAULTS,
    ]);
    const id = await run<string | undefined>('createNetwork', prompter);
    assert.ok(id, `no network created; notices: ${prompter.noticesText('error')}`);
    assert.deepEqual(prompter.unused, []);
    assert.deepEqual(prompter.seen.offered.get('ipamDriver'), ['default', IPAM]);

    const inspected = JSON.parse(engine.docker('network', 'inspect', network))[0] as {
      IPAM: { Driver: string; Options: Record<string, string>; Config: Array<{ Subnet: string; Gateway: string }> };
    };
    assert.equal(inspected.IPAM.Driver, IPAM);
    assert.deepEqual(inspected.IPAM.Options, { [OPTION]: '26' });
    // No subnet asked: the plugin chose the first /26 of its own range, as the option told it, and the gateway.
    assert.deepEqual(inspected.IPAM.Config, [{ Subnet: '10.253.0.0/26', Gateway: '10.253.0.1' }]);
    const poolRequest = logged().find((r) => r.url === '/IpamDriver.RequestPool');
    assert.deepEqual(poolRequest?.request.Options, { [OPTION]: '26' }, JSON.stringify(logged()));

    for (const name of [first, second])
      engine.docker('run', '-d', '--name', name, '--network', network, 'dne-busybox:latest', 'sleep', '600');
    assert.deepEqual([addressOn(first, network), addressOn(second, network)], ['10.253.0.2', '10.253.0.3']);
    const addressRequests = logged().filter((r) => r.url === '/IpamDriver.RequestAddress');
    assert.equal(addressRequests.length, 3, 'the gateway and the two containers');

    const snapshot = await until(
      (s) => [...s.endpoints.values()].filter((e) => e.networkName === network && e.ipv4).length === 2,
      '2 endpoints with addresses',
    );
    const shown = [...snapshot.endpoints.values()].filter((e) => e.networkName === network).map((e) => e.ipv4);
    assert.deepEqual(shown.sort(), ['10.253.0.2', '10.253.0.3']);
    const rows = await eventually(() => {
      const r = engine.treeRows(network);
      return r?.details.some((d) => d.startsWith('IPAM driver: ') && d.includes('legacy plugin')) ? r : undefined;
    }, `the Details of ${network}`);
    assert.ok(rows.details.includes(`IPAM driver: ${IPAM} (legacy plugin, ${IPAM_SOCKET})`), rows.details.join('\n'));
    const ipamRows = rows.details.filter((d) => d.startsWith('IPAM driver'));
    assert.equal(ipamRows.length, 1, `one IPAM driver row, with its kind: ${ipamRows.join(' | ')}`);
    assert.ok(rows.details.includes(`IPAM option ${OPTION}: 26`), rows.details.join('\n'));
    assert.ok(rows.details.includes('Subnet: 10.253.0.0/26'), rows.details.join('\n'));
    assert.ok(rows.details.includes('Driver: bridge (built-in)'), rows.details.join('\n'));
    assert.ok(!rows.description.includes('unavailable'), rows.description);
  });

  it('honours a requested pool, range and address', async () => {
    engine.docker(
      ...['network', 'create', '--ipam-driver', IPAM, '--subnet', '10.254.7.0/24'],
      ...['--ip-range', '10.254.7.128/25', '--gateway', '10.254.7.1', requested],
    );
    engine.docker(
      'run',
      '-d',
      '--name',
      fixed,
      '--network',
      requested,
      '--ip',
      '10.254.7.200',
      'dne-busybox:latest',
      'sleep',
      '600',
    );
    engine.docker('run', '-d', '--name', next, '--network', requested, 'dne-busybox:latest', 'sleep', '600');
    assert.equal(addressOn(fixed, requested), '10.254.7.200');
    // The lowest free address of the range, not of the whole pool.
    assert.equal(addressOn(next, requested), '10.254.7.128');
    const pool = logged().find((r) => r.url === '/IpamDriver.RequestPool' && r.request.Pool === '10.254.7.0/24');
    assert.equal(pool?.request.SubPool, '10.254.7.128/25');
  });

  it('a plugin socket that accepts and never answers: a sentence within the probe cap, no hang, nothing created', async () => {
    const hungSocket = path.join(engine.pluginDir, 'dnehung.sock');
    const held: net.Socket[] = [];
    const hung = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => hung.listen(hungSocket, resolve));
    try {
      const prompter = new ScriptedPrompter([{ id: 'drivers', reply: '$(warning) dnehung' }]);
      const picked = await run<DriverEntry | undefined>('showNetworkDrivers', prompter);
      assert.equal(picked?.unanswered, 'no answer to Plugin.Activate within 2000 ms');
      assert.equal(
        prompter.seen.details.get('drivers')?.get('$(warning) dnehung'),
        `Does not answer on ${hungSocket} (no answer to Plugin.Activate within 2000 ms): start the driver again (its service or container).`,
      );
      // The healthy plugin next to it is listed as usual.
      assert.ok(prompter.seen.offered.get('drivers')?.includes(IPAM), prompter.seen.offered.get('drivers')?.join(', '));

      // The engine itself would wait for the hung plugin without a limit: Create Network asks it first and says why.
      const create = new ScriptedPrompter([
        { id: 'name', reply: hungNetwork },
        { id: 'driver', reply: 'bridge' },
        { id: 'ipamDriver', reply: 'dnehung' },
        { id: 'ipamOptions', reply: '' },
        ...BRIDGE_DEFAULTS,
      ]);
      assert.equal(await run<string | undefined>('createNetwork', create), undefined);
      assert.deepEqual(create.unused, []);
      assert.equal(
        create.noticesText('error'),
        `Network "${hungNetwork}" was not created: the engine waits for a legacy plugin without a limit, so it would ` +
          `hang. The legacy plugin dnehung does not answer on ${hungSocket} (no answer to Plugin.Activate within ` +
          '2000 ms): its process is not running or hangs. Start the driver again (its service or container). Then ' +
          'run Create Network again.',
      );
      assert.equal(engine.docker('network', 'ls', '-q', '--filter', `name=^${hungNetwork}$`), '');
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => hung.close(resolve));
      fs.rmSync(hungSocket, { force: true });
    }
  });

  it('the IPAM plugin hangs: the network is marked and Connect says why instead of hanging; it wakes, the mark goes', async () => {
    engine.docker('run', '-d', '--name', guest, 'dne-busybox:latest', 'sleep', '600');
    const node = await networkNode(network);
    await until((s) => !!containerNamed(s, guest), `container ${guest}`);
    // A stopped process: the kernel still accepts connections on its socket, nobody ever answers.
    ipam?.kill('SIGSTOP');
    try {
      const silent = new RegExp(
        `The legacy plugin ${IPAM} does not answer on ${IPAM_SOCKET} \\(no answer to Plugin.Activate within 2000 ms\\)`,
      );
      await eventually(
        () => {
          const r = engine.treeRows(network);
          return r?.description.includes('IPAM driver unavailable') && r.details.some((d) => silent.test(d))
            ? r
            : undefined;
        },
        'the network marked as having a silent IPAM driver',
        20_000,
      );
      const prompter = new ScriptedPrompter([
        { id: 'container', reply: guest },
        { id: 'aliases', reply: '' },
        { id: 'ipv4', reply: '' },
      ]);
      assert.equal(await run('connectContainer', prompter, node), false);
      assert.deepEqual(prompter.unused, []);
      const told = prompter.noticesText('error');
      assert.ok(
        told.startsWith(
          `Container "${guest}" was not connected to "${network}": the engine waits for a legacy plugin without a limit`,
        ),
        told,
      );
      assert.match(told, silent);
      const networks = engine.docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', guest);
      assert.ok(!networks.includes(network), networks);
    } finally {
      ipam?.kill('SIGCONT');
    }
    await eventually(
      () => {
        const r = engine.treeRows(network);
        return r && !r.description.includes('unavailable') ? r : undefined;
      },
      'the mark gone once the plugin answers again',
      20_000,
    );
  });

  it('the IPAM plugin hangs: Remove Network, Disconnect and Prune say why instead of hanging; awake, they work', async () => {
    assert.ok(ipam, 'the IPAM plugin runs');
    await removeDisconnectPruneWhileHung({
      ...{ engine, ipam, ipamName: IPAM, ipamSocket: IPAM_SOCKET },
      ...{ network, container: first, address: '10.253.0.2', spare },
    });
  });

  it('the IPAM plugin stops: the network is marked, with the reason; started again, the mark goes', async () => {
    if (ipam) await engine.stopPlugin(ipam, 'SIGTERM');
    assert.ok(!fs.existsSync(IPAM_SOCKET), 'the plugin removed its socket as it stopped');
    const gone = await eventually(
      () => {
        const r = engine.treeRows(network);
        return r?.description.includes('IPAM driver unavailable') ? r : undefined;
      },
      'the network marked as having its IPAM driver unavailable',
      20_000,
    );
    const problem = gone.details.find((d) => d.startsWith('IPAM driver unavailable: '));
    assert.ok(problem, gone.details.join('\n'));
    assert.match(problem, new RegExp(`No driver named ${IPAM} is available: .*${engine.pluginDir}.*Start the driver`));
    assert.ok(gone.details.includes('Driver: bridge (built-in)'), gone.details.join('\n'));

    await startIpam();
    const back = await eventually(
      () => {
        const r = engine.treeRows(network);
        return r && !r.description.includes('unavailable') && r.details.some((d) => d.startsWith('IPAM driver: '))
          ? r
          : undefined;
      },
      'the mark gone once the plugin answers again',
      20_000,
    );
    assert.ok(back.details.includes(`IPAM driver: ${IPAM} (legacy plugin, ${IPAM_SOCKET})`), back.details.join('\n'));
  });
});
