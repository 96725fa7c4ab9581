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
  Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean; NodeID?: string } | null;
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

/** The two lists a topology snapshot is built from. */
export interface EngineListing {
  networks: EngineNetwork[];
  containers: EngineContainer[];
}
