/**
 * The typed messages between the topology panel's host (src/topology/) and its webview (webview/), with runtime
 * validators used on BOTH sides: a message that does not match is dropped and reported, never acted on.
 * No imports: the webview bundle includes this file as is.
 */

export type NodeKind = 'network' | 'container' | 'port' | 'project';
export type NodeShape = 'circle' | 'square' | 'diamond';
/** A colour role: the webview maps it to a theme colour (CSS variable), so the graph follows the theme. */
export type ColorRole =
  | 'bridge'
  | 'overlay'
  | 'macvlan'
  | 'host'
  | 'none'
  | 'internal'
  | 'otherDriver'
  | 'running'
  | 'stopped'
  | 'port'
  | 'portAll'
  | 'project';
export type EdgeKind = 'endpoint' | 'publish' | 'member' | 'shared';

export interface DetailRow {
  label: string;
  value: string;
}

export interface GraphNode {
  /** n:<networkId>, c:<containerId>, p:<containerId>:<hostIp>:<hostPort>:<port>/<proto>, g:<project>. */
  id: string;
  kind: NodeKind;
  label: string;
  shape: NodeShape;
  role: ColorRole;
  size: number;
  /** For filters: driver of a network; project of a network, container or group; networks of a container. */
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

export type GraphMode = 'full' | 'aggregate';

export interface GraphCounts {
  networks: number;
  containers: number;
  endpoints: number;
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

export type PlanStatus = 'ok' | 'missing' | 'undeclared' | 'different';

export interface PlanItem {
  kind: 'network' | 'service';
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

export type ExportFormat = 'svg' | 'png';
export type NodeAction = 'disconnect' | 'connect' | 'inspect' | 'reveal';

export type HostMessage =
  | { type: 'graph'; graph: GraphData; notice?: string }
  | { type: 'patch'; patch: GraphPatch; notice?: string }
  | { type: 'focus'; nodeId: string }
  | { type: 'plan'; overlay: PlanOverlay | null }
  | { type: 'engine'; state: 'connecting' | 'connected' | 'unreachable'; message: string }
  | { type: 'exportRequest'; requestId: number; format: ExportFormat };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'action'; action: NodeAction; targetId: string }
  | { type: 'exportResult'; requestId: number; format: ExportFormat; data: string }
  | { type: 'exportFailed'; requestId: number; message: string }
  | { type: 'copyMermaid'; visibleNodeIds: string[] }
  | { type: 'selection'; nodeId: string | null }
  | { type: 'problem'; message: string };

// ---- validators: small structural checks, strict about types, tolerant of nothing unknown at the top level ----

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isOptStr = (v: unknown): boolean => v === undefined || isStr(v);
const isArrOf = <T>(v: unknown, f: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(f);
const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => isStr(v) && (values as readonly string[]).includes(v);

const NODE_KINDS = ['network', 'container', 'port', 'project'] as const;
const SHAPES = ['circle', 'square', 'diamond'] as const;
export const COLOR_ROLES = [
  'bridge', 'overlay', 'macvlan', 'host', 'none', 'internal', 'otherDriver', 'running', 'stopped', 'port', 'portAll', 'project',
] as const;
const EDGE_KINDS = ['endpoint', 'publish', 'member', 'shared'] as const;
const MODES = ['full', 'aggregate'] as const;
const FORMATS = ['svg', 'png'] as const;
const ACTIONS = ['disconnect', 'connect', 'inspect', 'reveal'] as const;
const PLAN_STATUSES = ['ok', 'missing', 'undeclared', 'different'] as const;
const ENGINE_STATES = ['connecting', 'connected', 'unreachable'] as const;

const isDetailRow = (v: unknown): v is DetailRow => isObj(v) && isStr(v.label) && isStr(v.value);

export function isGraphNode(v: unknown): v is GraphNode {
  return (
    isObj(v) &&
    isStr(v.id) &&
    oneOf(NODE_KINDS)(v.kind) &&
    isStr(v.label) &&
    oneOf(SHAPES)(v.shape) &&
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

const isCounts = (v: unknown): v is GraphCounts => isObj(v) && isNum(v.networks) && isNum(v.containers) && isNum(v.endpoints);

export function isGraphData(v: unknown): v is GraphData {
  return isObj(v) && oneOf(MODES)(v.mode) && isCounts(v.counts) && isArrOf(v.nodes, isGraphNode) && isArrOf(v.edges, isGraphEdge);
}

export function isGraphPatch(v: unknown): v is GraphPatch {
  return (
    isObj(v) &&
    oneOf(MODES)(v.mode) &&
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
  (v.kind === 'network' || v.kind === 'service') &&
  isStr(v.name) &&
  oneOf(PLAN_STATUSES)(v.status) &&
  isOptStr(v.nodeId) &&
  isStr(v.detail);

const isPlanOverlay = (v: unknown): v is PlanOverlay => isObj(v) && isStr(v.file) && isStr(v.project) && isArrOf(v.items, isPlanItem);

export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObj(v)) return false;
  switch (v.type) {
    case 'graph':
      return isGraphData(v.graph) && isOptStr(v.notice);
    case 'patch':
      return isGraphPatch(v.patch) && isOptStr(v.notice);
    case 'focus':
      return isStr(v.nodeId);
    case 'plan':
      return v.overlay === null || isPlanOverlay(v.overlay);
    case 'engine':
      return oneOf(ENGINE_STATES)(v.state) && isStr(v.message);
    case 'exportRequest':
      return isNum(v.requestId) && oneOf(FORMATS)(v.format);
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
      return oneOf(ACTIONS)(v.action) && isStr(v.targetId);
    case 'exportResult':
      return isNum(v.requestId) && oneOf(FORMATS)(v.format) && isStr(v.data) && v.data.length <= MAX_EXPORT_CHARS;
    case 'exportFailed':
      return isNum(v.requestId) && isStr(v.message);
    case 'copyMermaid':
      return isArrOf(v.visibleNodeIds, isStr);
    case 'selection':
      return v.nodeId === null || isStr(v.nodeId);
    case 'problem':
      return isStr(v.message);
    default:
      return false;
  }
}

/** A short description of a rejected message for logs: its type only, never its (possibly hostile) content. */
export function describeRejected(v: unknown): string {
  if (isObj(v) && isStr(v.type)) return `message of type "${v.type.slice(0, 40)}" with an unexpected shape`;
  return `message that is not an object with a type (${typeof v})`;
}
