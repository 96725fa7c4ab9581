/**
 * A burst of real engine changes while the extension follows the engine: 30 containers connected to a network
 * by parallel `docker` CLI calls, then disconnected, then removed. Afterwards the model equals a fresh listing
 * (for everything this test made), and the storm cost the engine few full listings: the changes were applied
 * from targeted requests, never more requests than events.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { buildSnapshot } from '../../../src/model/snapshot';
import type { TopologySnapshot } from '../../../src/model/topology';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { explorerApi, randomSubnet, waitConnected, waitForSnapshot } from '../explorer/explorerApi';
import type { ExplorerApi } from '../../../src/extension';

const COUNT = 30;
const PARALLEL = 8;

function dockerAsync(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('docker', args, { timeout: 60_000 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`docker ${args.join(' ')} failed: ${stderr.trim() || error.message}`))
        : resolve(stdout.trim()),
    ),
  );
}

async function eightAtATime(items: string[], job: (item: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) await job(items[next++]);
    }),
  );
}

/** What this test made, as the model holds it: its networks, containers and their endpoints (status text aside). */
function ours(snapshot: TopologySnapshot, prefix: string): unknown {
  const mine = (name: string) => name.startsWith(prefix);
  return {
    networks: [...snapshot.networks.values()].filter((n) => mine(n.name)),
    containers: [...snapshot.containers.values()].filter((c) => mine(c.name)).map((c) => ({ ...c, status: '' })),
    endpoints: [...snapshot.endpoints.values()].filter((e) => mine(e.containerName) || mine(e.networkName)),
    byNetwork: [...snapshot.networks.values()]
      .filter((n) => mine(n.name))
      .map((n) => snapshot.endpointsByNetwork.get(n.id)),
  };
}

describe('explorer: a storm of engine events is applied incrementally', function () {
  this.timeout(300_000);
  let api: ExplorerApi;
  const prefix = uniqueName('storm');
  const home = `${prefix}-home`;
  const storm = `${prefix}-net`;
  const names = Array.from({ length: COUNT }, (_, i) => `${prefix}-c${i}`);

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    docker('network', 'create', '--subnet', randomSubnet(236).subnet, home);
    docker('network', 'create', '--subnet', randomSubnet(237).subnet, storm);
    await eightAtATime(names, (name) =>
      dockerAsync('run', '-d', '--name', name, '--network', home, testImage, 'sleep', '100000'),
    );
  });

  after(() => removeResources({ containers: names, networks: [storm, home] }));

  it('after 30 connects, disconnects and removals the model equals a fresh listing, with few full listings', async () => {
    await waitForSnapshot(
      api,
      (s) => names.every((name) => [...s.containers.values()].some((c) => c.name === name)),
      60_000,
    );
    const before = api.feed.stats;
    assert.ok(before, 'the feed reports its request counters');
    await eightAtATime(names, (name) => dockerAsync('network', 'connect', storm, name));
    await eightAtATime(names, (name) => dockerAsync('network', 'disconnect', storm, name));
    await eightAtATime(names, (name) => dockerAsync('rm', '-f', name));
    await waitForSnapshot(api, (s) => ![...s.containers.values()].some((c) => c.name.startsWith(prefix)), 30_000);

    const engine = await api.services.engine();
    // Quiet for a moment, then the model and a fresh listing must agree on everything this test made.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fresh = buildSnapshot(await engine.listing());
    assert.ok(
      isDeepStrictEqual(ours(api.feed.snapshot, prefix), ours(fresh, prefix)),
      'the model equals a fresh listing',
    );

    const after = api.feed.stats;
    assert.ok(after);
    const listings = after.fullListings - before.fullListings;
    // Chosen as the cheaper way: other work on a shared engine may make it slow or add bursts of its own.
    const chosen =
      after.fullListingsForBursts -
      before.fullListingsForBursts +
      after.fullListingsWhileSlow -
      before.fullListingsWhileSlow;
    const targeted = after.targetedRequests - before.targetedRequests;
    const events = after.events - before.events;
    const figures = `${events} events, ${listings} full listings (${chosen} for bursts or a slow engine), ${targeted} targeted`;
    assert.ok(events >= 3 * COUNT, `${figures}: at least one event per change`);
    assert.ok(
      listings - chosen <= 2,
      `${figures}: no full listing but the required ones (a stream reconnect may add one)`,
    );
    assert.ok(targeted <= events, `${figures}: at most one targeted request per change`);
  });
});
