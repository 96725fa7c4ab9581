/**
 * Services in the topology graph: their own node kind, joined to their tasks' containers, kept by LiveGraph; each
 * service node's detail rows as the details pane lists them (image, mode, replicas, VIPs, tasks, id), its size
 * growing with the desired replicas up to a cap, and a global service's task edge without a slot label.
 */
import * as assert from 'node:assert/strict';
import { buildGraph } from '../../../src/topology/graph/build';
import { LiveGraph } from '../../../src/topology/graph/liveGraph';
import { isGraphNode, isGraphEdge } from '../../../src/topology/protocol';
import { buildSnapshot } from '../../../src/model/snapshot';
import { diffSnapshots } from '../../../src/model/diff';
import type { EngineListing } from '../../../src/engine/records';
import { taskOfContainer } from '../../../src/topology/graph/swarmGraph';
import { INGRESS, NODE, OVERLAY, managerListing } from './swarmFixtures';

/** A task's container as the engine lists it: named after its task, labelled with the task id, on the overlay. */
function taskContainer(id: string, name: string, taskId: string, ip: string) {
  return {
    Id: id,
    Names: [name],
    State: 'running',
    Labels: { 'com.docker.swarm.task.id': taskId },
    NetworkSettings: { Networks: { app: { NetworkID: OVERLAY, IPAddress: ip } } },
  };
}

function listing(withTaskContainer: boolean): EngineListing {
  const network = { Id: OVERLAY, Name: 'app', Driver: 'overlay', Scope: 'swarm' };
  const container = taskContainer('c0ffee', '/api.1.task-api-1', 'task-api-1', '10.0.1.6');
  return { networks: [network], containers: withTaskContainer ? [container] : [], swarm: managerListing() };
}

describe('swarm in the topology graph', () => {
  it('draws each service as a hexagon of its own kind, with a task edge to its container here', () => {
    const graph = buildGraph(buildSnapshot(listing(true)));
    const services = graph.nodes.filter((n) => n.kind === 'service');
    assert.deepEqual(
      services.map((n) => [n.label, n.shape, n.role]),
      [
        ['api', 'hexagon', 'service'],
        ['web', 'hexagon', 'service'],
      ],
    );
    assert.ok(services.every(isGraphNode), 'the protocol accepts service nodes');
    const tasks = graph.edges.filter((e) => e.kind === 'task');
    assert.deepEqual(
      tasks.map((e) => [e.source, e.target, e.label]),
      [['v:zccptzlkl0fdj0bcvkqikl3h0', 'c:c0ffee', '.1']],
    );
    assert.ok(tasks.every(isGraphEdge));
    const api = services.find((n) => n.label === 'api')!;
    assert.ok(api.details.some((d) => d.label === 'Replicas' && d.value === '1 running of 2 desired'));
  });

  it('LiveGraph adds the task edge when the container comes, and drops it when it goes', () => {
    const before = buildSnapshot(listing(false));
    const live = new LiveGraph(before);
    assert.equal(live.graph.edges.filter((e) => e.kind === 'task').length, 0);
    const after = buildSnapshot(listing(true));
    const patch = live.update(diffSnapshots(before, after), after);
    assert.deepEqual(
      patch.addEdges.filter((e) => e.kind === 'task').map((e) => e.id),
      ['t:c0ffee'],
    );
    const gone = live.update(diffSnapshots(after, before), before);
    assert.ok(gone.removeEdges.includes('t:c0ffee'));
    assert.equal(live.graph.edges.filter((e) => e.kind === 'task').length, 0);
  });
});

/** The manager's lists plus a global service with a task container here and a 64-replica service with no task. */
function widerListing(): EngineListing {
  const base = listing(true);
  const swarm = base.swarm!;
  const agent = taskContainer('a9e47', '/agent.q1wp27.task-agent', 'task-agent', '10.0.1.9');
  return {
    ...base,
    containers: [...base.containers, agent],
    swarm: {
      ...swarm,
      services: [
        ...swarm.services,
        {
          ID: 'agentsvc',
          Spec: { Name: 'agent', TaskTemplate: { ContainerSpec: { Image: 'agent:1' } }, Mode: { Global: {} } },
        },
        {
          ID: 'idlesvc',
          Spec: {
            Name: 'idle',
            TaskTemplate: { ContainerSpec: { Image: 'idle:2' } },
            Mode: { Replicated: { Replicas: 64 } },
          },
          ServiceStatus: { RunningTasks: 0, DesiredTasks: 64 },
        },
      ],
      tasks: [
        ...swarm.tasks,
        {
          ID: 'task-agent',
          ServiceID: 'agentsvc',
          NodeID: NODE,
          DesiredState: 'running',
          Status: { State: 'running', Message: 'started', ContainerStatus: { ContainerID: 'a9e47' } },
          NetworksAttachments: [{ Network: { ID: OVERLAY }, Addresses: ['10.0.1.9/24'] }],
        },
      ],
    },
  };
}

