/** Loads the engine listings recorded from a real engine by test/fixtures/engine/record.sh. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineContainer, EngineListing, EngineNetwork } from '../../../src/engine/records';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'engine');

export type RecordedListing = 'before' | 'after';

export function loadListing(name: RecordedListing): EngineListing {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name, file), 'utf8'));
  return {
    networks: read('networks.json') as EngineNetwork[],
    containers: read('containers.json') as EngineContainer[],
  };
}
