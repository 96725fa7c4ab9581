/**
 * The panel's label placement (webview/labels.ts, pure): labels never overlap each other or cover another node,
 * a network crowded by its containers still shows its own name, further out, instead of dropping it, and a
 * selected container's address is shown whole, its name placed off its edge and the address beside a short edge.
 */
import { strict as assert } from 'node:assert';
import {
  besideAnchors,
  clearOfLines,
  crosses,
  edgeAnchors,
  hubAnchors,
  nodeAnchors,
  overlaps,
  placeLabels,
  type LabelCandidate,
  type Obstacle,
} from '../../../webview/labels';

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

  // The demo's dne-demo-db selected, zoomed in on (as the webview test drew it when the address went missing): its
  // one edge runs almost level to the right, to dne-demo-data; its name's first anchor is right of its disc.
  const db = { x: 389.5, y: 328.5, r: 8.5 };
  const data = { x: 565.6, y: 307.9, r: 13.8 };
  const [EW, EH] = [71, 15];
  const edgeLine = { x1: db.x, y1: db.y, x2: data.x, y2: data.y };
  const selected = (anchors: LabelCandidate['anchors']): LabelCandidate[] => [
    { id: 'c:c-db', kind: 'node', text: 'dne-demo-db', anchors, own: new Set(['c:c-db']) },
    {
      id: 'e',
      kind: 'edge',
      text: '10.213.30.30',
      anchors: [
        ...edgeAnchors(db.x, db.y, db.r, data.x, data.y, data.r, EW, EH),
        ...besideAnchors(edgeLine, db.r, data.r, EW, EH),
      ],
      own: new Set(['c:c-db', 'n:n-data']),
    },
  ];
  const discs = [disc('c:c-db', db.x, db.y, db.r), disc('n:n-data', data.x, data.y, data.r)];

  it("a selected container's name goes beside its edge, not on it, and the edge's address is drawn on the line", () => {
    const anchors = clearOfLines(nodeAnchors(db.x, db.y, db.r, 85, H), [edgeLine]);
    const { placed, hidden } = placeLabels(selected(anchors), discs, 780, 700);
    assert.deepEqual(hidden, []);
    const [name, address] = placed;
    assert.ok(!crosses(name.box, edgeLine), 'the name lies off the edge');
    assert.ok(crosses(address.box, edgeLine), 'the address sits on its edge');
    assert.equal(address.text, '10.213.30.30');
  });

  it('with the name on its first anchor (across the edge), the address still shows, beside the edge', () => {
    const { placed, hidden } = placeLabels(selected(nodeAnchors(db.x, db.y, db.r, 85, H)), discs, 780, 700);
    assert.deepEqual(hidden, []);
    assert.ok(crosses(placed[0].box, edgeLine), 'the name took the edge');
    assert.ok(!overlaps(placed[0].box, placed[1].box));
    for (const d of discs) assert.ok(!overlaps(placed[1].box, d.box), `the address is clear of ${d.id}`);
  });

  it('clearOfLines keeps every anchor, those across a line last, the others in their order', () => {
    const anchors = nodeAnchors(db.x, db.y, db.r, 85, H);
    const sorted = clearOfLines(anchors, [edgeLine]);
    assert.equal(sorted.length, anchors.length);
    assert.deepEqual(sorted[0], anchors[1], 'left of the disc first: the right one lies across the edge');
    assert.deepEqual(sorted.at(-1), anchors[0]);
    assert.deepEqual(clearOfLines(anchors, []), anchors);
  });

  it('an edge too short to hold its address gets it beside the line, clear of both end discs', () => {
    const [a, b] = [
      { x: 100, y: 100, r: 8 },
      { x: 150, y: 110, r: 12 },
    ];
    assert.deepEqual(edgeAnchors(a.x, a.y, a.r, b.x, b.y, b.r, EW, EH), [], 'no room on the line');
    const line = { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
    const beside = besideAnchors(line, a.r, b.r, EW, EH);
    assert.ok(beside.length >= 2, 'room on both sides');
    const ends = [disc('a', a.x, a.y, a.r), disc('b', b.x, b.y, b.r)];
    for (const box of beside) {
      for (const d of ends) assert.ok(!overlaps(box, d.box), 'clear of the end discs');
      assert.ok(!crosses(box, line), 'off the line');
    }
  });

  it('crosses: a segment through, ending inside, or passing by a box', () => {
    const box = { x: 10, y: 10, w: 20, h: 10 };
    assert.ok(crosses(box, { x1: 0, y1: 15, x2: 40, y2: 15 }));
    assert.ok(crosses(box, { x1: 15, y1: 0, x2: 15, y2: 12 }));
    assert.ok(!crosses(box, { x1: 0, y1: 0, x2: 40, y2: 5 }));
    assert.ok(!crosses(box, { x1: 0, y1: 30, x2: 9, y2: 0 }));
  });
});
