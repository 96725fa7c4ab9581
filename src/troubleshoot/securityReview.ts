/**
 * Runs the security review over the live engine: the feed's snapshot (no list request), one inspect per running
 * container for its privileges (bounded parallelism), and how the engine is reached. No `vscode` here, so the
 * integration tests and the command share it.
 */
import type { EngineApi, EngineEndpoint } from '../engine/api';
import type { TopologySnapshot } from '../model/topology';
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

export async function runSecurityReview(engine: EngineApi, snapshot: TopologySnapshot): Promise<SecurityReview> {
  const running = [...snapshot.containers.values()].filter((c) => c.running);
  const privileges = new Map<string, ContainerPrivileges>();
  const uninspected: Array<{ name: string; reason: string }> = [];
  await mapBounded(running, 8, async (container) => {
    try {
      const host = (await engine.inspectContainer(container.id)).HostConfig;
      privileges.set(container.id, { privileged: host?.Privileged === true, capAdd: host?.CapAdd ?? [] });
    } catch (error) {
      uninspected.push({ name: container.name, reason: reasonOf(error) });
    }
  });
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

/** The findings that need no engine request (no privileges): what the status bar watches on every change. */
export function quickSecurityFindings(endpoint: EngineEndpoint, snapshot: TopologySnapshot): SecurityFinding[] {
  return reviewSecurity({ snapshot, privileges: new Map(), engine: engineAccess(endpoint) });
}
