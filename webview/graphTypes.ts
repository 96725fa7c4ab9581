/**
 * The shapes the drawn graph holds (sigma node and edge attributes), the view state the drawing reads, and the
 * events the graph view raises.
 */
import type { GraphEdge, GraphNode } from '../src/topology/protocol';

export interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  label: string;
  type: string;
  data: GraphNode;
  fixed?: boolean;
}
export interface EdgeAttrs {
  size: number;
  label: string;
  data: GraphEdge;
}

/** What the user picked, filtered, marked and points at: written by the view, read when sigma draws. */
export interface ViewState {
  /** null: every node is visible (no filter). */
  visible: Set<string> | null;
  selected: string | null;
  /** Who the selection can talk to; null when nothing is selected. */
  neighbourhood: Set<string> | null;
  /** Node id to a mark (a plan status, a step of a connectivity path), drawn after its label. */
  marked: Map<string, string>;
  hoveredNode: string | null;
  hoveredEdge: string | null;
}

export interface GraphViewEvents {
  onSelect(nodeId: string | null): void;
  onContextMenu(target: { nodeId?: string; edgeId?: string }, x: number, y: number): void;
  /** A double click on a node: true when it opened something (the networks-only graph drills into the network). */
  onOpen(nodeId: string): boolean;
}
