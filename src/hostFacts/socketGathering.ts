/**
 * Gathers the socket tables of running containers, one read per network namespace: through this host's /proc
 * when the engine is local (no exec, and no engine request once each container's pid is known), otherwise (or for
 * a container whose pid is not on this host) through `cat /proc/net/...` exec'd in the container, with bounded
 * parallelism and a time limit per container. Failures become reasons on the reading, never rejections.
 */
import type { EngineApi, ExecResult } from '../engine/api';
import type { ContainerModel } from '../model/topology';
import { namespaceGroups, parseProcNetFiles, type NamespaceGroup, type NamespaceReading } from '../diagnose/sockets';
import { mapBounded } from './boundedMap';
import { hostFactsAvailability, type HostFactsAvailability } from './locality';
import { hostReadFailure, netNamespaceOf, pidBelongsTo, readSocketTables, SOCKET_TABLES } from './procFiles';

export interface SocketGatherOptions {
  /** Reads at once (default 8). */
  concurrency?: number;
  /** Per exec (default 5 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Read through exec even when the host could (benchmarks, tests). */
  forceExec?: boolean;
}

export interface SocketGathering {
  readings: NamespaceReading[];
  /** How many namespaces were read through the host's /proc, and how many through exec. */
  via: { host: number; exec: number };
  /** Engine requests this gathering made (inspects for pids, 3 per exec). */
  engineRequests: number;
  hostFacts: HostFactsAvailability;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_TIMEOUT_MS = 5_000;
/** Host reads are a few small file reads each: many at once cost the engine nothing. */
const HOST_CONCURRENCY = 32;

function engineMessage(error: unknown): string {
  const problem = (error as { problem?: { message?: unknown } } | undefined)?.problem;
  if (typeof problem?.message === 'string') return problem.message;
  return error instanceof Error ? error.message : String(error);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Keeps each container's pid (checked against its cgroup before every use), so a refresh needs no inspect. */
export class SocketGatherer {
  private readonly pids = new Map<string, number>();

  constructor(private readonly engine: EngineApi) {}

  async gather(containers: readonly ContainerModel[], options: SocketGatherOptions = {}): Promise<SocketGathering> {
    const running = containers.filter((c) => c.running);
    const hostFacts = hostFactsAvailability(this.engine.endpoint);
    const counter = { requests: 0, host: 0, exec: 0 };
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    const hostPids = new Map<string, number>();
    const nsKeys = new Map<string, string>();
    // Namespace identities matter only when some container joins another's namespace (container: mode).
    const sharing = running.some((c) => c.networkMode.startsWith('container:'));
    if (hostFacts.available && !options.forceExec) {
      await mapBounded(running, HOST_CONCURRENCY, async (c) => {
        const pid = await this.localPid(c.id, counter);
        if (pid === undefined) return;
        hostPids.set(c.id, pid);
        const ns = sharing ? await netNamespaceOf(pid) : undefined;
        if (ns !== undefined) nsKeys.set(c.id, ns);
      });
    }
    const groups = namespaceGroups(running, nsKeys);
    // Host reads and execs run side by side, each with its own bound.
    const onHost = groups.filter((g) => hostPids.has(g.ownerId));
    const byExec = groups.filter((g) => !hostPids.has(g.ownerId));
    const [hostReadings, execReadings] = await Promise.all([
      mapBounded(onHost, HOST_CONCURRENCY, (group) => this.read(group, hostPids, options, counter)),
      mapBounded(byExec, concurrency, (group) => this.read(group, hostPids, options, counter)),
    ]);
    const readings = [...hostReadings, ...execReadings];
    return { readings, via: { host: counter.host, exec: counter.exec }, engineRequests: counter.requests, hostFacts };
  }

  /** The container's pid on this host, or undefined when it is not a process of this host (engine in a VM). */
  async localPid(containerId: string, counter = { requests: 0 }): Promise<number | undefined> {
    const cached = this.pids.get(containerId);
    if (cached !== undefined && (await pidBelongsTo(cached, containerId))) return cached;
    this.pids.delete(containerId);
    try {
      counter.requests++;
      const pid = (await this.engine.inspectContainer(containerId)).State?.Pid ?? 0;
      if (!(await pidBelongsTo(pid, containerId))) return undefined;
      this.pids.set(containerId, pid);
      return pid;
    } catch {
      // Gone or refused: the read itself (exec) reports why, with the engine's words.
      return undefined;
    }
  }

  private async read(
    group: NamespaceGroup,
    hostPids: ReadonlyMap<string, number>,
    options: SocketGatherOptions,
    counter: { requests: number; host: number; exec: number },
  ): Promise<NamespaceReading> {
    const base = { containerIds: group.containerIds, host: group.host };
    const pid = hostPids.get(group.ownerId);
    if (pid !== undefined) {
      counter.host++;
      try {
        // The pid was checked against the container's cgroup just before: a stop in between fails the read (ENOENT).
        const text = await readSocketTables(pid);
        return { ...base, result: { kind: 'rows', rows: parseProcNetFiles(text).rows } };
      } catch (error) {
        return { ...base, result: { kind: 'unavailable', reason: hostReadFailure(error) } };
      }
    }
    counter.exec++;
    counter.requests += 3;
    try {
      const result = await this.engine.exec(group.ownerId, ['cat', ...SOCKET_TABLES], {
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { ...base, result: execReading(result) };
    } catch (error) {
      if (isAbort(error)) throw error;
      return { ...base, result: { kind: 'unavailable', reason: { code: 'refused', detail: engineMessage(error) } } };
    }
  }
}

/** cat exits 1 when one table is missing (no IPv6) yet prints the others: rows count, the exit code does not. */
export function execReading(result: ExecResult): NamespaceReading['result'] {
  if (result.timedOut) return { kind: 'unavailable', reason: { code: 'timeout' } };
  const parsed = parseProcNetFiles(result.stdout);
  if (parsed.rows.length > 0 || /local_address/.test(result.stdout)) {
    return { kind: 'rows', rows: parsed.rows, ...(result.truncated ? { truncated: true } : {}) };
  }
  const detail = result.stderr.trim() || result.stdout.trim() || `exit code ${result.exitCode ?? '?'}`;
  return { kind: 'unavailable', reason: { code: 'commandFailed', detail: detail.slice(0, 300) } };
}
