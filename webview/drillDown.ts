/**
 * The drill-down from the networks-only graph: opening a network (double click, Enter, or "Show Containers" in its
 * context menu) asks the host for that network's graph; while it is shown, a breadcrumb names it ("All networks >
 * name") with a "Back to all networks" button (also Escape or Backspace in the graph), which asks for the overview
 * again. The overview's positions are kept here meanwhile, so the way back finds the drawing as it was.
 */
import type { DrillScope, GraphMode, GraphNode, WebviewMessage } from '../src/topology/protocol';
import { el } from './dom';
import { tr } from './l10n';
import { button } from './toolkit';

type Positions = Record<string, [number, number]>;

export class DrillDown {
  /** The breadcrumb bar, hidden unless a network is drilled into. */
  readonly element: HTMLElement;
  private readonly place = el('span', { className: 'breadcrumb-place' });
  private scope: DrillScope | undefined;
  private overview: Positions = {};
  private requested = false;

  constructor(private readonly post: (m: WebviewMessage) => void) {
    const back = button(tr('Back to all networks'), tr('Back to all networks (Escape)'), () => this.back());
    back.dataset.action = 'drillUp';
    this.element = el(
      'nav',
      { className: 'breadcrumb', attrs: { 'aria-label': tr('Where you are in the graph'), hidden: '' } },
      back,
      el('span', { text: tr('All networks') }),
      el('span', { className: 'breadcrumb-sep', text: '\u203a', attrs: { 'aria-hidden': 'true' } }),
      this.place,
    );
  }

  /** The network drilled into (its node id), if any. */
  get current(): string | undefined {
    return this.scope?.nodeId;
  }

  /** Whether `node` opens here: a network of the networks-only graph. */
  canOpen(mode: GraphMode | undefined, node: GraphNode | undefined): boolean {
    return mode === 'aggregate' && node?.kind === 'network';
  }

  /** Asks for the network's graph; `positions`: the overview as drawn now, for the way back. */
  open(nodeId: string, positions: Positions): void {
    this.overview = positions;
    this.requested = true;
    this.post({ type: 'drillDown', nodeId });
  }

  /** Asks for the overview again; false when no network is drilled into (the key is then not ours). */
  back(): boolean {
    if (!this.scope) return false;
    this.post({ type: 'drillUp' });
    return true;
  }

  /**
   * A graph arrived: shows or hides the breadcrumb. Returns the positions to draw it with when it is the overview
   * after a drill-down (undefined otherwise: the caller's own saved positions apply).
   */
  shown(scope: DrillScope | undefined): Positions | undefined {
    const wasDrilled = this.scope !== undefined || this.requested;
    this.scope = scope;
    this.requested = false;
    this.element.hidden = !scope;
    this.place.textContent = scope?.label ?? '';
    return !scope && wasDrilled ? this.overview : undefined;
  }
}
