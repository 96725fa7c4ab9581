/**
 * Label placement: which node and edge labels are drawn, and where, so that no two overlap, none covers a node,
 * and none runs off the canvas. Candidates come in priority order (the caller puts the selection's labels first,
 * then networks, containers, edge addresses, ports); each tries its anchor boxes in turn and takes the first free
 * one, or stays hidden (its text is then shown on hover, and edges' on selection). A label is never shortened.
 * The selection's edges get anchors beside the line too (besideAnchors), and its name avoids them (clearOfLines).
 * Pure (no DOM): viewport boxes in, boxes out; a spatial grid keeps it linear in the number of labels.
 */

export interface Box {
  /** Top-left corner and size, in viewport pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelCandidate {
  id: string;
  kind: 'node' | 'edge';
  text: string;
  /** Where the label may go, best first. */
  anchors: Box[];
  /** The owner's own shape(s), which the label may touch (a node's disc, an edge's two end nodes). */
  own?: ReadonlySet<string>;
}

export interface PlacedLabel {
  id: string;
  kind: 'node' | 'edge';
  text: string;
  box: Box;
}

export interface Obstacle {
  id: string;
  box: Box;
}

const CELL = 48;

export const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Boxes indexed by the grid cells they cover. */
class BoxGrid<T extends { box: Box }> {
  private readonly cells = new Map<number, T[]>();

  private keys(b: Box): number[] {
    const keys: number[] = [];
    const x0 = Math.floor(b.x / CELL);
    const x1 = Math.floor((b.x + b.w) / CELL);
    const y0 = Math.floor(b.y / CELL);
    const y1 = Math.floor((b.y + b.h) / CELL);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.push(x * 100_003 + y);
    return keys;
  }

  add(item: T): void {
    for (const k of this.keys(item.box)) {
      const list = this.cells.get(k);
      if (list) list.push(item);
      else this.cells.set(k, [item]);
    }
  }

  hits(b: Box, ignore?: (item: T) => boolean): boolean {
    for (const k of this.keys(b)) {
      for (const item of this.cells.get(k) ?? []) if (overlaps(item.box, b) && !ignore?.(item)) return true;
    }
    return false;
  }
}

const inside = (b: Box, w: number, h: number): boolean => b.x >= 0 && b.y >= 0 && b.x + b.w <= w && b.y + b.h <= h;

/**
 * Places the candidates in order. `obstacles` are the drawn nodes (a label never covers one, except its own);
 * `width`/`height` the canvas, which every placed label lies inside.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly Obstacle[],
  width: number,
  height: number,
): { placed: PlacedLabel[]; hidden: string[] } {
  const shapes = new BoxGrid<Obstacle>();
  for (const o of obstacles) shapes.add(o);
  const labels = new BoxGrid<PlacedLabel>();
  const placed: PlacedLabel[] = [];
  const hidden: string[] = [];
  for (const c of candidates) {
    const box = c.anchors.find(
      (b) => inside(b, width, height) && !labels.hits(b) && !shapes.hits(b, (o) => c.own?.has(o.id) ?? false),
    );
    if (!box) {
      hidden.push(c.id);
      continue;
    }
    const label: PlacedLabel = { id: c.id, kind: c.kind, text: c.text, box };
    labels.add(label);
    placed.push(label);
  }
  return { placed, hidden };
}

/**
 * Anchors around a node of radius r at (x, y): right, left, below, above; then below and above flush with the
 * node's left or right side (a node near the canvas edge whose side is taken, e.g. by an arrowhead).
 */
export function nodeAnchors(x: number, y: number, r: number, w: number, h: number): Box[] {
  const gap = 3;
  return [
    { x: x + r + gap, y: y - h / 2, w, h },
    { x: x - r - gap - w, y: y - h / 2, w, h },
    { x: x - w / 2, y: y + r + gap, w, h },
    { x: x - w / 2, y: y - r - gap - h, w, h },
    { x: x - r, y: y + r + gap, w, h },
    { x: x + r - w, y: y + r + gap, w, h },
    { x: x - r, y: y - r - gap - h, w, h },
    { x: x + r - w, y: y - r - gap - h, w, h },
  ];
}