describe('LiveGraph and a Swarm change', () => {
  it('a service created adds its hexagon to the graph (a Swarm change is rebuilt)', () => {
    const full = listing(true);
    const before = buildSnapshot({ ...full, swarm: { ...full.swarm!, services: full.swarm!.services.slice(1) } });
    const live = new LiveGraph(before);
    const after = buildSnapshot(full);
    const patch = live.update(diffSnapshots(before, after), after);
    assert.equal(live.lastWasRebuild, true);
    assert.deepEqual(
      patch.addNodes.map((n) => [n.id, n.label, n.shape]),
      [['v:w0j6zoc0wglo0w46dgi9bgrub', 'web', 'hexagon']],
    );
  });
});

describe('swarm service nodes as the details pane shows them', () => {
  // built inside each test (not at load time), so a mutant active during the test is in the graph it checks
  const service = (name: string) =>
    buildGraph(buildSnapshot(widerListing())).nodes.find((n) => n.kind === 'service' && n.label === name)!;
  const rows = (name: string) => service(name).details.map((d) => `${d.label}: ${d.value}`);

  it('a vip service lists its image without digest, mode, replicas, one VIP row per network and its task', () => {
    assert.ok(INGRESS.startsWith('y5y56r0gxvux') && OVERLAY.startsWith('toqw96fmqgaq'));
    assert.deepEqual(rows('web'), [
      'Image: dne-busybox:latest',
      'Mode: replicated',
      'Endpoint mode: vip',
      'Replicas: 1 running of 1 desired',
      'VIP on y5y56r0gxvux: 10.0.0.3/24',
      'VIP on toqw96fmqgaq: 10.0.1.4/24',
      'Task 1: vm · running · 10.0.0.4/24, 10.0.1.5/24',
      'ID: w0j6zoc0wglo0w46dgi9bgrub',
    ]);
  });

  it('a dnsrr service lists its tasks by slot; a global task is named by its node; a service without tasks has none', () => {
    assert.deepEqual(rows('api'), [
      'Image: dne-busybox:latest',
      'Mode: replicated',
      'Endpoint mode: dnsrr',
      'Replicas: 1 running of 2 desired',
      'Task 1: vm · running · 10.0.1.6/24',
      'Task 2: vm · starting · 10.0.1.7/24',
      'ID: zccptzlkl0fdj0bcvkqikl3h0',
    ]);
    assert.deepEqual(rows('agent').slice(1, 2).concat(rows('agent').slice(4)), [
      'Mode: global',
      'Task vm: vm · running · 10.0.1.9/24',
      'ID: agentsvc',
    ]);
    assert.deepEqual(rows('idle').slice(3), ['Replicas: 0 running of 64 desired', 'ID: idlesvc']);
  });

  it('a service node grows with its desired replicas, up to a cap', () => {
    assert.equal(service('web').size, 8, 'one replica');
    assert.ok(Math.abs(service('api').size! - 8.414) < 0.001, 'two replicas');
    assert.equal(service('idle').size, 14, '64 replicas stay at the cap');
  });

  it("a global service's task edge has no slot label; a container without a task, or no Swarm, has no task", () => {
    const graph = buildGraph(buildSnapshot(widerListing()));
    const tasks = graph.edges.filter((e) => e.kind === 'task').map((e) => [e.id, e.source, e.target, e.label]);
    assert.deepEqual(tasks.sort(), [
      ['t:a9e47', 'v:agentsvc', 'c:a9e47', ''],
      ['t:c0ffee', 'v:zccptzlkl0fdj0bcvkqikl3h0', 'c:c0ffee', '.1'],
    ]);
    assert.equal(taskOfContainer(undefined, 'c0ffee'), undefined);
    assert.equal(taskOfContainer(buildSnapshot(widerListing()).swarm, 'c0ffee')?.id, 'task-api-1');
    assert.equal(taskOfContainer(buildSnapshot(widerListing()).swarm, 'nothere'), undefined);
  });
});
