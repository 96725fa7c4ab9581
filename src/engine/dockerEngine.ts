/**
 * The dockerode-backed EngineApi: the only module that imports dockerode. Requests go through dockerode's modem
 * so that every call can carry our own timeout, status codes and record types.
 * No API version is pinned: unversioned paths get the engine's newest API (so newer fields arrive), and
 * version() rejects engines older than MIN_API_VERSION.
 */
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import { consoleLogger, type Logger } from '../common/logger';
import type {
  ConnectRequest,
  CreateNetworkRequest,
  Disposable,
  EngineApi,
  EngineEndpoint,
  EventHandlers,
  ExecOptions,
  ExecResult,
  HelperRequest,
} from './api';
import { EngineError, checkApiVersion, timeoutProblem, toEngineError, toEngineProblem } from './errors';
import { subscribeToEvents } from './eventStream';
import { dockerOptions } from './modemOptions';
import { execInContainer } from './exec';
import { runHelperContainer } from './helperContainer';
import { listPlugins } from './pluginRequests';
import { EVENT_FILTERS, eventsBetween, inspectNetworkRecord, listContainersById } from './targetedRequests';
import { listSwarm, swarmListingOf } from './swarmRequests';
import type { EngineTransport, RequestSpec, StreamSpec } from './transport';
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

export interface EngineOptions {
  /** Per-request timeout of reads (lists, version, info, inspect). */
  readTimeoutMs?: number;
  /** Per-request timeout of changes (create, remove, connect, disconnect, prune). */
  writeTimeoutMs?: number;
  /** How often to check that the events stream still delivers (SilentStreamCheck); 0: never. */
  eventsCheckMs?: number;
  /** Where the events stream reports malformed lines and throwing handlers; the console when not given. */
  log?: Logger;
}

export const READ_TIMEOUT_MS = 15_000;
export const WRITE_TIMEOUT_MS = 60_000;
export const EVENTS_CHECK_MS = 30_000;

export function createEngine(endpoint: EngineEndpoint, options: EngineOptions = {}): EngineApi {
  return new DockerEngine(endpoint, options);
}

class DockerEngine implements EngineApi, EngineTransport {
  private readonly docker: Docker;
  private readonly agent?: https.Agent;
  readonly readTimeoutMs: number;
  readonly writeTimeoutMs: number;
  private readonly eventsCheckMs: number;
  private readonly log?: Logger;
  private readonly live = new Set<AbortController>();
  private readonly subscriptions = new Set<Disposable>();
  private disposed = false;

  constructor(
    readonly endpoint: EngineEndpoint,
    options: EngineOptions,
  ) {
    this.readTimeoutMs = options.readTimeoutMs ?? READ_TIMEOUT_MS;
    this.writeTimeoutMs = options.writeTimeoutMs ?? WRITE_TIMEOUT_MS;
    this.eventsCheckMs = options.eventsCheckMs ?? EVENTS_CHECK_MS;
    this.log = options.log;
    if (endpoint.tls && !endpoint.tls.verify) {
      this.agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
    }
    try {
      this.docker = new Docker(dockerOptions(endpoint, this.agent));
    } catch (e) {
      throw toEngineError(e, { endpoint });
    }
  }

  async version(): Promise<EngineVersion> {
    const version = await this.request<EngineVersion>({
      method: 'GET',
      path: '/version',
      ok: [200],
      timeoutMs: this.readTimeoutMs,
      operation: 'asking for the engine version',
    });
    const tooOld = checkApiVersion(version.ApiVersion, this.endpoint);
    if (tooOld) throw new EngineError(tooOld);
    return version;
  }

  info(): Promise<EngineInfo> {
    return this.request<EngineInfo>({
      method: 'GET',
      path: '/info',
      ok: [200],
      timeoutMs: this.readTimeoutMs,
      operation: 'asking for engine information',
    });
  }

  /** GET /networks, GET /containers/json and /info; on a Swarm manager the three Swarm lists too. */
  async listing(): Promise<EngineListing> {
    const networksRequest = this.request<EngineNetwork[]>({
      method: 'GET',
      path: '/networks',
      ok: [200],
      timeoutMs: this.readTimeoutMs,
      operation: 'listing networks',
    });
    const [networks, containers, swarm] = await Promise.all([
      networksRequest,
      this.request<EngineContainer[]>({
        method: 'GET',
        path: '/containers/json',
        query: { all: 1 },
        ok: [200],
        timeoutMs: this.readTimeoutMs,
        operation: 'listing containers',
      }),
      swarmListingOf(this, networksRequest),
    ]);
    return { networks: networks ?? [], containers: containers ?? [], ...(swarm ? { swarm } : {}) };
  }

