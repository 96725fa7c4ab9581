/**
 * The Docker Engine API's JSON as we consume it, typed by us (field names as the engine sends them).
 * Only the fields this extension reads are declared; everything outside src/engine/ sees these records,
 * never dockerode's types. Shapes follow API 1.41 (engine 20.10) and stay compatible with later versions.
 */

export interface EngineIpamConfig {
  Subnet?: string;
  Gateway?: string;
  IPRange?: string;
  AuxiliaryAddresses?: Record<string, string> | null;
}

/** An item of `GET /networks` (the list form: `Containers` is empty there since API 1.28). */
export interface EngineNetwork {
  Name: string;
  Id: string;
  Created?: string;
  Scope: string;
  Driver: string;
  EnableIPv6?: boolean;
  EnableIPv4?: boolean;
  IPAM?: {
    Driver?: string;
    Options?: Record<string, string> | null;
    Config?: EngineIpamConfig[] | null;
  } | null;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigFrom?: { Network?: string } | null;
  ConfigOnly?: boolean;
  Containers?: Record<string, EngineNetworkContainer> | null;
  Options?: Record<string, string> | null;
  Labels?: Record<string, string> | null;
  /** Inspect form of a Swarm network on a manager: the nodes the network spans (gossip peers). */
  Peers?: Array<{ Name?: string; IP?: string }> | null;
}

/** A container entry of `GET /networks/{id}` (inspect form). */
export interface EngineNetworkContainer {
  Name?: string;
  EndpointID?: string;
  MacAddress?: string;
  IPv4Address?: string;
  IPv6Address?: string;
}

export interface EngineEndpointSettings {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] | null } | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  DNSNames?: string[] | null;
  NetworkID?: string;
  EndpointID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  IPv6Gateway?: string;
  GlobalIPv6Address?: string;
  GlobalIPv6PrefixLen?: number;
  MacAddress?: string;
}

export interface EnginePort {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: string;
}

/** An item of `GET /containers/json?all=1`. */
export interface EngineContainer {
  Id: string;
  Names?: string[] | null;
  Image?: string;
  ImageID?: string;
  Command?: string;
  Created?: number;
  Ports?: EnginePort[] | null;
  Labels?: Record<string, string> | null;
  State?: string;
  Status?: string;
  HostConfig?: { NetworkMode?: string } | null;
  NetworkSettings?: { Networks?: Record<string, EngineEndpointSettings> | null } | null;
}

/**
 * The parts of `GET /containers/{id}/json` (inspect form) we read. Unlike the list form, its endpoints carry
 * Aliases (null in the list form on API 1.41), IPAMConfig (static addresses asked for at connect/run) and,
 * from API 1.44, DNSNames.
 */
export interface EngineContainerDetails {
  Id: string;
  /** "/name": with the engine's leading slash. */
  Name?: string;
  /** Pid: the container's first process as the engine's host sees it (0 when not running). */
  State?: { Status?: string; Running?: boolean; Paused?: boolean; Restarting?: boolean; Pid?: number } | null;
  Config?: {
    Hostname?: string;
    Domainname?: string;
    Image?: string;
    /** "5432/tcp": {} for each port the image or `--expose` declares. */
    ExposedPorts?: Record<string, unknown> | null;
  } | null;
  HostConfig?: {
    NetworkMode?: string;
    /** Legacy links on the default bridge: "/target:/source/alias". */
    Links?: string[] | null;
    /** --add-host entries: "name:address" (address may be host-gateway). */
    ExtraHosts?: string[] | null;
    Privileged?: boolean;
    CapAdd?: string[] | null;
  } | null;
  NetworkSettings?: { Networks?: Record<string, EngineEndpointSettings> | null } | null;
}

/** A message of `GET /events`. */
export interface EngineEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> | null } | null;
  scope?: string;
  time?: number;
  timeNano?: number;
}

export interface EngineVersion {
  Version: string;
  ApiVersion: string;
  MinAPIVersion?: string;
  Os?: string;
  Arch?: string;
}

