/**
 * Compose projects drawn as groups: a rounded frame (the convex hull of the members' discs, with a margin)
 * around the networks and containers of each project, on a canvas under sigma's, redrawn with every frame. The
 * project's name is a label like the others (placed by labels.ts above or below the frame).
 */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { GraphNode } from '../src/topology/protocol';
import { prepareOverlay } from './dom';
import type { Box } from './labels';

export interface Point {
  x: number;
  y: number;
}

export interface GroupFrame {
  project: string;
  hull: Point[];
  /** Where the name may go: above the frame's top, else below its bottom. */
  labelAnchors(w: number, h: number): Box[];
}

const MARGIN = 10;
const SAMPLES = 12;

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** The convex hull (monotone chain), counter-clockwise; the input as is when it has fewer than three points. */
export function convexHull(points: readonly Point[]): Point[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (p.length < 3) return p;
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (const q of p.reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** The hull of discs: each disc sampled on its rim (radius plus the margin), so the frame clears every member. */
export function discHull(discs: ReadonlyArray<Point & { r: number }>): Point[] {
  const rim: Point[] = [];
  for (const d of discs) {
    for (let i = 0; i < SAMPLES; i++) {
      const a = (2 * Math.PI * i) / SAMPLES;
      rim.push({ x: d.x + (d.r + MARGIN) * Math.cos(a), y: d.y + (d.r + MARGIN) * Math.sin(a) });
    }
  }
  return convexHull(rim);
}

function frame(project: string, hull: Point[]): GroupFrame {
  const top = hull.reduce((a, b) => (b.y < a.y ? b : a));
  const bottom = hull.reduce((a, b) => (b.y > a.y ? b : a));
  return {
    project,
    hull,
    labelAnchors: (w, h) => [
      { x: top.x - w / 2, y: top.y - h - 1, w, h },
      { x: bottom.x - w / 2, y: bottom.y + 1, w, h },
    ],
  };
}

type G = Graph<{ data: GraphNode }>;

export class GroupLayer {
  private readonly canvas: HTMLCanvasElement;

  constructor(
    container: HTMLElement,
    private readonly sigma: Pick<Sigma, 'getDimensions' | 'getNodeDisplayData' | 'framedGraphToViewport' | 'scaleSize'>,
    private readonly graph: G,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'groups';
    this.canvas.setAttribute('aria-hidden', 'true');
    container.prepend(this.canvas); // under sigma's canvases
  }

  /** The frames of the projects with a visible member, in viewport pixels; drawn with the role colour. */
  draw(color: string): GroupFrame[] {
    const { width, height } = this.sigma.getDimensions();
    const ctx = prepareOverlay(this.canvas, width, height);
    if (!ctx) return [];
    const members = new Map<string, Array<Point & { r: number }>>();
    this.graph.forEachNode((id, a) => {
      const project = a.data.project;
      if (!project || a.data.kind === 'port') return;
      const d = this.sigma.getNodeDisplayData(id);
      if (!d || d.hidden) return;
      const p = this.sigma.framedGraphToViewport(d);
      (members.get(project) ?? members.set(project, []).get(project)!).push({ ...p, r: this.sigma.scaleSize(d.size) });
    });
    const frames: GroupFrame[] = [];
    for (const [project, discs] of members) {
      const f = frame(project, discHull(discs));
      frames.push(f);
      ctx.beginPath();
      f.hull.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
      ctx.closePath();
      ctx.globalAlpha = 0.08;
      ctx.fillStyle = color;
      ctx.fill();
      ctx.globalAlpha = 0.7;
      ctx.setLineDash([6, 4]);
      ctx.strokeStyle = color;
      ctx.lineJoin = 'round';
      ctx.lineWidth = 1.5;
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    }
    return frames;
  }
}