  listSwarm(): Promise<EngineSwarmListing> {
    return listSwarm(this);
  }

  inspectNetwork(idOrName: string): Promise<unknown> {
    return this.request<unknown>({
      method: 'GET',
      path: `/networks/${encodeURIComponent(idOrName)}`,
      query: { verbose: false },
      ok: [200],
      timeoutMs: this.readTimeoutMs,
      operation: `inspecting network ${idOrName}`,
    });
  }

  inspectContainer(idOrName: string): Promise<EngineContainerDetails> {
    return this.request<EngineContainerDetails>({
      method: 'GET',
      path: `/containers/${encodeURIComponent(idOrName)}/json`,
      query: { size: false },
      ok: [200],
      timeoutMs: this.readTimeoutMs,
      operation: `inspecting container ${idOrName}`,
    });
  }

  async createNetwork(request: CreateNetworkRequest): Promise<{ id: string; warning?: string }> {
    const body = {
      Name: request.name,
      Driver: request.driver,
      CheckDuplicate: true,
      Internal: request.internal ?? false,
      Attachable: request.attachable ?? false,
      EnableIPv6: request.enableIPv6 ?? false,
      IPAM: {
        Driver: request.ipamDriver || 'default',
        Config: (request.ipam ?? []).map((c) => ({
          ...(c.subnet ? { Subnet: c.subnet } : {}),
          ...(c.gateway ? { Gateway: c.gateway } : {}),
          ...(c.ipRange ? { IPRange: c.ipRange } : {}),
          ...(c.auxAddresses && Object.keys(c.auxAddresses).length ? { AuxiliaryAddresses: c.auxAddresses } : {}),
        })),
        ...(request.ipamOptions && Object.keys(request.ipamOptions).length ? { Options: request.ipamOptions } : {}),
      },
      Options: request.options ?? {},
      Labels: request.labels ?? {},
    };
    const created = await this.request<{ Id: string; Warning?: string }>({
      method: 'POST',
      path: '/networks/create',
      body,
      ok: [200, 201],
      timeoutMs: this.writeTimeoutMs,
      operation: `creating network ${request.name}`,
    });
    return { id: created.Id, ...(created.Warning ? { warning: created.Warning } : {}) };
  }

  async removeNetwork(idOrName: string): Promise<void> {
    await this.request<unknown>({
      method: 'DELETE',
      path: `/networks/${encodeURIComponent(idOrName)}`,
      ok: [200, 204],
      timeoutMs: this.writeTimeoutMs,
      operation: `removing network ${idOrName}`,
    });
  }

  async pruneNetworks(): Promise<string[]> {
    const result = await this.request<{ NetworksDeleted?: string[] | null }>({
      method: 'POST',
      path: '/networks/prune',
      ok: [200],
      timeoutMs: this.writeTimeoutMs * 2,
      operation: 'pruning networks',
    });
    return result?.NetworksDeleted ?? [];
  }

  async connect(network: string, container: string, request: ConnectRequest = {}): Promise<void> {
    const ipam = {
      ...(request.ipv4 ? { IPv4Address: request.ipv4 } : {}),
      ...(request.ipv6 ? { IPv6Address: request.ipv6 } : {}),
    };
    const endpointConfig = {
      ...(request.aliases?.length ? { Aliases: request.aliases } : {}),
      ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
    };
    await this.request<unknown>({
      method: 'POST',
      path: `/networks/${encodeURIComponent(network)}/connect`,
      body: { Container: container, EndpointConfig: endpointConfig },
      ok: [200, 201, 204],
      timeoutMs: this.writeTimeoutMs,
      operation: `connecting ${container} to ${network}`,
    });
  }

  async disconnect(network: string, container: string, force = false): Promise<void> {
    await this.request<unknown>({
      method: 'POST',
      path: `/networks/${encodeURIComponent(network)}/disconnect`,
      body: { Container: container, Force: force },
      ok: [200, 201, 204],
      timeoutMs: this.writeTimeoutMs,
      operation: `disconnecting ${container} from ${network}`,
    });
  }

