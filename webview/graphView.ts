/**
 * The graph: a graphology graph drawn by sigma (WebGL), laid out by ForceAtlas2 in a web worker.
 * A full graph is laid out once; a patch touches only the nodes and edges it names: new nodes are placed next to
 * their neighbours and every other node keeps its position.
 */
import { tr } from './l10n';
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { GraphData, GraphEdge, GraphNode, GraphPatch } from '../src/topology/protocol';
import { NodeDiamondProgram, NodeSquareProgram } from './shapes';
import type { Palette } from './theme';
import { drawHoverLabel, LabelLayer, type HoverData } from './labelLayer';
import { GroupLayer } from './groupLayer';
import { ObservedOverlay } from './observedOverlay';
import { neighbourhoodOf } from './neighbourhood';
import { LayoutRunner } from './layoutRunner';
import { arrangeGraph, seedPositions } from './placement';
import { probing, report } from './testHook';
import type { EdgeAttrs, GraphViewEvents, NodeAttrs } from './graphTypes';

export type { EdgeAttrs, GraphViewEvents, NodeAttrs } from './graphTypes';

/** Beyond this many edges, sigma's edge picking costs more than it helps: edges are then reached from nodes. */
const EDGE_EVENTS_LIMIT = 1000;

/** A label's width before any canvas measured it (for the fit's margin): about 7 px a character at 12 px. */
const estimateTextPx = (text: string): number => 7 * text.length;