/**
 * Anchors for a hub (a network): the node's own eight, then a ring one label height further out on every side and
 * diagonal, so a network crowded by its containers' discs and names still shows its name (never the one dropped).
 */
export function hubAnchors(x: number, y: number, r: number, w: number, h: number): Box[] {
  const far = r + h + 6;
  const ring: Box[] = [];
  for (const [dx, dy] of [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
    [1, 1],
    [-1, 1],
    [1, -1],
    [-1, -1],
  ]) {
    // the box's near side or corner at distance `far` from the centre, in that direction
    const bx = dx > 0 ? x + far : dx < 0 ? x - far - w : x - w / 2;
    const by = dy > 0 ? y + far : dy < 0 ? y - far - h : y - h / 2;
    ring.push({ x: bx, y: by, w, h });
  }
  return [...nodeAnchors(x, y, r, w, h), ...ring];
}

/**
 * Anchors on an edge from (x1, y1) to (x2, y2): centred on the line at its middle, then a little towards either
 * end; none when the label does not fit between the two nodes (radii r1, r2), so a label never hides a node.
 */
export function edgeAnchors(
  x1: number,
  y1: number,
  r1: number,
  x2: number,
  y2: number,
  r2: number,
  w: number,
  h: number,
): Box[] {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  if (len === 0) return [];
  // the label box's extent along the line, and the free length between the two node discs
  const extent = (Math.abs(dx) / len) * w + (Math.abs(dy) / len) * h;
  const free = len - r1 - r2 - 8;
  if (free < extent) return [];
  const slack = (free - extent) / len; // how far (as a fraction of the edge) the centre may move each way
  const mid = (r1 + 4 + extent / 2 + (free - extent) / 2) / len;
  const anchors: Box[] = [];
  for (const shift of [0, -0.5, 0.5, -1, 1]) {
    const at = mid + (shift * slack) / 2;
    anchors.push({ x: x1 + dx * at - w / 2, y: y1 + dy * at - h / 2, w, h });
  }
  return anchors;
}

/** A straight line drawn between two points in viewport pixels (an edge between its two nodes' centres). */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Whether the segment passes through the box (Liang-Barsky clipping of the segment to the box). */
export function crosses(b: Box, s: Segment): boolean {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, s.x1 - b.x],
    [dx, b.x + b.w - s.x1],
    [-dy, s.y1 - b.y],
    [dy, b.y + b.h - s.y1],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * The same anchors, those lying across none of the lines first (a selected node's name beside its edges, not on
 * them, so the addresses on those edges keep their room); the order is kept otherwise, and no anchor is dropped.
 */
export function clearOfLines(anchors: readonly Box[], lines: readonly Segment[]): Box[] {
  const across = (b: Box): boolean => lines.some((l) => crosses(b, l));
  return [...anchors.filter((b) => !across(b)), ...anchors.filter(across)];
}

/**
 * Anchors just off an edge on either side, at its middle and next to either end, none covering an end's disc:
 * tried after edgeAnchors for an address that must be shown whole (the selection's), and its only room when the
 * edge is too short to hold the label between the two nodes.
 */
export function besideAnchors(line: Segment, r1: number, r2: number, w: number, h: number): Box[] {
  const { x1, y1, x2, y2 } = line;
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (len === 0) return [];
  const [ux, uy] = [(x2 - x1) / len, (y2 - y1) / len];
  // the box's half extents along the line and across it; the box's near side 3 px off the line
  const along = (Math.abs(ux) * w + Math.abs(uy) * h) / 2;
  const off = (Math.abs(uy) * w + Math.abs(ux) * h) / 2 + 3;
  const discs = [
    { x: x1 - r1, y: y1 - r1, w: 2 * r1, h: 2 * r1 },
    { x: x2 - r2, y: y2 - r2, w: 2 * r2, h: 2 * r2 },
  ];
  const anchors: Box[] = [];
  for (const d of [len / 2, r1 + 4 + along, len - r2 - 4 - along]) {
    for (const side of [1, -1]) {
      const cx = x1 + ux * d - uy * off * side;
      const cy = y1 + uy * d + ux * off * side;
      const box = { x: cx - w / 2, y: cy - h / 2, w, h };
      if (!discs.some((c) => overlaps(c, box))) anchors.push(box);
    }
  }
  return anchors;
}
