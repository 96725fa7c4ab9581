/**
 * Runs the security review over the live engine: the feed's snapshot (no list request), one inspect per running
 * container for its privileges (bounded parallelism), and how the engine is reached. No `vscode` here, so the
 * integration tests and the command share it.
 */
import type { EngineApi, EngineEndpoint } from '../engine/api';
import type { ContainerModel, TopologySnapshot } from '../model/topology';
import {
  reviewSecurity,
  type ContainerPrivileges,
  type EngineAccess,
  type SecurityFinding,
} from '../diagnose/security';
import { mapBounded } from '../hostFacts/boundedMap';
import type { SecurityReportContext } from './securityReportMarkdown';

export interface SecurityReview {
  findings: SecurityFinding[];
  context: SecurityReportContext;
}

export function engineAccess(endpoint: EngineEndpoint): EngineAccess {
  return {
    kind: endpoint.kind,
    tls: endpoint.protocol === 'https' || endpoint.tls !== undefined,
    display: endpoint.display,
  };
}

function reasonOf(error: unknown): string {
  const problem = (error as { problem?: { message?: unknown } } | undefined)?.problem;
  if (typeof problem?.message === 'string') return problem.message;
  return error instanceof Error ? error.message : String(error);
}

/** Uninspected: containers whose inspect failed (gone meanwhile, or refused), with the engine's reason. */
export interface InspectedPrivileges {
  privileges: Map<string, ContainerPrivileges>;
  uninspected: Array<{ name: string; reason: string }>;
}

/** One inspect per container (at most `parallel` at once) for its privileges and added capabilities. */
export async function inspectPrivileges(
  engine: EngineApi,
  containers: readonly ContainerModel[],
  parallel = 8,
): Promise<InspectedPrivileges> {
  const privileges = new Map<string, ContainerPrivileges>();
  const uninspected: Array<{ name: string; reason: string }> = [];
  await mapBounded(containers, parallel, async (container) => {
    try {
      const host = (await engine.inspectContainer(container.id)).HostConfig;
      privileges.set(container.id, { privileged: host?.Privileged === true, capAdd: host?.CapAdd ?? [] });
    } catch (error) {
      uninspected.push({ name: container.name, reason: reasonOf(error) });
    }
  });
  return { privileges, uninspected };
}

export async function runSecurityReview(engine: EngineApi, snapshot: TopologySnapshot): Promise<SecurityReview> {
  const running = [...snapshot.containers.values()].filter((c) => c.running);
  const { privileges, uninspected } = await inspectPrivileges(engine, running);
  const findings = reviewSecurity({ snapshot, privileges, engine: engineAccess(engine.endpoint) });
  return {
    findings,
    context: {
      engine: engine.endpoint.display,
      at: new Date().toISOString(),
      containersReviewed: running.length,
      uninspected,
    },
  };
}

/**
 * The findings over the snapshot and the privileges known so far (the status bar keeps them per container: they
 * cannot change while a container exists), with no engine request of its own.
 */
export function quickSecurityFindings(
  endpoint: EngineEndpoint,
  snapshot: TopologySnapshot,
  privileges: ReadonlyMap<string, ContainerPrivileges> = new Map(),
): SecurityFinding[] {
  return reviewSecurity({ snapshot, privileges, engine: engineAccess(endpoint) });
}
