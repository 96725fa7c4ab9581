/**
 * gatherDriverFacts (src/hostFacts/driverGathering.ts) with an engine that answers /info and GET /plugins from a
 * table: a tcp:// engine is remote, so no plugin directory is read and its legacy plugins stay unchecked; a unix
 * socket engine on Linux reads the directories given, and a plugin it names without a file is missing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EngineApi, EngineEndpoint } from '../../../src/engine/api';
import { gatherDriverFacts } from '../../../src/hostFacts/driverGathering';
import { findDriver } from '../../../src/model/drivers';

function engineAt(endpoint: EngineEndpoint): EngineApi {
  return {
    endpoint,
    info: async () => ({ Plugins: { Network: ['bridge', 'host', 'null', 'weave'] } }),
    plugins: async () => [],
  } as unknown as EngineApi;
}

describe('drivers: gathering per engine locality', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-gather-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a remote engine: the engine part only; legacy plugins are not judged', async () => {
    const facts = await gatherDriverFacts(
      engineAt({ source: 'setting', kind: 'tcp', host: '192.0.2.1', port: 2376, display: 'tcp://192.0.2.1:2376' }),
      [dir],
    );
    assert.deepEqual(facts.local, { available: false, reason: 'remote' });
    assert.equal(facts.inventory.legacyFilesRead, false);
    assert.equal(findDriver(facts.inventory, 'weave')?.usable, true);
  });

  // Local means a unix socket on Linux with /proc (hostFacts/locality.ts): these tests run on Linux.
  it('a local engine whose plugin directory lacks the plugin a network uses: it is not usable', async () => {
    const facts = await gatherDriverFacts(
      engineAt({
        source: 'default',
        kind: 'unix',
        socketPath: '/var/run/docker.sock',
        display: 'unix:///var/run/docker.sock',
      }),
      [dir],
    );
    assert.deepEqual(facts.local, { available: true });
    assert.equal(facts.inventory.legacyFilesRead, true);
    assert.equal(findDriver(facts.inventory, 'weave')?.usable, false);
    assert.deepEqual(facts.unreadable, []);
  });
});
