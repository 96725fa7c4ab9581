/**
 * The graph: a graphology graph drawn by sigma (WebGL), laid out by ForceAtlas2 in a web worker.
 * A full graph is laid out once; a patch touches only the nodes and edges it names: new nodes are placed next to
 * their neighbours and every other node keeps its position.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import type { GraphData, GraphEdge, GraphNode, GraphPatch } from '../src/topology/protocol';
import { NodeDiamondProgram, NodeSquareProgram } from './shapes';
import type { Palette } from './theme';

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  type: string;
  data: GraphNode;
  fixed?: boolean;
}
interface EdgeAttrs {
  size: number;
  label: string;
  data: GraphEdge;
}

export interface GraphViewEvents {
  onSelect(nodeId: string | null): void;
  onContextMenu(target: { nodeId?: string; edgeId?: string }, x: number, y: number): void;
}

/** Beyond this many edges, sigma's edge picking costs more than it helps: edges are then reached from nodes. */
const EDGE_EVENTS_LIMIT = 1000;
/** Up to this many nodes, every label is drawn. */
const SMALL_GRAPH_LABELS = 300;

export class GraphView {
  readonly graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false });
  private readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private layout: FA2Layout | undefined;
  private layoutTimer: ReturnType<typeof setTimeout> | undefined;
  private layoutSync: ReturnType<typeof setInterval> | undefined;
  private layoutCopy: Graph<NodeAttrs, EdgeAttrs> | undefined;
  private visible: Set<string> | null = null;
  private selected: string | null = null;
  private neighbourhood: Set<string> | null = null;
  private marked = new Map<string, string>();
  private palette: Palette;
  private layoutListener: ((running: boolean) => void) | undefined;

  constructor(
    container: HTMLElement,
    palette: Palette,
    private readonly events: GraphViewEvents,
  ) {
    this.palette = palette;
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(this.graph, container, {
      allowInvalidContainer: true,
      defaultNodeType: 'circle',
      nodeProgramClasses: { circle: NodePointProgram, square: NodeSquareProgram, diamond: NodeDiamondProgram },
      // Point sprites and 1-pixel lines: measured three times faster than sigma's default disc and rectangle
      // programs under software WebGL (docs/BENCHMARKS.md), and they look the same at these sizes.
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram },
      renderEdgeLabels: true,
      enableEdgeEvents: true,
      labelRenderedSizeThreshold: 5,
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
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.sigma.setSetting('labelColor', { color: p.foreground });
    this.sigma.setSetting('edgeLabelColor', { color: p.foreground });
    this.sigma.refresh();
  }

  // ---- drawing ----

  private reduceNode(id: string, a: NodeAttrs): Partial<NodeAttrs> & { color: string; hidden?: boolean; highlighted?: boolean; zIndex?: number } {
    const hidden = this.visible !== null && !this.visible.has(id);
    const dim = this.neighbourhood !== null && !this.neighbourhood.has(id);
    const mark = this.marked.get(id);
    return {
      ...a,
      label: mark ? `${a.label} (${mark})` : a.label,
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
    const member = a.data.kind === 'member';
    return {
      ...a,
      // endpoint labels (IP addresses) only where they can be read: around the selection, or on small graphs
      label: a.data.kind === 'endpoint' && (this.graph.size < 100 || (this.selected !== null && (s === this.selected || t === this.selected))) ? a.label : '',
      color: dim ? this.palette.dimmed : member ? this.palette.edgeMember : this.palette.edge,
      size: member ? 0.5 : a.size,
      hidden,
    };
  }

  private drawHover(ctx: CanvasRenderingContext2D, d: { x: number; y: number; size: number; label: string | null }): void {
    if (!d.label) return;
    const size = 13;
    ctx.font = `${size}px sans-serif`;
    const w = ctx.measureText(d.label).width + 8;
    ctx.fillStyle = this.palette.background;
    ctx.strokeStyle = this.palette.selection;
    ctx.lineWidth = 1;
    ctx.fillRect(d.x + d.size + 2, d.y - size / 2 - 4, w, size + 8);
    ctx.strokeRect(d.x + d.size + 2, d.y - size / 2 - 4, w, size + 8);
    ctx.fillStyle = this.palette.foreground;
    ctx.fillText(d.label, d.x + d.size + 6, d.y + size / 3); // canvas text: engine strings are never markup
  }

  // ---- data ----

  private attrs(n: GraphNode, x: number, y: number): NodeAttrs {
    return { x, y, size: n.size, label: n.label, type: n.shape, data: n };
  }

  /** Replaces the data, keeping positions of nodes that stay; lays out only when most nodes are new. */
  setGraph(data: GraphData): void {
    const fresh = this.graph.order === 0;
    const keep = new Set(data.nodes.map((n) => n.id));
    const known = data.nodes.filter((n) => this.graph.hasNode(n.id)).length;
    this.graph.forEachNode((id) => {
      if (!keep.has(id)) this.graph.dropNode(id);
    });
    this.graph.clearEdges();
    const added = data.nodes.filter((n) => !this.graph.hasNode(n.id));
    for (const n of data.nodes) if (this.graph.hasNode(n.id)) this.graph.mergeNodeAttributes(n.id, { label: n.label, size: n.size, type: n.shape, data: n });
    this.seed(added, data.edges);
    for (const e of data.edges) this.addEdge(e);
    this.refreshNeighbourhood();
    if (fresh || known < data.nodes.length / 2) this.runLayout();
    else this.sigma.refresh();
  }

  /** Touches only what the patch names (drawing is scheduled). */
  applyPatch(p: GraphPatch): void {
    if (this.layout) {
      this.stopLayout(); // the worker's copy would not hold the patch: keep its positions so far, then patch
      this.zoomToFit(false);
    }
    for (const id of p.removeEdges) if (this.graph.hasEdge(id)) this.graph.dropEdge(id);
    for (const id of p.removeNodes) if (this.graph.hasNode(id)) this.graph.dropNode(id);
    for (const n of p.updateNodes) {
      if (this.graph.hasNode(n.id)) this.graph.mergeNodeAttributes(n.id, { label: n.label, size: n.size, type: n.shape, data: n });
      else p.addNodes.push(n);
    }
    this.seed(p.addNodes, [...p.addEdges, ...p.updateEdges]);
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
    this.graph.addEdgeWithKey(e.id, e.source, e.target, { size: e.kind === 'shared' ? 1.5 : 1, label: e.label, data: e });
  }

  /**
   * Positions for new nodes: next to a neighbour already placed (a new container beside its network, a port
   * beside its container), otherwise on a ring around the graph. Nothing else moves.
   */
  private seed(nodes: GraphNode[], edges: GraphEdge[]): void {
    if (!nodes.length) return;
    const neighbours = new Map<string, string[]>();
    const link = (a: string, b: string): void => {
      (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
    };
    for (const e of edges) {
      link(e.source, e.target);
      link(e.target, e.source);
    }
    const pending = new Map(nodes.map((n) => [n.id, n]));
    const { cx, cy, r } = this.extent();
    const networks = nodes.filter((n) => n.kind === 'network');
    networks.forEach((n, i) => {
      if (neighbours.get(n.id)?.some((m) => this.graph.hasNode(m))) return;
      const angle = (2 * Math.PI * i) / Math.max(1, networks.length);
      const radius = this.graph.order === 0 ? 10 * Math.sqrt(networks.length) : r * 1.1;
      this.graph.addNode(n.id, this.attrs(n, cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)));
      pending.delete(n.id);
    });
    // Place the rest in waves: each wave places nodes with a placed neighbour.
    for (let wave = 0; pending.size && wave < 4; wave++) {
      for (const n of [...pending.values()]) {
        const placed = (neighbours.get(n.id) ?? []).filter((m) => this.graph.hasNode(m));
        if (!placed.length && wave < 3) continue;
        let x = cx;
        let y = cy;
        if (placed.length) {
          x = 0;
          y = 0;
          for (const m of placed) {
            x += this.graph.getNodeAttribute(m, 'x');
            y += this.graph.getNodeAttribute(m, 'y');
          }
          x /= placed.length;
          y /= placed.length;
        }
        const spread = n.kind === 'port' ? 0.6 : 2 + Math.random() * 2;
        const a = Math.random() * 2 * Math.PI;
        this.graph.addNode(n.id, this.attrs(n, x + spread * Math.cos(a), y + spread * Math.sin(a)));
        pending.delete(n.id);
      }
    }
  }

  private extent(): { cx: number; cy: number; r: number } {
    if (this.graph.order === 0) return { cx: 0, cy: 0, r: 10 };
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    this.graph.forEachNode((_id, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, r: Math.max(10, (maxX - minX) / 2, (maxY - minY) / 2) };
  }

  /**
   * ForceAtlas2 in its web worker for a bounded time, then stop and freeze the frame so patches never move it.
   * The worker moves a copy of the graph; its positions reach the drawn graph four times a second, so the main
   * thread redraws a big graph at that rate instead of after every iteration.
   */
  private runLayout(): void {
    this.stopLayout();
    this.sigma.setCustomBBox(null);
    const settings = { ...inferSettings(this.graph), barnesHutOptimize: this.graph.order > 300, adjustSizes: false };
    const copy = this.graph.copy();
    this.layoutCopy = copy;
    this.layout = new FA2Layout(copy, { settings });
    this.layout.start();
    this.layoutListener?.(true);
    this.layoutSync = setInterval(() => this.takePositions(copy), 250);
    const ms = Math.min(6000, 1200 + this.graph.order);
    this.layoutTimer = setTimeout(() => {
      this.stopLayout();
      this.zoomToFit(false);
    }, ms);
  }

  private takePositions(from: Graph<NodeAttrs, EdgeAttrs>): void {
    this.graph.updateEachNodeAttributes(
      (id, a) => {
        if (from.hasNode(id)) {
          const p = from.getNodeAttributes(id);
          a.x = p.x;
          a.y = p.y;
        }
        return a;
      },
      { attributes: ['x', 'y'] },
    );
  }

  private stopLayout(): void {
    if (this.layoutTimer) clearTimeout(this.layoutTimer);
    if (this.layoutSync) clearInterval(this.layoutSync);
    this.layoutTimer = undefined;
    this.layoutSync = undefined;
    const wasRunning = this.layout !== undefined;
    this.layout?.kill();
    if (this.layoutCopy) this.takePositions(this.layoutCopy);
    this.layout = undefined;
    this.layoutCopy = undefined;
    if (wasRunning) this.layoutListener?.(false);
  }

  /** Calls back when the layout starts (true) and when it stops and the frame is fixed (false). */
  onLayout(listener: (running: boolean) => void): void {
    this.layoutListener = listener;
  }

  get layoutRunning(): boolean {
    return this.layout !== undefined;
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

  get selection(): string | null {
    return this.selected;
  }

  select(id: string | null, notify = true): void {
    this.selected = id && this.graph.hasNode(id) ? id : null;
    this.refreshNeighbourhood();
    this.sigma.refresh();
    if (notify) this.events.onSelect(this.selected);
  }

  /** Who the selection can talk to: a container's networks and their members; a network's members. */
  private refreshNeighbourhood(): void {
    const id = this.selected;
    if (!id || !this.graph.hasNode(id)) {
      this.neighbourhood = null;
      return;
    }
    const set = new Set<string>([id]);
    const kind = this.graph.getNodeAttribute(id, 'data').kind;
    for (const n of this.graph.neighbors(id)) {
      set.add(n);
      const nk = this.graph.getNodeAttribute(n, 'data').kind;
      if (kind === 'container' && nk === 'network') for (const m of this.graph.neighbors(n)) set.add(m);
      if (kind === 'network' && nk === 'container') for (const m of this.graph.neighbors(n)) if (this.graph.getNodeAttribute(m, 'data').kind === 'port') set.add(m);
    }
    this.neighbourhood = set;
  }

  /** Centres the camera on a node. */
  reveal(id: string): void {
    if (!this.graph.hasNode(id)) return;
    const pos = this.sigma.getNodeDisplayData(id);
    if (pos) void this.sigma.getCamera().animate({ x: pos.x, y: pos.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.5) }, { duration: 300 });
  }

  /** Fits the camera to the visible nodes (all nodes when nothing is filtered). */
  zoomToFit(animate = true): void {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    this.graph.forEachNode((id, a) => {
      if (this.visible && !this.visible.has(id)) return;
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    if (minX === Infinity) return;
    const pad = Math.max(1, (maxX - minX + maxY - minY) * 0.04);
    // Labels are drawn to the right of their node: leave room for the rightmost ones on that side.
    const labelRoom = Math.max(pad, (maxX - minX) * 0.18);
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
    // A small graph shows every label (a container's name is what the user looks for, and sigma draws an edge's
    // IP only when both ends are labelled); a big one keeps sigma's label grid (one label per cell, the largest
    // node's) and only nodes drawn large enough, so the canvas stays readable.
    const small = this.graph.order <= SMALL_GRAPH_LABELS;
    this.sigma.setSetting('labelRenderedSizeThreshold', small ? 0 : 5);
    this.sigma.setSetting('labelDensity', small ? SMALL_GRAPH_LABELS : 1);
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