  listContainersById(ids: readonly string[]): Promise<EngineContainer[]> {
    return listContainersById(this, ids);
  }

  inspectNetworkRecord(id: string): Promise<EngineNetwork | undefined> {
    return inspectNetworkRecord(this, id);
  }

  eventsBetween(since: number, until: number): Promise<EngineEvent[]> {
    return eventsBetween(this, since, until, this.log ?? consoleLogger);
  }

  plugins(): Promise<EnginePlugin[]> {
    return listPlugins(this);
  }

  exec(container: string, cmd: string[], options?: ExecOptions): Promise<ExecResult> {
    return execInContainer(this, container, cmd, options);
  }

  runHelper(request: HelperRequest, options?: ExecOptions): Promise<ExecResult> {
    return runHelperContainer(this, request, options);
  }

  subscribe(handlers: EventHandlers): Disposable {
    if (this.disposed) throw new Error('The engine client is disposed.');
    const subscription = subscribeToEvents((signal) => this.openEvents(signal), handlers, {
      endpoint: this.endpoint.display,
      classify: (e) => toEngineProblem(e, { endpoint: this.endpoint }),
      silentCheck: {
        intervalMs: this.eventsCheckMs,
        eventsBetween: (since, until) => this.eventsBetween(since, until),
      },
      log: this.log,
    });
    const entry: Disposable = {
      dispose: () => {
        this.subscriptions.delete(entry);
        subscription.dispose();
      },
    };
    this.subscriptions.add(entry);
    return entry;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const s of [...this.subscriptions]) s.dispose();
    for (const c of this.live) c.abort();
    this.live.clear();
    this.agent?.destroy();
  }

  private openEvents(signal: AbortSignal): Promise<Readable> {
    return new Promise((resolve, reject) => {
      this.docker.modem.dial(
        {
          path: '/events?',
          method: 'GET',
          options: { filters: EVENT_FILTERS },
          isStream: true,
          statusCodes: { 200: true },
          abortSignal: signal,
        },
        (err, res) => (err ? reject(err) : resolve(res as Readable)),
      );
    });
  }

  /** A hijacked stream (exec start, attach); it lives until its reader destroys it or the client is disposed. */
  openStream(spec: StreamSpec): Promise<Readable> {
    if (this.disposed) return Promise.reject(new Error('The engine client is disposed.'));
    const controller = new AbortController();
    this.live.add(controller);
    return new Promise<Readable>((resolve, reject) => {
      this.docker.modem.dial(
        {
          path: `${spec.path}?`,
          method: 'POST',
          options: { _query: spec.query ?? {}, _body: spec.body ?? {} },
          isStream: true,
          hijack: true,
          openStdin: false,
          statusCodes: { 101: true, 200: true },
          abortSignal: controller.signal,
        },
        (err, stream) => {
          if (err) {
            this.live.delete(controller);
            return reject(toEngineError(err, { endpoint: this.endpoint, operation: spec.operation }));
          }
          const readable = stream as Readable;
          readable.once('close', () => this.live.delete(controller));
          resolve(readable);
        },
      );
    });
  }

  /** One HTTP request with its own timeout; every failure becomes an EngineError. */
  request<T>(spec: RequestSpec): Promise<T> {
    if (this.disposed) return Promise.reject(new Error('The engine client is disposed.'));
    const controller = new AbortController();
    this.live.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, spec.timeoutMs);
    const statusCodes = Object.fromEntries(spec.ok.map((code) => [code, true]));
    const options = spec.method === 'POST' ? { _query: spec.query ?? {}, _body: spec.body ?? {} } : (spec.query ?? {});
    return new Promise<T>((resolve, reject) => {
      this.docker.modem.dial(
        { path: `${spec.path}?`, method: spec.method, options, statusCodes, abortSignal: controller.signal },
        (err, data) => {
          clearTimeout(timer);
          this.live.delete(controller);
          if (!err) return resolve(data as T);
          if (timedOut) {
            const problem = timeoutProblem(this.endpoint.display, {
              operation: spec.operation,
              timeoutMs: spec.timeoutMs,
            });
            return reject(new EngineError(problem, { cause: err }));
          }
          reject(toEngineError(err, { endpoint: this.endpoint, operation: spec.operation }));
        },
      );
    });
  }
}
