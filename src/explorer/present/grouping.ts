/**
 * Which networks the Networks view shows at its root, and how they are grouped: pure.
 */
import type { ContainerModel, NetworkModel } from '../../model/topology';
import { byName } from './text';

export type NetworkGroupBy = 'none' | 'driver' | 'scope' | 'composeProject';

export interface NetworkListOptions {
  groupBy: NetworkGroupBy;
  showBuiltIn: boolean;
}

export interface Group<T> {
  /** Driver, scope or project; '' holds items without a compose project. */
  key: string;
  items: T[];
}

export function parseGroupBy(value: unknown): NetworkGroupBy {
  return value === 'driver' || value === 'scope' || value === 'composeProject' ? value : 'none';
}

export const networkOrder = byName<NetworkModel>(
  (n) => n.name,
  (n) => n.id,
);
export const containerOrder = byName<ContainerModel>(
  (c) => c.name,
  (c) => c.id,
);

export function visibleNetworks(networks: Iterable<NetworkModel>, options: NetworkListOptions): NetworkModel[] {
  return [...networks].filter((n) => options.showBuiltIn || !n.builtIn).sort(networkOrder);
}

/** The key a network is grouped under; undefined when not grouping. */
export function networkGroupKey(network: NetworkModel, groupBy: NetworkGroupBy): string | undefined {
  switch (groupBy) {
    case 'driver':
      return network.driver;
    case 'scope':
      return network.scope;
    case 'composeProject':
      return network.composeProject ?? '';
    default:
      return undefined;
  }
}

/** Groups sorted by key, the '' group (no project) last; items keep their order. */
export function groupItems<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()]
    .map(([key, groupItems]) => ({ key, items: groupItems }))
    .sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key, 'en', { numeric: true })));
}
