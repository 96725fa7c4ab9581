import * as assert from 'node:assert/strict';
import type { EngineEvent } from '../../../src/engine/records';
import { SilentStreamCheck } from '../../../src/engine/silentStreamCheck';

const at = (seconds: number): EngineEvent => ({
  Type: 'network',
  Action: 'connect',
  time: Math.floor(seconds),
  timeNano: seconds * 1e9,
});

describe('SilentStreamCheck: an event the stream did not deliver means the stream is dead', () => {
  let clock: number;
  let answers: EngineEvent[];
  let asked: Array<[number, number]>;
  let dead: EngineEvent[];
  let warnings: string[];

  function check(): SilentStreamCheck {
    return new SilentStreamCheck({
      intervalMs: 0, // ticks by hand
      now: () => clock,
      eventsBetween: async (since, until) => {
        asked.push([since, until]);
        return answers;
      },
      onDead: (missed) => dead.push(missed),
      warn: (message) => warnings.push(message),
    });
  }

  beforeEach(() => {
    clock = 1_000_000_000; // ms
    answers = [];
    asked = [];
    dead = [];
    warnings = [];
  });

  it('asks from the connect second until a second ago, and finds nothing missed in the events it delivered', async () => {
    const watch = check();
    answers = [at(1_000_001.5)];
    watch.delivered(at(1_000_001.5));
    clock += 30_000;
    assert.equal(await watch.check(), undefined);
    assert.deepEqual(asked, [[1_000_001, 1_000_029]]);
    assert.deepEqual(dead, []);
  });

  it('an event newer than the last delivered one is a miss: onDead once, and no further checks', async () => {
    const watch = check();
    watch.delivered(at(1_000_002));
    answers = [at(1_000_002), at(1_000_010.25)];
    clock += 30_000;
    assert.deepEqual(await watch.check(), at(1_000_010.25));
    assert.deepEqual(dead, [at(1_000_010.25)]);
    clock += 30_000;
    assert.equal(await watch.check(), undefined, 'stopped after reporting');
    assert.equal(asked.length, 1);
  });

  it('before any event, an event from before the connect is not a miss, one after it is', async () => {
    const watch = check();
    clock += 5_000;
    answers = [at(999_999.9), at(1_000_000 - 0.2)];
    assert.equal(await watch.check(), undefined);
    answers = [at(1_000_000.5)];
    assert.ok(await watch.check());
  });

  it('does not ask within the grace second, and reports a failed check without calling the stream dead', async () => {
    const watch = new SilentStreamCheck({
      intervalMs: 0,
      now: () => clock,
      eventsBetween: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      onDead: (missed) => dead.push(missed),
      warn: (message) => warnings.push(message),
    });
    assert.equal(await watch.check(), undefined);
    assert.deepEqual(warnings, [], 'nothing asked yet: until would be before since');
    clock += 30_000;
    assert.equal(await watch.check(), undefined);
    assert.match(warnings[0], /could not check that the events stream still delivers \(connect ECONNREFUSED\)/);
    assert.deepEqual(dead, []);
  });
});
