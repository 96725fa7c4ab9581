/**
 * What an endpoint's tooltip adds from the container's inspect form (fetched on hover, not on refresh): aliases,
 * static addresses from IPAMConfig and DNS names. Pure: the engine record in, tooltip facts out.
 */
import type { EngineContainerDetails, EngineEndpointSettings } from '../../engine/records';
import type { EndpointModel } from '../../model/topology';
import { escapeMarkdown, field, type Translate } from './text';

export interface EndpointExtras {
  /** Aliases the user gave (the engine's automatic short-id alias dropped). */
  aliases: string[];
  /** API 1.44+: every name the embedded DNS answers for on this network; empty on older engines. */
  dnsNames: string[];
  staticIpv4?: string;
  staticIpv6?: string;
  linkLocalIps: string[];
}

export type EndpointExtrasResult =
  | { kind: 'details'; extras: EndpointExtras }
  /** `reason` is a sentence for users, possibly with the engine's message: escape it. */
  | { kind: 'unavailable'; reason: string };

/** The 12-character id the engine shows and uses as the default hostname. */
export function shortContainerId(id: string): string {
  return id.slice(0, 12);
}

/**
 * On user-defined networks the engine adds the container's short id to Aliases by itself (API < 1.45); it is
 * noise in a tooltip that already shows the container id, so it is dropped here.
 */
export function userAliases(aliases: Iterable<string>, containerId: string): string[] {
  const automatic = shortContainerId(containerId);
  return [...new Set(aliases)].filter((a) => a !== '' && a !== automatic);
}

/** Inspect keys endpoints by network name; match by NetworkID first so a renamed network still matches. */
function settingsFor(details: EngineContainerDetails, endpoint: EndpointModel): EngineEndpointSettings | undefined {
  const networks = details.NetworkSettings?.Networks ?? {};
  return (
    Object.values(networks).find((s) => s?.NetworkID === endpoint.networkId) ??
    (Object.prototype.hasOwnProperty.call(networks, endpoint.networkName) ? networks[endpoint.networkName] : undefined)
  );
}

export function endpointExtras(
  details: EngineContainerDetails,
  endpoint: EndpointModel,
  t: Translate,
): EndpointExtrasResult {
  const settings = settingsFor(details, endpoint);
  if (!settings) {
    return { kind: 'unavailable', reason: t('the container is no longer connected to this network.') };
  }
  const ipam = settings.IPAMConfig ?? undefined;
  return {
    kind: 'details',
    extras: {
      aliases: userAliases([...endpoint.aliases, ...(settings.Aliases ?? [])], details.Id || endpoint.containerId),
      dnsNames: [...new Set(settings.DNSNames ?? [])],
      ...(ipam?.IPv4Address ? { staticIpv4: ipam.IPv4Address } : {}),
      ...(ipam?.IPv6Address ? { staticIpv6: ipam.IPv6Address } : {}),
      linkLocalIps: [...(ipam?.LinkLocalIPs ?? [])],
    },
  };
}

/**
 * The tooltip lines about names and static addresses. Without `extra` (not resolved yet), the snapshot's aliases;
 * when the inspect failed, those plus one escaped line saying why the aliases are missing.
 */
export function extraLines(endpoint: EndpointModel, extra: EndpointExtrasResult | undefined, t: Translate): string[] {
  const lines: string[] = [];
  const aliases =
    extra?.kind === 'details' ? extra.extras.aliases : userAliases(endpoint.aliases, endpoint.containerId);
  if (aliases.length) lines.push(field(t('Aliases'), aliases.join(', ')));
  if (extra?.kind === 'unavailable') {
    lines.push(escapeMarkdown(t('Aliases and static addresses are not shown: {0}', extra.reason)));
  }
  if (extra?.kind !== 'details') return lines;
  const { staticIpv4, staticIpv6, linkLocalIps, dnsNames } = extra.extras;
  if (staticIpv4) lines.push(field(t('Static IPv4'), staticIpv4));
  if (staticIpv6) lines.push(field(t('Static IPv6'), staticIpv6));
  if (linkLocalIps.length) lines.push(field(t('Link-local IPs'), linkLocalIps.join(', ')));
  if (dnsNames.length) lines.push(field(t('DNS names'), dnsNames.join(', ')));
  return lines;
}
