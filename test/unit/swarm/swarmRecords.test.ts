/**
 * buildSwarm on a manager's lists with fields missing or set, written out by hand: the services, tasks and nodes
 * the Swarm views show (every field spelled out here), the order they are listed in, and what a diff reports.
 */
import * as assert from 'node:assert/strict';
import type { EngineNode, EngineService, EngineSwarmListing, EngineTask } from '../../../src/engine/records';
import { buildSwarm, diffSwarm } from '../../../src/model/swarmSnapshot';

function swarmOf(parts: Partial<EngineSwarmListing>): ReturnType<typeof buildSwarm> {
  return buildSwarm({ role: 'manager', services: [], tasks: [], nodes: [], ...parts });
}

const task = (id: string, extra: Partial<EngineTask> = {}): EngineTask => ({
  ID: id,
  ServiceID: 's1',
  DesiredState: 'running',
  Status: { State: 'running' },
  ...extra,
});

const node = (id: string, hostname: string): EngineNode => ({ ID: id, Description: { Hostname: hostname } });

describe('swarm snapshot: services', () => {
  it('shows a service the manager sent with only its id: named by id, no image, mode, ports or networks', () => {
    assert.deepEqual(swarmOf({ services: [{ ID: 'svc1' }] }).services.get('svc1'), {
      id: 'svc1',
      name: 'svc1',
      image: '',
      mode: '',
      endpointMode: 'vip',
      virtualIps: [],
      ports: [],
      networkIds: [],
      runningTasks: 0,
      desiredTasks: 0,
    });
  });

  it('reads a job mode, ports from the endpoint alone, and drops a VIP without address', () => {
    const raw: EngineService = {
      ID: 'svc1',
      Spec: { Name: 'migrate', TaskTemplate: { Networks: [{ Target: 'net1' }] }, Mode: { ReplicatedJob: {} } },
      Endpoint: {
        Ports: [
          { TargetPort: 53, PublishedPort: 5353, Protocol: 'udp', PublishMode: 'host' },
          { TargetPort: 80, PublishedPort: 0 },
        ],
        VirtualIPs: [{ NetworkID: 'net2' }, { Addr: '10.0.9.2/24' }, { NetworkID: 'net1', Addr: '10.0.1.2/24' }],
      },
    };
    assert.deepEqual(swarmOf({ services: [raw] }).services.get('svc1'), {
      id: 'svc1',
      name: 'migrate',
      image: '',
      mode: 'replicated-job',
      endpointMode: 'vip',
      virtualIps: [{ networkId: 'net1', address: '10.0.1.2/24' }],
      ports: [
        { protocol: 'udp', targetPort: 53, publishedPort: 5353, publishMode: 'host' },
        { protocol: 'tcp', targetPort: 80, publishedPort: undefined, publishMode: 'ingress' },
      ],
      networkIds: ['net1'],
      runningTasks: 0,
      desiredTasks: 0,
    });
  });

  it('counts only running tasks as running when the manager sends no ServiceStatus', () => {
    const swarm = swarmOf({
      services: [{ ID: 's1', Spec: { Name: 'api', Mode: { Replicated: { Replicas: 3 } } }, Endpoint: {} }],
      tasks: [
        task('t1', { Slot: 1 }),
        task('t2', { Slot: 2 }),
        task('t3', { Slot: 3, Status: { State: 'preparing' } }),
      ],
    });
    const api = swarm.services.get('s1');
    assert.deepEqual([api?.runningTasks, api?.desiredTasks, api?.endpointMode, api?.mode], [2, 3, 'vip', 'replicated']);
  });

  it('lists services by name, whatever order the manager sent them in', () => {
    const names = ['web', 'api', 'queue', 'db', 'cache'];
    const swarm = swarmOf({ services: names.map((name, i) => ({ ID: `s${i}`, Spec: { Name: name } })) });
    assert.deepEqual(
      [...swarm.services.values()].map((s) => s.name),
      ['api', 'cache', 'db', 'queue', 'web'],
    );
  });
});

