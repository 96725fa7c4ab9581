/**
 * Builds the topology snapshot from the engine's two lists (GET /networks, GET /containers/json?all=1), and the
 * Swarm's three when the engine is a Swarm member (src/model/swarmSnapshot.ts).
 * Pure and linear: every lookup goes through a Map, so 10,000 containers cost a few milliseconds.
 * Every model object is created in one literal with all its fields (absent values are `undefined`): one
 * hidden class per entity kind keeps V8 fast on tens of thousands of endpoints.
 *
 * Endpoints come from each container's NetworkSettings.Networks, because the network list form carries no
 * Containers since API 1.28. Faithful to what the engine reports:
 * - network_mode host / none: the engine lists an endpoint on the host / none network without addresses; kept.
 * - network_mode container:<id>: the engine lists no network of its own; so no endpoint (see networkMode).
 * - a stopped container keeps its endpoints (configured, not live) but the engine clears their addresses.
 * - an endpoint whose network is in neither list (a network removed between the two requests) is dropped, so
 *   every endpoint refers to a network of the same snapshot; the next event brings a consistent listing.
 */
import type {
  EngineContainer,
  EngineEndpointSettings,
  EngineIpamConfig,
  EngineListing,
  EngineNetwork,
  EnginePort,
} from '../engine/records';
import { buildSwarm } from './swarmSnapshot';
import type { ContainerModel, EndpointModel, IpamConfig, NetworkModel, PortModel, TopologySnapshot } from './topology';

export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';

/** Local networks the engine creates by itself: name and the driver it gives them (ingress has its own flag). */
const BUILT_IN_DRIVERS: ReadonlyMap<string, string> = new Map([
  ['bridge', 'bridge'],
  ['host', 'host'],
  ['none', 'null'],
  ['docker_gwbridge', 'bridge'],
]);

const EMPTY_RECORD: Readonly<Record<string, string>> = Object.freeze({});
const EMPTY_LIST: readonly never[] = Object.freeze([]);
const EMPTY_RECORD_OF_SETTINGS: Readonly<Record<string, EngineEndpointSettings>> = Object.freeze({});

export function emptySnapshot(): TopologySnapshot {
  return {
    networks: new Map(),
    containers: new Map(),
    endpoints: new Map(),
    endpointsByNetwork: new Map(),
    endpointsByContainer: new Map(),
    swarm: undefined,
  };
}

export function buildSnapshot(listing: EngineListing): TopologySnapshot {
  const networkList = (listing.networks ?? []).map(toNetworkModel).sort(byNameThenId);
  const networks = new Map<string, NetworkModel>();
  const networksByName = new Map<string, NetworkModel>();
  const endpointsByNetwork = new Map<string, EndpointModel[]>();
  for (const network of networkList) {
    networks.set(network.id, network);
    // Names are unique per engine except for swarm networks created on several managers; the first wins.
    if (!networksByName.has(network.name)) networksByName.set(network.name, network);
    endpointsByNetwork.set(network.id, []);
  }

  const containerList = (listing.containers ?? []).map((raw) => ({ raw, model: toContainerModel(raw) }));
  containerList.sort((a, b) => byNameThenId(a.model, b.model));
  const containers = new Map<string, ContainerModel>();
  const endpointsByContainer = new Map<string, EndpointModel[]>();
  for (const { raw, model } of containerList) {
    containers.set(model.id, model);
    const own = containerEndpoints(attachedNetworks(raw), model, networks, networksByName);
    // Containers are visited in name order, so each network's list comes out sorted by container name.
    for (const endpoint of own) endpointsByNetwork.get(endpoint.networkId)?.push(endpoint);
    endpointsByContainer.set(model.id, own);
  }

  // Endpoints in network-name order, then container-name order: the concatenation of the sorted lists.
  const endpoints = new Map<string, EndpointModel>();
  for (const list of endpointsByNetwork.values()) {
    for (const endpoint of list) endpoints.set(endpoint.key, endpoint);
  }
  const swarm = listing.swarm ? buildSwarm(listing.swarm) : undefined;
  return { networks, containers, endpoints, endpointsByNetwork, endpointsByContainer, swarm };
}

