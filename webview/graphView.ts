/**
 * The graph: a graphology graph drawn by sigma (WebGL, graphDrawing.ts), laid out by ForceAtlas2 in a web worker
 * (layoutRunner.ts), framed by graphCamera.ts and picked with the pointer (graphSelection.ts). This class holds the
 * data and the view state: a full graph is laid out once; a patch touches only the nodes and edges it names (new
 * nodes are placed next to their neighbours and every other node keeps its position).
 */
import Graph from 'graphology';
import type Sigma from 'sigma';
import type { GraphData, GraphEdge, GraphNode, GraphPatch } from '../src/topology/protocol';
import type { Palette } from './theme';
import { LayoutRunner } from './layoutRunner';
import { arrangeGraph, seedPositions } from './placement';
import { placeClear } from './clearPlacement';
import { GraphDrawing } from './graphDrawing';
import { GraphCamera } from './graphCamera';
import { bindPointer } from './graphSelection';
import { neighbourhoodOf } from './neighbourhood';
import type { ObservedOverlay } from './observedOverlay';
import type { EdgeAttrs, GraphViewEvents, NodeAttrs, ViewState } from './graphTypes';

export type { EdgeAttrs, GraphViewEvents, NodeAttrs } from './graphTypes';

/** Beyond this many edges, sigma's edge picking costs more than it helps: edges are then reached from nodes. */
const EDGE_EVENTS_LIMIT = 1000;

export class GraphView {
  readonly graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false });
  private readonly state: ViewState = {
    visible: null,
    selected: null,
    neighbourhood: null,
    marked: new Map(),
    hoveredNode: null,
    hoveredEdge: null,
  };
  private readonly drawing: GraphDrawing;
  private readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private readonly layout: LayoutRunner;
  private readonly cameraControl: GraphCamera;
  /** The observed connections layer (main.ts feeds it; drawn with every frame). */
  readonly observed: ObservedOverlay;

  constructor(
    container: HTMLElement,
    palette: Palette,
    private readonly events: GraphViewEvents,
  ) {
    this.layout = new LayoutRunner(this.graph, { arrange: () => this.arrange(), fit: () => this.zoomToFit(false) });
    this.drawing = new GraphDrawing(container, this.graph, this.state, palette);
    this.sigma = this.drawing.sigma;
    this.observed = this.drawing.observed;
    this.cameraControl = new GraphCamera(this.sigma, this.graph, container, {
      isVisible: (id) => this.isVisible(id),
      arrange: () => this.arrange(),
      layoutRunning: () => this.layout.running,
    });
    bindPointer(this.sigma, container, this.state, (id) => this.select(id), events);
  }

  setPalette(p: Palette): void {
    this.drawing.setPalette(p);
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
      placeClear(
        this.graph,
        added.map((n) => n.id),
        () => true,
      ); // no layout will move the few new ones
      this.zoomToFit(false);
      this.layout.settled(); // positions came from the last session or the graph before
    }
  }

  /** Empties the graph and the selection (before a graph that must not inherit positions: a drill-down's). */
  clear(): void {
    this.graph.clear();
    this.select(null);
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
    if (this.state.selected && !this.graph.hasNode(this.state.selected)) this.select(null);
    this.refreshNeighbourhood();
    // The first data after an empty graph (the engine answered after the panel opened) gets a full layout.
    if (p.addNodes.length > this.graph.order / 2 && p.addNodes.length > 1) this.runLayout();
    else
      placeClear(
        this.graph,
        p.addNodes.map((n) => n.id),
        () => true,
      );
  }

  /**
   * Places nodes a patch brought into a filtered view (they kept a spot from another view, maybe under a node
   * shown now) beside the visible nodes they are tied to, clear of every node (see clearPlacement.ts).
   */
  placeBesideVisible(ids: readonly string[]): void {
    placeClear(this.graph, ids, (id) => this.isVisible(id));
    this.sigma.refresh();
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
    this.state.visible = ids;
    if (this.state.selected && ids && !ids.has(this.state.selected)) this.select(null);
    else this.sigma.refresh();
  }

  isVisible(id: string): boolean {
    return this.graph.hasNode(id) && (this.state.visible === null || this.state.visible.has(id));
  }

  setMarks(marks: Map<string, string>): void {
    this.state.marked = marks;
    this.sigma.refresh();
  }

  get selection(): string | null {
    return this.state.selected;
  }

  select(id: string | null, notify = true): void {
    this.state.selected = id && this.graph.hasNode(id) ? id : null;
    this.refreshNeighbourhood();
    this.sigma.refresh();
    if (notify) this.events.onSelect(this.state.selected);
  }

  private refreshNeighbourhood(): void {
    this.state.neighbourhood = neighbourhoodOf(this.graph, this.state.selected);
  }

  /** Redraws without touching the data (an overlay changed). */
  redraw(): void {
    this.sigma.refresh();
  }

  // ---- camera ----

  /** Centres the camera on a node. */
  reveal(id: string): void {
    this.cameraControl.reveal(id);
  }

  /** Fits the camera to the visible nodes (all nodes when nothing is filtered). */
  zoomToFit(animate = true): void {
    this.cameraControl.fit(animate);
  }

  /** Viewport coordinates of a node (for keyboard navigation and the context menu). */
  viewportOf(id: string): { x: number; y: number } {
    return this.cameraControl.viewportOf(id);
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
    return this.drawing.nodeColor(id);
  }

  get currentPalette(): Palette {
    return this.drawing.currentPalette;
  }
}
