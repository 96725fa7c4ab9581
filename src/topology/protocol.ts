/**
 * The typed messages between the topology panel's host (src/topology/) and its webview (webview/), with runtime
 * validators used on BOTH sides: a message that does not match is dropped and reported, never acted on.
 * Imports only the generic webview protocol helpers: the webview bundle includes both files as they are.
 * Every union below is derived from its value array, so the validators and the types cannot drift apart.
 */
import {
  describeRejected,
  isArrOf,
  isNum,
  isObj,
  isOptStr,
  isStr,
  oneOf,
  type ReadyMessage,
} from '../webviewHost/protocol';

export const NODE_KINDS = ['network', 'container', 'port', 'service'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const NODE_SHAPES = ['circle', 'square', 'diamond', 'hexagon'] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];
/** A colour role: the webview maps it to a theme colour (CSS variable), so the graph follows the theme. */
export const COLOR_ROLES = [
  'bridge',
  'overlay',
  'macvlan',
  'host',
  'none',
  'internal',
  'otherDriver',
  'running',
  'stopped',
  'port',
  'portAll',
  'project',
  'service',
] as const;
export type ColorRole = (typeof COLOR_ROLES)[number];
export const EDGE_KINDS = ['endpoint', 'publish', 'shared', 'task'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];
/** full: everything; aggregate: networks only (large engines); network: one network's endpoints (drilled into). */
export const GRAPH_MODES = ['full', 'aggregate', 'network'] as const;
export type GraphMode = (typeof GRAPH_MODES)[number];
export const PLAN_STATUSES = ['ok', 'missing', 'undeclared', 'different'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_ITEM_KINDS = ['network', 'service'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];
export const EXPORT_FORMATS = ['svg', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const NODE_ACTIONS = ['disconnect', 'connect', 'inspect', 'reveal', 'checkConnectivity'] as const;
export type NodeAction = (typeof NODE_ACTIONS)[number];
export const ENGINE_STATES = ['connecting', 'connected', 'unreachable'] as const;
export type EngineState = (typeof ENGINE_STATES)[number];
/** An observed connection's state: established, a failed attempt (SYN_SENT, no answer), or closing. */
export const OBSERVED_STATES = ['established', 'attempt', 'closing'] as const;
export type ObservedState = (typeof OBSERVED_STATES)[number];
/** A peer without a node of its own in the graph: the host (a gateway address) or an address outside. */
export const OBSERVED_PEER_KINDS = ['host', 'outside'] as const;
export type ObservedPeerKind = (typeof OBSERVED_PEER_KINDS)[number];

export interface DetailRow {
  label: string;
  value: string;
}

export interface GraphNode {
  /** n:<networkId>, c:<containerId>, p:<containerId>:<hostIp>:<hostPort>:<port>/<proto>, v:<serviceId>. */
  id: string;
  kind: NodeKind;
  label: string;
  shape: NodeShape;
  role: ColorRole;
  size: number;
  /** For filters: driver of a network; compose project of a network or container (drawn as a frame around its members); networks of a container. */
  driver?: string;
  scope?: string;
  project?: string;
  networks?: string[];
  /** Engine-supplied details, shown as text in the details pane. */
  details: DetailRow[];
}

export interface GraphEdge {
  /** e:<networkId>/<containerId> for endpoints. */
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label: string;
}

export interface GraphCounts {
  networks: number;
  containers: number;
  endpoints: number;
}

/** The network a drilled-down graph shows (mode 'network'): its node id and name, for the breadcrumb. */
export interface DrillScope {
  nodeId: string;
  label: string;
}

export interface GraphData {
  mode: GraphMode;
  counts: GraphCounts;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** What changed between two graphs: only these nodes and edges are touched in the webview. */
export interface GraphPatch {
  mode: GraphMode;
  counts: GraphCounts;
  addNodes: GraphNode[];
  updateNodes: GraphNode[];
  removeNodes: string[];
  addEdges: GraphEdge[];
  updateEdges: GraphEdge[];
  removeEdges: string[];
}

export interface PlanItem {
  kind: PlanItemKind;
  name: string;
  status: PlanStatus;
  /** Graph node id when the item runs, so the webview can mark it. */
  nodeId?: string;
  detail: string;
}

export interface PlanOverlay {
  file: string;
  project: string;
  items: PlanItem[];
}

/** A connectivity check's path in the graph: each node on it (source, networks, target) with a short label. */
export interface PathMark {
  nodeId: string;
  label: string;
}

export interface PathHighlight {
  marks: PathMark[];
}

/** A peer of an observed connection that is not a container: drawn as a small marker beside its container. */
export interface ObservedPeer {
  /** o:host:<address> or o:outside:<address>. */
  id: string;
  kind: ObservedPeerKind;
  label: string;
}

/** One directed edge of the observed connections layer, from the client to the server. */
export interface ObservedEdge {
  id: string;
  /** A container node id (c:<id>) or an ObservedPeer id. */
  source: string;
  target: string;
  port: number;
  count: number;
  state: ObservedState;
  /** Drawn beside the arrow: the port and the count (and "failed attempt" for an unanswered SYN). */
  label: string;
  /** The whole sentence, for the list beside the graph: client, server, port, state, count. */
  text: string;
}

/** The observed connections layer: what the socket tables said at `at` (epoch ms), and what could not be read. */
export interface ObservedLayer {
  at: number;
  peers: ObservedPeer[];
  edges: ObservedEdge[];
  /** Containers that could not be read, why, or a failure of the whole read: shown as text above the list. */
  notes: string[];
}

export type HostMessage =
  /** layoutKey: the engine's endpoint, under which the webview keeps this graph's positions across reloads. */
  /** scope: set when the graph is one network's endpoints (drilled down from the networks-only graph). */
  | { type: 'graph'; graph: GraphData; notice?: string; layoutKey?: string; scope?: DrillScope }
  | { type: 'patch'; patch: GraphPatch; notice?: string }
  | { type: 'focus'; nodeId: string }
  | { type: 'plan'; overlay: PlanOverlay | null }
  | { type: 'engine'; state: EngineState; message: string }
  | { type: 'exportRequest'; requestId: number; format: ExportFormat }
  | { type: 'path'; path: PathHighlight | null }
  /** The observed connections layer, after each read while it is on (a failed read: no edges, `notes` say why). */
  | { type: 'observed'; layer: ObservedLayer };

export type WebviewMessage =
  | ReadyMessage
  | { type: 'action'; action: NodeAction; targetId: string }
  | { type: 'exportResult'; requestId: number; format: ExportFormat; data: string }
  | { type: 'exportFailed'; requestId: number; message: string }
  | { type: 'copyMermaid'; visibleNodeIds: string[] }
  | { type: 'selection'; nodeId: string | null }
  /** From the networks-only graph: show this network's containers (nodeId n:<networkId>); drillUp goes back. */
  | { type: 'drillDown'; nodeId: string }
  | { type: 'drillUp' }
  /** The observed connections layer toggled (the host reads only while it is on and the panel is visible). */
  | { type: 'observedLayer'; on: boolean }
  | { type: 'observedRefresh' }
  | { type: 'problem'; message: string };

// ---- validators: small structural checks, strict about types, tolerant of nothing unknown at the top level ----

const isDetailRow = (v: unknown): v is DetailRow => isObj(v) && isStr(v.label) && isStr(v.value);

export function isGraphNode(v: unknown): v is GraphNode {
  return (
    isObj(v) &&
    isStr(v.id) &&
    oneOf(NODE_KINDS)(v.kind) &&
    isStr(v.label) &&
    oneOf(NODE_SHAPES)(v.shape) &&
    oneOf(COLOR_ROLES)(v.role) &&
    isNum(v.size) &&
    isOptStr(v.driver) &&
    isOptStr(v.scope) &&
    isOptStr(v.project) &&
    (v.networks === undefined || isArrOf(v.networks, isStr)) &&
    isArrOf(v.details, isDetailRow)
  );
}

export function isGraphEdge(v: unknown): v is GraphEdge {
  return isObj(v) && isStr(v.id) && oneOf(EDGE_KINDS)(v.kind) && isStr(v.source) && isStr(v.target) && isStr(v.label);
}

const isCounts = (v: unknown): v is GraphCounts =>
  isObj(v) && isNum(v.networks) && isNum(v.containers) && isNum(v.endpoints);

export function isGraphData(v: unknown): v is GraphData {
  return (
    isObj(v) &&
    oneOf(GRAPH_MODES)(v.mode) &&
    isCounts(v.counts) &&
    isArrOf(v.nodes, isGraphNode) &&
    isArrOf(v.edges, isGraphEdge)
  );
}

export function isGraphPatch(v: unknown): v is GraphPatch {
  return (
    isObj(v) &&
    oneOf(GRAPH_MODES)(v.mode) &&
    isCounts(v.counts) &&
    isArrOf(v.addNodes, isGraphNode) &&
    isArrOf(v.updateNodes, isGraphNode) &&
    isArrOf(v.removeNodes, isStr) &&
    isArrOf(v.addEdges, isGraphEdge) &&
    isArrOf(v.updateEdges, isGraphEdge) &&
    isArrOf(v.removeEdges, isStr)
  );
}

const isPlanItem = (v: unknown): v is PlanItem =>
  isObj(v) &&
  oneOf(PLAN_ITEM_KINDS)(v.kind) &&
  isStr(v.name) &&
  oneOf(PLAN_STATUSES)(v.status) &&
  isOptStr(v.nodeId) &&
  isStr(v.detail);

const isPathMark = (v: unknown): v is PathMark => isObj(v) && isStr(v.nodeId) && isStr(v.label);

const isDrillScope = (v: unknown): v is DrillScope => isObj(v) && isStr(v.nodeId) && isStr(v.label);

const isPlanOverlay = (v: unknown): v is PlanOverlay =>
  isObj(v) && isStr(v.file) && isStr(v.project) && isArrOf(v.items, isPlanItem);

const isObservedPeer = (v: unknown): v is ObservedPeer =>
  isObj(v) && isStr(v.id) && oneOf(OBSERVED_PEER_KINDS)(v.kind) && isStr(v.label);

const isObservedEdge = (v: unknown): v is ObservedEdge =>
  isObj(v) &&
  isStr(v.id) &&
  isStr(v.source) &&
  isStr(v.target) &&
  isNum(v.port) &&
  isNum(v.count) &&
  oneOf(OBSERVED_STATES)(v.state) &&
  isStr(v.label) &&
  isStr(v.text);

export const isObservedLayer = (v: unknown): v is ObservedLayer =>
  isObj(v) &&
  isNum(v.at) &&
  isArrOf(v.peers, isObservedPeer) &&
  isArrOf(v.edges, isObservedEdge) &&
  isArrOf(v.notes, isStr);

export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'graph':
      return (
        isGraphData(v.graph) &&
        isOptStr(v.notice) &&
        isOptStr(v.layoutKey) &&
        (v.scope === undefined || isDrillScope(v.scope))
      );
    case 'patch':
      return isGraphPatch(v.patch) && isOptStr(v.notice);
    case 'focus':
      return isStr(v.nodeId);
    case 'plan':
      return v.overlay === null || isPlanOverlay(v.overlay);
    case 'engine':
      return oneOf(ENGINE_STATES)(v.state) && isStr(v.message);
    case 'exportRequest':
      return isNum(v.requestId) && oneOf(EXPORT_FORMATS)(v.format);
    case 'path':
      return v.path === null || (isObj(v.path) && isArrOf(v.path.marks, isPathMark));
    case 'observed':
      return isObservedLayer(v.layer);
    default:
      return false;
  }
}

/** The largest export the host accepts (a PNG of a big graph as a data URL stays well below this). */
export const MAX_EXPORT_CHARS = 64 * 1024 * 1024;

export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'ready':
      return true;
    case 'action':
      return oneOf(NODE_ACTIONS)(v.action) && isStr(v.targetId);
    case 'exportResult':
      return (
        isNum(v.requestId) && oneOf(EXPORT_FORMATS)(v.format) && isStr(v.data) && v.data.length <= MAX_EXPORT_CHARS
      );
    case 'exportFailed':
      return isNum(v.requestId) && isStr(v.message);
    case 'copyMermaid':
      return isArrOf(v.visibleNodeIds, isStr);
    case 'selection':
      return v.nodeId === null || isStr(v.nodeId);
    case 'problem':
      return isStr(v.message);
    case 'drillDown':
      return isStr(v.nodeId) && v.nodeId.startsWith('n:');
    case 'drillUp':
      return true;
    case 'observedLayer':
      return typeof v.on === 'boolean';
    case 'observedRefresh':
      return true;
    default:
      return false;
  }
}

export { describeRejected };
