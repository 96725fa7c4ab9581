/**
 * The "Observed connections" layer drawn over the graph: a directed arrow from client to server per observed edge
 * (a failed attempt dashed in the theme's error colour, a closing connection dotted and faint), and a small marker
 * beside a container for the host or an address outside it talks to. Drawn on its own canvas under sigma's, redrawn
 * with every frame; the labels (port and count, the peers' names) are handed to the label placement, so they never
 * overlap other labels. Engine strings are canvas text: never markup.
 */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { GraphNode, ObservedEdge, ObservedLayer, ObservedPeer } from '../src/topology/protocol';
import { prepareOverlay } from './dom';
import { edgeAnchors, nodeAnchors, type Box } from './labels';
import type { Palette } from './theme';

/** A label the overlay wants placed (see LabelState.late), coloured like what it names. */
export interface OverlayLabel {
  id: string;
  text: string;
  color: string;
  anchors(w: number, h: number): Box[];
  own?: ReadonlySet<string>;
}

/** What was drawn last (for the test hook): each arrow with its style. */
export interface DrawnArrow {
  id: string;
  source: string;
  target: string;
  state: ObservedEdge['state'];
  dashed: boolean;
  color: string;
}

interface Disc {
  x: number;
  y: number;
  r: number;
}

const PEER_DISTANCE = 90;
const PEER_SIZE = 5;
const LANE = 9;
/** The angle between two peers of one container, and the step a peer turns to stay in view. */
const FAN = Math.PI / 6;
const HEAD = 8;

type G = Graph<{ data: GraphNode }>;

export class ObservedOverlay {
  private readonly canvas: HTMLCanvasElement;
  private layer: ObservedLayer | null = null;
  drawn: DrawnArrow[] = [];
  /** The arrowheads and peer markers of the last frame: labels keep clear of them. */
  obstacles: Array<{ id: string; box: Box }> = [];

  constructor(
    container: HTMLElement,
    private readonly sigma: Pick<Sigma, 'getDimensions' | 'getNodeDisplayData' | 'framedGraphToViewport' | 'scaleSize'>,
    private readonly graph: G,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'observed';
    this.canvas.setAttribute('aria-hidden', 'true'); // the side list says the same in text
    container.prepend(this.canvas);
  }

  set(layer: ObservedLayer | null): void {
    this.layer = layer;
  }

  /** Whether an edge can be drawn: both its ends are in the graph (a container node or a peer of the layer). */
  drawable(e: ObservedEdge): boolean {
    const peers = new Set(this.layer?.peers.map((p) => p.id));
    const there = (id: string): boolean =>
      this.graph.hasNode(id) || (peers.has(id) && this.graph.hasNode(anchorOf(id)));
    return there(e.source) && there(e.target);
  }

  private disc(id: string): Disc | undefined {
    if (!this.graph.hasNode(id)) return undefined;
    const d = this.sigma.getNodeDisplayData(id);
    if (!d || d.hidden) return undefined;
    const p = this.sigma.framedGraphToViewport(d);
    return { x: p.x, y: p.y, r: this.sigma.scaleSize(d.size) };
  }

  /**
   * Peers sit beside their container, away from the middle of the view, fanned out when there are several; a
   * peer that would fall outside the view turns (in steps) until it is inside, so its marker and name stay visible.
   */
  private peerDiscs(width: number, height: number): Map<string, Disc> {
    const out = new Map<string, Disc>();
    const byAnchor = new Map<string, ObservedPeer[]>();
    for (const p of this.layer?.peers ?? []) {
      const list = byAnchor.get(anchorOf(p.id)) ?? [];
      list.push(p);
      byAnchor.set(anchorOf(p.id), list);
    }
    const margin = 24;
    const inside = (x: number, y: number): boolean =>
      x >= margin && y >= margin && x <= width - margin && y <= height - margin;
    for (const [anchor, peers] of byAnchor) {
      const a = this.disc(anchor);
      if (!a) continue;
      const base = Math.atan2(a.y - height / 2, a.x - width / 2 || 1);
      const far = a.r + PEER_DISTANCE;
      const taken: number[] = [];
      for (const p of peers) {
        let angle = base;
        for (let step = 0; step < 12; step++) {
          const candidate = base + Math.ceil(step / 2) * (step % 2 ? 1 : -1) * FAN;
          const x = a.x + far * Math.cos(candidate);
          const y = a.y + far * Math.sin(candidate);
          if (inside(x, y) && !taken.some((t) => Math.abs(t - candidate) < FAN / 2)) {
            angle = candidate;
            break;
          }
        }
        taken.push(angle);
        out.set(p.id, { x: a.x + far * Math.cos(angle), y: a.y + far * Math.sin(angle), r: PEER_SIZE });
      }
    }
    return out;
  }

