/**
 * Where the topology webview puts a node no layout will move (webview/clearPlacement.ts placeClear), and where a
 * filtered Fit packs what it shows (webview/placement.ts arrangeGraph): pure over a graphology graph. A container a
 * patch adds next to its network, or brings into a view filtered to a network, lies clear of every node, beside
 * the node it is tied to; a filtered packing never lands on a node it hides.
 */
import { strict as assert } from 'node:assert';
import Graph from 'graphology';
import { placeClear, typicalEdgeLength } from '../../../webview/clearPlacement';
import { arrangeGraph } from '../../../webview/placement';
import type { GraphNode } from '../../../src/topology/protocol';
import type { EdgeAttrs, NodeAttrs } from '../../../webview/graphTypes';

type G = Graph<NodeAttrs, EdgeAttrs>;

function graphOf(points: Record<string, [number, number]>, edges: Array<[string, string]>): G {
  const g: G = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected' });
  for (const [id, [x, y]] of Object.entries(points)) {
    const kind = id.startsWith('c') ? 'container' : 'network';
    const shape = kind === 'network' ? 'square' : 'circle';
    const data: GraphNode = { id, kind, label: id, shape, role: 'bridge', size: 8, details: [] };
    g.addNode(id, { x, y, size: kind === 'network' ? 8 : 6, label: id, type: shape, data });
  }
  for (const [s, t] of edges) {
    const data = { id: `${s}-${t}`, kind: 'endpoint' as const, source: s, target: t, label: '' };
    g.addEdgeWithKey(data.id, s, t, { size: 1, label: '', data });
  }
  return g;
}

// + 0: -0 reads as 0 (strict deepEqual tells them apart)
const at = (g: G, id: string): [number, number] => [g.getNodeAttribute(id, 'x') + 0, g.getNodeAttribute(id, 'y') + 0];
const dist = (g: G, a: string, b: string): number => Math.hypot(at(g, a)[0] - at(g, b)[0], at(g, a)[1] - at(g, b)[1]);
const nearest = (g: G, id: string): number => Math.min(...g.filterNodes((m) => m !== id).map((m) => dist(g, id, m)));

describe('topology webview: placing a node no layout will move', () => {
  // a laid-out part (edges 20 long) and a network on its own
  const drawing = (): G =>
    graphOf({ n1: [0, 0], c1: [20, 0], c2: [0, -20], n2: [60, 0], cNew: [2, 1] }, [
      ['n1', 'c1'],
      ['n1', 'c2'],
      ['n1', 'cNew'],
    ]);

  it('the typical edge length is the median of the placed edges, from the node sizes without any', () => {
    assert.equal(typicalEdgeLength(drawing(), new Set(['cNew'])), 20);
    assert.equal(typicalEdgeLength(graphOf({ n: [0, 0], c: [1, 1] }, [])), 2.5 * 8);
  });

  it('moves a new container seeded on its network out to an edge length, on the open side, clear of all', () => {
    const g = drawing();
    placeClear(g, ['cNew'], () => true);
    assert.ok(Math.abs(dist(g, 'cNew', 'n1') - 20) < 1e-9, `one edge length from its network: ${at(g, 'cNew')}`);
    assert.ok(nearest(g, 'cNew') >= 0.6 * 20 - 1e-9, `clear of every node: ${at(g, 'cNew')}`);
    // the network's other containers lie right and below: the open side is up and left
    const [x, y] = at(g, 'cNew');
    assert.ok(x < 0 && y > 0, `away from the other containers: ${x},${y}`);
  });

  it('keeps a node already near its anchors and clear, and leaves a node without anchors alone', () => {
    const g = graphOf({ n1: [0, 0], c1: [20, 0], c2: [0, 25], lone: [0.5, 0.5] }, [
      ['n1', 'c1'],
      ['n1', 'c2'],
    ]);
    placeClear(g, ['c2', 'lone'], () => true);
    assert.deepEqual(at(g, 'c2'), [0, 25]);
    assert.deepEqual(at(g, 'lone'), [0.5, 0.5]);
  });

  it('a container brought into a view filtered to its second network goes beside that one, not the hidden one', () => {
    // the e2e's drawing: the container was the top-left node of its part; the filter packed n2 onto it
    const g = graphOf({ c: [0, 0], n1: [0, -20], n2: [0, 0], other: [20, -20] }, [
      ['n1', 'c'],
      ['n2', 'c'],
      ['n1', 'other'],
    ]);
    const visible = new Set(['n2', 'c']);
    placeClear(g, ['c'], (id) => visible.has(id));
    assert.ok(Math.abs(dist(g, 'c', 'n2') - 20) < 1e-9, `beside the network shown: ${at(g, 'c')}`);
    assert.ok(nearest(g, 'c') >= 12 - 1e-9, `clear of every node, hidden ones too: ${at(g, 'c')}`);
  });

  it('places ports after their containers, and between two anchors at their centre when it is clear', () => {
    const g = graphOf({ n1: [0, 0], n2: [40, 0], c: [0, 0], cPort: [0, 0], x: [0, 30], y: [40, 30] }, [
      ['n1', 'c'],
      ['n2', 'c'],
      ['c', 'cPort'],
      ['n1', 'x'],
      ['n2', 'y'],
    ]);
    g.mergeNodeAttributes('cPort', { data: { ...g.getNodeAttribute('cPort', 'data'), kind: 'port' } });
    placeClear(g, ['cPort', 'c'], () => true);
    assert.deepEqual(at(g, 'c'), [20, 0]);
    assert.ok(nearest(g, 'cPort') >= 0.6 * 30 - 1e-9, `the port is clear: ${at(g, 'cPort')}`);
    assert.ok(dist(g, 'cPort', 'c') < 50, 'and beside its container');
  });
});

describe('topology webview: a filtered Fit packs what it shows clear of what it hides', () => {
  it('puts the shown network right of every hidden node, not in the corner the whole drawing starts from', () => {
    // the whole drawing as packed: its first part's top-left node at the origin
    const g = graphOf({ c: [0, 0], n1: [0, -20], n2: [40, -40], bridge: [60, -40] }, [['n1', 'c']]);
    const visible = new Set(['n2']);
    arrangeGraph(g, (id) => visible.has(id), 1.5);
    assert.ok(at(g, 'n2')[0] > 60, `right of the hidden nodes: ${at(g, 'n2')}`);
    assert.deepEqual(
      [at(g, 'c'), at(g, 'n1'), at(g, 'bridge')],
      [
        [0, 0],
        [0, -20],
        [60, -40],
      ],
    );
  });

  it('without a filter packs from the origin as before', () => {
    const g = graphOf({ c: [5, 5], n1: [5, -15] }, [['n1', 'c']]);
    arrangeGraph(g, () => true, 1.5);
    assert.deepEqual(
      [at(g, 'c'), at(g, 'n1')],
      [
        [0, 0],
        [0, -20],
      ],
    );
  });
});
