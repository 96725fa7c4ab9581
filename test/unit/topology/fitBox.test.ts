/**
 * Fit's frame (webview/graphCamera.ts fitBox), pure over a graphology graph: every visible node inside it with a
 * margin and room for the rightmost names, and never narrower than a tenth of the whole drawing, so a filter that
 * shows one node does not blow every other node up to a million frames away.
 */
import { strict as assert } from 'node:assert';
import Graph from 'graphology';
import { fitBox } from '../../../webview/graphCamera';
import type { GraphNode } from '../../../src/topology/protocol';
import type { EdgeAttrs, NodeAttrs } from '../../../webview/graphTypes';

function graphOf(points: Record<string, [number, number]>): Graph<NodeAttrs, EdgeAttrs> {
  const g = new Graph<NodeAttrs, EdgeAttrs>();
  for (const [id, [x, y]] of Object.entries(points)) {
    const data: GraphNode = { id, kind: 'network', label: id, shape: 'square', role: 'bridge', size: 8, details: [] };
    g.addNode(id, { x, y, size: 8, label: id, type: 'square', data });
  }
  return g;
}

const g = graphOf({ a: [0, 0], b: [100, 0], c: [100, 50], far: [400, 300] });
const all = (): boolean => true;
const inside = (box: ReturnType<typeof fitBox>, [x, y]: [number, number]): boolean =>
  !!box && box.x[0] < x && x < box.x[1] && box.y[0] < y && y < box.y[1];

describe('topology webview: the frame Fit shows', () => {
  it('holds every visible node with a margin, and room on the right for the names', () => {
    const box = fitBox(g, all, 800)!;
    for (const p of [
      [0, 0],
      [100, 0],
      [100, 50],
      [400, 300],
    ] as Array<[number, number]>)
      assert.ok(inside(box, p), `${p} inside ${JSON.stringify(box)}`);
    const leftMargin = 0 - box.x[0];
    assert.ok(box.x[1] - 400 > 2 * leftMargin, 'more room right of the rightmost node (its name) than the margin');
  });

  it('frames only the visible nodes, and nothing when none is', () => {
    const box = fitBox(g, (id) => id !== 'far', 800)!;
    assert.ok(inside(box, [100, 50]) && !inside(box, [400, 300]));
    assert.equal(
      fitBox(g, () => false, 800),
      undefined,
    );
  });

  it('one visible node gets a frame a tenth of the drawing wide, not a millionth of a unit', () => {
    const box = fitBox(g, (id) => id === 'a', 800)!;
    assert.ok(inside(box, [0, 0]));
    assert.ok(box.x[1] - box.x[0] >= 40 && box.y[1] - box.y[0] >= 40, JSON.stringify(box));
    assert.ok(box.x[1] - box.x[0] < 400, 'still a close-up');
  });
});
