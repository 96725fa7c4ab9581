/**
 * Draws the node and edge labels after every frame sigma draws, in place of sigma's own label pass: placed by
 * labels.ts so none overlaps another, covers a node or is cut at the canvas edge. The selection's and the hovered
 * node's labels, and the addresses on their edges, go first; every other label takes what room is left and is
 * otherwise hidden (hovering a node shows its name; hovering or selecting shows an edge's address).
 * Engine strings are canvas text: never markup.
 */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { GraphEdge, GraphNode } from '../src/topology/protocol';
import {
  edgeAnchors,
  hubAnchors,
  nodeAnchors,
  placeLabels,
  type Box,
  type LabelCandidate,
  type Obstacle,
  type PlacedLabel,
} from './labels';
import type { OverlayLabel } from './observedOverlay';
import type { Palette } from './theme';

export const NODE_FONT_PX = 12;
export const EDGE_FONT_PX = 11;
const PAD = 2;

type G = Graph<{ x: number; y: number; size: number; data: GraphNode }, { data: GraphEdge }>;

export interface LabelState {
  /** Labels to draw first (the selection and the hovered node), and edges whose address is wanted. */
  focusNodes: ReadonlySet<string>;
  focusEdges: ReadonlySet<string>;
  /** The text drawn for a node (its label, with a plan mark when there is one). */
  text(id: string): string;
  palette: Palette;
  font: string;
  /** Further labels placed right after the focus (the compose frames' names), with their anchors by size. */
  extra: ReadonlyArray<{ id: string; text: string; anchors(w: number, h: number): Box[] }>;
  /** Labels placed after the networks' and containers' (the observed connections layer), in their own colour. */
  late?: readonly OverlayLabel[];
  /** Further shapes no label may cover (the observed layer's arrowheads and markers). */
  obstacles?: readonly Obstacle[];
}

/** Who goes first: networks name the picture, then containers, then the rest. */
const KIND_ORDER: Record<GraphNode['kind'], number> = { network: 0, service: 1, container: 2, port: 3 };

export class LabelLayer {
  private readonly widths = new Map<string, number>();
  /** The last placement: what a test or the benchmark reads through the test hook. */
  last: { placed: PlacedLabel[]; hidden: string[]; nodes: Record<string, { x: number; y: number; r: number }> } = {
    placed: [],
    hidden: [],
    nodes: {},
  };

  constructor(
    private readonly sigma: Pick<
      Sigma,
      'getCanvases' | 'getDimensions' | 'getNodeDisplayData' | 'framedGraphToViewport' | 'scaleSize'
    >,
    private readonly graph: G,
  ) {}