/** What endpoint building reads of a network index: a Map, or an incremental update's draft. */
export type NetworkLookup = Pick<ReadonlyMap<string, NetworkModel>, 'get'>;

/**
 * One container's endpoints, sorted by network name: each entry of NetworkSettings.Networks resolved to a
 * network by NetworkID, else by name; entries whose network is unknown are dropped (see the top of this file).
 */
export function containerEndpoints(
  attached: Readonly<Record<string, EngineEndpointSettings | undefined>>,
  model: ContainerModel,
  networks: NetworkLookup,
  networksByName: NetworkLookup,
): EndpointModel[] {
  const own: EndpointModel[] = [];
  for (const networkName of Object.keys(attached)) {
    const settings = attached[networkName];
    const network =
      (settings?.NetworkID ? networks.get(settings.NetworkID) : undefined) ?? networksByName.get(networkName);
    if (network) own.push(toEndpointModel(network, model, settings ?? {}));
  }
  return own.sort((a, b) => compareText(a.networkName, b.networkName));
}

/** A container's NetworkSettings.Networks: what its endpoints are built from. */
export function attachedNetworks(raw: EngineContainer): Readonly<Record<string, EngineEndpointSettings>> {
  return raw.NetworkSettings?.Networks ?? EMPTY_RECORD_OF_SETTINGS;
}

export function isBuiltInNetwork(network: Pick<EngineNetwork, 'Name' | 'Driver' | 'Scope' | 'Ingress'>): boolean {
  if (network.Ingress) return true;
  return network.Scope === 'local' && BUILT_IN_DRIVERS.get(network.Name) === network.Driver;
}

export function toNetworkModel(raw: EngineNetwork): NetworkModel {
  const labels = copyRecord(raw.Labels);
  return {
    id: raw.Id,
    name: raw.Name ?? '',
    driver: raw.Driver ?? '',
    scope: raw.Scope ?? '',
    created: nonEmpty(raw.Created),
    ipamDriver: raw.IPAM?.Driver || 'default',
    ipamOptions: copyRecord(raw.IPAM?.Options),
    ipam: (raw.IPAM?.Config ?? []).map(toIpamConfig),
    internal: raw.Internal === true,
    attachable: raw.Attachable === true,
    ipv6: raw.EnableIPv6 === true,
    ingress: raw.Ingress === true,
    configOnly: raw.ConfigOnly === true,
    configFrom: nonEmpty(raw.ConfigFrom?.Network),
    options: copyRecord(raw.Options),
    labels,
    builtIn: isBuiltInNetwork(raw),
    composeProject: nonEmpty(labels[COMPOSE_PROJECT_LABEL]),
  };
}

function toIpamConfig(raw: EngineIpamConfig): IpamConfig {
  return {
    subnet: nonEmpty(raw.Subnet),
    gateway: nonEmpty(raw.Gateway),
    ipRange: nonEmpty(raw.IPRange),
    auxAddresses: copyRecord(raw.AuxiliaryAddresses),
  };
}

export function toContainerModel(raw: EngineContainer): ContainerModel {
  const labels = copyRecord(raw.Labels);
  const state = raw.State ?? '';
  return {
    id: raw.Id,
    name: containerName(raw),
    state,
    status: raw.Status ?? '',
    image: raw.Image ?? '',
    running: state === 'running',
    labels,
    composeProject: nonEmpty(labels[COMPOSE_PROJECT_LABEL]),
    composeService: nonEmpty(labels[COMPOSE_SERVICE_LABEL]),
    ports: toPorts(raw.Ports),
    networkMode: raw.HostConfig?.NetworkMode || 'default',
  };
}

