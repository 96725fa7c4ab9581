/**
 * What the Networks view says about a network, an endpoint and a network's details: pure functions of the model.
 */
import type { DetailField } from '../nodeTypes';
import type { EndpointModel, NetworkModel } from '../../model/topology';
import { extraLines, type EndpointExtrasResult } from './endpointDetails';
import { escapeMarkdown, field, paragraphs, type Translate, withPrefix } from './text';

/** Short badges for the description: internal, attachable, IPv6 (and ingress, config-only). */
export function networkBadges(network: NetworkModel, t: Translate): string[] {
  const badges: string[] = [];
  if (network.internal) badges.push(t('internal'));
  if (network.attachable) badges.push(t('attachable'));
  if (network.ipv6) badges.push(t('IPv6'));
  if (network.ingress) badges.push(t('ingress'));
  if (network.configOnly) badges.push(t('config-only'));
  return badges;
}

/** "bridge · local · internal · IPv6" */
export function networkDescription(network: NetworkModel, t: Translate): string {
  return [network.driver, network.scope, ...networkBadges(network, t)].join(' · ');
}

export function networkTooltip(network: NetworkModel, endpointCount: number, t: Translate): string {
  const subnets = network.ipam.map((c) => c.subnet).filter((s): s is string => !!s);
  const gateways = network.ipam.map((c) => c.gateway).filter((s): s is string => !!s);
  const flags = networkBadges(network, t);
  return paragraphs([
    `**${escapeMarkdown(network.name)}** ${network.builtIn ? t('(built-in network)') : t('(user-defined network)')}`,
    field(t('Driver'), network.driver),
    field(t('Scope'), network.scope),
    subnets.length ? field(t('Subnets'), subnets.join(', ')) : undefined,
    gateways.length ? field(t('Gateways'), gateways.join(', ')) : undefined,
    flags.length ? field(t('Flags'), flags.join(', ')) : undefined,
    network.composeProject !== undefined ? field(t('Compose project'), network.composeProject) : undefined,
    field(t('Endpoints'), String(endpointCount)),
    field(t('ID'), network.id),
  ]);
}

/** "172.18.0.2 · fd00::2" (addresses without prefix), or a note when the endpoint has none. */
export function endpointDescription(endpoint: EndpointModel, t: Translate): string {
  const addresses = [endpoint.ipv4, endpoint.ipv6].filter((a): a is string => !!a);
  const text = addresses.length ? addresses.join(' · ') : t('no address');
  return endpoint.running ? text : `${text} · ${t('stopped')}`;
}

/** `extra`: what the container's inspect form adds (resolved on hover); without it, the snapshot's facts only. */
/** `host`: Markdown lines about the endpoint's interfaces on the host (hostNetText's vethTooltipLines). */
export function endpointTooltip(
  endpoint: EndpointModel,
  t: Translate,
  extra?: EndpointExtrasResult,
  host: readonly string[] = [],
): string {
  return paragraphs([
    `**${escapeMarkdown(endpoint.containerName)}** ${t('on')} **${escapeMarkdown(endpoint.networkName)}** (${
      endpoint.running ? t('running') : t('not running')
    })`,
    endpoint.ipv4 ? field(t('IPv4'), withPrefix(endpoint.ipv4, endpoint.ipv4PrefixLen)) : undefined,
    endpoint.ipv6 ? field(t('IPv6'), withPrefix(endpoint.ipv6, endpoint.ipv6PrefixLen)) : undefined,
    endpoint.mac ? field(t('MAC'), endpoint.mac) : undefined,
    ...extraLines(endpoint, extra, t),
    endpoint.gateway ? field(t('Gateway'), endpoint.gateway) : undefined,
    endpoint.ipv6Gateway ? field(t('IPv6 gateway'), endpoint.ipv6Gateway) : undefined,
    ...host,
    field(t('Container ID'), endpoint.containerId),
  ]);
}

export interface DetailRow {
  field: DetailField;
  /** The row's name (ours, or an option/label key from the engine). */
  name: string;
  value: string;
}

/** The rows under a network's "Details" node, in a fixed order. */
export function networkDetailRows(network: NetworkModel, t: Translate): DetailRow[] {
  const rows: DetailRow[] = [{ field: 'id', name: t('ID'), value: network.id }];
  for (const config of network.ipam) {
    if (config.subnet) rows.push({ field: 'subnet', name: t('Subnet'), value: config.subnet });
    if (config.gateway) rows.push({ field: 'gateway', name: t('Gateway'), value: config.gateway });
    if (config.ipRange) rows.push({ field: 'ipRange', name: t('IP range'), value: config.ipRange });
    for (const [host, address] of Object.entries(config.auxAddresses)) {
      rows.push({ field: 'auxAddress', name: t('Aux address {0}', host), value: address });
    }
  }
  rows.push({ field: 'ipamDriver', name: t('IPAM driver'), value: network.ipamDriver || 'default' });
  for (const [key, value] of Object.entries(network.ipamOptions))
    rows.push({ field: 'ipamOption', name: t('IPAM option {0}', key), value });
  for (const [key, value] of Object.entries(network.options)) rows.push({ field: 'option', name: key, value });
  for (const [key, value] of Object.entries(network.labels)) rows.push({ field: 'label', name: key, value });
  const flags = networkBadges(network, t);
  rows.push({ field: 'flags', name: t('Flags'), value: flags.length ? flags.join(', ') : t('none') });
  if (network.created) rows.push({ field: 'created', name: t('Created'), value: network.created });
  return rows;
}

/** The tooltip of a detail row: which kind of row it is, then the value. */
export function detailTooltip(row: DetailRow, t: Translate): string {
  const kind: Record<DetailField, string> = {
    id: t('Network ID'),
    subnet: t('Subnet'),
    gateway: t('Gateway'),
    ipRange: t('IP range'),
    auxAddress: t('Auxiliary address'),
    ipamDriver: t('IPAM driver'),
    ipamOption: t('IPAM driver option'),
    option: t('Driver option'),
    label: t('Label'),
    flags: t('Flags'),
    created: t('Created'),
    bridge: t('Linux bridge on the host'),
    hostWarning: t('Host interface warning'),
    hostFacts: t('Host interfaces'),
    driver: t('Driver'),
    driverProblem: t('Driver problem'),
    thirdParty: t('Third-party network'),
    peer: t('Swarm peer (a node this network spans)'),
  };
  return paragraphs([`**${kind[row.field]}**`, field(escapeMarkdown(row.name), row.value)]);
}
