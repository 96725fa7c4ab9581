/**
 * The engine client's public surface. Everything outside src/engine/ talks to the engine through these types;
 * the dockerode-backed implementation lives beside this file.
 */
import type {
  EngineContainer,
  EngineContainerDetails,
  EngineEvent,
  EngineInfo,
  EngineListing,
  EngineNetwork,
  EnginePlugin,
  EngineSwarmListing,
  EngineVersion,
} from './records';

export type EndpointSource = 'setting' | 'DOCKER_HOST' | 'context' | 'default';

export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  /** false when DOCKER_TLS_VERIFY is unset/empty but TLS material or https is used (client cert only). */
  verify: boolean;
}

/** Where the engine is, and how we learned it. */
export interface EngineEndpoint {
  source: EndpointSource;
  /** The Docker context name, when source is 'context' (or 'default' context). */
  contextName?: string;
  kind: 'unix' | 'npipe' | 'tcp' | 'ssh';
  /** unix socket path or named pipe path. */
  socketPath?: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https' | 'ssh';
  username?: string;
  tls?: TlsMaterial;
  /** ssh: the key file from ~/.ssh/config (IdentityFile) or ssh's default names, read at resolution. */
  identityFile?: string;
  privateKey?: Buffer;
  /** ssh: the host keys ~/.ssh/known_hosts accepts for host:port (base64 blobs); the connection checks them. */
  knownHostKeys?: readonly string[];
  /** What users read: unix:///var/run/docker.sock, tcp://host:2376 (TLS), ssh://user@host. */
  display: string;
}

export type EngineProblemKind =
  | 'unreachable'
  | 'permissionDenied'
  | 'notFound'
  | 'conflict'
  | 'forbidden'
  | 'badRequest'
  | 'apiTooOld'
  | 'timeout'
  | 'unknown';

/** A classified failure: `message` is the sentence for users (what happened, why, what to do). */
export interface EngineProblem {
  kind: EngineProblemKind;
  message: string;
  /** The engine's own message, kept verbatim. */
  engineMessage?: string;
  statusCode?: number;
  endpoint?: string;
}

export interface CreateNetworkIpam {
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  auxAddresses?: Record<string, string>;
}

export interface CreateNetworkRequest {
  name: string;
  driver: string;
  /** The IPAM driver; 'default' when not given. */
  ipamDriver?: string;
  /** Options for the IPAM driver (`docker network create --ipam-opt`): a plugin's own keys. */
  ipamOptions?: Record<string, string>;
  internal?: boolean;
  attachable?: boolean;
  enableIPv6?: boolean;
  ipam?: CreateNetworkIpam[];
  options?: Record<string, string>;
  labels?: Record<string, string>;
}

export interface ConnectRequest {
  aliases?: string[];
  ipv4?: string;
  ipv6?: string;
}

export interface Disposable {
  dispose(): void;
}

export interface EventHandlers {
  onEvent(event: EngineEvent): void;
  /** The stream is (re)connected: anything may have changed during a gap, so consumers resync. */
  onConnected(): void;
  /** The stream broke; it retries with back-off by itself until disposed. */
  onDisconnected(problem: EngineProblem): void;
}

export interface ExecOptions {
  /** Stop reading after this long (default 10 s) and report timedOut; the engine cannot kill an exec'd process. */
  timeoutMs?: number;
  /** Cancels the wait: the promise rejects with the signal's reason (an AbortError by default). */
  signal?: AbortSignal;
}

/** What a command printed (each stream bounded to 64 KiB) and how it ended. */
export interface ExecResult {
  /** Undefined when it timed out or the engine did not report one. */
  exitCode?: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Output beyond the bound was dropped. */
  truncated?: boolean;
}

/** A diagnostics container in another container's network namespace (network mode container:<id>). */
export interface HelperRequest {
  /** An image already on the engine: it is never pulled. */
  image: string;
  /** The container whose network namespace the helper joins. */
  joinContainer: string;
  /** The command; its first word replaces the image's entrypoint. */
  cmd: string[];
}

export interface EngineApi {
  readonly endpoint: EngineEndpoint;
  version(): Promise<EngineVersion>;
  info(): Promise<EngineInfo>;
  /**
   * GET /networks, GET /containers/json?all=1 and GET /info; on a Swarm manager also GET /services, /tasks and
   * /nodes (swarmRequests.ts): 3 requests, 6 on a manager, at any size.
   */
  listing(): Promise<EngineListing>;
  /** A manager's three Swarm lists (services, running tasks, nodes): the event path's swarm refresh. */
  listSwarm(): Promise<EngineSwarmListing>;
  /** The raw inspect JSON, for the read-only inspect document. */
  inspectNetwork(idOrName: string): Promise<unknown>;
  /** One container's inspect form (aliases, static IPs, DNS names): on demand, never on the refresh path. */
  inspectContainer(idOrName: string): Promise<EngineContainerDetails>;
  createNetwork(request: CreateNetworkRequest): Promise<{ id: string; warning?: string }>;
  removeNetwork(idOrName: string): Promise<void>;
  /** Returns the names of the removed networks. */
  pruneNetworks(): Promise<string[]>;
  connect(network: string, container: string, request?: ConnectRequest): Promise<void>;
  disconnect(network: string, container: string, force?: boolean): Promise<void>;
  /** Runs a command in a running container (no TTY, no stdin); rejects with an EngineError when the engine refuses. */
  exec(container: string, cmd: string[], options?: ExecOptions): Promise<ExecResult>;
  /** Runs a command in a labelled helper container (dne.diagnostics=1) that is always removed afterwards. */
  runHelper(request: HelperRequest, options?: ExecOptions): Promise<ExecResult>;
  /** Network events and container events (connect/disconnect arrive as network events). */
  subscribe(handlers: EventHandlers): Disposable;
  // Targeted requests of the incremental model (issue 13): one object each, in the listing's own shapes.
  /**
   * The listing records of these containers (those that still exist), in one request:
   * `GET /containers/json?all=1&filters={"id":[...]}`.
   */
  listContainersById(ids: readonly string[]): Promise<EngineContainer[]>;
  /** `GET /networks/{id}` as the listing's network record; undefined when the network is gone (404). */
  inspectNetworkRecord(id: string): Promise<EngineNetwork | undefined>;
  /** The events between two times (seconds since the epoch), answered at once: `GET /events?since&until`. */
  eventsBetween(since: number, until: number): Promise<EngineEvent[]>;
  /** Managed plugins, `GET /plugins` (one request; an engine without plugin support answers none). */
  plugins(): Promise<EnginePlugin[]>;
  dispose(): void;
}
