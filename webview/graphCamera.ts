/**
 * The graph's camera: Fit (the visible nodes framed with a margin and room for the rightmost names), centring on a
 * node, and graph-to-screen coordinates. fitBox is pure over the graph; GraphCamera applies it to sigma.
 * The frame is never narrower than a tenth of the whole drawing: a fit of one node (a filter showing a single
 * network) used to give a frame a millionth of a unit wide, putting every other node a million frames away in
 * sigma's coordinates, beyond what its float32 drawing and GPU picking resolve.
 * The graph host's `data-centred` names the node the camera has finished centring on (state, for tests and tools);
 * it is dropped as soon as a frame shows that node elsewhere (the layout moved it, the camera moved on).
 */
import type Graph from 'graphology';
import type Sigma from 'sigma';
import type { EdgeAttrs, NodeAttrs } from './graphTypes';

/** A label's width before any canvas measured it (for the fit's margin): about 7 px a character at 12 px. */
const estimateTextPx = (text: string): number => 7 * text.length;
/** The smallest frame, as a share of the whole drawing's extent. */
const MIN_SHARE = 0.1;

export interface FitBox {
  x: [number, number];
  y: [number, number];
}

/** The frame Fit shows, or undefined when no node is visible. `width`: the canvas width in pixels. */
export function fitBox(
  graph: Graph<NodeAttrs, EdgeAttrs>,
  isVisible: (id: string) => boolean,
  width: number,
): FitBox | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let allSpan = 0;
  const first = graph.order ? graph.getNodeAttributes(graph.nodes()[0]) : undefined;
  graph.forEachNode((id, a) => {
    if (first) allSpan = Math.max(allSpan, Math.abs(a.x - first.x), Math.abs(a.y - first.y));
    if (!isVisible(id)) return;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  if (minX === Infinity) return undefined;
  const grow = (min: number, max: number): [number, number] => {
    const extra = Math.max(0, MIN_SHARE * allSpan - (max - min)) / 2;
    return [min - extra, max + extra];
  };
  [minX, maxX] = grow(minX, maxX);
  [minY, maxY] = grow(minY, maxY);
  const spanX = Math.max(maxX - minX, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const pad = Math.max(spanX, spanY) * 0.02;
  // Labels go to the right of their node when there is room: leave the widest of the rightmost ones that room,
  // in graph units at the scale the fit will have (the canvas keeps its width in pixels).
  let labelPx = 0;
  graph.forEachNode((id, a) => {
    if (isVisible(id) && a.x > maxX - spanX * 0.2) labelPx = Math.max(labelPx, estimateTextPx(a.label));
  });
  labelPx = Math.min(labelPx + 12, width / 3);
  const labelRoom = (spanX * labelPx) / Math.max(1, width - 60 - labelPx);
  return { x: [minX - pad, maxX + labelRoom], y: [minY - pad, maxY + pad] };
}

export interface CameraHooks {
  isVisible(id: string): boolean;
  /** Packs the visible nodes before a fit (not while the layout runs). */
  arrange(): void;
  layoutRunning(): boolean;
}

export class GraphCamera {
  constructor(
    private readonly sigma: Sigma<NodeAttrs, EdgeAttrs>,
    private readonly graph: Graph<NodeAttrs, EdgeAttrs>,
    private readonly host: HTMLElement,
    private readonly hooks: CameraHooks,
  ) {
    sigma.on('afterRender', () => {
      const id = host.dataset.centred;
      if (id !== undefined && !this.isCentred(id)) delete host.dataset.centred;
    });
  }

  /** Whether the camera stands on the node now (in sigma's framed coordinates). */
  private isCentred(id: string): boolean {
    const now = this.graph.hasNode(id) ? this.sigma.getNodeDisplayData(id) : undefined;
    const camera = this.sigma.getCamera();
    return now !== undefined && Math.abs(camera.x - now.x) < 1e-9 && Math.abs(camera.y - now.y) < 1e-9;
  }

  /** Centres the camera on a node; `data-centred` names it once the move is over. */
  reveal(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const pos = this.sigma.getNodeDisplayData(id);
    if (!pos) return;
    delete this.host.dataset.centred;
    const camera = this.sigma.getCamera();
    void camera.animate({ x: pos.x, y: pos.y, ratio: Math.min(camera.ratio, 0.5) }, { duration: 300 }).then(() => {
      if (this.isCentred(id)) this.host.dataset.centred = id;
    });
  }

  /** Fits the camera to the visible nodes (all nodes when nothing is filtered). */
  fit(animate = true): void {
    if (!this.hooks.layoutRunning()) this.hooks.arrange();
    const box = fitBox(this.graph, (id) => this.hooks.isVisible(id), this.sigma.getDimensions().width);
    if (!box) return;
    delete this.host.dataset.centred;
    this.sigma.setCustomBBox(box);
    if (animate) void this.sigma.getCamera().animatedReset({ duration: 250 });
    else this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.sigma.refresh();
  }

  /** Viewport coordinates of a node (for keyboard navigation and the context menu). */
  viewportOf(id: string): { x: number; y: number } {
    const a = this.graph.getNodeAttributes(id);
    return this.sigma.graphToViewport({ x: a.x, y: a.y });
  }
}
