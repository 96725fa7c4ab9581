/**
 * When LiveGraph patches a change and when it rebuilds the graph: a change of more than 64 networks, containers and
 * endpoints (added, removed and changed all count) that is also more than the rebuild fraction (0.2 unless set) of
 * the graph's nodes is rebuilt; smaller ones are patched. Either way the patch the webview gets carries the change
 * (here: the container nodes added, removed and updated), and a Swarm change is always rebuilt.
 */
import { strict as assert } from 'node:assert';
import { diffSnapshots } from '../../../src/model/diff';
import { LiveGraph } from '../../../src/topology/graph/liveGraph';
import type { TopologySnapshot } from '../../../src/model/topology';
import { container, network, snapshotOf } from './fakeTopology';

const net = network('n-one', 'one');
/** One network and the containers `prefix0`..`prefix{count-1}` (no endpoints), with `image`. */
function withContainers(groups: Array<[prefix: string, count: number, image?: string]>): TopologySnapshot {
  const cons = groups.flatMap(([prefix, count, image]) =>
    Array.from({ length: count }, (_, i) => container(`${prefix}${i}`, `${prefix}-${i}`, { image: image ?? 'img:1' })),
  );
  return snapshotOf([net], cons, []);
}

/** Applies the change from `before` to `after` and says whether it was rebuilt, with the patch's node ids. */
function follow(before: TopologySnapshot, after: TopologySnapshot, rebuildFraction?: number) {
  const live = new LiveGraph(before, rebuildFraction === undefined ? {} : { rebuildFraction });
  assert.equal(live.lastWasRebuild, false, 'the first graph is built, not rebuilt from a change');
  const patch = live.update(diffSnapshots(before, after), after);
  return { rebuilt: live.lastWasRebuild, added: patch.addNodes.length, updated: patch.updateNodes.length, patch };
}

describe('LiveGraph: patch or rebuild', () => {
  it('64 containers added to a small graph are patched in; 65 are rebuilt; both patches add them all', () => {
    const empty = withContainers([]);
    assert.deepEqual(pick(follow(empty, withContainers([['c', 64]]))), { rebuilt: false, added: 64, updated: 0 });
    assert.deepEqual(pick(follow(empty, withContainers([['c', 65]]))), { rebuilt: true, added: 65, updated: 0 });
  });

  it('removed and changed containers count with the added ones (22 of each: 66 changes, rebuilt)', () => {
    const before = withContainers([
      ['gone', 22],
      ['kept', 22, 'img:1'],
    ]);
    const after = withContainers([
      ['kept', 22, 'img:2'],
      ['new', 22],
    ]);
    const { rebuilt, patch } = follow(before, after);
    assert.equal(rebuilt, true);
    assert.equal(patch.addNodes.length, 22);
    assert.equal(patch.removeNodes.length, 22);
    assert.deepEqual(
      [...new Set(patch.updateNodes.map((n) => n.details.find((d) => d.label === 'Image')?.value))],
      ['img:2'],
    );
  });

  it('in a graph of 400 nodes, 80 new containers (a fifth) are patched, 81 are rebuilt', () => {
    const before = withContainers([['c', 399]]);
    assert.deepEqual(
      pick(
        follow(
          before,
          withContainers([
            ['c', 399],
            ['d', 80],
          ]),
        ),
      ),
      {
        rebuilt: false,
        added: 80,
        updated: 0,
      },
    );
    assert.equal(
      follow(
        before,
        withContainers([
          ['c', 399],
          ['d', 81],
        ]),
      ).rebuilt,
      true,
    );
  });

  it('a rebuild fraction of one half patches the 81 new containers in', () => {
    const before = withContainers([['c', 400]]);
    assert.equal(
      follow(
        before,
        withContainers([
          ['c', 400],
          ['d', 81],
        ]),
        0.5,
      ).rebuilt,
      false,
    );
  });
});

function pick(r: { rebuilt: boolean; added: number; updated: number }) {
  return { rebuilt: r.rebuilt, added: r.added, updated: r.updated };
}
