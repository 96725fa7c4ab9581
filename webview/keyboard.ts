/**
 * Keyboard use of the graph: arrow keys move the selection to the nearest visible node in that direction, Enter
 * centres it (or opens a network of the networks-only graph), F fits the view, L opens the list view, Escape
 * clears the selection (Escape or Backspace leaves a drilled-into network), Shift+F10 or the context-menu key
 * opens the actions; in the list view, G or Escape returns to the graph.
 */
import type { GraphView } from './graphView';

export interface GraphKeyActions {
  /** The nodes the arrows can reach (visible ones). */
  candidates(): string[];
  toggleList(show: boolean): void;
  openMenu(nodeId: string, x: number, y: number): void;
  /** Opens the node (drills into a network of the networks-only graph); false when it does not open. */
  open(nodeId: string): boolean;
  /** Leaves a drilled-into network; false when none is shown. */
  back(): boolean;
}

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The nearest visible node in the pressed direction, on screen. */
export function nearestInDirection(
  view: GraphView,
  from: string,
  [dx, dy]: [number, number],
  candidates: string[],
): string | undefined {
  const o = view.viewportOf(from);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const id of candidates) {
    if (id === from) continue;
    const p = view.viewportOf(id);
    const vx = p.x - o.x;
    const vy = p.y - o.y;
    const along = vx * dx + vy * dy; // distance in the pressed direction
    if (along <= 0) continue;
    const across = Math.abs(vx * dy - vy * dx);
    const score = along + 2 * across; // prefer nodes straight ahead
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}

/** Handles one key on the graph; false when the key is not ours (the browser keeps it). */
function graphKey(e: KeyboardEvent, view: GraphView, actions: GraphKeyActions): boolean {
  const sel = view.selection;
  if (e.key in DIRECTIONS) {
    const candidates = actions.candidates();
    const firstNetwork = (): string | undefined =>
      candidates.find((id) => view.graph.getNodeAttribute(id, 'data').kind === 'network') ?? candidates[0];
    const next = sel ? nearestInDirection(view, sel, DIRECTIONS[e.key], candidates) : firstNetwork();
    if (next) {
      view.select(next);
      view.reveal(next);
    }
  } else if (e.key === 'Enter' && sel) {
    if (!actions.open(sel)) view.reveal(sel);
  } else if (e.key === 'Backspace') return actions.back();
  else if (e.key === 'f' || e.key === 'F') view.zoomToFit();
  else if (e.key === 'l' || e.key === 'L') actions.toggleList(true);
  else if (e.key === 'Escape') {
    if (!actions.back()) view.select(null);
  } else if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
    if (sel) {
      const p = view.viewportOf(sel);
      actions.openMenu(sel, p.x, p.y);
    }
  } else return false;
  return true;
}

export function bindKeyboard(
  graphHost: HTMLElement,
  list: HTMLElement,
  view: GraphView,
  actions: GraphKeyActions,
): void {
  graphHost.addEventListener('keydown', (e) => {
    if (graphKey(e, view, actions)) e.preventDefault();
  });
  list.addEventListener('keydown', (e) => {
    if (e.key === 'g' || e.key === 'G' || e.key === 'Escape') {
      actions.toggleList(false);
      graphHost.focus();
      e.preventDefault();
    }
  });
}