describe('swarm snapshot: tasks and nodes', () => {
  it('shows a task the manager sent with only its id with empty texts and no addresses', () => {
    assert.deepEqual(swarmOf({ tasks: [{ ID: 't1' }] }).tasks.get('t1'), {
      id: 't1',
      serviceId: '',
      slot: undefined,
      nodeId: '',
      nodeName: '',
      state: '',
      desiredState: '',
      message: '',
      containerId: undefined,
      addresses: [],
    });
  });

  it("shows a task's error before its message, and each address with its network (none when unnamed)", () => {
    const swarm = swarmOf({
      tasks: [
        task('t1', {
          Status: { State: 'rejected', Err: 'no such image', Message: 'preparing', ContainerStatus: {} },
          NetworksAttachments: [
            { Network: { ID: 'net1' }, Addresses: ['10.0.1.5/24', 'fd00::5/64'] },
            { Addresses: ['10.0.2.5/24'] },
            { Network: { ID: 'net3' } },
          ],
        }),
        task('t2', { Status: { State: 'running', Message: 'started' } }),
      ],
    });
    const failed = swarm.tasks.get('t1');
    assert.deepEqual([failed?.state, failed?.desiredState, failed?.message], ['rejected', 'running', 'no such image']);
    assert.deepEqual(failed?.addresses, [
      { networkId: 'net1', address: '10.0.1.5/24' },
      { networkId: 'net1', address: 'fd00::5/64' },
      { networkId: '', address: '10.0.2.5/24' },
    ]);
    assert.equal(swarm.tasks.get('t2')?.message, 'started');
  });

  it("lists a service's tasks by slot, then node hostname, then id", () => {
    const swarm = swarmOf({
      nodes: [node('n1', 'beta'), node('n2', 'alpha')],
      tasks: [
        task('t3', { Slot: 3, NodeID: 'n1' }),
        task('tg-b', { NodeID: 'n1' }),
        task('t1', { Slot: 1, NodeID: 'n1' }),
        task('tg-z', { NodeID: 'n2' }),
        task('tg-a', { NodeID: 'n2' }),
        task('t2', { Slot: 2, NodeID: 'n2' }),
      ],
    });
    assert.deepEqual(
      swarm.tasksByService.get('s1')?.map((t) => `${t.id}@${t.nodeName}`),
      ['tg-a@alpha', 'tg-z@alpha', 'tg-b@beta', 't1@beta', 't2@alpha', 't3@beta'],
    );
  });

  it('breaks ties by id: services sent in reverse id order, global tasks on one node sent in id order', () => {
    const swarm = swarmOf({
      services: [
        { ID: 's2', Spec: { Name: 'api' } },
        { ID: 's1', Spec: { Name: 'web' } },
      ],
      nodes: [node('n1', 'beta'), node('n2', 'alpha')],
      tasks: [task('g-b', { NodeID: 'n2' }), task('g-a', { NodeID: 'n1' }), task('g-c', { NodeID: 'n2' })],
    });
    assert.deepEqual(
      [...swarm.services.values()].map((s) => s.name),
      ['api', 'web'],
    );
    assert.deepEqual(
      swarm.tasksByService.get('s1')?.map((t) => `${t.id}@${t.nodeName}`),
      ['g-b@alpha', 'g-c@alpha', 'g-a@beta'],
    );
  });

  it('shows a node the manager sent with only its id by that id, with empty texts, not leader', () => {
    assert.deepEqual(swarmOf({ nodes: [{ ID: 'n1', Description: {} }] }).nodes.get('n1'), {
      id: 'n1',
      hostname: 'n1',
      role: '',
      availability: '',
      state: '',
      address: '',
      leader: false,
      engineVersion: '',
    });
    assert.equal(swarmOf({ nodes: [{ ID: 'n2' }] }).nodes.get('n2')?.role, '');
  });

  it('shows every field of a node, and lists nodes by hostname', () => {
    const worker: EngineNode = {
      ID: 'n1',
      Spec: { Role: 'worker', Availability: 'drain' },
      Description: { Hostname: 'edge', Engine: { EngineVersion: '24.0.7' } },
      Status: { State: 'down', Addr: '10.250.11.7' },
      ManagerStatus: { Leader: false },
    };
    const swarm = swarmOf({ nodes: [worker, node('n2', 'zulu'), node('n3', 'alpha'), node('n4', 'mike')] });
    assert.deepEqual(swarm.nodes.get('n1'), {
      id: 'n1',
      hostname: 'edge',
      role: 'worker',
      availability: 'drain',
      state: 'down',
      address: '10.250.11.7',
      leader: false,
      engineVersion: '24.0.7',
    });
    assert.deepEqual(
      [...swarm.nodes.values()].map((n) => n.hostname),
      ['alpha', 'edge', 'mike', 'zulu'],
    );
  });
});

describe('swarm snapshot: diff', () => {
  it('reports a manager losing its quorum (the problem the engine states) as a membership change', () => {
    const healthy = swarmOf({});
    const lost = buildSwarm({ role: 'manager', problem: 'rpc error: no leader', services: [], tasks: [], nodes: [] });
    assert.equal(diffSwarm(healthy, lost)?.membership, true);
    assert.equal(diffSwarm(healthy, swarmOf({}))?.membership, false);
  });
});
