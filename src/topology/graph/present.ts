/**
 * What the topology graph says about a network, a container and a published port: labels, colour roles, shapes
 * and the rows of the details pane. Pure (no vscode): the sentences go through an injected `Translate`, and the
 * wording comes from the explorer's own present/ functions, so the tree and the panel say the same thing.
 */
import type { ContainerModel, EndpointModel, NetworkModel, PortModel } from '../../model/topology';
import { portBinding, portDescription, portLabel } from '../../explorer/present/containerText';
import { userAliases } from '../../explorer/present/endpointDetails';
import { networkDetailRows } from '../../explorer/present/networkText';
import { type Translate, withPrefix } from '../../explorer/present/text';
import type { ColorRole, DetailRow, NodeShape } from '../protocol';

/**
 * A translator that looks each message up once: building a graph asks for the same few dozen sentences thousands
 * of times. The template is translated without arguments (placeholders kept), split once, and filled per call.
 */
export function memoTranslate(t: Translate): Translate {
  const templates = new Map<string, Array<string | number>>();
  return (message, ...args) => {
    let parts = templates.get(message);
    if (!parts) {
      parts = t(message)
        .split(/\{(\d+)\}/)
        .map((part, i) => (i % 2 === 1 ? Number(part) : part));
      templates.set(message, parts);
    }
    if (parts.length === 1) return parts[0] as string;
    let out = '';
    for (const part of parts) out += typeof part === 'number' ? String(args[part] ?? `{${part}}`) : part;
    return out;
  };
}

export function networkRole(n: NetworkModel): ColorRole {
  if (n.internal) return 'internal';
  switch (n.driver) {
    case 'bridge':
      return 'bridge';
    case 'overlay':
      return 'overlay';
    case 'macvlan':
    case 'ipvlan':
      return 'macvlan';
    case 'host':
      return 'host';
    case 'null':
      return 'none';
    default:
      return 'otherDriver';
  }
}

/** Scope is told by shape: local networks are squares, swarm and global ones diamonds; containers are circles. */
export function networkShape(n: NetworkModel): NodeShape {
  return n.scope === 'local' ? 'square' : 'diamond';
}

/** "backend [internal]", "host [host networking]", "none [no networking]". */
export function networkLabel(n: NetworkModel, t: Translate): string {
  const marks: string[] = [];
  if (n.internal) marks.push(t('internal'));
  if (n.driver === 'host') marks.push(t('host networking'));
  if (n.driver === 'null') marks.push(t('no networking'));
  return marks.length ? `${n.name} [${marks.join(', ')}]` : n.name;
}

function sortedRows(record: Readonly<Record<string, string>>, name: (key: string) => string): DetailRow[] {
  return Object.keys(record)
    .sort()
    .map((k) => ({ label: name(k), value: record[k] }));
}

/** The network's name, driver, scope and endpoint count, then the Networks view's own detail rows. */
export function networkDetails(n: NetworkModel, endpointCount: number, t: Translate): DetailRow[] {
  const rows: DetailRow[] = [
    { label: t('Network'), value: n.name },
    { label: t('Driver'), value: n.driver },
    { label: t('Scope'), value: n.scope },
    { label: t('Endpoints'), value: String(endpointCount) },
    { label: t('Kind'), value: n.builtIn ? t('built-in') : t('user-defined') },
  ];
  if (n.composeProject) rows.push({ label: t('Compose project'), value: n.composeProject });
  for (const row of networkDetailRows(n, t)) {
    if (row.field === 'option') rows.push({ label: t('Option {0}', row.name), value: row.value });
    else if (row.field === 'label') rows.push({ label: t('Label {0}', row.name), value: row.value });
    else rows.push({ label: row.name, value: row.value });
  }
  return rows;
}

/** "172.20.0.2/16 · fd00::2; MAC 02:42:ac:14:00:02; aliases web" */
export function endpointSummary(e: EndpointModel, t: Translate): string {
  const addresses = [e.ipv4 ? withPrefix(e.ipv4, e.ipv4PrefixLen) : '', e.ipv6 ?? ''].filter(Boolean);
  const aliases = userAliases(e.aliases, e.containerId);
  const extra = [e.mac ? t('MAC {0}', e.mac) : '', aliases.length ? t('aliases {0}', aliases.join(', ')) : ''];
  return [addresses.join(' · ') || t('no address'), ...extra.filter(Boolean)].join('; ');
}

/** "0.0.0.0:8080 → 80/tcp (all interfaces)" */
export function portText(p: PortModel, t: Translate): string {
  return `${portLabel(p)} (${portDescription(p, t)})`;
}

export function containerDetails(c: ContainerModel, endpoints: readonly EndpointModel[], t: Translate): DetailRow[] {
  const rows: DetailRow[] = [
    { label: t('Container'), value: c.name },
    { label: t('ID'), value: c.id.slice(0, 12) },
    { label: t('State'), value: c.status ? `${c.state} (${c.status})` : c.state },
    { label: t('Image'), value: c.image },
    { label: t('Network mode'), value: c.networkMode },
  ];
  if (c.composeProject) rows.push({ label: t('Compose project'), value: c.composeProject });
  if (c.composeService) rows.push({ label: t('Compose service'), value: c.composeService });
  for (const e of endpoints) rows.push({ label: t('On {0}', e.networkName), value: endpointSummary(e, t) });
  for (const p of c.ports) rows.push({ label: t('Port'), value: portText(p, t) });
  rows.push(...sortedRows(c.labels, (k) => t('Label {0}', k)));
  return rows;
}

/** A published port is reachable from every host interface unless it is bound to one address. */
export const isAllInterfaces = (p: PortModel): boolean => portBinding(p) === 'allInterfaces';

export function portDetails(c: ContainerModel, p: PortModel, t: Translate): DetailRow[] {
  return [
    { label: t('Published port'), value: portLabel(p) },
    { label: t('Container'), value: c.name },
    { label: t('Reachable from'), value: portDescription(p, t) },
  ];
}

export const sharedLabel = (count: number, t: Translate): string => t('{0} shared', count);
