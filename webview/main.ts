/**
 * The topology panel's front end: toolbar, graph, details, plan overlay and list view, wired to the host through
 * the validated protocol. Runs in the webview under a strict CSP; every engine string is rendered as text.
 */
import {
  isHostMessage,
  isWebviewMessage,
  type GraphMode,
  type GraphNode,
  type HostMessage,
  type PathHighlight,
  type PlanOverlay,
  type WebviewMessage,
} from '../src/topology/protocol';
import { HostBridge } from './hostBridge';
import { GraphView } from './graphView';
import { onThemeChange, readPalette } from './theme';
import { button, dropdown, registerToolkit, textField } from './toolkit';
import { tr } from './l10n';
import { el } from './dom';
import { renderDetails } from './detailsPane';
import { ContextMenu } from './contextMenu';
import { renderList } from './listView';
import { computeVisible, filterOptions, NO_FILTER, type FilterState } from './filters';
import { exportPng, exportSvg } from './svgExport';
import { bindKeyboard } from './keyboard';
import { probing, report } from './testHook';
import { DrillDown } from './drillDown';
import { renderPlanPane } from './planPane';
import { ObservedControls } from './observedControls';

interface SavedState {
  filters: FilterState;
  listView: boolean;
  selected: string | null;
  /** Node positions per engine (the graph message's layoutKey), so a reload finds the drawing as it was. */
  positions?: Record<string, Record<string, [number, number]>>;
  /** The observed connections layer was on. */
  observed?: boolean;
}

/** Positions are kept for graphs up to this size (the webview state stays small) and for this many engines. */
const KEEP_POSITIONS_MAX_NODES = 3000;
const KEEP_POSITIONS_ENGINES = 3;

const isSavedState = (v: unknown): v is SavedState =>
  typeof v === 'object' && v !== null && 'filters' in v && typeof (v as SavedState).listView === 'boolean';

registerToolkit();
const bridge = new HostBridge<HostMessage, WebviewMessage>(isHostMessage, isWebviewMessage);
const saved = bridge.getState(isSavedState);
const filters: FilterState = { ...NO_FILTER, ...(saved?.filters ?? {}) };
let listView = saved?.listView ?? false;
let positions = saved?.positions ?? {};
let layoutKey: string | undefined;

