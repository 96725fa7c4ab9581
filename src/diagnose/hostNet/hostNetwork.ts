/**
 * The Linux constructs behind Docker networks, from facts read in /sys/class/net: the bridge of each bridge
 * network, the host-side veth of each endpoint, and what is wrong with them. Pure: facts in, verdicts out.
 *
 * - A bridge network's bridge is `com.docker.network.bridge.name` when set, `docker0` for the default `bridge`
 *   network, else `br-` and the first 12 characters of the network id.
 * - A container's interface and its host-side veth are the two ends of one veth pair: the container interface's
 *   `iflink` is the host veth's `ifindex`. The container interface of an endpoint is the one with its MAC.
 * - Flags: a bridge that is administratively down, or down while running containers use it; a container MTU larger
 *   than the MTU of the host's default-route interface (large packets are dropped on the way out: the classic
 *   cause of TLS handshakes that hang over VPNs and some clouds).
 */
import type { EndpointModel, NetworkModel } from '../../model/topology';

/** One interface as /sys/class/net/<name>/ describes it. */
export interface InterfaceFacts {
  name: string;
  ifindex: number;
  iflink: number;
  mtu: number;
  /** operstate: up, down, unknown, lowerlayerdown, dormant... */
  operstate: string;
  mac: string;
  /** IFF_UP in `flags`: the interface was set up (operstate may still be down: no carrier, no ports). */
  adminUp: boolean;
  /** The bridge it is enslaved to (the `master` link), when any. */
  master?: string;
}

export interface HostNetInput {
  networks: Iterable<NetworkModel>;
  endpoints: Iterable<EndpointModel>;
  hostInterfaces: readonly InterfaceFacts[];
  /** Interfaces inside each running container's namespace, by container id (those that could be read). */
  containerInterfaces: ReadonlyMap<string, readonly InterfaceFacts[]>;
  /** The host's default-route interface (from /proc/net/route), when there is one. */
  defaultRouteInterface?: string;
}

export interface BridgeFacts {
  networkId: string;
  bridgeName: string;
  /** undefined: no such interface on this host. */
  bridge?: InterfaceFacts;
}

export interface VethFacts {
  endpointKey: string;
  containerInterface?: InterfaceFacts;
  hostVeth?: InterfaceFacts;
}

export type HostNetFlag =
  | { kind: 'bridgeMissing'; networkId: string; bridgeName: string }
  | { kind: 'bridgeDown'; networkId: string; bridgeName: string; adminUp: boolean; operstate: string }
  | { kind: 'mtuAboveUplink'; endpointKey: string; networkId: string; mtu: number; uplink: string; uplinkMtu: number };

export interface HostNetFacts {
  bridges: Map<string, BridgeFacts>;
  veths: Map<string, VethFacts>;
  uplink?: InterfaceFacts;
  flags: HostNetFlag[];
}

export const BRIDGE_NAME_OPTION = 'com.docker.network.bridge.name';

/** The Linux bridge behind a bridge network; undefined for other drivers. */
export function bridgeNameOf(network: NetworkModel): string | undefined {
  if (network.driver !== 'bridge') return undefined;
  const named = network.options[BRIDGE_NAME_OPTION];
  if (named) return named;
  if (network.name === 'bridge' && network.builtIn) return 'docker0';
  return `br-${network.id.slice(0, 12)}`;
}

function sameMac(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

/** The endpoint's interface in its container: by MAC; else the only non-loopback interface of a one-network container. */
function containerInterfaceOf(
  endpoint: EndpointModel,
  interfaces: readonly InterfaceFacts[],
  endpointCount: number,
): InterfaceFacts | undefined {
  const byMac = interfaces.find((i) => sameMac(i.mac, endpoint.mac));
  if (byMac) return byMac;
  const links = interfaces.filter((i) => i.name !== 'lo' && i.iflink !== i.ifindex);
  return endpointCount === 1 && links.length === 1 ? links[0] : undefined;
}

export function hostNetworkFacts(input: HostNetInput): HostNetFacts {
  const byName = new Map(input.hostInterfaces.map((i) => [i.name, i]));
  const byIndex = new Map(input.hostInterfaces.map((i) => [i.ifindex, i]));
  const uplink = input.defaultRouteInterface !== undefined ? byName.get(input.defaultRouteInterface) : undefined;
  const bridges = new Map<string, BridgeFacts>();
  const flags: HostNetFlag[] = [];
  const endpoints = [...input.endpoints];
  const endpointCounts = new Map<string, number>();
  for (const e of endpoints) endpointCounts.set(e.containerId, (endpointCounts.get(e.containerId) ?? 0) + 1);

  for (const network of input.networks) {
    const bridgeName = bridgeNameOf(network);
    if (bridgeName === undefined) continue;
    const bridge = byName.get(bridgeName);
    bridges.set(network.id, { networkId: network.id, bridgeName, ...(bridge ? { bridge } : {}) });
    const inUse = endpoints.some((e) => e.networkId === network.id && e.running);
    if (!bridge) {
      if (inUse) flags.push({ kind: 'bridgeMissing', networkId: network.id, bridgeName });
    } else if (!bridge.adminUp || (inUse && bridge.operstate === 'down')) {
      flags.push({
        kind: 'bridgeDown',
        networkId: network.id,
        bridgeName,
        adminUp: bridge.adminUp,
        operstate: bridge.operstate,
      });
    }
  }

  const veths = new Map<string, VethFacts>();
  for (const endpoint of endpoints) {
    const interfaces = input.containerInterfaces.get(endpoint.containerId);
    if (!interfaces || !endpoint.running) continue;
    const containerInterface = containerInterfaceOf(
      endpoint,
      interfaces,
      endpointCounts.get(endpoint.containerId) ?? 0,
    );
    const hostVeth = containerInterface ? byIndex.get(containerInterface.iflink) : undefined;
    veths.set(endpoint.key, {
      endpointKey: endpoint.key,
      ...(containerInterface ? { containerInterface } : {}),
      ...(hostVeth ? { hostVeth } : {}),
    });
    if (containerInterface && uplink && containerInterface.mtu > uplink.mtu) {
      flags.push({
        kind: 'mtuAboveUplink',
        endpointKey: endpoint.key,
        networkId: endpoint.networkId,
        mtu: containerInterface.mtu,
        uplink: uplink.name,
        uplinkMtu: uplink.mtu,
      });
    }
  }
  return { bridges, veths, ...(uplink ? { uplink } : {}), flags };
}
