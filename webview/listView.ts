/**
 * The accessible list view: the same nodes as the graph, as a table a screen reader can walk (caption, column
 * headers, one row per network, container, port or Swarm service; a service's row names the task containers the
 * graph joins it to, the one relation the table would otherwise lose). Built only while shown; rows are text. A
 * render that would show the same rows leaves the table alone: on a busy engine patches arrive often, and a table
 * rebuilt under the pointer or the keyboard focus would swallow clicks and lose the reader's place.
 */
import type { GraphNode } from '../src/topology/protocol';
import { tr } from './l10n';
import { el } from './dom';

const KIND_NAMES: Record<GraphNode['kind'], () => string> = {
  network: () => tr('Network'),
  container: () => tr('Container'),
  port: () => tr('Published port'),
  service: () => tr('Swarm service'),
};

/** The labels of the nodes a node is joined to by a kind of edge (from the drawn graph). */
export type JoinedLabels = (id: string) => string[];

function summary(n: GraphNode, tasks: JoinedLabels): string {
  // the host translated the row names with the same catalogue as tr()
  const get = (label: string): string => n.details.find((d) => d.label === label)?.value ?? '';
  switch (n.kind) {
    case 'network':
      return [n.driver, n.scope, get(tr('Subnet'))].filter(Boolean).join(', ');
    case 'container':
      return get(tr('State'));
    case 'port':
      return get(tr('Reachable from'));
    case 'service': {
      const joined = tasks(n.id).sort();
      return [get(tr('Replicas')), joined.length ? tr('tasks: {0}', joined.join(', ')) : ''].filter(Boolean).join('; ');
    }
  }
}

/** The table each list root shows and what it was built from. */
const shown = new WeakMap<HTMLElement, { table: HTMLTableElement; key: string }>();

export function renderList(
  root: HTMLElement,
  nodes: GraphNode[],
  onPick: (id: string) => void,
  limit = 3000,
  tasks: JoinedLabels = () => [],
): void {
  const caption =
    nodes.length > limit
      ? tr('{0} items, first {1} shown: filter to narrow', nodes.length, limit)
      : tr('{0} items', nodes.length);
  const order: Record<GraphNode['kind'], number> = { network: 0, service: 1, container: 2, port: 3 };
  const sorted = [...nodes]
    .sort((a, b) => order[a.kind] - order[b.kind] || a.label.localeCompare(b.label))
    .slice(0, limit);
  const summaries = sorted.map((n) => summary(n, tasks));
  const rows = sorted.map((n, i) => [
    n.id,
    KIND_NAMES[n.kind](),
    n.label,
    summaries[i],
    n.networks ?? [],
    n.project ?? '',
  ]);
  const key = JSON.stringify([caption, rows]);
  const last = shown.get(root);
  if (last && last.key === key && last.table.parentNode === root) return;
  const table = el('table', { attrs: { 'aria-label': tr('Topology as a list') } });
  table.append(el('caption', { text: caption }));
  const head = el('tr');
  for (const h of [tr('Kind'), tr('Name'), tr('Details'), tr('Networks'), tr('Compose project')])
    head.append(el('th', { text: h, attrs: { scope: 'col' } }));
  table.append(el('thead', {}, head));
  const body = el('tbody');
  for (const [index, n] of sorted.entries()) {
    const name = el('button', { className: 'link', text: n.label, attrs: { 'data-node': n.id } });
    name.addEventListener('click', () => onPick(n.id));
    body.append(
      el(
        'tr',
        {},
        el('td', { text: KIND_NAMES[n.kind]() }),
        el('th', { attrs: { scope: 'row' } }, name),
        el('td', { text: summaries[index] }),
        el('td', { text: (n.networks ?? []).join(', ') }),
        el('td', { text: n.project ?? '' }),
      ),
    );
  }
  table.append(body);
  root.replaceChildren(table);
  shown.set(root, { table, key });
}