  private measure(ctx: CanvasRenderingContext2D, font: string, text: string): number {
    const key = `${font}\n${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      ctx.font = font;
      w = Math.ceil(ctx.measureText(text).width);
      this.widths.set(key, w);
    }
    return w;
  }

  draw(state: LabelState): void {
    const canvas = this.sigma.getCanvases().labels;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const { width, height } = this.sigma.getDimensions();
    ctx.clearRect(0, 0, width, height);
    const shown = new Map<string, { x: number; y: number; r: number }>();
    const obstacles: Obstacle[] = [];
    this.graph.forEachNode((id) => {
      const d = this.sigma.getNodeDisplayData(id);
      if (!d || d.hidden) return;
      const p = this.sigma.framedGraphToViewport(d);
      if (p.x < -50 || p.y < -50 || p.x > width + 50 || p.y > height + 50) return;
      const r = this.sigma.scaleSize(d.size);
      shown.set(id, { x: p.x, y: p.y, r });
      obstacles.push({ id, box: { x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r } });
    });
    obstacles.push(...(state.obstacles ?? []));
    const nodeFont = `${NODE_FONT_PX}px ${state.font}`;
    const edgeFont = `${EDGE_FONT_PX}px ${state.font}`;
    const nodeCandidate = (id: string): LabelCandidate | undefined => {
      const at = shown.get(id);
      const text = state.text(id);
      if (!at || !text) return undefined;
      const w = this.measure(ctx, nodeFont, text) + 2 * PAD;
      const hub = this.graph.getNodeAttribute(id, 'data').kind === 'network';
      const anchors = (hub ? hubAnchors : nodeAnchors)(at.x, at.y, at.r, w, NODE_FONT_PX + 2 * PAD);
      return { id, kind: 'node', text, anchors, own: new Set([id]) };
    };
    const edgeCandidate = (id: string): LabelCandidate | undefined => {
      const e = this.graph.getEdgeAttribute(id, 'data');
      if (e.kind !== 'endpoint' || !e.label) return undefined;
      const [s, t] = this.graph.extremities(id);
      const a = shown.get(s);
      const b = shown.get(t);
      if (!a || !b) return undefined;
      const w = this.measure(ctx, edgeFont, e.label) + 2 * PAD;
      const anchors = edgeAnchors(a.x, a.y, a.r, b.x, b.y, b.r, w, EDGE_FONT_PX + 2 * PAD);
      return { id, kind: 'edge', text: e.label, anchors, own: new Set([s, t]) };
    };
    const candidates: LabelCandidate[] = [];
    const push = (c: LabelCandidate | undefined): void => {
      if (c) candidates.push(c);
    };
    for (const id of state.focusNodes) push(nodeCandidate(id));
    for (const id of state.focusEdges) if (this.graph.hasEdge(id)) push(edgeCandidate(id));
    for (const x of state.extra) {
      const w = this.measure(ctx, nodeFont, x.text) + 2 * PAD;
      push({ id: x.id, kind: 'node', text: x.text, anchors: x.anchors(w, NODE_FONT_PX + 2 * PAD) });
    }
    const rest = [...shown.keys()].filter((id) => !state.focusNodes.has(id));
    const order = (id: string): number => KIND_ORDER[this.graph.getNodeAttribute(id, 'data').kind];
    rest.sort((p, q) => order(p) - order(q) || shown.get(q)!.r - shown.get(p)!.r);
    for (const id of rest.filter((i) => order(i) < 2)) push(nodeCandidate(id));
    const colors = new Map<string, string>();
    for (const x of state.late ?? []) {
      colors.set(x.id, x.color);
      const w = this.measure(ctx, edgeFont, x.text) + 2 * PAD;
      push({ id: x.id, kind: 'edge', text: x.text, anchors: x.anchors(w, EDGE_FONT_PX + 2 * PAD), own: x.own });
    }
    this.graph.forEachEdge((id) => {
      if (!state.focusEdges.has(id)) push(edgeCandidate(id));
    });
    for (const id of rest.filter((i) => order(i) >= 2)) push(nodeCandidate(id));
    const nodes: Record<string, { x: number; y: number; r: number }> = {};
    for (const [id, p] of shown) nodes[id] = { x: p.x, y: p.y, r: p.r };
    this.last = { ...placeLabels(candidates, obstacles, width, height), nodes };
    this.paint(ctx, state, nodeFont, edgeFont, colors);
  }

  private paint(
    ctx: CanvasRenderingContext2D,
    state: LabelState,
    nodeFont: string,
    edgeFont: string,
    colors: ReadonlyMap<string, string>,
  ): void {
    ctx.textBaseline = 'middle';
    for (const l of this.last.placed) {
      const { x, y, w, h } = l.box;
      // a backdrop in the canvas colour: lines passing behind a label do not cross its text
      ctx.fillStyle = state.palette.background;
      ctx.globalAlpha = l.kind === 'edge' ? 1 : 0.8;
      ctx.fillRect(x, y, w, h);
      ctx.globalAlpha = 1;
      const color = colors.get(l.id);
      if (l.kind === 'edge') {
        ctx.strokeStyle = color ?? state.palette.edge;
        ctx.lineWidth = 1;
        ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
      }
      ctx.font = l.kind === 'edge' ? edgeFont : nodeFont;
      ctx.fillStyle = color ?? state.palette.foreground;
      ctx.fillText(l.text, x + PAD, y + h / 2 + 0.5);
    }
  }
}

export interface HoverData {
  key?: string;
  x: number;
  y: number;
  size: number;
  label: string | null;
}

/** A node's full name in a framed box beside it (sigma's hover layer); canvas text, never markup. */
export function drawHoverLabel(ctx: CanvasRenderingContext2D, d: HoverData, palette: Palette): void {
  if (!d.label) return;
  const size = 13;
  ctx.font = `${size}px ${palette.fontFamily}`;
  const w = ctx.measureText(d.label).width + 8;
  ctx.fillStyle = palette.background;
  ctx.strokeStyle = palette.selection;
  ctx.lineWidth = 1;
  ctx.fillRect(d.x + d.size + 2, d.y - size / 2 - 4, w, size + 8);
  ctx.strokeRect(d.x + d.size + 2, d.y - size / 2 - 4, w, size + 8);
  ctx.fillStyle = palette.foreground;
  ctx.fillText(d.label, d.x + d.size + 6, d.y + size / 3);
}
