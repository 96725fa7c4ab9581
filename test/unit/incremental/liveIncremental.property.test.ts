import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { propertyBudget } from '../propertyBudget';
import type { EngineEvent } from '../../../src/engine/records';
import { LiveTopology } from '../../../src/model/liveTopology';
import { EngineWorld, operation } from './engineWorld';
import { assertSameAsFreshListing } from './snapshotOracle';
import { WorldSource } from './worldSource';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settled(live: LiveTopology): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!live.settled) {
    if (Date.now() > deadline) assert.fail('the live topology did not settle within 3 s');
    await sleep(1);
  }
}

describe('LiveTopology, property: engine events applied incrementally equal a fresh listing of the final state', function () {
  this.timeout(120_000);

  it('whatever the operations and settle windows, with answers racing later changes, events reordered, delayed and duplicated', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { maxLength: 8 }),
        fc.array(fc.record({ op: operation, wait: fc.nat(3), hold: fc.nat(9) }), { minLength: 1, maxLength: 25 }),
        fc.infiniteStream(fc.nat(99)),
        fc.record({ quietMs: fc.nat(4), sequenceQuietMs: fc.nat(6), maxDelayMs: fc.nat(8) }),
        async (setup, steps, noise, window) => {
          const world = new EngineWorld();
          for (const op of setup) world.apply(op);
          const source = new WorldSource(world);
          source.delay = () => noise.next().value % 3;
          const options = { endpoint: 'unix:///fake', coalesceMs: 1, resyncIntervalMs: 0, ...window };
          const live = new LiveTopology(source, options);
          try {
            live.start();
            source.handlers?.onConnected();
            await live.waitFor(() => live.state.kind === 'connected', 2000);
            let held: EngineEvent[] = [];
            for (const { op, wait, hold } of steps) {
              const events = world.apply(op);
              // Some events are held back and delivered after later ones; some twice.
              const now = hold < 3 ? [] : events;
              held.push(...(hold < 3 ? events : events.filter(() => noise.next().value < 20)));
              for (const event of now) source.handlers?.onEvent(event);
              if (hold > 6) {
                for (const event of held.reverse()) source.handlers?.onEvent(event);
                held = [];
              }
              await sleep(wait);
            }
            for (const event of held) source.handlers?.onEvent(event);
            await settled(live);
            assertSameAsFreshListing(live.snapshot, world.listing());
            const chosen = live.stats.fullListingsForBursts + live.stats.fullListingsWhileSlow;
            assert.equal(source.listings - chosen, 1, 'no full listing after the first but those chosen as cheaper');
            assert.ok(source.maxInFlight <= 4, `at most 4 requests in flight (saw ${source.maxInFlight})`);
          } finally {
            live.dispose();
          }
        },
      ),
      propertyBudget(60),
    );
  });
});
