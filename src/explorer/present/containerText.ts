/**
 * What the Containers view says about a container, its endpoints and its ports: pure functions of the model.
 */
import type { ContainerModel, EndpointModel, PortModel } from '../../model/topology';
import { extraLines, type EndpointExtrasResult } from './endpointDetails';
import { escapeMarkdown, field, paragraphs, type Translate, withPrefix } from './text';

/** "dne-busybox:latest · running" */
export function containerDescription(container: ContainerModel): string {
  return `${container.image} · ${container.state}`;
}

/** `activity`: Markdown lines about observed sockets (activityText's activityTooltipLines), when observed. */
export function containerTooltip(
  container: ContainerModel,
  endpoints: readonly EndpointModel[],
  t: Translate,
  activity: readonly string[] = [],
): string {
  return paragraphs([
    `**${escapeMarkdown(container.name)}** (${escapeMarkdown(container.status || container.state)})`,
    field(t('Image'), container.image),
    field(t('Network mode'), container.networkMode),
    container.composeProject !== undefined ? field(t('Compose project'), container.composeProject) : undefined,
    container.composeService !== undefined ? field(t('Compose service'), container.composeService) : undefined,
    endpoints.length
      ? field(t('Networks'), endpoints.map((e) => `${e.networkName} ${e.ipv4 ?? ''} ${e.ipv6 ?? ''}`.trim()).join(', '))
      : undefined,
    container.ports.length ? field(t('Ports'), container.ports.map((p) => portLabel(p)).join(', ')) : undefined,
    ...activity,
    field(t('ID'), container.id),
  ]);
}

/** Under a container, an endpoint is named by its network: "frontend" with "172.18.0.2 · fd00::2". */
export function containerEndpointTooltip(endpoint: EndpointModel, t: Translate, extra?: EndpointExtrasResult): string {
  return paragraphs([
    `**${escapeMarkdown(endpoint.networkName)}** ${t('network of')} **${escapeMarkdown(endpoint.containerName)}**`,
    endpoint.ipv4 ? field(t('IPv4'), withPrefix(endpoint.ipv4, endpoint.ipv4PrefixLen)) : undefined,
    endpoint.ipv6 ? field(t('IPv6'), withPrefix(endpoint.ipv6, endpoint.ipv6PrefixLen)) : undefined,
    endpoint.mac ? field(t('MAC'), endpoint.mac) : undefined,
    ...extraLines(endpoint, extra, t),
    endpoint.gateway ? field(t('Gateway'), endpoint.gateway) : undefined,
  ]);
}

function hostAddress(ip: string): string {
  return ip.includes(':') ? `[${ip}]` : ip;
}

/** "0.0.0.0:8080 → 80/tcp", "[::]:8080 → 80/tcp", or "80/tcp" for an exposed port that is not published. */
export function portLabel(port: PortModel): string {
  const inside = `${port.containerPort}/${port.protocol}`;
  if (port.hostPort === undefined) return inside;
  return `${hostAddress(port.hostIp ?? '0.0.0.0')}:${port.hostPort} → ${inside}`;
}

export type PortBinding = 'allInterfaces' | 'loopback' | 'address' | 'notPublished';

export function portBinding(port: PortModel): PortBinding {
  if (port.hostPort === undefined) return 'notPublished';
  const ip = port.hostIp ?? '0.0.0.0';
  if (ip === '0.0.0.0' || ip === '::' || ip === '') return 'allInterfaces';
  if (ip.startsWith('127.') || ip === '::1') return 'loopback';
  return 'address';
}

export function portDescription(port: PortModel, t: Translate): string {
  switch (portBinding(port)) {
    case 'allInterfaces':
      return t('all interfaces');
    case 'loopback':
      return t('loopback only');
    case 'notPublished':
      return t('not published');
    default:
      return t('one host address');
  }
}
