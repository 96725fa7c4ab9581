/** The details of the selected node, as a definition list of text. */
import type { GraphNode } from '../src/topology/protocol';
import { tr } from './l10n';
import { el } from './dom';

export function renderDetails(pane: HTMLElement, node: GraphNode | undefined): void {
  if (!node) {
    pane.replaceChildren(
      el('p', { className: 'hint', text: tr('Select a node (click, or arrow keys in the graph) to see its details.') }),
    );
    return;
  }
  const list = el('dl');
  for (const row of node.details) list.append(el('dt', { text: row.label }), el('dd', { text: row.value }));
  pane.replaceChildren(el('h2', { text: node.label }), list);
}