  /** Draws the arrows and markers; returns the labels to place (edge labels, then peer names). */
  draw(palette: Palette): OverlayLabel[] {
    const { width, height } = this.sigma.getDimensions();
    const ctx = prepareOverlay(this.canvas, width, height);
    this.drawn = [];
    this.obstacles = [];
    if (!ctx || !this.layer) return [];
    const peers = this.peerDiscs(width, height);
    const at = (id: string): Disc | undefined => peers.get(id) ?? this.disc(id);
    const labels: OverlayLabel[] = [];
    const lanes = laneIndex(this.layer.edges);
    for (const e of this.layer.edges) {
      const a = at(e.source);
      const b = at(e.target);
      if (!a || !b) continue;
      const color = e.state === 'attempt' ? palette.failed : palette.observed;
      const dashed = e.state !== 'established';
      const line = this.arrow(ctx, a, b, lanes.get(e.id) ?? 0, e.source < e.target, color, e.state);
      if (!line) continue;
      this.drawn.push({ id: e.id, source: e.source, target: e.target, state: e.state, dashed, color });
      this.obstacles.push({ id: e.id, box: { x: line.x2 - HEAD, y: line.y2 - HEAD, w: 2 * HEAD, h: 2 * HEAD } });
      labels.push({
        id: e.id,
        text: e.label,
        color,
        own: new Set([e.source, e.target]),
        anchors: (w, h) => [
          ...edgeAnchors(line.x1, line.y1, 0, line.x2, line.y2, HEAD, w, h),
          // a short arrow has no room on its line: beside its middle, then beside its tail
          ...nodeAnchors((line.x1 + line.x2) / 2, (line.y1 + line.y2) / 2, 4, w, h),
          ...nodeAnchors(line.x1, line.y1, 4, w, h),
        ],
      });
    }
    for (const p of this.layer.peers) {
      const d = peers.get(p.id);
      if (!d) continue;
      const color = p.kind === 'host' ? palette.roles.host : palette.foreground;
      ctx.strokeStyle = color;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(d.x - PEER_SIZE, d.y - PEER_SIZE, 2 * PEER_SIZE, 2 * PEER_SIZE);
      this.obstacles.push({
        id: p.id,
        box: { x: d.x - PEER_SIZE, y: d.y - PEER_SIZE, w: 2 * PEER_SIZE, h: 2 * PEER_SIZE },
      });
      labels.push({
        id: p.id,
        text: p.label,
        color,
        own: new Set([p.id, ...this.layer.edges.filter((e) => e.target === p.id).map((e) => e.id)]),
        anchors: (w, h) => nodeAnchors(d.x, d.y, PEER_SIZE, w, h),
      });
    }
    return labels;
  }

  /** One arrow from rim to rim, shifted sideways into its lane (several edges between one pair stay apart). */
  private arrow(
    ctx: CanvasRenderingContext2D,
    a: Disc,
    b: Disc,
    lane: number,
    forward: boolean,
    color: string,
    state: ObservedEdge['state'],
  ): { x1: number; y1: number; x2: number; y2: number } | undefined {
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    if (len < a.r + b.r + HEAD + 4) return undefined;
    const ux = dx / len;
    const uy = dy / len;
    // along the perpendicular of the pair's canonical direction, whichever way this arrow points
    const shift = (forward ? 1 : -1) * lane * LANE;
    const ox = -uy * shift;
    const oy = ux * shift;
    const x1 = a.x + ux * (a.r + 2) + ox;
    const y1 = a.y + uy * (a.r + 2) + oy;
    const x2 = b.x - ux * (b.r + 3) + ox;
    const y2 = b.y - uy * (b.r + 3) + oy;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.globalAlpha = state === 'closing' ? 0.5 : 1;
    ctx.lineWidth = 2;
    ctx.setLineDash(state === 'attempt' ? [6, 4] : state === 'closing' ? [2, 3] : []);
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2 - ux * HEAD, y2 - uy * HEAD);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - ux * HEAD - uy * HEAD * 0.5, y2 - uy * HEAD + ux * HEAD * 0.5);
    ctx.lineTo(x2 - ux * HEAD + uy * HEAD * 0.5, y2 - uy * HEAD - ux * HEAD * 0.5);
    ctx.closePath();
    ctx.fill();
    ctx.globalAlpha = 1;
    return { x1, y1, x2, y2 };
  }
}

/** The container a peer marker belongs to: o:<kind>:<address>@<container node id>. */
export function anchorOf(peerId: string): string {
  return peerId.slice(peerId.lastIndexOf('@') + 1);
}

/**
 * Each edge's lane among the edges between the same two ends, whichever their direction: centred on the line
 * between them (one edge: 0; two: -0.5 and 0.5; three: -1, 0 and 1), in lane widths.
 */
export function laneIndex(edges: readonly ObservedEdge[]): Map<string, number> {
  const pairKey = (e: ObservedEdge): string =>
    e.source < e.target ? `${e.source}\n${e.target}` : `${e.target}\n${e.source}`;
  const pairs = new Map<string, string[]>();
  for (const e of edges) {
    const list = pairs.get(pairKey(e)) ?? [];
    list.push(e.id);
    pairs.set(pairKey(e), list);
  }
  const out = new Map<string, number>();
  for (const ids of pairs.values()) ids.forEach((id, i) => out.set(id, i - (ids.length - 1) / 2));
  return out;
}
