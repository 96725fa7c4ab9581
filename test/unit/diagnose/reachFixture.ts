/**
 * The engine JSON recorded by test/fixtures/engine/reachability/record.sh as the analyzer's input: the snapshot,
 * the inspect details by container id, and lookups by the short names the script gave ("web" for dne-reach-web).
 * `recorded()` hands out a copy of that JSON to edit for a case the recording does not hold (a restarting
 * container, an extra host); `world()` turns it into the analyzer's input, which `ask` takes as its second argument.
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

export interface EngineJson {
  networks: EngineNetwork[];
  containers: EngineContainer[];
  details: EngineContainerDetails[];
}

/** A fresh copy of the recorded engine JSON. */
export function recorded(): EngineJson {
  return {
    networks: read<EngineNetwork[]>('networks.json'),
    containers: read<EngineContainer[]>('containers.json'),
    details: read<EngineContainerDetails[]>('details.json'),
  };
}

export interface World {
  snapshot: TopologySnapshot;
  details: Map<string, EngineContainerDetails>;
}

export function world(json: EngineJson): World {
  return {
    snapshot: buildSnapshot({ networks: json.networks, containers: json.containers }),
    details: new Map(json.details.map((d) => [d.Id, d])),
  };
}

const RECORDED = world(recorded());
export const snapshot: TopologySnapshot = RECORDED.snapshot;
export const details = RECORDED.details;

const BUILT_IN = ['bridge', 'host', 'none'];

/** The list entry, the inspect details and the network of dne-reach-<short> in an engine JSON copy, to edit. */
export const listed = (json: EngineJson, short: string): EngineContainer =>
  json.containers.find((c) => c.Names?.[0] === `/dne-reach-${short}`)!;
export const inspected = (json: EngineJson, short: string): EngineContainerDetails =>
  json.details.find((d) => d.Name === `/dne-reach-${short}`)!;
export const networkJson = (json: EngineJson, short: string): EngineNetwork =>
  json.networks.find((n) => n.Name === (BUILT_IN.includes(short) ? short : `dne-reach-${short}`))!;

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

export function ask(q: Ask, w: World = RECORDED): ReachabilityReport {
  const target: TargetSpec =
    typeof q.to === 'string'
      ? { kind: 'container', containerId: id(q.to), ...(q.as ? { name: q.as } : {}) }
      : { kind: 'host', host: q.to.host };
  const query: ReachabilityQuery = { sourceId: id(q.from), target, port: q.port, protocol: q.protocol };
  const listening = q.listening ? new Map(Object.entries(q.listening).map(([k, v]) => [id(k), v])) : undefined;
  return analyzeReachability(query, {
    snapshot: w.snapshot,
    details: q.withoutDetails ? undefined : w.details,
    listening,
  });
}
