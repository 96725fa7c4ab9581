/**
 * Container to container, each in a namespace of its own: the networks both are attached to
 * (NetworkSettings.Networks), what blocks traffic on each (enable_icc=false), and whether the name the source uses
 * resolves there (embedded DNS, links, extra hosts). Adds facts and fixes; returns the usable path.
 */
import { ipFamily, sameIp } from '../../model/address';
import type { ContainerModel, EndpointModel, NetworkModel } from '../../model/topology';
import { type Analysis, isIccDisabled } from './context';
import { dnsNames, extraHostAddress, hasEmbeddedDns, isDefaultBridge, linkNames, matchesName } from './names';

export interface SharedLink {
  network: NetworkModel;
  source: EndpointModel;
  target: EndpointModel;
}

export type PathOutcome =
  | { kind: 'path'; links: SharedLink[]; address?: string }
  | { kind: 'noSharedNetwork' }
  | { kind: 'blocked'; links: SharedLink[] }
  | { kind: 'unresolved'; links: SharedLink[] };

/** The shared networks with both endpoints, in network-name order. */
export function sharedLinks(a: Analysis, source: ContainerModel, target: ContainerModel): SharedLink[] {
  const mine = new Map(a.endpoints(source).map((e) => [e.network.id, e.endpoint]));
  return a
    .endpoints(target)
    .filter((t) => mine.has(t.network.id))
    .map((t) => ({ network: t.network, source: mine.get(t.network.id)!, target: t.endpoint }));
}

function address(e: EndpointModel): string {
  return [e.ipv4, e.ipv6].filter((x): x is string => !!x).join(', ') || '-';
}

/** Facts per shared network; returns the links not blocked by enable_icc=false. */
function usableLinks(a: Analysis, links: SharedLink[], typedAddress: string | undefined): SharedLink[] {
  const usable: SharedLink[] = [];
  for (const link of links) {
    const { network } = link;
    a.fact('sharedNetwork', 'ok', `NetworkSettings.Networks.${network.name}`, network.name, {
      network: network.name,
      driver: network.driver,
      sourceAddress: address(link.source),
      targetAddress: address(link.target),
    });
    if (network.internal) a.fact('internalNetwork', 'info', 'Internal', network.name, { network: network.name });
    if (isIccDisabled(link.network)) {
      a.fact('iccDisabled', 'problem', 'Options[com.docker.network.bridge.enable_icc]', network.name, {
        network: network.name,
      });
      continue;
    }
    if (typedAddress && ipFamily(typedAddress) === 'ipv6' && !link.source.ipv6) {
      a.fact('familyMismatch', 'problem', `NetworkSettings.Networks.${network.name}.GlobalIPv6Address`, network.name, {
        network: network.name,
        address: typedAddress,
      });
      continue;
    }
    usable.push(link);
  }
  return usable;
}

/** Whether `name` resolves to the target on the link's network; adds the fact that says why. */
function resolvesOn(
  a: Analysis,
  link: SharedLink,
  name: string,
  source: ContainerModel,
  target: ContainerModel,
): boolean {
  const sourceDetails = a.details(source.id);
  const networkName = link.network.name;
  const viaLink = linkNames(sourceDetails, target, networkName);
  if (matchesName(name, viaLink, networkName)) {
    a.fact('linkResolves', 'ok', 'HostConfig.Links', source.name, { name, network: networkName });
    return true;
  }
  if (!hasEmbeddedDns(link.network)) {
    if (isDefaultBridge(link.network)) {
      a.fact('defaultBridgeNoDns', 'problem', 'Name', networkName, { network: networkName, name });
    }
    return false;
  }
  const names = dnsNames(target, link.target, a.details(target.id));
  a.fact('namesOnNetwork', 'info', `NetworkSettings.Networks.${networkName}.Aliases`, target.name, {
    network: networkName,
    names: names.join(', '),
  });
  if (!matchesName(name, names, networkName)) return false;
  a.fact('nameResolves', 'ok', `NetworkSettings.Networks.${networkName}.Aliases`, target.name, {
    name,
    network: networkName,
  });
  return true;
}

/**
 * The path between two own namespaces. `name` is what the source uses (a typed name or an IP); undefined means
 * the target's own name.
 */
export function sharedPath(a: Analysis, source: ContainerModel, target: ContainerModel, name: string): PathOutcome {
  const typedAddress = ipFamily(name) ? name : undefined;
  const links = sharedLinks(a, source, target);
  if (links.length === 0) {
    a.fact('noSharedNetwork', 'problem', 'NetworkSettings.Networks', source.name, {
      source: source.name,
      target: target.name,
      sourceNetworks:
        a
          .endpoints(source)
          .map((e) => e.network.name)
          .join(', ') || '-',
      targetNetworks:
        a
          .endpoints(target)
          .map((e) => e.network.name)
          .join(', ') || '-',
    });
    return { kind: 'noSharedNetwork' };
  }
  const usable = usableLinks(a, links, typedAddress);
  if (usable.length === 0) return { kind: 'blocked', links };
  if (typedAddress) {
    const holding = usable.filter((l) => [l.target.ipv4, l.target.ipv6].some((ip) => ip && sameIp(ip, typedAddress)));
    if (holding.length > 0) {
      const field = ipFamily(typedAddress) === 'ipv6' ? 'GlobalIPv6Address' : 'IPAddress';
      a.fact('addressOnNetwork', 'ok', `NetworkSettings.Networks.${holding[0].network.name}.${field}`, target.name, {
        address: typedAddress,
        network: holding[0].network.name,
      });
      return { kind: 'path', links: holding, address: typedAddress };
    }
    a.fact('addressOnNetwork', 'problem', 'NetworkSettings.Networks', target.name, {
      address: typedAddress,
      network: '-',
    });
    return { kind: 'unresolved', links: usable };
  }
  const extra = extraHostAddress(a.details(source.id), name);
  if (extra) {
    const hit = usable.find((l) => [l.target.ipv4, l.target.ipv6].some((ip) => ip && sameIp(ip, extra)));
    a.fact('extraHostResolves', hit ? 'ok' : 'warning', 'HostConfig.ExtraHosts', source.name, { name, address: extra });
    if (hit) return { kind: 'path', links: [hit], address: extra };
    return { kind: 'unresolved', links: usable };
  }
  const resolving = usable.filter((l) => resolvesOn(a, l, name, source, target));
  if (resolving.length > 0) return { kind: 'path', links: resolving };
  a.fact('nameDoesNotResolve', 'problem', 'NetworkSettings.Networks', source.name, { name, target: target.name });
  return { kind: 'unresolved', links: usable };
}

/** Fixes when the name does not resolve: a name that does, or the address, on a usable network. */
export function addNameFixes(a: Analysis, links: SharedLink[], target: ContainerModel): void {
  const withDns = links.find((l) => hasEmbeddedDns(l.network));
  if (withDns) a.fix({ kind: 'useName', name: target.name, containerIds: [], networkId: withDns.network.id });
  const first = links[0];
  const ip = first?.target.ipv4 ?? first?.target.ipv6;
  if (ip) a.fix({ kind: 'useAddress', address: ip, containerIds: [], networkId: first.network.id });
}
