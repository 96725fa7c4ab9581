/**
 * Name resolution as Docker does it. On user-defined networks the embedded DNS (127.0.0.11) answers the container
 * name, its aliases (NetworkSettings.Networks.<net>.Aliases, DNSNames from API 1.44), the compose service name
 * (compose sets it as an alias), the 12-character short id, and each of those suffixed with ".<network>". On the
 * default bridge nothing resolves but legacy links (HostConfig.Links, written to /etc/hosts) and extra hosts
 * (HostConfig.ExtraHosts), which work on any network.
 */
import type { EngineContainerDetails } from '../../engine/records';
import type { ContainerModel, EndpointModel, NetworkModel } from '../../model/topology';

export function isDefaultBridge(network: NetworkModel): boolean {
  return network.builtIn && network.name === 'bridge' && network.driver === 'bridge';
}

/** The embedded DNS serves every user-defined network; not the default bridge, host or none. */
export function hasEmbeddedDns(network: NetworkModel): boolean {
  return !network.builtIn;
}

function normalize(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** The names the embedded DNS answers for this endpoint, most useful first, without duplicates. */
export function dnsNames(
  container: ContainerModel,
  endpoint: EndpointModel,
  details?: EngineContainerDetails,
): string[] {
  const settings = details?.NetworkSettings?.Networks?.[endpoint.networkName];
  const candidates = [
    container.name,
    ...(container.composeService ? [container.composeService] : []),
    ...(settings?.Aliases ?? []),
    ...(settings?.DNSNames ?? []),
    ...endpoint.aliases,
    container.id.slice(0, 12),
  ];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const name of candidates) {
    const key = normalize(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** Whether a typed name is one of `names`, also in the "<name>.<network>" form the embedded DNS answers. */
export function matchesName(typed: string, names: readonly string[], networkName: string): boolean {
  const wanted = normalize(typed);
  const suffix = `.${normalize(networkName)}`;
  const bare = wanted.endsWith(suffix) ? wanted.slice(0, -suffix.length) : wanted;
  return names.some((n) => normalize(n) === wanted || normalize(n) === bare);
}

/**
 * Names the source's legacy links give the target: HostConfig.Links holds "/target:/source/alias" (default bridge);
 * on user-defined networks NetworkSettings.Networks.<net>.Links holds "target:alias". Both the alias and the
 * target's name resolve in the source.
 */
export function linkNames(
  source: EngineContainerDetails | undefined,
  target: ContainerModel,
  networkName?: string,
): string[] {
  const names: string[] = [];
  for (const link of source?.HostConfig?.Links ?? []) {
    const [to, alias] = link.split(':');
    if (to?.replace(/^\//, '') === target.name && alias)
      names.push(alias.slice(alias.lastIndexOf('/') + 1), target.name);
  }
  const netLinks = networkName ? (source?.NetworkSettings?.Networks?.[networkName]?.Links ?? []) : [];
  for (const link of netLinks) {
    const [to, alias] = link.split(':');
    if (to?.replace(/^\//, '') === target.name) names.push(alias || to, target.name);
  }
  return [...new Set(names)];
}

/** The address an --add-host entry gives `name` in the source ("name:address"; IPv6 addresses keep their colons). */
export function extraHostAddress(source: EngineContainerDetails | undefined, name: string): string | undefined {
  const wanted = normalize(name);
  for (const entry of source?.HostConfig?.ExtraHosts ?? []) {
    const at = entry.indexOf(':');
    if (at > 0 && normalize(entry.slice(0, at)) === wanted) return entry.slice(at + 1);
  }
  return undefined;
}