/** Names holds "/name" plus "/other/alias" for each legacy link pointing at it: the own name has one slash. */
function containerName(raw: EngineContainer): string {
  const names = raw.Names ?? [];
  const own = names.find((name) => name.lastIndexOf('/') === 0) ?? names[0];
  if (own) return own.startsWith('/') ? own.slice(1) : own;
  return raw.Id.slice(0, 12);
}

function toEndpointModel(
  network: NetworkModel,
  container: ContainerModel,
  settings: EngineEndpointSettings,
): EndpointModel {
  const ipv4 = nonEmpty(settings.IPAddress);
  const ipv6 = nonEmpty(settings.GlobalIPv6Address);
  return {
    key: `${network.id}/${container.id}`,
    networkId: network.id,
    networkName: network.name,
    containerId: container.id,
    containerName: container.name,
    endpointId: nonEmpty(settings.EndpointID),
    ipv4,
    ipv4PrefixLen: ipv4 ? settings.IPPrefixLen : undefined,
    ipv6,
    ipv6PrefixLen: ipv6 ? settings.GlobalIPv6PrefixLen : undefined,
    mac: nonEmpty(settings.MacAddress),
    aliases: endpointAliases(settings, container),
    gateway: nonEmpty(settings.Gateway),
    ipv6Gateway: nonEmpty(settings.IPv6Gateway),
    running: container.running,
  };
}

/**
 * The names other containers can use for this endpoint, beyond the container's own name: Aliases and, on
 * engines that send it (API 1.44+), DNSNames. Dropped as noise: the 12-character short id the engine adds to
 * Aliases by itself on user-defined networks (API < 1.44) and puts in DNSNames, and the container's own name,
 * which DNSNames always repeats. Note: engines before API 1.44 leave Aliases null in the container list form
 * (only container inspect has them), so at API 1.41 this list is empty.
 */
function endpointAliases(settings: EngineEndpointSettings, container: ContainerModel): readonly string[] {
  const aliases = settings.Aliases ?? EMPTY_LIST;
  const dnsNames = settings.DNSNames ?? EMPTY_LIST;
  if (aliases.length === 0 && dnsNames.length === 0) return EMPTY_LIST;
  const shortId = container.id.slice(0, 12);
  const result: string[] = [];
  for (const name of [...aliases, ...dnsNames]) {
    if (!name || name === shortId || name === container.name || result.includes(name)) continue;
    result.push(name);
  }
  return result;
}

/**
 * Published and exposed ports, sorted. The engine lists a port bound on all interfaces twice (0.0.0.0 and ::):
 * both are kept since they are distinct bindings; only entries identical in every field are merged.
 */
function toPorts(raw: EnginePort[] | null | undefined): readonly PortModel[] {
  if (!raw || raw.length === 0) return EMPTY_LIST;
  const seen = new Set<string>();
  const ports: PortModel[] = [];
  for (const port of raw) {
    const published = port.PublicPort !== undefined && port.PublicPort !== 0;
    const model: PortModel = {
      hostIp: published ? nonEmpty(port.IP) : undefined,
      hostPort: published ? port.PublicPort : undefined,
      containerPort: port.PrivatePort,
      protocol: port.Type || 'tcp',
    };
    const identity = `${model.containerPort}/${model.protocol}/${model.hostIp ?? ''}/${model.hostPort ?? ''}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    ports.push(model);
  }
  return ports.sort(comparePorts);
}

function comparePorts(a: PortModel, b: PortModel): number {
  return (
    a.containerPort - b.containerPort ||
    compareText(a.protocol, b.protocol) ||
    compareText(a.hostIp ?? '', b.hostIp ?? '') ||
    (a.hostPort ?? 0) - (b.hostPort ?? 0)
  );
}

export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** Plain code-unit order: stable across locales and much cheaper than localeCompare on 10,000 names. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

function copyRecord(value: Record<string, string> | null | undefined): Readonly<Record<string, string>> {
  if (!value || Object.keys(value).length === 0) return EMPTY_RECORD;
  return { ...value };
}
