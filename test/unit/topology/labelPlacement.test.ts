/**
 * The panel's label placement (webview/labels.ts, pure): labels never overlap each other or cover another node,
 * and a network crowded by its containers still shows its own name, further out, instead of dropping it.
 */
import { strict as assert } from 'node:assert';
import { hubAnchors, nodeAnchors, overlaps, placeLabels, type Obstacle } from '../../../webview/labels';

const W = 90;
const H = 16;
const disc = (id: string, x: number, y: number, r = 10): Obstacle => ({
  id,
  box: { x: x - r, y: y - r, w: 2 * r, h: 2 * r },
});

/** A network at (200, 200), radius 12, hemmed in by container discs on each side and diagonal, close in. */
const crowd: Obstacle[] = [
  disc('n', 200, 200, 12),
  ...[
    [40, 0],
    [-40, 0],
    [0, 24],
    [0, -24],
    [30, 24],
    [-30, 24],
    [30, -24],
    [-30, -24],
    [70, 0],
    [-70, 0],
  ].map(([dx, dy], i) => disc(`c${i}`, 200 + dx, 200 + dy)),
];

describe('topology panel: label placement', () => {
  it('a network hemmed in by its containers keeps its name, placed clear of every other disc', () => {
    const { placed, hidden } = placeLabels(
      [{ id: 'n', kind: 'node', text: 'frontend', anchors: hubAnchors(200, 200, 12, W, H), own: new Set(['n']) }],
      crowd,
      400,
      400,
    );
    assert.deepEqual(hidden, []);
    assert.equal(placed.length, 1);
    for (const o of crowd.filter((c) => c.id !== 'n')) assert.ok(!overlaps(placed[0].box, o.box), `clear of ${o.id}`);
  });

  it("with a plain node's anchors the same name finds no room: the hub's outer ring is what keeps it", () => {
    const { hidden } = placeLabels(
      [{ id: 'n', kind: 'node', text: 'frontend', anchors: nodeAnchors(200, 200, 12, W, H), own: new Set(['n']) }],
      crowd,
      400,
      400,
    );
    assert.deepEqual(hidden, ['n']);
  });

  it('a hub tries its own eight anchors first, so an uncrowded network is named beside its disc', () => {
    const { placed } = placeLabels(
      [{ id: 'n', kind: 'node', text: 'frontend', anchors: hubAnchors(200, 200, 12, W, H), own: new Set(['n']) }],
      [disc('n', 200, 200, 12)],
      400,
      400,
    );
    assert.deepEqual(placed[0].box, { x: 215, y: 192, w: W, h: H });
  });

  it('two labels never share room: the second takes its next free anchor or stays hidden', () => {
    const anchors = nodeAnchors(100, 100, 10, W, H);
    const { placed, hidden } = placeLabels(
      [
        { id: 'a', kind: 'node', text: 'a', anchors },
        { id: 'b', kind: 'node', text: 'b', anchors: anchors.slice(0, 1) },
      ],
      [],
      400,
      400,
    );
    assert.deepEqual(
      placed.map((p) => p.id),
      ['a'],
    );
    assert.deepEqual(hidden, ['b']);
  });
});
