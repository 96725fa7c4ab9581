/** Services in the topology graph: their own node kind, joined to their tasks' containers, kept by LiveGraph. */
import * as assert from 'node:assert/strict';
import { buildGraph } from '../../../src/topology/graph/build';
import { LiveGraph } from '../../../src/topology/graph/liveGraph';
import { isGraphNode, isGraphEdge } from '../../../src/topology/protocol';
import { buildSnapshot } from '../../../src/model/snapshot';
import { diffSnapshots } from '../../../src/model/diff';
import type { EngineListing } from '../../../src/engine/records';
import { OVERLAY, managerListing } from './swarmFixtures';

function listing(withTaskContainer: boolean): EngineListing {
  const network = { Id: OVERLAY, Name: 'app', Driver: 'overlay', Scope: 'swarm' };
  const container = {
    Id: 'c0ffee',
    Names: ['/api.1.task-api-1'],
    State: 'running',
    Labels: { 'com.docker.swarm.task.id': 'task-api-1' },
    NetworkSettings: { Networks: { app: { NetworkID: OVERLAY, IPAddress: '10.0.1.6' } } },
  };
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
