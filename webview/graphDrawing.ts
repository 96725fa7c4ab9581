/**
 * How the graph looks: sigma (WebGL) built with our node and edge programs and reducers, the colours by role (dimmed
 * outside the selection's neighbourhood, hidden outside the filter), the compose frames under the graph, and the
 * labels placed after every frame (no overlap, nothing cut; see labels.ts), the hovered node's name in a box.
 * Reads the view state (selection, filter, marks, hover) when sigma draws; it never changes it.
 */
import Sigma from 'sigma';
import type Graph from 'graphology';
import { EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import { tr } from './l10n';
import { NodeDiamondProgram, NodeHexagonProgram, NodeSquareProgram } from './shapes';
import type { Palette } from './theme';
import { drawHoverLabel, LabelLayer, type HoverData } from './labelLayer';
import { GroupLayer } from './groupLayer';
import { ObservedOverlay } from './observedOverlay';
import { probing, report } from './testHook';
import type { EdgeAttrs, NodeAttrs, ViewState } from './graphTypes';

type G = Graph<NodeAttrs, EdgeAttrs>;

export class GraphDrawing {
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private readonly labels: LabelLayer;
  private readonly groups: GroupLayer;
  /** The observed connections layer (main.ts feeds it; drawn with every frame). */
  readonly observed: ObservedOverlay;

  constructor(
    container: HTMLElement,
    private readonly graph: G,
    private readonly state: ViewState,
    private palette: Palette,
  ) {
    this.sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
      allowInvalidContainer: true,
      defaultNodeType: 'circle',
      nodeProgramClasses: {
        circle: NodePointProgram,
        square: NodeSquareProgram,
        diamond: NodeDiamondProgram,
        hexagon: NodeHexagonProgram,
      },
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
    this.labels = new LabelLayer(this.sigma, graph);
    this.observed = new ObservedOverlay(container, this.sigma, graph);
    this.groups = new GroupLayer(container, this.sigma, graph);
    this.sigma.on('afterRender', () => this.drawLabels());
  }

  get currentPalette(): Palette {
    return this.palette;
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.sigma.setSetting('labelColor', { color: p.foreground });
    this.sigma.setSetting('edgeLabelColor', { color: p.foreground });
    this.sigma.refresh();
  }

  nodeColor(id: string): string {
    return this.palette.roles[this.graph.getNodeAttribute(id, 'data').role];
  }

  /** The selection and the hovered node or edge, with their edges: their labels are drawn first. */
  private drawLabels(): void {
    const frames = this.groups.draw(this.palette.roles.project);
    const late = this.observed.draw(this.palette);
    const moving = this.sigma.getCamera().isAnimated() || this.sigma.getMouseCaptor().isMoving;
    if (moving && this.sigma.getSetting('hideLabelsOnMove')) return;
    const focusNodes = new Set<string>();
    const focusEdges = new Set<string>();
    for (const id of [this.state.selected, this.state.hoveredNode]) {
      if (!id || !this.graph.hasNode(id)) continue;
      focusNodes.add(id);
      this.graph.forEachEdge(id, (e) => void focusEdges.add(e));
    }
    const hoveredEdge = this.state.hoveredEdge;
    if (hoveredEdge && this.graph.hasEdge(hoveredEdge)) focusEdges.add(hoveredEdge);
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
    const mark = this.state.marked.get(id);
    return mark ? `${a.label} (${mark})` : a.label;
  }

  private reduceNode(
    id: string,
    a: NodeAttrs,
  ): Partial<NodeAttrs> & { color: string; hidden?: boolean; highlighted?: boolean; zIndex?: number } {
    const { visible, neighbourhood, selected } = this.state;
    const hidden = visible !== null && !visible.has(id);
    const dim = neighbourhood !== null && !neighbourhood.has(id);
    const mark = this.state.marked.get(id);
    return {
      ...a,
      color: dim ? this.palette.dimmed : this.palette.roles[a.data.role],
      hidden,
      highlighted: id === selected || mark !== undefined,
      zIndex: id === selected ? 2 : a.data.kind === 'network' ? 1 : 0,
    };
  }

  private reduceEdge(id: string, a: EdgeAttrs): Partial<EdgeAttrs> & { color: string; hidden?: boolean } {
    const [s, t] = this.graph.extremities(id);
    const { visible, neighbourhood } = this.state;
    const hidden = visible !== null && (!visible.has(s) || !visible.has(t));
    const dim = neighbourhood !== null && (!neighbourhood.has(s) || !neighbourhood.has(t));
    return { ...a, color: dim ? this.palette.dimmed : this.palette.edge, hidden };
  }

  /** The hovered node's full name in a box (a label the placement had to hide is readable this way). */
  private drawHover(ctx: CanvasRenderingContext2D, d: HoverData): void {
    if (d.label && d.key === this.state.hoveredNode) drawHoverLabel(ctx, d, this.palette); // the selection's is placed
  }
}
