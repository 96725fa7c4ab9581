/** The shapes the drawn graph holds (sigma node and edge attributes) and the events the graph view raises. */
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

export interface GraphViewEvents {
  onSelect(nodeId: string | null): void;
  onContextMenu(target: { nodeId?: string; edgeId?: string }, x: number, y: number): void;
}