/** The parts of `GET /info` we read. */
export interface EngineInfo {
  Name?: string;
  ServerVersion?: string;
  /** Error: set on a manager whose Swarm cannot answer (no leader: quorum lost, or a leader election under way). */
  Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean; NodeID?: string; Error?: string } | null;
  /** Network: built-in drivers, enabled managed network plugins, and the drivers existing networks use. */
  Plugins?: { Network?: string[] | null; IPAM?: string[] | null } | null;
}

/** One capability of a managed plugin: `{ Prefix: "docker", Capability: "networkdriver", Version: "1.0" }`. */
export interface EnginePluginType {
  Prefix?: string;
  Capability?: string;
  Version?: string;
}

/** An item of `GET /plugins` (managed plugins, installed with `docker plugin install`). */
export interface EnginePlugin {
  Id?: string;
  /** "weaveworks/net-plugin:latest_release": the name networks give as their Driver. */
  Name: string;
  Enabled: boolean;
  Config?: {
    Description?: string;
    Interface?: { Types?: EnginePluginType[] | null; Socket?: string } | null;
  } | null;
}

/** The two lists a topology snapshot is built from, and the Swarm's three when the engine is in one. */
export interface EngineListing {
  networks: EngineNetwork[];
  containers: EngineContainer[];
  /** Absent when the engine is in no Swarm (/info Swarm.LocalNodeState is not active). */
  swarm?: EngineSwarmListing;
}

/**
 * What a Swarm member lists: a manager (ControlAvailable) answers GET /services, /tasks and /nodes; a worker
 * cannot (those are manager-only endpoints), so its lists are empty and `role` says why.
 */
export interface EngineSwarmListing {
  role: 'manager' | 'worker';
  nodeId?: string;
  /** Why a manager's lists are missing (e.g. the Swarm lost its quorum): the engine's own sentence. */
  problem?: string;
  services: EngineService[];
  tasks: EngineTask[];
  nodes: EngineNode[];
}

export interface EngineServicePort {
  Name?: string;
  Protocol?: string;
  TargetPort?: number;
  PublishedPort?: number;
  /** ingress (the routing mesh) or host. */
  PublishMode?: string;
}

/** An item of `GET /services?status=true`. */
export interface EngineService {
  ID: string;
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec?: {
    Name?: string;
    Labels?: Record<string, string> | null;
    TaskTemplate?: {
      ContainerSpec?: { Image?: string } | null;
      Networks?: Array<{ Target?: string; Aliases?: string[] | null }> | null;
    } | null;
    Mode?: { Replicated?: { Replicas?: number } | null; Global?: object | null } & Record<string, unknown>;
    EndpointSpec?: { Mode?: string; Ports?: EngineServicePort[] | null } | null;
  } | null;
  Endpoint?: {
    Spec?: { Mode?: string; Ports?: EngineServicePort[] | null } | null;
    Ports?: EngineServicePort[] | null;
    VirtualIPs?: Array<{ NetworkID?: string; Addr?: string }> | null;
  } | null;
  /** API 1.41+ with status=true. */
  ServiceStatus?: { RunningTasks?: number; DesiredTasks?: number; CompletedTasks?: number } | null;
}

/** An item of `GET /tasks` (filtered to desired-state=running). */
export interface EngineTask {
  ID: string;
  ServiceID?: string;
  Slot?: number;
  NodeID?: string;
  DesiredState?: string;
  Status?: {
    State?: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string } | null;
  } | null;
  NetworksAttachments?: Array<{ Network?: { ID?: string } | null; Addresses?: string[] | null }> | null;
}

/** An item of `GET /nodes`. */
export interface EngineNode {
  ID: string;
  Spec?: { Role?: string; Availability?: string } | null;
  Description?: { Hostname?: string; Engine?: { EngineVersion?: string } | null } | null;
  Status?: { State?: string; Addr?: string; Message?: string } | null;
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string } | null;
}
