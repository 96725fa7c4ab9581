/** The recorded engine listing (test/fixtures/engine/before) as a snapshot, for the explorer's pure tests. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EngineListing } from '../../../src/engine/records';
import type { TopologySnapshot } from '../../../src/model/topology';
import { buildSnapshot } from '../../../src/model/snapshot';

export function recordedListing(which: 'before' | 'after' = 'before'): EngineListing {
  const dir = path.join(__dirname, '../../fixtures/engine', which);
  return {
    networks: JSON.parse(fs.readFileSync(path.join(dir, 'networks.json'), 'utf8')),
    containers: JSON.parse(fs.readFileSync(path.join(dir, 'containers.json'), 'utf8')),
  };
}

export function recordedSnapshot(which: 'before' | 'after' = 'before'): TopologySnapshot {
  return buildSnapshot(recordedListing(which));
}

export function networkNamed(snapshot: TopologySnapshot, name: string) {
  const network = [...snapshot.networks.values()].find((n) => n.name === name);
  if (!network) throw new Error(`fixture has no network ${name}`);
  return network;
}

export function containerNamed(snapshot: TopologySnapshot, name: string) {
  const container = [...snapshot.containers.values()].find((c) => c.name === name);
  if (!container) throw new Error(`fixture has no container ${name}`);
  return container;
}
