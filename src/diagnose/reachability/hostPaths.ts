/**
 * Paths that go through the host rather than a shared network: a host-mode source reaching a container address,
 * a container reaching a host-mode target or a published port through its network's gateway, and a typed
 * address or name that no container holds. The internal flag (no gateway out) and macvlan/ipvlan (no traffic
 * between the host and its own containers) close these paths.
 */
import { ipFamily, ipInCidr, sameIp } from '../../model/address';
import type { ContainerModel, NetworkModel } from '../../model/topology';
import { type Analysis, isMacvlanLike, routesToHost } from './context';
import { bindingText, isLoopback, publishedBindings } from './ports';

export interface HostPath {
  ok: boolean;
  networkIds: string[];
  address?: string;
  port?: number;
}

const NO_PATH: HostPath = { ok: false, networkIds: [] };

/** The gateway (the host's address) of the source's first network that routes to the host. */
export function gatewayOf(a: Analysis, source: ContainerModel): { network: NetworkModel; gateway: string } | undefined {
  for (const { endpoint, network } of a.endpoints(source)) {
    const gateway = endpoint.gateway ?? network.ipam.find((c) => c.gateway)?.gateway;
    if (routesToHost(network) && gateway) return { network, gateway };
  }
  return undefined;
}

/** Says why the source has no way out (all its networks internal, or macvlan/ipvlan only). */
function noWayOut(a: Analysis, source: ContainerModel): void {
  const networks = a.endpoints(source).map((e) => e.network);
  const internal = networks.filter((n) => n.internal).map((n) => n.name);
  if (internal.length > 0) {
    a.fact('internalNoWayOut', 'problem', 'Internal', internal.join(', '), {
      container: source.name,
      networks: internal.join(', '),
    });
  }
  for (const n of networks.filter(isMacvlanLike)) {
    a.fact('macvlanHost', 'problem', 'Driver', n.name, { network: n.name, driver: n.driver });
  }
}

/** A source in the host's namespace reaching a container's address on one of its networks. */
export function hostToContainer(a: Analysis, target: ContainerModel): HostPath {
  for (const { endpoint, network } of a.endpoints(target)) {
    const address = endpoint.ipv4 ?? endpoint.ipv6;
    if (isMacvlanLike(network)) {
      a.fact('macvlanHost', 'problem', 'Driver', network.name, { network: network.name, driver: network.driver });
      a.fix({ kind: 'macvlanShim', networkId: network.id, containerIds: [] });
      continue;
    }
    if (network.driver === 'bridge' && address) {
      a.fact('hostToContainer', 'ok', `NetworkSettings.Networks.${network.name}.IPAddress`, target.name, {
        network: network.name,
        address,
      });
      return { ok: true, networkIds: [network.id], address };
    }
  }
  return NO_PATH;
}

/** A container reaching the host (a host-mode target) through its network's gateway. */
export function containerToHost(a: Analysis, source: ContainerModel, target: ContainerModel): HostPath {
  const way = gatewayOf(a, source);
  if (!way) {
    noWayOut(a, source);
    return NO_PATH;
  }
  a.fact('containerToHost', 'ok', `NetworkSettings.Networks.${way.network.name}.Gateway`, source.name, {
    network: way.network.name,
    gateway: way.gateway,
    target: target.name,
  });
  return { ok: true, networkIds: [way.network.id], address: way.gateway };
}

/** No shared network: the published port on the host is the only way in, if the source can reach the host. */
export function viaPublishedPort(a: Analysis, source: ContainerModel, target: ContainerModel, port: number): HostPath {
  const bindings = publishedBindings(target, port, a.protocol);
  if (bindings.length === 0) {
    a.fact('notPublished', 'info', 'Ports', target.name, { port, protocol: a.protocol });
    return NO_PATH;
  }
  const open = bindings.filter((b) => !isLoopback(b.hostIp ?? '0.0.0.0'));
  if (open.length === 0) {
    a.fact('publishedLoopbackOnly', 'problem', 'Ports', target.name, {
      port,
      bindings: bindings.map(bindingText).join(', '),
    });
    return NO_PATH;
  }
  const way = gatewayOf(a, source);
  if (!way) {
    noWayOut(a, source);
    return NO_PATH;
  }
  const binding = open[0];
  const address = binding.hostIp && !['0.0.0.0', '::'].includes(binding.hostIp) ? binding.hostIp : way.gateway;
  a.fact('publishedPort', 'ok', 'Ports', target.name, {
    port,
    bindings: open.map(bindingText).join(', '),
    via: `${address.includes(':') ? `[${address}]` : address}:${binding.hostPort}`,
  });
  return { ok: true, networkIds: [way.network.id], address, port: binding.hostPort };
}

/** A typed address or name that no container holds: inside one of the source's subnets, the host, or outside. */
export function towardsHost(
  a: Analysis,
  source: ContainerModel,
  host: string,
): { verdictKnown: boolean; path: HostPath } {
  const endpoints = a.endpoints(source);
  if (ipFamily(host)) {
    for (const { endpoint, network } of endpoints) {
      const gateway = endpoint.gateway ?? network.ipam.find((c) => c.gateway)?.gateway;
      if (gateway && sameIp(gateway, host) && routesToHost(network)) {
        a.fact('containerToHost', 'ok', `NetworkSettings.Networks.${network.name}.Gateway`, source.name, {
          network: network.name,
          gateway,
          target: host,
        });
        return { verdictKnown: true, path: { ok: true, networkIds: [network.id], address: host } };
      }
      const inside = network.ipam.some((c) => c.subnet && ipInCidr(host, c.subnet));
      if (inside && !isMacvlanLike(network)) {
        a.fact('addressOnNetwork', 'problem', `IPAM.Config.Subnet`, network.name, {
          address: host,
          network: network.name,
        });
        return { verdictKnown: true, path: NO_PATH };
      }
    }
  }
  if (!gatewayOf(a, source) && !endpoints.some((e) => isMacvlanLike(e.network))) {
    noWayOut(a, source);
    return { verdictKnown: true, path: NO_PATH };
  }
  a.fact('outsideDocker', 'info', 'NetworkSettings.Networks', source.name, { host });
  return { verdictKnown: false, path: { ok: false, networkIds: [], address: ipFamily(host) ? host : undefined } };
}
