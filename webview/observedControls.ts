/**
 * The "Observed connections" layer's controls: a toolbar toggle (a pressed/unpressed button, keyboard-reachable
 * like every toolbar control) and a Refresh button, and beside the graph a section with the legend, when the
 * socket tables were read, what could not be read, and every connection as a line of text (the same facts as the
 * arrows, for keyboard and screen-reader users; a click selects the client). Engine strings go in as text only.
 */
import type { ObservedLayer } from '../src/topology/protocol';
import { el } from './dom';
import type { GraphView } from './graphView';
import { tr } from './l10n';
import { button } from './toolkit';

export interface ObservedControlsEvents {
  /** The layer was turned on or off by the user (the host starts or stops reading). */
  onToggle(on: boolean): void;
  onRefresh(): void;
}

export class ObservedControls {
  readonly toggle: HTMLElement;
  readonly refresh: HTMLElement;
  readonly section: HTMLElement;
  private on = false;
  private layer: ObservedLayer | null = null;

  constructor(
    private readonly view: GraphView,
    private readonly app: HTMLElement,
    private readonly events: ObservedControlsEvents,
  ) {
    this.toggle = button(tr('Connections'), tr('Show or hide the observed connections'), () => this.setOn(!this.on));
    this.refresh = button(tr('Refresh'), tr('Read the observed connections again'), () => this.events.onRefresh());
    this.section = el('section', {
      className: 'observed-section',
      attrs: { 'aria-label': tr('Observed connections'), hidden: '' },
    });
    this.render();
  }

  get isOn(): boolean {
    return this.on;
  }

  /** The reading drawn now (for the exports), or null while the layer is off or has no reading yet. */
  get shown(): ObservedLayer | null {
    return this.on ? this.layer : null;
  }

  /** Turns the layer on or off; `notify` false when restoring the saved state before the host asked for it. */
  setOn(on: boolean, notify = true): void {
    this.on = on;
    if (!on) this.layer = null;
    this.view.observed.set(this.layer);
    this.view.redraw();
    this.render();
    if (notify) this.events.onToggle(on);
  }

  /** A new reading from the host (ignored while the layer is off: a late answer to a read before it was turned off). */
  show(layer: ObservedLayer): void {
    if (!this.on) return;
    this.layer = layer;
    this.view.observed.set(layer);
    this.view.redraw();
    this.render();
  }

  /** The graph changed (a patch, filters): what can be drawn may have changed. */
  graphChanged(): void {
    if (this.on) this.render();
  }

  private render(): void {
    this.toggle.setAttribute('aria-pressed', String(this.on));
    this.toggle.setAttribute('appearance', this.on ? 'primary' : 'secondary');
    this.refresh.hidden = !this.on;
    this.section.hidden = !this.on;
    this.app.dataset.observed = this.on ? (this.layer ? 'shown' : 'reading') : 'off';
    const layer = this.layer;
    const drawable = layer ? layer.edges.filter((e) => this.view.observed.drawable(e)) : [];
    this.app.dataset.observedEdges = String(drawable.length);
    if (!this.on) return this.section.replaceChildren();
    const legend = el(
      'div',
      { className: 'legend' },
      el(
        'span',
        {},
        el('span', { className: 'swatch' }),
        document.createTextNode(tr('connection: server port ×count')),
      ),
      el(
        'span',
        {},
        el('span', { className: 'swatch attempt' }),
        document.createTextNode(tr('failed attempt (SYN_SENT, no answer)')),
      ),
    );
    const parts: Node[] = [el('h2', { text: tr('Observed connections') }), legend];
    if (!layer) parts.push(el('p', { className: 'note', text: tr('Reading the socket tables...') }));
    else {
      parts.push(el('p', { className: 'note', text: tr('Read at {0}', new Date(layer.at).toLocaleTimeString()) }));
      for (const note of layer.notes) parts.push(el('p', { className: 'note', text: note }));
      if (drawable.length < layer.edges.length)
        parts.push(
          el('p', {
            className: 'note',
            text: tr(
              '{0} connections are listed but not drawn: their containers are not in the graph.',
              layer.edges.length - drawable.length,
            ),
          }),
        );
      const list = el('ul');
      for (const e of layer.edges) {
        const li = el('li', { className: e.state, text: e.text, attrs: { 'data-edge': e.id } });
        if (this.view.graph.hasNode(e.source)) {
          li.tabIndex = 0;
          const select = (): void => this.view.select(e.source);
          li.addEventListener('click', select);
          li.addEventListener('keydown', (k) => k.key === 'Enter' && select());
        }
        list.append(li);
      }
      if (layer.edges.length === 0) parts.push(el('p', { className: 'note', text: tr('No connections seen.') }));
      parts.push(list);
    }
    this.section.replaceChildren(...parts);
  }
}
