/** What the Networks view says about services, tasks, the routing mesh and a worker. */
import * as assert from 'node:assert/strict';
import {
  meshPortDescription,
  portText,
  routingMeshPorts,
  serviceDescription,
  swarmNotice,
  taskDescription,
  taskLabel,
} from '../../../src/explorer/present/swarmText';
import { untranslated as t } from '../../../src/explorer/present/text';
import { buildSwarm } from '../../../src/model/swarmSnapshot';
import { toNetworkModel } from '../../../src/model/snapshot';
import { INGRESS, OVERLAY, managerListing } from './swarmFixtures';

const overlay = toNetworkModel({ Id: OVERLAY, Name: 'app', Driver: 'overlay', Scope: 'swarm', Attachable: true });
const bridge = toNetworkModel({ Id: 'b', Name: 'bridge', Driver: 'bridge', Scope: 'local' });

describe('swarm text', () => {
  const swarm = buildSwarm(managerListing());
  const web = swarm.services.get('w0j6zoc0wglo0w46dgi9bgrub')!;
  const api = swarm.services.get('zccptzlkl0fdj0bcvkqikl3h0')!;

  it('a service: its VIP on this network, endpoint mode, replicas running/desired', () => {
    assert.equal(serviceDescription(web, OVERLAY, t), 'VIP 10.0.1.4/24 · vip · 1/1 running');
    assert.equal(serviceDescription(web, INGRESS, t), 'VIP 10.0.0.3/24 · vip · 1/1 running');
    assert.equal(serviceDescription(api, OVERLAY, t), 'dnsrr · 1/2 running');
  });

  it('a task: replica name, address on this network, node, state', () => {
    const [first, second] = swarm.tasksByService.get(api.id)!;
    assert.equal(taskLabel(api, first), 'api.1');
    assert.equal(taskDescription(first, OVERLAY, t), '10.0.1.6/24 · node vm · running');
    assert.equal(taskDescription(second, INGRESS, t), 'no address yet · node vm · starting');
  });

  it('the routing mesh lists published ports with their mode', () => {
    const ports = routingMeshPorts(swarm);
    assert.deepEqual(
      ports.map((p) => portText(p.port)),
      ['8080 → 80/tcp'],
    );
    assert.equal(meshPortDescription(ports[0], t), 'web · ingress mode: published on every node');
    const host = { ...ports[0], port: { ...ports[0].port, publishMode: 'host' } };
    assert.match(meshPortDescription(host, t), /host mode: published on the nodes running a task only/);
  });

  it('a worker says what it cannot see on Swarm networks only; a failing manager says why', () => {
    const worker = buildSwarm({ role: 'worker', services: [], tasks: [], nodes: [] });
    assert.match(swarmNotice(overlay, worker, t) ?? '', /Swarm worker: only managers list services/);
    assert.equal(swarmNotice(bridge, worker, t), undefined);
    assert.equal(swarmNotice(overlay, swarm, t), undefined);
    const noLeader = buildSwarm({
      role: 'manager',
      problem: 'The swarm does not have a leader.',
      services: [],
      tasks: [],
      nodes: [],
    });
    assert.match(swarmNotice(overlay, noLeader, t) ?? '', /could not be listed: The swarm does not have a leader/);
  });
});
