/**
 * Pointer interaction with the drawn graph: a click selects (the stage clears), a double
 * click opens (the networks-only graph drills into the network), a right click selects and asks for the context
 * menu, hovering names a node or an edge.
 */
import type Sigma from 'sigma';
import type { EdgeAttrs, GraphViewEvents, NodeAttrs, ViewState } from './graphTypes';

/** Wires sigma's pointer events to the view: `select` changes the selection, `events` tell the page. */
export function bindPointer(
  sigma: Sigma<NodeAttrs, EdgeAttrs>,
  container: HTMLElement,
  state: ViewState,
  select: (id: string | null) => void,
  events: GraphViewEvents,
): void {
  sigma.on('clickNode', ({ node }) => select(node));
  sigma.on('clickStage', () => select(null));
  sigma.on('doubleClickNode', ({ node, event }) => {
    if (events.onOpen(node)) event.preventSigmaDefault(); // it opened the node: no zoom as well
  });
  sigma.on('rightClickNode', ({ node, event }) => {
    event.preventSigmaDefault();
    select(node);
    events.onContextMenu({ nodeId: node }, event.x, event.y);
  });
  sigma.on('rightClickEdge', ({ edge, event }) => {
    event.preventSigmaDefault();
    events.onContextMenu({ edgeId: edge }, event.x, event.y);
  });
  container.addEventListener('contextmenu', (e) => e.preventDefault());
  const hover = (node: string | null, edge: string | null): void => {
    state.hoveredNode = node;
    state.hoveredEdge = edge;
    sigma.scheduleRender();
  };
  sigma.on('enterNode', ({ node }) => hover(node, null));
  sigma.on('leaveNode', () => hover(null, null));
  sigma.on('enterEdge', ({ edge }) => hover(null, edge));
  sigma.on('leaveEdge', () => hover(null, null));
}