const app = document.getElementById('app') ?? document.body.appendChild(el('div', { attrs: { id: 'app' } }));
const status = el('div', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
const notice = el('div', { className: 'notice', attrs: { role: 'alert', hidden: '' } });
const graphHost = el('div', {
  className: 'graph',
  attrs: {
    id: 'graph',
    tabindex: '0',
    role: 'application',
    'aria-roledescription': tr('network graph'),
    'aria-label': tr(
      'Topology graph. Arrow keys move between nodes, Enter centres (on a network of the networks-only graph, shows its containers; Escape goes back), F fits all, Shift+F10 opens actions, L switches to the list view.',
    ),
  },
});
const details = el('aside', {
  className: 'details',
  attrs: { 'aria-label': tr('Details of the selection'), 'aria-live': 'polite' },
});
const plan = el('section', {
  className: 'plan',
  attrs: { 'aria-label': tr('Compose file against the engine'), hidden: '' },
});
const list = el('div', { className: 'list', attrs: { hidden: '' } });
const live = el('div', { className: 'sr-only', attrs: { 'aria-live': 'assertive' } });

const view = new GraphView(graphHost, readPalette(), {
  onSelect: (id) => {
    renderDetails(details, id ? view.graph.getNodeAttribute(id, 'data') : undefined);
    if (id) live.textContent = view.graph.getNodeAttribute(id, 'data').label;
    bridge.post({ type: 'selection', nodeId: id });
    save();
  },
  onContextMenu: (target, x, y) => openMenu(target, x, y),
  onOpen: (id) => openNetwork(id),
});
const drill = new DrillDown((m) => bridge.post(m));
const observed = new ObservedControls(view, app, {
  onToggle: (on) => {
    bridge.post({ type: 'observedLayer', on });
    save();
  },
  onRefresh: () => bridge.post({ type: 'observedRefresh' }),
});
const menu = new ContextMenu(app, (action, targetId) => bridge.post({ type: 'action', action, targetId }));

// ---- toolbar (toolkit controls) ----
const search = textField(tr('Search by name'), tr('Search nodes by name'), (v) => {
  filters.text = v;
  applyFilters();
});
const driverDd = dropdown(tr('Filter by driver'), (v) => {
  filters.driver = v;
  applyFilters(true);
});
const networkDd = dropdown(tr('Filter by network'), (v) => {
  filters.network = v;
  applyFilters(true);
});
const projectDd = dropdown(tr('Filter by compose project'), (v) => {
  filters.project = v;
  applyFilters(true);
});
const toolbar = el(
  'div',
  { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': tr('Topology tools') } },
  search.element,
  driverDd.element,
  networkDd.element,
  projectDd.element,
  button(tr('Fit'), tr('Zoom to fit'), () => view.zoomToFit()),
  button(tr('List'), tr('Switch between the graph and the list view'), () => toggleList()),
  button(tr('Mermaid'), tr('Copy as Mermaid'), () =>
    bridge.post({ type: 'copyMermaid', visibleNodeIds: visibleIds() }),
  ),
  observed.toggle,
  observed.refresh,
);
const side = el('div', { className: 'side' }, details, observed.section, plan);
const body = el('div', { className: 'body' }, graphHost, list, side);
app.append(toolbar, status, drill.element, notice, body, live);
renderDetails(details, undefined);
search.setValue(filters.text);

function save(): void {
  // a drilled-into network's drawing is not kept: the overview's is (the way back and the next session find it)
  if (layoutKey && !drill.current && !view.layoutRunning && view.graph.order <= KEEP_POSITIONS_MAX_NODES) {
    const others = Object.entries(positions)
      .filter(([k]) => k !== layoutKey)
      .slice(-(KEEP_POSITIONS_ENGINES - 1));
    positions = { ...Object.fromEntries(others), [layoutKey]: view.positions() };
  }
  const state = { filters, listView, selected: view.selection, positions, observed: observed.isOn };
  bridge.setState(state satisfies SavedState);
}

function visibleIds(): string[] {
  return view.graph.filterNodes((id) => view.isVisible(id));
}

/** refit: a picked driver, network or project shows a part of the graph that may lie off screen. */
function applyFilters(refit = false): void {
  view.setVisible(computeVisible(view.graph, filters));
  if (refit) view.zoomToFit();
  app.dataset.visible = String(visibleIds().length);
  if (listView) showList();
  save();
}

function refreshOptions(): void {
  const o = filterOptions(view.graph);
  driverDd.setOptions([{ value: '', label: tr('All drivers') }, ...o.drivers.map((d) => ({ value: d, label: d }))]);
  networkDd.setOptions([
    { value: '', label: tr('All networks') },
    ...o.networks.map((n) => ({ value: n.id, label: n.label })),
  ]);
  projectDd.setOptions([{ value: '', label: tr('All projects') }, ...o.projects.map((p) => ({ value: p, label: p }))]);
  driverDd.setValue(filters.driver);
  networkDd.setValue(filters.network);
  projectDd.setValue(filters.project);
}

function showList(): void {
  const nodes = view.graph.filterNodes((id) => view.isVisible(id)).map((id) => view.graph.getNodeAttribute(id, 'data'));
  renderList(list, nodes, (id) => view.select(id), undefined, taskContainers);
}

/** The containers a service node is joined to by task edges, as drawn. */
function taskContainers(serviceId: string): string[] {
  if (!view.graph.hasNode(serviceId)) return [];
  return view.graph
    .filterEdges(serviceId, (_edge, attrs) => attrs.data.kind === 'task')
    .map((edge) => view.graph.getNodeAttribute(view.graph.opposite(serviceId, edge), 'data').label);
}

function toggleList(force?: boolean): void {
  listView = force ?? !listView;
  list.hidden = !listView;
  graphHost.hidden = listView;
  if (listView) showList();
  else {
    list.replaceChildren();
    view.resize();
  }
  save();
}

/** A network of the networks-only graph opens into its containers; false for any other node. */
function openNetwork(id: string): boolean {
  const node = view.graph.hasNode(id) ? view.graph.getNodeAttribute(id, 'data') : undefined;
  if (!drill.canOpen(app.dataset.mode as GraphMode, node)) return false;
  drill.open(id, view.positions());
  return true;
}

function openMenu(target: { nodeId?: string; edgeId?: string }, x: number, y: number): void {
  const r = graphHost.getBoundingClientRect();
  if (target.nodeId) {
    const id = target.nodeId;
    const node: GraphNode = view.graph.getNodeAttribute(id, 'data');
    const local = drill.canOpen(app.dataset.mode as GraphMode, node)
      ? [{ id: 'drillDown', label: tr('Show Containers'), run: () => void openNetwork(id) }]
      : [];
    menu.open({ targetId: id, node }, r.left + x, r.top + y, node.label, local);
  } else if (target.edgeId?.startsWith('e:')) {
    const [s, t] = view.graph.extremities(target.edgeId);
    const title = tr(
      '{0} on {1}',
      view.graph.getNodeAttribute(s, 'data').label,
      view.graph.getNodeAttribute(t, 'data').label,
    );
    menu.open({ targetId: target.edgeId }, r.left + x, r.top + y, title);
  }
}

function updateCounts(): void {
  app.dataset.nodes = String(view.graph.order);
  app.dataset.networkNodes = String(view.graph.filterNodes((_id, a) => a.data.kind === 'network').length);
  app.dataset.containerNodes = String(view.graph.filterNodes((_id, a) => a.data.kind === 'container').length);
  app.dataset.edges = String(view.graph.size);
  app.dataset.visible = String(visibleIds().length);
}

function showNotice(text: string | undefined): void {
  notice.hidden = !text;
  notice.textContent = text ?? '';
}

/** Marks from the compose plan and from a connectivity check's path, shown together. */
let planMarks = new Map<string, string>();
let pathMarks = new Map<string, string>();
const applyMarks = (): void => view.setMarks(new Map([...planMarks, ...pathMarks]));

function renderPath(path: PathHighlight | null): void {
  pathMarks = new Map((path?.marks ?? []).map((m) => [m.nodeId, m.label]));
  applyMarks();
  const first = path?.marks.find((m) => view.graph.hasNode(m.nodeId));
  if (first) focusNode(first.nodeId);
}

function renderPlan(overlay: PlanOverlay | null): void {
  planMarks = renderPlanPane(plan, overlay, (id) => {
    view.select(id);
    view.reveal(id);
  });
  applyMarks();
}

/**
 * Nodes a patch brought into the filtered view (a container connected to the network shown) are placed beside what
 * is shown, clear of it, and the view fits to take them in.
 */
function bringIntoView(shown: string[]): void {
  if (!shown.length || view.layoutRunning) return;
  view.placeBesideVisible(shown);
  view.zoomToFit();
}

/** Reveals a node once the initial layout has settled (earlier, the layout would move it away again). */
function focusNode(id: string): void {
  view.select(id);
  const tryReveal = (): void => {
    if (view.layoutRunning) setTimeout(tryReveal, 200);
    else view.reveal(id);
  };
  tryReveal();
}

async function handle(m: HostMessage): Promise<void> {
  switch (m.type) {
    case 'graph': {
      const t0 = performance.now();
      layoutKey = m.layoutKey;
      const cameFrom = drill.current;
      const overview = drill.shown(m.scope);
      const stored = (layoutKey && positions[layoutKey]) || {};
      if (m.scope || overview) view.clear(); // into or out of a network: no node keeps the other drawing's place
      view.setGraph(m.graph, m.scope ? {} : overview ? { ...stored, ...overview } : stored);
      view.tuneForSize();
      app.dataset.mode = m.graph.mode;
      showNotice(m.notice);
      const t1 = performance.now();
      if (filters.network && !view.graph.hasNode(filters.network)) filters.network = ''; // e.g. after a drill-down
      refreshOptions();
      if (probing) report({ name: 'graph', setGraphMs: t1 - t0, optionsMs: performance.now() - t1 });
      applyFilters();
      const reselect = cameFrom && !m.scope ? cameFrom : saved?.selected; // back: the network just left
      if (reselect && view.graph.hasNode(reselect)) view.select(reselect);
      updateCounts();
      toggleList(listView);
      observed.graphChanged();
      break;
    }
    case 'patch': {
      const t0 = performance.now();
      const filtered = !!(filters.text || filters.driver || filters.network || filters.project);
      const shownBefore = new Set(filtered ? visibleIds() : []);
      view.applyPatch(m.patch);
      if (probing) report({ name: 'patch', applyMs: performance.now() - t0 });
      app.dataset.mode = m.patch.mode;
      // how many live changes arrived as patches (not as a new graph): state the e2e suite reads from outside
      app.dataset.patches = String(Number(app.dataset.patches ?? '0') + 1);
      showNotice(m.notice);
      if (m.patch.addNodes.length || m.patch.removeNodes.length) refreshOptions();
      if (filtered) applyFilters();
      else if (listView) showList();
      if (filtered) bringIntoView(visibleIds().filter((id) => !shownBefore.has(id)));
      const sel = view.selection;
      if (sel) renderDetails(details, view.graph.getNodeAttribute(sel, 'data'));
      else renderDetails(details, undefined);
      updateCounts();
      observed.graphChanged();
      save(); // new nodes' positions
      break;
    }
    case 'focus':
      focusNode(m.nodeId);
      break;
    case 'plan':
      renderPlan(m.overlay);
      break;
    case 'path':
      renderPath(m.path);
      break;
    case 'observed':
      // how many readings arrived (accepted or not): state the e2e suite reads to see the host stop polling
      app.dataset.observedReadings = String(Number(app.dataset.observedReadings ?? '0') + 1);
      observed.show(m.layer);
      break;
    case 'engine':
      status.textContent = m.message;
      status.dataset.state = m.state;
      break;
    case 'exportRequest':
      try {
        const data = m.format === 'svg' ? exportSvg(view, observed.shown).svg : await exportPng(view, observed.shown);
        bridge.post({ type: 'exportResult', requestId: m.requestId, format: m.format, data });
      } catch (err) {
        bridge.post({
          type: 'exportFailed',
          requestId: m.requestId,
          message: err instanceof Error ? err.message : String(err),
        });
      }
      break;
  }
}

bridge.listen((m) => {
  handle(m).catch((err: unknown) =>
    bridge.post({ type: 'problem', message: `handling ${m.type} failed: ${String(err)}` }),
  );
});

app.dataset.layout = 'idle';
bindKeyboard(graphHost, list, view, {
  candidates: visibleIds,
  toggleList,
  openMenu: (nodeId, x, y) => openMenu({ nodeId }, x, y),
  open: openNetwork,
  back: () => drill.back(),
});
if (probing) view.onRender((ms) => report({ name: 'render', ms }));
view.onLayout((running) => {
  // state, not timing: tests and assistive technology read when the graph has settled
  app.dataset.layout = running ? 'running' : 'done';
  if (!running) save(); // the drawing as laid out, for the next session
  graphHost.setAttribute('aria-busy', String(running));
  if (probing) report({ name: 'layout', running });
});
onThemeChange(() => view.setPalette(readPalette()));
new ResizeObserver(() => view.resize()).observe(graphHost);
window.addEventListener('error', (e) => bridge.post({ type: 'problem', message: String(e.message) }));
window.addEventListener('unhandledrejection', (e) => bridge.post({ type: 'problem', message: String(e.reason) }));
bridge.post({ type: 'ready' });
if (saved?.observed) observed.setOn(true); // the layer as it was: the host reads again
