/**
 * The engine JSON recorded by test/fixtures/engine/reachability/record.sh as the analyzer's input: the snapshot,
 * the inspect details by container id, and lookups by the short names the script gave ("web" for dne-reach-web).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineContainer, EngineContainerDetails, EngineNetwork } from '../../../src/engine/records';
import { analyzeReachability } from '../../../src/diagnose/reachability/analyze';
import type {
  ListeningSocket,
  ReachabilityQuery,
  ReachabilityReport,
  TargetSpec,
} from '../../../src/diagnose/reachability/types';
import { buildSnapshot } from '../../../src/model/snapshot';
import type { TopologySnapshot } from '../../../src/model/topology';

const DIR = join(__dirname, '..', '..', 'fixtures', 'engine', 'reachability');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;

export const snapshot: TopologySnapshot = buildSnapshot({
  networks: read<EngineNetwork[]>('networks.json'),
  containers: read<EngineContainer[]>('containers.json'),
});
export const details = new Map(read<EngineContainerDetails[]>('details.json').map((d) => [d.Id, d]));

/** The id of dne-reach-<short>. */
export function id(short: string): string {
  for (const c of snapshot.containers.values()) if (c.name === `dne-reach-${short}`) return c.id;
  throw new Error(`no container dne-reach-${short} in the fixture`);
}

export function networkId(short: string): string {
  for (const n of snapshot.networks.values())
    if (n.name === (short === 'bridge' ? 'bridge' : `dne-reach-${short}`)) return n.id;
  throw new Error(`no network ${short} in the fixture`);
}

export interface Ask {
  from: string;
  /** A container's short name, or { host } for a typed name / address. */
  to: string | { host: string };
  /** The name the source uses for a container target (default: its full name). */
  as?: string;
  port?: number;
  protocol?: 'tcp' | 'udp';
  listening?: Record<string, ListeningSocket[]>;
  withoutDetails?: boolean;
}

export function ask(q: Ask): ReachabilityReport {
  const target: TargetSpec =
    typeof q.to === 'string'
      ? { kind: 'container', containerId: id(q.to), ...(q.as ? { name: q.as } : {}) }
      : { kind: 'host', host: q.to.host };
  const query: ReachabilityQuery = { sourceId: id(q.from), target, port: q.port, protocol: q.protocol };
  const listening = q.listening ? new Map(Object.entries(q.listening).map(([k, v]) => [id(k), v])) : undefined;
  return analyzeReachability(query, { snapshot, details: q.withoutDetails ? undefined : details, listening });
}
