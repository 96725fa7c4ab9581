/**
 * Builds the topology snapshot from the engine's two lists (GET /networks, GET /containers/json?all=1).
 * Pure and linear: every lookup goes through a Map, so 10,000 containers cost a few milliseconds.
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
import type {
  ContainerModel,
  EndpointModel,
  IpamConfig,
  NetworkModel,
  PortModel,
  TopologySnapshot,
} from './topology';

export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';
export const COMPOSE_SERVICE_LABEL = 'com.docker.compose.service';

/** Networks the engine creates by itself: name and the driver it gives them. */
const BUILT_IN_DRIVERS: ReadonlyMap<string, string> = new Map([
  ['bridge', 'bridge'],
  ['host', 'host'],
  ['none', 'null'],
  ['docker_gwbridge', 'bridge'],
]);

const EMPTY_RECORD: Readonly<Record<string, string>> = Object.freeze({});

export function emptySnapshot(): TopologySnapshot {
  return {
    networks: new Map(),
    containers: new Map(),
    endpoints: new Map(),
    endpointsByNetwork: new Map(),
    endpointsByContainer: new Map(),
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
    const own: EndpointModel[] = [];
    const attached = raw.NetworkSettings?.Networks ?? {};
    for (const networkName of Object.keys(attached)) {
      const settings = attached[networkName];
      const network =
        (settings?.NetworkID ? networks.get(settings.NetworkID) : undefined) ?? networksByName.get(networkName);
      if (!network) continue;
      const endpoint = toEndpointModel(network, model, settings ?? {});
      own.push(endpoint);
      // Containers are visited in name order, so each network's list comes out sorted by container name.
      endpointsByNetwork.get(network.id)?.push(endpoint);
    }
    own.sort((a, b) => compareText(a.networkName, b.networkName));
    endpointsByContainer.set(model.id, own);
  }

  // Endpoints in network-name order, then container-name order: the concatenation of the sorted lists.
  const endpoints = new Map<string, EndpointModel>();
  for (const list of endpointsByNetwork.values()) {
    for (const endpoint of list) endpoints.set(endpoint.key, endpoint);
  }
  return { networks, containers, endpoints, endpointsByNetwork, endpointsByContainer };
}

export function isBuiltInNetwork(network: Pick<EngineNetwork, 'Name' | 'Driver' | 'Ingress'>): boolean {
  if (network.Ingress) return true;
  return BUILT_IN_DRIVERS.get(network.Name) === network.Driver;
}

function toNetworkModel(raw: EngineNetwork): NetworkModel {
  const labels = copyRecord(raw.Labels);
  const model: NetworkModel = {
    id: raw.Id,
    name: raw.Name ?? '',
    driver: raw.Driver ?? '',
    scope: raw.Scope ?? '',
    ipamDriver: raw.IPAM?.Driver || 'default',
    ipamOptions: copyRecord(raw.IPAM?.Options),
    ipam: (raw.IPAM?.Config ?? []).map(toIpamConfig),
    internal: raw.Internal === true,
    attachable: raw.Attachable === true,
    ipv6: raw.EnableIPv6 === true,
    ingress: raw.Ingress === true,
    configOnly: raw.ConfigOnly === true,
    options: copyRecord(raw.Options),
    labels,
    builtIn: isBuiltInNetwork(raw),
  };
  setIfDefined(model, 'created', nonEmpty(raw.Created));
  setIfDefined(model, 'configFrom', nonEmpty(raw.ConfigFrom?.Network));
  setIfDefined(model, 'composeProject', nonEmpty(labels[COMPOSE_PROJECT_LABEL]));
  return model;
}

function toIpamConfig(raw: EngineIpamConfig): IpamConfig {
  const config: IpamConfig = { auxAddresses: copyRecord(raw.AuxiliaryAddresses) };
  setIfDefined(config, 'subnet', nonEmpty(raw.Subnet));
  setIfDefined(config, 'gateway', nonEmpty(raw.Gateway));
  setIfDefined(config, 'ipRange', nonEmpty(raw.IPRange));
  return config;
}

function toContainerModel(raw: EngineContainer): ContainerModel {
  const labels = copyRecord(raw.Labels);
  const state = raw.State ?? '';
  const model: ContainerModel = {
    id: raw.Id,
    name: containerName(raw),
    state,
    status: raw.Status ?? '',
    image: raw.Image ?? '',
    running: state === 'running',
    labels,
    ports: toPorts(raw.Ports),
    networkMode: raw.HostConfig?.NetworkMode || 'default',
  };
  setIfDefined(model, 'composeProject', nonEmpty(labels[COMPOSE_PROJECT_LABEL]));
  setIfDefined(model, 'composeService', nonEmpty(labels[COMPOSE_SERVICE_LABEL]));
  return model;
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
  const endpoint: EndpointModel = {
    key: `${network.id}/${container.id}`,
    networkId: network.id,
    networkName: network.name,
    containerId: container.id,
    containerName: container.name,
    aliases: endpointAliases(settings, container),
    running: container.running,
  };
  setIfDefined(endpoint, 'endpointId', nonEmpty(settings.EndpointID));
  setIfDefined(endpoint, 'ipv4', ipv4);
  setIfDefined(endpoint, 'ipv4PrefixLen', ipv4 ? settings.IPPrefixLen : undefined);
  setIfDefined(endpoint, 'ipv6', ipv6);
  setIfDefined(endpoint, 'ipv6PrefixLen', ipv6 ? settings.GlobalIPv6PrefixLen : undefined);
  setIfDefined(endpoint, 'mac', nonEmpty(settings.MacAddress));
  setIfDefined(endpoint, 'gateway', nonEmpty(settings.Gateway));
  setIfDefined(endpoint, 'ipv6Gateway', nonEmpty(settings.IPv6Gateway));
  return endpoint;
}

/**
 * The names other containers can use for this endpoint, beyond the container's own name: Aliases and, on
 * engines that send it (API 1.44+), DNSNames. Dropped as noise: the 12-character short id the engine adds to
 * Aliases by itself on user-defined networks (API < 1.44) and puts in DNSNames, and the container's own name,
 * which DNSNames always repeats. Note: engines before API 1.44 leave Aliases null in the container list form
 * (only container inspect has them), so at API 1.41 this list is empty.
 */
function endpointAliases(settings: EngineEndpointSettings, container: ContainerModel): string[] {
  const aliases = settings.Aliases ?? [];
  const dnsNames = settings.DNSNames ?? [];
  if (aliases.length === 0 && dnsNames.length === 0) return [];
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
function toPorts(raw: EnginePort[] | null | undefined): PortModel[] {
  if (!raw || raw.length === 0) return [];
  const seen = new Set<string>();
  const ports: PortModel[] = [];
  for (const port of raw) {
    const model: PortModel = { containerPort: port.PrivatePort, protocol: port.Type || 'tcp' };
    if (port.PublicPort !== undefined && port.PublicPort !== 0) {
      model.hostPort = port.PublicPort;
      setIfDefined(model, 'hostIp', nonEmpty(port.IP));
    }
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

function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** Plain code-unit order: stable across locales and much cheaper than localeCompare on 10,000 names. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

function copyRecord(value: Record<string, string> | null | undefined): Readonly<Record<string, string>> {
  if (!value || Object.keys(value).length === 0) return EMPTY_RECORD;
  return { ...value };
}

/** Optional fields stay absent (not `undefined`) so snapshots compare and serialize cleanly. */
function setIfDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
