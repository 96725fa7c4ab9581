/**
 * Against a Swarm of two managers on two engines of this file's own (test/integration/support/swarmEngine.ts:
 * dne-swq and dne-swq2, each in its own network namespace, joined by a veth pair of their own; never the shared
 * engine), the extension pointed at the first:
 * 1. Connect (the command the right-click runs) joins a plain container to an attachable overlay network: the
 *    engine holds the endpoint, with an address in the network's subnet, and the tree shows it; a network
 *    created without --attachable is refused with the reason, as the engine would refuse it.
 * 2. LAST: the second manager stops, so the first loses its quorum (two managers need both for a majority). This
 *    is the real failure rather than a simulation: `swarm leave --force` on a single node only ends the Swarm
 *    (its overlay networks go with it), and a single manager cannot be demoted. Without a refresh (the engine
 *    sends no event when its Swarm loses the leader; the feed lists a Swarm with two managers every 30 s) the
 *    overlay network says why and what to do, the networks and containers are still listed, and the engine
 *    stays connected all along.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { explorerApi, eventually, networkRows, treeRows, waitConnected } from '../explorer/explorerApi';
import { ScriptedPrompter } from '../operations/scriptedPrompter';
import { networkNode, run, until } from '../operations/support';
import { uniqueName } from '../support/docker';
import { SwarmEngine } from '../support/swarmEngine';

describe('engines: Swarm connect on an attachable overlay, and a manager that loses quorum', function () {
  this.timeout(180_000);
  const attachable = uniqueName('swq');
  const servicesOnly = uniqueName('swq');
  const plain = uniqueName('swq');
  const service = uniqueName('swqsvc');
  let first: SwarmEngine | undefined;
  let second: SwarmEngine | undefined;
  let api: ExplorerApi;

  before(async () => {
    api = await explorerApi();
    const extensionPath = vscode.extensions.all.find((e) => e.id.endsWith('docker-network-explorer'))!.extensionPath;
    const script = `${extensionPath}/scripts/second-engine.sh`;
    first = new SwarmEngine(script, 'dne-swq', '10.250.21');
    second = new SwarmEngine(script, 'dne-swq2', '10.250.22');
    first.startEngine();
    second.startEngine();
    first.addManager(second, '10.250.23');
    first.docker('network', 'create', '--driver', 'overlay', '--attachable', attachable);
    first.docker('network', 'create', '--driver', 'overlay', servicesOnly);
    first.createService(service, attachable, 1, '--endpoint-mode', 'dnsrr');
    first.docker('run', '-d', '--name', plain, '--network', 'bridge', 'dne-busybox:latest', 'sleep', '3600');
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', first.socket, vscode.ConfigurationTarget.Global);
    await waitConnected(api, 30_000);
    await until(
      (s) =>
        s.swarm?.role === 'manager' &&
        [...s.containers.values()].some((c) => c.name === plain) &&
        [...s.networks.values()].some((n) => n.name === servicesOnly),
      `${plain} and ${servicesOnly} on the Swarm engine`,
      30_000,
    );
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', undefined, vscode.ConfigurationTarget.Global);
    try {
      second?.stop();
    } finally {
      first?.stop();
    }
  });

  it('connects a plain container to the attachable overlay through the Connect command', async () => {
    const prompter = new ScriptedPrompter([
      { id: 'container', reply: plain },
      { id: 'aliases', reply: 'web' },
      { id: 'ipv4', reply: '' },
    ]);
    assert.equal(await run('connectContainer', prompter, await networkNode(attachable)), true);
    assert.deepEqual(prompter.unused, []);
    assert.match(prompter.noticesText('info'), new RegExp(`Connected ${plain} to ${attachable}`));

    // What the engine holds: an endpoint on the overlay, its address inside the network's subnet.
    const subnet = first!.docker('network', 'inspect', attachable, '--format', '{{(index .IPAM.Config 0).Subnet}}');
    const endpoint = JSON.parse(
      first!.docker('inspect', plain, '--format', `{{json (index .NetworkSettings.Networks "${attachable}")}}`),
    ) as { IPAddress: string; Aliases: string[] | null };
    assert.ok(inSubnet(endpoint.IPAddress, subnet), `${endpoint.IPAddress} is not inside ${subnet}`);
    assert.ok(endpoint.Aliases?.includes('web'), `aliases: ${JSON.stringify(endpoint.Aliases)}`);
    // What the tree shows: the container on the overlay with that address, beside the service.
    const row = await eventually(
      () => networkRows(api, attachable).find((r) => r.node.kind === 'endpoint' && r.label === plain),
      `${plain} under ${attachable} in the tree`,
      20_000,
    );
    assert.match(row.description, new RegExp(`^${endpoint.IPAddress.replace(/\./g, '\\.')}\\b`));
    assert.ok(networkRows(api, attachable).some((r) => r.node.kind === 'service' && r.label === service));
  });

  it('refuses a Swarm network created without --attachable, saying why, as the engine does', async () => {
    const prompter = new ScriptedPrompter([]);
    assert.equal(await run('connectContainer', prompter, await networkNode(servicesOnly)), false);
    assert.match(prompter.noticesText('info'), /created without the attachable option: only Swarm services/);
    assert.throws(() => first!.docker('network', 'connect', servicesOnly, plain), /not manually attachable/);
  });

  it('says by itself that the Swarm lost its quorum when the other manager stops; the rest still shows', async function () {
    this.timeout(240_000);
    assert.equal(first!.docker('info', '--format', '{{.Swarm.Managers}}'), '2');
    // Every state the feed goes through meanwhile: the engine must stay connected while its Swarm fails.
    const states: string[] = [];
    const watching = api.feed.onDidChangeState((state) => states.push(state.kind));
    try {
      second!.stop();
      // No refresh and no event: the engine announces none; the feed lists a two-manager Swarm every 30 s. The
      // engine needs ~15 s to notice and ~20 s more during which its Swarm requests hang (the view then says
      // the manager did not answer in time), before it answers "no leader" at once.
      const notice = await eventually(
        () => networkRows(api, attachable).find((r) => r.node.kind === 'swarmNotice' && /no leader/.test(r.label)),
        `the notice that the Swarm has no leader, under ${attachable}`,
        150_000,
      );
      assert.match(notice.label, /^The Swarm services could not be listed: the Swarm has no leader/);
      assert.match(notice.label, /Bring the other managers back online.*docker swarm init --force-new-cluster/);
    } finally {
      watching.dispose();
    }
    assert.equal(api.feed.state.kind, 'connected', JSON.stringify(api.feed.state));
    assert.deepEqual(
      states.filter((s) => s !== 'connected'),
      [],
      'the feed never left the connected state',
    );
    // The rest keeps working: the networks the engine still lists (a manager without a leader lists only the
    // Swarm networks with containers on this node: the services-only one is gone from `docker network ls` too),
    // and the plain container with its endpoint on the overlay.
    const engineNetworks = first!.docker('network', 'ls', '--format', '{{.Name}}').split('\n').sort();
    assert.ok(engineNetworks.includes(attachable), engineNetworks.join(', '));
    assert.deepEqual([...api.feed.snapshot.networks.values()].map((n) => n.name).sort(), engineNetworks);
    assert.ok(networkRows(api, attachable).some((r) => r.node.kind === 'endpoint' && r.label === plain));
    assert.ok(networkRows(api, 'bridge').some((r) => r.node.kind === 'endpoint' && r.label === plain));
    // Expanding the overlay's Details asks the engine for its peers: an answer or a sentence, never "reading" for good.
    const details = networkRows(api, attachable).find((r) => r.node.kind === 'details')!.node;
    const peers = await eventually(
      () => {
        const found = treeRows(api, details).filter((r) => r.label.startsWith('Peer'));
        return found.length > 0 && found.every((r) => !/reading/.test(r.description)) ? found : undefined;
      },
      `the peers of ${attachable} read`,
      30_000,
    );
    assert.ok(
      peers.every((p) => /could not be read: .+|^\d+\.\d+\.\d+\.\d+$/.test(p.description)),
      JSON.stringify(peers.map((p) => [p.label, p.description])),
    );
  });
});

function inSubnet(address: string, cidr: string): boolean {
  const toInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toInt(address) / size) === Math.floor(toInt(base) / size);
}
