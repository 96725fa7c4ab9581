/**
 * Observed activity against the real engine, as the Containers view shows it: a TCP connection held open
 * between two busybox containers (nc) appears under the client as an outgoing connection to the server with its
 * port, and under the server as listening; a connection attempt to a container on a network with inter-container
 * communication disabled appears as an unanswered attempt (SYN_SENT).
 */
import * as assert from 'node:assert/strict';
import type { ExplorerApi } from '../../../src/extension';
import { docker, ncClient, ncServer, removeResources, uniqueName } from '../support/docker';
import { eventually, explorerApi, randomSubnet, waitConnected, waitForSnapshot } from '../explorer/explorerApi';

type ContainersNode = ReturnType<ExplorerApi['containersProvider']['getChildren']>[number];

interface Row {
  label: string;
  description: string;
  contextValue: string;
}

/** The rows under a container's "Observed activity" node, once they satisfy `ready` (reads are refreshed). */
async function activityRows(api: ExplorerApi, containerId: string, ready: (rows: Row[]) => boolean): Promise<Row[]> {
  const provider = api.containersProvider;
  let last: Row[] = [];
  try {
    return await eventually(
      () => {
        const container = provider
          .getChildren()
          .flatMap((n) => (n.kind === 'group' ? provider.getChildren(n) : [n]))
          .find(
            (n): n is Extract<ContainersNode, { kind: 'container' }> =>
              n.kind === 'container' && n.container.id === containerId,
          );
        if (!container) return undefined;
        const observed = provider.getChildren(container).find((n) => n.kind === 'contributed');
        if (!observed) return undefined;
        last = provider.getChildren(observed).map((n) => {
          const item = provider.getTreeItem(n);
          return {
            label: String(item.label),
            description: String(item.description ?? ''),
            contextValue: item.contextValue ?? '',
          };
        });
        return ready(last) ? last : undefined;
      },
      'observed activity rows',
      20_000,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}; last rows: ${JSON.stringify(last)}`);
  }
}

describe('troubleshoot: observed connections', function () {
  this.timeout(90_000);
  let api: ExplorerApi;
  const net = uniqueName('obs');
  const closedNet = uniqueName('obs-noicc');
  const server = uniqueName('obs-srv');
  const client = uniqueName('obs-cli');
  const target = uniqueName('obs-target');
  const prober = uniqueName('obs-probe');
  // Below Linux's ephemeral range (32768-60999): busybox `nc -l` closes its listener once it accepts, so the
  // direction comes from the ports alone, and a server port inside that range could be lower than the client's.
  const port = 20_000 + Math.floor(Math.random() * 12_000);
  const ids: Record<string, string> = {};

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    const subnet = randomSubnet(236);
    const closed = randomSubnet(237);
    docker('network', 'create', '--subnet', subnet.subnet, net);
    docker(
      'network',
      'create',
      '--subnet',
      closed.subnet,
      '-o',
      'com.docker.network.bridge.enable_icc=false',
      closedNet,
    );
    ids.server = ncServer(server, net, port);
    ids.target = ncServer(target, closedNet, port);
    await new Promise((r) => setTimeout(r, 500));
    ids.client = ncClient(client, net, server, port);
    ids.prober = ncClient(prober, closedNet, closed.ip(2), port);
    await waitForSnapshot(api, (s) => Object.values(ids).every((id) => s.containers.get(id)?.running === true));
  });

  after(() => removeResources({ containers: [client, server, prober, target], networks: [net, closedNet] }));

  it('shows the held connection under the client, with the server and its port', async () => {
    const rows = await activityRows(api, ids.client!, (r) => r.some((x) => x.label === `→ ${server}:${port}`));
    const row = rows.find((x) => x.label === `→ ${server}:${port}`)!;
    assert.equal(row.description, 'established');
    assert.equal(row.contextValue, 'observedRow:outgoing');
  });

  it("reads through this host's /proc, without exec, for a local engine", async () => {
    const observation = await api.observations.observeActivity(0);
    assert.equal(observation.hostFacts.available, true);
    assert.equal(observation.via.exec, 0, JSON.stringify(observation.via));
    assert.ok(observation.via.host > 0);
  });

  it('shows an attempt to a container on an ICC-disabled network as unanswered (SYN_SENT)', async () => {
    const rows = await activityRows(api, ids.prober!, (r) => r.some((x) => x.contextValue === 'observedRow:attempt'));
    const row = rows.find((x) => x.contextValue === 'observedRow:attempt')!;
    assert.equal(row.label, `→ ${target}:${port}`);
    assert.equal(row.description, 'no answer (SYN_SENT)');
  });

  it('adds the observed summary to the container tooltip', async () => {
    await api.observations.observeActivity(0);
    const node = api.containersProvider
      .getChildren()
      .find((n) => n.kind === 'container' && n.container.id === ids.client);
    assert.ok(node);
    const tooltip = api.containersProvider.getTreeItem(node).tooltip as { value: string };
    assert.match(tooltip.value, /\*\*Connections:\*\* 1/);
  });
});
