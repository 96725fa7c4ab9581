/**
 * Real socket tables and /sys facts recorded from two containers on one dual-stack network (test/fixtures/proc):
 * "srv" (10.231.68.2, fd00:9:3a9c::2) listens on 8000/tcp (IPv4 0.0.0.0) and 6060/tcp (::), and holds two
 * accepted connections from "cli" (10.231.68.3, fd00:9:3a9c::3): 8080 over IPv4 to a socket on :: (so IPv4-mapped)
 * and 9090 over IPv6. "cli" also has a SYN_SENT to 10.231.68.200:5555 (nobody there).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EngineListing } from '../../../src/engine/records';
import type { InterfaceFacts } from '../../../src/diagnose/hostNet';
import { buildSnapshot } from '../../../src/model/snapshot';
import type { ContainerModel, TopologySnapshot } from '../../../src/model/topology';

const DIR = path.join(__dirname, '../../fixtures/proc');

export function procSample(name: string): string {
  return fs.readFileSync(path.join(DIR, name), 'utf8');
}

export function captureSnapshot(): TopologySnapshot {
  const listing: EngineListing = {
    networks: JSON.parse(procSample('networks.json')),
    containers: JSON.parse(procSample('containers.json')),
  };
  return buildSnapshot(listing);
}

export function captured(snapshot: TopologySnapshot, suffix: 'srv' | 'cli'): ContainerModel {
  const container = [...snapshot.containers.values()].find((c) => c.name.endsWith(`-${suffix}`));
  if (!container) throw new Error(`fixture has no ${suffix} container`);
  return container;
}

export interface RecordedSys {
  host: InterfaceFacts[];
  containers: Record<string, InterfaceFacts[]>;
  route: string;
}

export function recordedSys(): RecordedSys {
  return JSON.parse(procSample('sys-class-net.json')) as RecordedSys;
}
