/**
 * Swarm in the Networks view, against a single-node Swarm on a second engine (scripts/second-engine.sh, its own
 * network namespace; `swarm init` runs there only, never on the shared engine). The extension is pointed at it
 * through the dockerNetworks.host setting. This kernel may lack IPVS, so the replicated test service uses
 * `--endpoint-mode dnsrr`; a second, vip-mode service still gets its VIPs allocated (traffic to them is not
 * tested) and publishes a port through the routing mesh.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NetworksTreeNode } from '../../../src/explorer/networksProvider';
import { explorerApi, eventually, networkRows as rowsUnder, treeRows, waitConnected } from '../explorer/explorerApi';
import { until } from '../operations/support';
import { uniqueName } from '../support/docker';
import { SWARM_ADDRESS as ADDRESS, SwarmEngine } from '../support/swarmEngine';

describe('engines: Swarm services on an overlay network', function () {
  this.timeout(180_000);
  const network = uniqueName('sw');
  const replicated = uniqueName('svc');
  const withVip = uniqueName('vip');
  const publishedPort = 20_000 + Math.floor(Math.random() * 10_000);
  let engine: SwarmEngine | undefined;
  let api: Awaited<ReturnType<typeof explorerApi>>;

  const swarmDocker = (...args: string[]): string => engine!.docker(...args);
  const rows = (node?: NetworksTreeNode) => treeRows(api, node);
  const networkRows = (name: string) => rowsUnder(api, name);
  /** The service row under the network and its task rows, once `ready` holds for them. */
  const serviceRows = (service: string, ready: (tasks: ReturnType<typeof rows>) => boolean, what: string) =>
    eventually(
      () => {
        const row = networkRows(network).find((r) => r.node.kind === 'service' && r.label === service);
        const tasks = row ? rows(row.node) : [];
        return row && ready(tasks) ? { row, tasks } : undefined;
      },
      what,
      60_000,
    );

  before(async () => {
    api = await explorerApi();
    const extensionPath = vscode.extensions.all.find((e) => e.id.endsWith('docker-network-explorer'))!.extensionPath;
    engine = new SwarmEngine(`${extensionPath}/scripts/second-engine.sh`, 'dne-sw', '10.250.11');
    engine.start();
    swarmDocker('network', 'create', '--driver', 'overlay', '--attachable', network);
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', engine.socket, vscode.ConfigurationTarget.Global);
    await waitConnected(api, 30_000);
    await until(
      (s) => s.swarm?.role === 'manager' && [...s.networks.values()].some((n) => n.name === network),
      network,
    );
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', undefined, vscode.ConfigurationTarget.Global);
    engine?.stop();
  });

  it('shows a 2-replica service with its tasks and addresses; scaled to 3, the third task appears by itself', async () => {
    engine!.createService(replicated, network, 2, '--endpoint-mode', 'dnsrr');
    const running = (count: number) => (tasks: ReturnType<typeof rows>) =>
      tasks.length === count && tasks.every((t) => ADDRESS.test(t.description) && /running$/.test(t.description));
    const two = await serviceRows(replicated, running(2), `${replicated} with 2 running tasks`);
    assert.match(two.row.description, /dnsrr/);
    assert.match(two.row.description, /2\/2 running/);
    assert.deepEqual(two.tasks.map((t) => t.label).sort(), [`${replicated}.1`, `${replicated}.2`]);
    // The addresses are the ones the engine gave the tasks on this network.
    assert.deepEqual(
      two.tasks.map((t) => ADDRESS.exec(t.description)?.[0]).sort(),
      engine!.taskAddresses(replicated, network),
    );
    // Task containers show under their task, not again as plain endpoints of the network.
    assert.equal(networkRows(network).filter((r) => r.node.kind === 'endpoint').length, 0);
    // The nodes the network spans: asked for (GET /networks/{id}) only when its Details are expanded.
    const details = networkRows(network).find((r) => r.node.kind === 'details')!.node;
    const peer = await eventually(
      () => rows(details).find((r) => r.label.startsWith('Peer ')),
      'a peer in the Details of the overlay network',
      20_000,
    );
    assert.equal(peer.description, '10.250.11.2');

    const listingsBefore = api.feed.stats?.fullListings ?? 0;
    swarmDocker('service', 'scale', '--detach', `${replicated}=3`);
    const three = await serviceRows(replicated, running(3), `the third task of ${replicated}, without a refresh`);
    assert.match(three.row.description, /3\/3 running/);
    assert.ok(
      three.tasks.some((t) => t.label === `${replicated}.3`),
      three.tasks.map((t) => t.label).join(', '),
    );
    assert.equal(api.feed.stats?.fullListings, listingsBefore, 'followed by events, not by a full listing');
    assert.ok((api.feed.stats?.swarmRefreshes ?? 0) > 0, 'the Swarm lists were asked for on the events');
  });

  it('shows a vip-mode service with its VIP on the network, and its published port on the routing mesh', async () => {
    engine!.createService(withVip, network, 1, '--publish', `${publishedPort}:80`);
    const networkId = swarmDocker('network', 'inspect', network, '--format', '{{.Id}}');
    const vip = swarmDocker(
      'service',
      'inspect',
      withVip,
      '--format',
      `{{range .Endpoint.VirtualIPs}}{{if eq .NetworkID "${networkId}"}}{{.Addr}}{{end}}{{end}}`,
    );
    assert.match(vip, ADDRESS);
    const { row } = await serviceRows(withVip, (tasks) => tasks.length === 1, `${withVip} with its task`);
    assert.match(row.description, new RegExp(`VIP ${vip.replace(/\./g, '\\.')} · vip`));

    const mesh = await eventually(
      () => networkRows('ingress').find((r) => r.node.kind === 'routingMesh'),
      'the routing mesh under ingress',
      30_000,
    );
    const ports = rows(mesh.node);
    const port = ports.find((p) => p.label === `${publishedPort} → 80/tcp`);
    assert.ok(port, `ports: ${ports.map((p) => p.label).join(', ')}`);
    assert.match(port.description, new RegExp(`^${withVip} · ingress mode`));
  });
});