export class GraphView {
  readonly graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false });
  private readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private readonly layout: LayoutRunner;
  private visible: Set<string> | null = null;
  private selected: string | null = null;
  private neighbourhood: Set<string> | null = null;
  private marked = new Map<string, string>();
  private palette: Palette;
  private readonly labels: LabelLayer;
  private readonly groups: GroupLayer;
  /** The observed connections layer (main.ts feeds it; drawn with every frame). */
  readonly observed: ObservedOverlay;
  private hoveredNode: string | null = null;
  private hoveredEdge: string | null = null;

  constructor(
    container: HTMLElement,
    palette: Palette,
    private readonly events: GraphViewEvents,
  ) {
    this.palette = palette;
    this.layout = new LayoutRunner(this.graph, { arrange: () => this.arrange(), fit: () => this.zoomToFit(false) });
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(this.graph, container, {
      allowInvalidContainer: true,
      defaultNodeType: 'circle',
      nodeProgramClasses: { circle: NodePointProgram, square: NodeSquareProgram, diamond: NodeDiamondProgram },
      // Point sprites and 1-pixel lines: measured three times faster than sigma's default disc and rectangle
      // programs under software WebGL (docs/BENCHMARKS.md), and they look the same at these sizes.
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram },
      // labels are placed and drawn by LabelLayer after each frame: no overlap, no cut text (see labels.ts)
      renderLabels: false,
      renderEdgeLabels: false,
      enableEdgeEvents: true,
      hideEdgesOnMove: false,
      zIndex: true,
      labelFont: 'var(--vscode-font-family), sans-serif',
      labelColor: { color: palette.foreground },
      edgeLabelColor: { color: palette.foreground },
      edgeLabelSize: 11,
      defaultDrawNodeHover: (ctx, data) => this.drawHover(ctx, data),
      nodeReducer: (id, attrs) => this.reduceNode(id, attrs),
      edgeReducer: (id, attrs) => this.reduceEdge(id, attrs),
    });
    this.sigma.on('clickNode', ({ node }) => this.select(node));
    this.sigma.on('clickStage', () => this.select(null));
    this.sigma.on('rightClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      this.select(node);
      this.events.onContextMenu({ nodeId: node }, event.x, event.y);
    });
    this.sigma.on('rightClickEdge', ({ edge, event }) => {
      event.preventSigmaDefault();
      this.events.onContextMenu({ edgeId: edge }, event.x, event.y);
    });
    container.addEventListener('contextmenu', (e) => e.preventDefault());
    this.labels = new LabelLayer(this.sigma, this.graph);
    this.observed = new ObservedOverlay(container, this.sigma, this.graph);
    this.groups = new GroupLayer(container, this.sigma, this.graph);
    this.sigma.on('afterRender', () => this.drawLabels());
    const hover = (node: string | null, edge: string | null): void => {
      this.hoveredNode = node;
      this.hoveredEdge = edge;
      this.sigma.scheduleRender();
    };
    this.sigma.on('enterNode', ({ node }) => hover(node, null));
    this.sigma.on('leaveNode', () => hover(null, null));
    this.sigma.on('enterEdge', ({ edge }) => hover(null, edge));
    this.sigma.on('leaveEdge', () => hover(null, null));
  }

  /** The selection and the hovered node or edge, with their edges: their labels are drawn first. */
  private drawLabels(): void {
    const frames = this.groups.draw(this.palette.roles.project);
    const late = this.observed.draw(this.palette);
    const moving = this.sigma.getCamera().isAnimated() || this.sigma.getMouseCaptor().isMoving;
    if (moving && this.sigma.getSetting('hideLabelsOnMove')) return;
    const focusNodes = new Set<string>();
    const focusEdges = new Set<string>();
    for (const id of [this.selected, this.hoveredNode]) {
      if (!id || !this.graph.hasNode(id)) continue;
      focusNodes.add(id);
      this.graph.forEachEdge(id, (e) => void focusEdges.add(e));
    }
    if (this.hoveredEdge && this.graph.hasEdge(this.hoveredEdge)) focusEdges.add(this.hoveredEdge);
    this.labels.draw({
      focusNodes,
      focusEdges,
      text: (id) => this.labelText(id),
      palette: this.palette,
      font: this.palette.fontFamily,
      extra: frames.map((f) => ({
        id: `g:${f.project}`,
        text: tr('compose: {0}', f.project),
        anchors: f.labelAnchors,
      })),
      late,
      obstacles: this.observed.obstacles,
    });
    if (probing) report({ name: 'labels', ...this.labels.last, observed: this.observed.drawn });
  }

  private labelText(id: string): string {
    const a = this.graph.getNodeAttributes(id);
    const mark = this.marked.get(id);
    return mark ? `${a.label} (${mark})` : a.label;
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.sigma.setSetting('labelColor', { color: p.foreground });
    this.sigma.setSetting('edgeLabelColor', { color: p.foreground });
    this.sigma.refresh();
  }

  // ---- drawing ----

  private reduceNode(
    id: string,
    a: NodeAttrs,
  ): Partial<NodeAttrs> & { color: string; hidden?: boolean; highlighted?: boolean; zIndex?: number } {
    const hidden = this.visible !== null && !this.visible.has(id);
    const dim = this.neighbourhood !== null && !this.neighbourhood.has(id);
    const mark = this.marked.get(id);
    return {
      ...a,
      color: dim ? this.palette.dimmed : this.palette.roles[a.data.role],
      hidden,
      highlighted: id === this.selected || mark !== undefined,
      zIndex: id === this.selected ? 2 : a.data.kind === 'network' ? 1 : 0,
    };
  }

  private reduceEdge(id: string, a: EdgeAttrs): Partial<EdgeAttrs> & { color: string; hidden?: boolean } {
    const [s, t] = this.graph.extremities(id);
    const hidden = this.visible !== null && (!this.visible.has(s) || !this.visible.has(t));
    const dim = this.neighbourhood !== null && (!this.neighbourhood.has(s) || !this.neighbourhood.has(t));
    return {
      ...a,
      color: dim ? this.palette.dimmed : this.palette.edge,
      hidden,
    };
  }

  /** The hovered node's full name in a box (a label the placement had to hide is readable this way). */
  private drawHover(ctx: CanvasRenderingContext2D, d: HoverData): void {
    if (d.label && d.key === this.hoveredNode) drawHoverLabel(ctx, d, this.palette); // the selection's is placed
  }

  // ---- data ----

  private attrs(n: GraphNode, x: number, y: number): NodeAttrs {
    return { x, y, size: n.size, label: n.label, type: n.shape, data: n };
  }

  /**
   * Replaces the data, keeping positions of nodes that stay, or taking them from `saved` (positions kept from an
   * earlier session); lays out only when most nodes have no position, else fits the view to them.
   */
  setGraph(data: GraphData, saved: Readonly<Record<string, readonly [number, number]>> = {}): void {
    const keep = new Set(data.nodes.map((n) => n.id));
    this.graph.forEachNode((id) => {
      if (!keep.has(id)) this.graph.dropNode(id);
    });
    this.graph.clearEdges();
    for (const n of data.nodes) {
      const p = saved[n.id];
      if (!this.graph.hasNode(n.id) && p) this.graph.addNode(n.id, this.attrs(n, p[0], p[1]));
    }
    const known = data.nodes.filter((n) => this.graph.hasNode(n.id)).length;
    const added = data.nodes.filter((n) => !this.graph.hasNode(n.id));
    for (const n of data.nodes)
      if (this.graph.hasNode(n.id))
        this.graph.mergeNodeAttributes(n.id, { label: n.label, size: n.size, type: n.shape, data: n });
    seedPositions(this.graph, added, data.edges, (n, x, y) => this.attrs(n, x, y));
    for (const e of data.edges) this.addEdge(e);
    this.refreshNeighbourhood();
    if (data.nodes.length > 0 && known < data.nodes.length / 2) this.runLayout();
    else {
      this.zoomToFit(false);
      this.layout.settled(); // positions came from the last session or the graph before
    }
  }

  /** Every node's position (for the webview state, so a reload finds the drawing as it was). */
  positions(): Record<string, [number, number]> {
    const out: Record<string, [number, number]> = {};
    this.graph.forEachNode((id, a) => (out[id] = [Math.round(a.x * 100) / 100, Math.round(a.y * 100) / 100]));
    return out;
  }

  /** Touches only what the patch names (drawing is scheduled). */
  applyPatch(p: GraphPatch): void {
    if (this.layout.running) {
      this.layout.stop(); // the worker's copy would not hold the patch: keep its positions so far, then patch
      this.zoomToFit(false);
    }
    for (const id of p.removeEdges) if (this.graph.hasEdge(id)) this.graph.dropEdge(id);
    for (const id of p.removeNodes) if (this.graph.hasNode(id)) this.graph.dropNode(id);
    for (const n of p.updateNodes) {
      if (this.graph.hasNode(n.id))
        this.graph.mergeNodeAttributes(n.id, { label: n.label, size: n.size, type: n.shape, data: n });
      else p.addNodes.push(n);
    }
    seedPositions(this.graph, p.addNodes, [...p.addEdges, ...p.updateEdges], (n, x, y) => this.attrs(n, x, y));
    for (const e of p.updateEdges) if (this.graph.hasEdge(e.id)) this.graph.dropEdge(e.id);
    for (const e of [...p.addEdges, ...p.updateEdges]) this.addEdge(e);
    if (this.selected && !this.graph.hasNode(this.selected)) this.select(null);
    this.refreshNeighbourhood();
    // The first data after an empty graph (the engine answered after the panel opened) gets a full layout.
    if (p.addNodes.length > this.graph.order / 2 && p.addNodes.length > 1) this.runLayout();
  }

  private addEdge(e: GraphEdge): void {
    if (!this.graph.hasNode(e.source) || !this.graph.hasNode(e.target) || this.graph.hasEdge(e.id)) return;
    if (this.graph.hasEdge(e.source, e.target)) return; // one line per pair; the protocol never sends two
    this.graph.addEdgeWithKey(e.id, e.source, e.target, {
      size: e.kind === 'shared' ? 1.5 : 1,
      label: e.label,
      data: e,
    });
  }

  private runLayout(): void {
    this.sigma.setCustomBBox(null);
    this.layout.run();
  }

  /** Packs what is visible (see placement.ts arrangeGraph); the rest keeps its place. */
  private arrange(): void {
    const { width, height } = this.sigma.getDimensions();
    arrangeGraph(this.graph, (id) => this.isVisible(id), width > 0 && height > 0 ? width / height : 1.5);
  }

  /** Calls back when the layout starts (true) and when it stops and the frame is fixed (false). */
  onLayout(listener: (running: boolean) => void): void {
    this.layout.onChange(listener);
  }

  get layoutRunning(): boolean {
    return this.layout.running;
  }

  // ---- view state ----

  setVisible(ids: Set<string> | null): void {
    this.visible = ids;
    if (this.selected && ids && !ids.has(this.selected)) this.select(null);
    else this.sigma.refresh();
  }

  isVisible(id: string): boolean {
    return this.graph.hasNode(id) && (this.visible === null || this.visible.has(id));
  }

  setMarks(marks: Map<string, string>): void {
    this.marked = marks;
    this.sigma.refresh();
  }

  /** Redraws without touching the data (an overlay changed). */
  redraw(): void {
    this.sigma.refresh();
  }

  get selection(): string | null {
    return this.selected;
  }

  select(id: string | null, notify = true): void {
    this.selected = id && this.graph.hasNode(id) ? id : null;
    this.refreshNeighbourhood();
    this.sigma.refresh();
    if (notify) this.events.onSelect(this.selected);
  }

  private refreshNeighbourhood(): void {
    this.neighbourhood = neighbourhoodOf(this.graph, this.selected);
  }

  /** Centres the camera on a node. */
  reveal(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const pos = this.sigma.getNodeDisplayData(id);
    if (pos)
      void this.sigma
        .getCamera()
        .animate({ x: pos.x, y: pos.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.5) }, { duration: 300 });
  }

  /** Fits the camera to the visible nodes (all nodes when nothing is filtered). */
  zoomToFit(animate = true): void {
    if (!this.layout.running) this.arrange();
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    this.graph.forEachNode((id, a) => {
      if (this.visible && !this.visible.has(id)) return;
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    if (minX === Infinity) return;
    const spanX = Math.max(maxX - minX, 1e-6);
    const spanY = Math.max(maxY - minY, 1e-6);
    const pad = Math.max(spanX, spanY) * 0.02;
    // Labels go to the right of their node when there is room: leave the widest of the rightmost ones that room,
    // in graph units at the scale the fit will have (the canvas keeps its width in pixels).
    const { width } = this.sigma.getDimensions();
    let labelPx = 0;
    this.graph.forEachNode((id, a) => {
      if ((!this.visible || this.visible.has(id)) && a.x > maxX - spanX * 0.2)
        labelPx = Math.max(labelPx, estimateTextPx(a.label));
    });
    labelPx = Math.min(labelPx + 12, width / 3);
    const labelRoom = (spanX * labelPx) / Math.max(1, width - 60 - labelPx);
    this.sigma.setCustomBBox({ x: [minX - pad, maxX + labelRoom], y: [minY - pad, maxY + pad] });
    if (animate) void this.sigma.getCamera().animatedReset({ duration: 250 });
    else this.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.sigma.refresh();
  }

  /** Viewport coordinates of a node (for keyboard navigation and the context menu). */
  viewportOf(id: string): { x: number; y: number } {
    const a = this.graph.getNodeAttributes(id);
    return this.sigma.graphToViewport({ x: a.x, y: a.y });
  }

  get camera(): ReturnType<Sigma['getCamera']> {
    return this.sigma.getCamera();
  }

  /** Calls back after each frame sigma draws, with the time the frame took (for the benchmark's test hook). */
  onRender(cb: (ms: number) => void): void {
    let t0 = 0;
    this.sigma.on('beforeRender', () => (t0 = performance.now()));
    this.sigma.on('afterRender', () => cb(performance.now() - t0));
  }

  /** Edge picking on big graphs costs more than it gives. */
  tuneForSize(): void {
    this.sigma.setSetting('enableEdgeEvents', this.graph.size <= EDGE_EVENTS_LIMIT);
    this.sigma.setSetting('hideEdgesOnMove', this.graph.size > 5000);
    this.sigma.setSetting('hideLabelsOnMove', this.graph.order > EDGE_EVENTS_LIMIT);
  }

  resize(): void {
    this.sigma.resize();
    this.sigma.refresh();
  }

  nodeColor(id: string): string {
    return this.palette.roles[this.graph.getNodeAttribute(id, 'data').role];
  }

  get currentPalette(): Palette {
    return this.palette;
  }
}
