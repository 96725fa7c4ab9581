/** The Swarm part of the snapshot: built from a manager's lists, carried by the snapshot, diffed. */
import * as assert from 'node:assert/strict';
import { diffSnapshots, isEmptyDiff } from '../../../src/model/diff';
import { buildSnapshot } from '../../../src/model/snapshot';
import { buildSwarm, diffSwarm } from '../../../src/model/swarmSnapshot';
import { INGRESS, OVERLAY, managerListing } from './swarmFixtures';

describe('swarm snapshot', () => {
  it('builds services with VIPs per network, endpoint mode, replicas and networks', () => {
    const swarm = buildSwarm(managerListing());
    assert.equal(swarm.role, 'manager');
    assert.deepEqual(
      [...swarm.services.values()].map((s) => s.name),
      ['api', 'web'],
    );
    const web = swarm.services.get('w0j6zoc0wglo0w46dgi9bgrub')!;
    assert.equal(web.image, 'dne-busybox:latest');
    assert.equal(web.mode, 'replicated');
    assert.equal(web.endpointMode, 'vip');
    assert.deepEqual(web.virtualIps, [
      { networkId: INGRESS, address: '10.0.0.3/24' },
      { networkId: OVERLAY, address: '10.0.1.4/24' },
    ]);
    assert.deepEqual(web.networkIds, [OVERLAY, INGRESS]);
    assert.deepEqual(web.ports, [{ protocol: 'tcp', targetPort: 80, publishedPort: 8080, publishMode: 'ingress' }]);
    const api = swarm.services.get('zccptzlkl0fdj0bcvkqikl3h0')!;
    assert.equal(api.endpointMode, 'dnsrr');
    assert.deepEqual(api.virtualIps, []);
    // No ServiceStatus: running from the tasks listed, desired from Replicas.
    assert.equal(api.runningTasks, 1);
    assert.equal(api.desiredTasks, 2);
    assert.deepEqual(
      swarm.servicesByNetwork.get(OVERLAY)?.map((s) => s.name),
      ['api', 'web'],
    );
    assert.deepEqual(
      swarm.servicesByNetwork.get(INGRESS)?.map((s) => s.name),
      ['web'],
    );
  });

  it('builds tasks by slot with their node hostname, state and address on each network', () => {
    const swarm = buildSwarm(managerListing());
    const tasks = swarm.tasksByService.get('zccptzlkl0fdj0bcvkqikl3h0')!;
    assert.deepEqual(
      tasks.map((t) => [t.slot, t.nodeName, t.state, t.addresses[0].address]),
      [
        [1, 'vm', 'running', '10.0.1.6/24'],
        [2, 'vm', 'starting', '10.0.1.7/24'],
      ],
    );
    assert.equal(tasks[0].containerId, 'c0ffee');
    const node = [...swarm.nodes.values()][0];
    assert.deepEqual([node.hostname, node.role, node.state, node.leader], ['vm', 'manager', 'ready', true]);
  });

  it('a task whose node is not listed names the node by id', () => {
    const listing = managerListing();
    listing.nodes = [];
    const task = buildSwarm(listing).tasks.get('task-web-1')!;
    assert.equal(task.nodeName, task.nodeId);
  });

  it('the snapshot carries the Swarm only when the listing has one; a worker has empty lists', () => {
    assert.equal(buildSnapshot({ networks: [], containers: [] }).swarm, undefined);
    const worker = buildSnapshot({
      networks: [],
      containers: [],
      swarm: { role: 'worker', services: [], tasks: [], nodes: [] },
    });
    assert.equal(worker.swarm?.role, 'worker');
    assert.equal(worker.swarm?.services.size, 0);
  });

  it('diffs services and tasks, and notices joining or leaving a Swarm', () => {
    const before = buildSnapshot({ networks: [], containers: [], swarm: managerListing() });
    const scaled = managerListing();
    scaled.tasks[0] = { ...scaled.tasks[0], Status: { State: 'running' } };
    scaled.tasks.push({ ...scaled.tasks[1], ID: 'task-api-3', Slot: 3 });
    const after = buildSnapshot({ networks: [], containers: [], swarm: scaled });
    const diff = diffSnapshots(before, after);
    assert.deepEqual(
      diff.swarm?.tasks.added.map((t) => t.id),
      ['task-api-3'],
    );
    assert.deepEqual(
      diff.swarm?.tasks.changed.map((t) => t.id),
      ['task-api-2'],
    );
    assert.deepEqual(
      diff.swarm?.services.changed.map((s) => s.name),
      ['api'],
    );
    assert.equal(diff.swarm?.membership, false);
    assert.ok(!isEmptyDiff(diff));

    const left = diffSnapshots(after, buildSnapshot({ networks: [], containers: [] }));
    assert.equal(left.swarm?.membership, true);
    assert.equal(left.swarm?.services.removed.length, 2);
    assert.ok(
      isEmptyDiff(diffSnapshots(before, buildSnapshot({ networks: [], containers: [], swarm: managerListing() }))),
    );
    assert.equal(diffSwarm(undefined, undefined), undefined);
  });
});
