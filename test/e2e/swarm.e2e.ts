/**
 * Swarm in the real workbench (code-server + Chromium), against a single-node Swarm on a second engine of this
 * file's own (test/integration/support/swarmEngine.ts: name dne-swe2e, /30 10.250.13.0, never the integration
 * test's) that the dockerNetworks.host setting points at:
 * 1. the Networks tree shows a 2-replica service under its attachable overlay network, with its 2 tasks and the
 *    addresses the engine gave them there;
 * 2. `docker service scale` to 3 from outside: the third task appears in the tree without a refresh;
 * 3. the topology panel draws the service node joined to its 3 task containers (read from its list view, which
 *    names the containers a service's task edges join it to).
 * The kernel here may lack IPVS, so the service runs with `--endpoint-mode dnsrr`. Screenshots: test-results/swarm-*.png.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { repoRoot } from '../../scripts/lib/codeServer.mjs';
import { SWARM_ADDRESS, SwarmEngine } from '../integration/support/swarmEngine';
import { uniqueName, Workbench } from './harness';
import { eventually, webview } from './topologyWebview';

interface TaskRow {
  label: string;
  address: string;
  state: string;
}

describe('e2e: Swarm services on an overlay network', function () {
  this.timeout(240_000);
  const engine = new SwarmEngine(join(repoRoot, 'scripts', 'second-engine.sh'), 'dne-swe2e', '10.250.13');
  const network = uniqueName('swe2e');
  const service = uniqueName('swsvc');
  let wb: Workbench | undefined;
  let networks: Locator;

  before(async () => {
    engine.start();
    engine.docker('network', 'create', '--driver', 'overlay', '--attachable', network);
    engine.createService(service, network, 2, '--endpoint-mode', 'dnsrr');
    wb = await Workbench.open({
      settings: { 'dockerNetworks.host': engine.socket, 'remote.autoForwardPorts': false },
      viewport: { width: 1500, height: 950 },
    });
    await wb.openView();
    await wb.widenSideBar(640);
    networks = await wb.viewPane('Networks');
  });

  afterEach(async function () {
    await wb?.captureOnFailure(this);
  });

  after(async () => {
    try {
      await wb?.close();
    } finally {
      engine.stop(); // the whole engine goes, with its Swarm, service and network
    }
  });

  /** The task rows under the expanded service, as the tree shows them ("svc.1", "10.0.1.3/24 · node x · running"). */
  const taskRows = async (): Promise<TaskRow[]> => {
    const rows = await networks.locator('.monaco-list-row').evaluateAll((elements) =>
      elements.map((e) => ({
        label: e.querySelector('.label-name')?.textContent?.trim() ?? '',
        rest: e.querySelector('.label-description')?.textContent ?? '',
      })),
    );
    return rows
      .filter((row) => row.label.startsWith(`${service}.`))
      .map(({ label, rest }) => ({
        label,
        address: SWARM_ADDRESS.exec(rest)?.[0] ?? '',
        state: rest.trim().split(' · ').pop() ?? '',
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  };
  const running = (count: number) => (rows: TaskRow[]) =>
    rows.length === count && rows.every((r) => r.address !== '' && r.state === 'running');

  it('shows the service under the overlay network with its 2 tasks and the addresses the engine gave them', async () => {
    const networkRow = wb!.treeItem(network, networks);
    await networkRow.waitFor({ timeout: 60_000 });
    assert.match(await networkRow.innerText(), /overlay · swarm/);
    await wb!.expand(networkRow);
    const serviceRow = wb!.treeItem(service, networks);
    await serviceRow.waitFor({ timeout: 60_000 });
    await wb!.expand(serviceRow);
    const rows = await eventually(taskRows, running(2), `2 running tasks of ${service} with addresses`, 60_000);
    assert.deepEqual(
      rows.map((r) => r.label),
      [`${service}.1`, `${service}.2`],
    );
    // each task with the address `docker inspect` gives it on this network
    assert.deepEqual(
      rows.map((r) => ({ name: r.label, address: r.address })),
      engine.tasksOn(service, network),
    );
    assert.match(await serviceRow.innerText(), /dnsrr · 2\/2 running/);
    await wb!.screenshot('swarm-1-service-with-two-tasks');
  });

  it('shows the third task after `docker service scale` to 3, without a refresh', async () => {
    engine.docker('service', 'scale', '--detach', `${service}=3`);
    const rows = await eventually(taskRows, running(3), `the third task of ${service}`, 60_000);
    assert.deepEqual(
      rows.map((r) => r.label),
      [`${service}.1`, `${service}.2`, `${service}.3`],
    );
    // each task with the address `docker inspect` gives it on this network
    assert.deepEqual(
      rows.map((r) => ({ name: r.label, address: r.address })),
      engine.tasksOn(service, network),
    );
    await eventually(
      () => wb!.treeItem(service, networks).innerText(),
      (text) => /3\/3 running/.test(text),
      'the service row to say 3/3 running',
    );
    await wb!.screenshot('swarm-2-scaled-to-three');
  });

  it('draws the service node in the topology panel, joined to its 3 task containers', async () => {
    const serviceId = engine.docker('service', 'inspect', service, '--format', '{{.ID}}');
    const containers = engine
      .docker('ps', '--filter', `label=com.docker.swarm.service.id=${serviceId}`, '--format', '{{.Names}}')
      .split('\n')
      .sort();
    assert.equal(containers.length, 3, containers.join(', '));
    await wb!.runCommand('Docker Networks: Show Network Topology');
    const app = webview(wb!).locator('#app');
    await app.waitFor({ timeout: 60_000 });
    await eventually(
      () => app.getAttribute('data-layout'),
      (v) => v === 'done',
      'the first layout',
    );
    const toggle = webview(wb!).locator('vscode-button[title="Switch between the graph and the list view"]');
    await toggle.click();
    const row = webview(wb!).locator('.list tbody tr', { has: webview(wb!).locator(`[data-node="v:${serviceId}"]`) });
    const cells = await eventually(
      () => row.locator('td').allInnerTexts(),
      (c) => c.length > 1 && c[1].includes('tasks:'),
      'the service row of the list view',
    );
    assert.equal(cells[0], 'Swarm service');
    assert.equal(cells[1], `3 running of 3 desired; tasks: ${containers.join(', ')}`);
    await wb!.screenshot('swarm-3-topology-list');
    await row.locator(`[data-node="v:${serviceId}"]`).click(); // selects it: the details show beside the graph
    await toggle.click();
    await eventually(
      () => app.getAttribute('data-layout'),
      (v) => v !== 'running',
      'the layout to settle',
    );
    await webview(wb!).locator('aside.details h2', { hasText: service }).waitFor();
    await wb!.screenshot('swarm-4-topology-graph');
  });
});
