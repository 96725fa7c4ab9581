/**
 * One connectivity check: a fresh listing from the engine (the state now, not the views' last event), the inspect
 * details of both sides and of the namespaces they share (aliases, links, extra hosts, paused), the analyzer's
 * verdict, then the live probe from the source's namespace and the comparison of both. No `vscode` here.
 */
import type { EngineApi } from '../engine/api';
import type { EngineContainerDetails } from '../engine/records';
import { EngineError } from '../engine/errors';
import { compareWithProbe, type Agreement } from '../diagnose/probe/agreement';
import type { ProbeResult } from '../diagnose/probe/types';
import { analyzeReachability } from '../diagnose/reachability/analyze';
import { findContainer } from '../diagnose/reachability/namespaces';
import type { ListeningSocket, Protocol, ReachabilityReport, TargetSpec } from '../diagnose/reachability/types';
import { buildSnapshot } from '../model/snapshot';
import type { TopologySnapshot } from '../model/topology';
import { listeningSockets } from '../diagnose/sockets';
import { SocketGatherer } from '../hostFacts';
import { runProbe, type ProbeOptions } from './probeRunner';

export interface CheckRequest {
  sourceId: string;
  target: TargetSpec;
  port?: number;
  protocol?: Protocol;
}

export interface CheckResult {
  request: CheckRequest;
  /** Names as they were at check time (a removed container keeps its name in the report). */
  sourceName: string;
  targetName: string;
  snapshot: TopologySnapshot;
  report: ReachabilityReport;
  explainMs: number;
  probe?: ProbeResult;
  agreement?: Agreement;
  checkedAt: Date;
}

export interface CheckOptions extends ProbeOptions {
  /** false: explain only. */
  probe?: boolean;
  /** Listening sockets per container id, when a socket reader provided them. */
  listening?: ReadonlyMap<string, readonly ListeningSocket[]>;
}

/** Inspect details of the given containers and of every container: X they lead to; a vanished one is skipped. */
async function gatherDetails(
  engine: EngineApi,
  snapshot: TopologySnapshot,
  ids: string[],
): Promise<Map<string, EngineContainerDetails>> {
  const wanted = new Set<string>();
  for (const start of ids) {
    let current = snapshot.containers.get(start);
    while (current && !wanted.has(current.id)) {
      wanted.add(current.id);
      current = current.networkMode.startsWith('container:')
        ? findContainer(snapshot, current.networkMode.slice(10))
        : undefined;
    }
  }
  const details = new Map<string, EngineContainerDetails>();
  await Promise.all(
    [...wanted].map(async (id) => {
      try {
        details.set(id, await engine.inspectContainer(id));
      } catch (error) {
        // Removed between the listing and now: the analyzer works from the listing alone for it.
        if (!(error instanceof EngineError && error.problem.kind === 'notFound')) throw error;
      }
    }),
  );
  return details;
}

export function displayName(snapshot: TopologySnapshot, target: TargetSpec | string): string {
  if (typeof target === 'string') return snapshot.containers.get(target)?.name ?? target.slice(0, 12);
  if (target.kind === 'host') return target.host;
  return target.name ?? snapshot.containers.get(target.containerId)?.name ?? target.containerId.slice(0, 12);
}

/**
 * The sockets the target's namespace listens on (host /proc for a local engine, else exec of cat), when a port is
 * asked: the analyzer then says listening / loopback only / nothing listening. A table that cannot be read (image
 * without cat, exec refused) leaves the port unknown, which the probe then settles.
 */
async function gatherListening(
  engine: EngineApi,
  snapshot: TopologySnapshot,
  request: CheckRequest,
  signal?: AbortSignal,
): Promise<Map<string, ListeningSocket[]> | undefined> {
  if (request.port === undefined || request.target.kind !== 'container') return undefined;
  let target = snapshot.containers.get(request.target.containerId);
  while (target?.networkMode.startsWith('container:')) target = findContainer(snapshot, target.networkMode.slice(10));
  if (!target?.running || target.networkMode === 'host') return undefined;
  const { readings } = await new SocketGatherer(engine).gather([target], { timeoutMs: 2_000, signal });
  const listening = new Map<string, ListeningSocket[]>();
  for (const reading of readings) {
    if (reading.result.kind !== 'rows') continue;
    const sockets = listeningSockets(reading.result.rows);
    for (const id of reading.containerIds) listening.set(id, sockets);
  }
  return listening.size > 0 ? listening : undefined;
}

export async function runCheck(
  engine: EngineApi,
  request: CheckRequest,
  options: CheckOptions = {},
  known?: { sourceName?: string; targetName?: string },
): Promise<CheckResult> {
  const snapshot = buildSnapshot(await engine.listing());
  const ids = [request.sourceId, ...(request.target.kind === 'container' ? [request.target.containerId] : [])];
  const details = await gatherDetails(engine, snapshot, ids);
  const listeningRead = options.listening ?? (await gatherListening(engine, snapshot, request, options.signal));
  const started = performance.now();
  const report = analyzeReachability(request, { snapshot, details, listening: listeningRead });
  const explainMs = performance.now() - started;
  const result: CheckResult = {
    request,
    sourceName: snapshot.containers.get(request.sourceId)?.name ?? known?.sourceName ?? request.sourceId.slice(0, 12),
    targetName: known?.targetName ?? displayName(snapshot, request.target),
    snapshot,
    report,
    explainMs,
    checkedAt: new Date(),
  };
  if (options.probe === false || !snapshot.containers.has(request.sourceId)) return result;
  const target = { ...report.probe };
  if (target.port === undefined && request.port !== undefined) target.port = request.port;
  result.probe = await runProbe(engine, request.sourceId, target, options);
  result.agreement = compareWithProbe(report.verdict, result.probe);
  return result;
}
