/**
 * The model's listener list (src/model/emitter.ts), as the views and the topology panel rely on it: every
 * subscribed listener sees each change once, in subscription order; a disposed subscription sees nothing more; a
 * throwing listener is named in the log (with its message) and the others still see the change; after dispose
 * nothing is delivered and new subscriptions are inert.
 */
import * as assert from 'node:assert/strict';
import type { Logger } from '../../../src/common/logger';
import { Emitter } from '../../../src/model/emitter';

/** A logger keeping what it was told. */
function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) };
}

describe('Emitter: the model listener list', () => {
  it('delivers each fired value to every listener, in subscription order', () => {
    const emitter = new Emitter<string>(recordingLogger());
    const seen: string[] = [];
    emitter.event((v) => seen.push(`first:${v}`));
    emitter.event((v) => seen.push(`second:${v}`));
    emitter.fire('a');
    emitter.fire('b');
    assert.deepEqual(seen, ['first:a', 'second:a', 'first:b', 'second:b']);
    assert.equal(emitter.listenerCount, 2);
  });

  it('a disposed subscription sees nothing more, the others still do', () => {
    const emitter = new Emitter<number>(recordingLogger());
    const kept: number[] = [];
    const dropped: number[] = [];
    const subscription = emitter.event((v) => dropped.push(v));
    emitter.event((v) => kept.push(v));
    emitter.fire(1);
    subscription.dispose();
    emitter.fire(2);
    assert.deepEqual(dropped, [1]);
    assert.deepEqual(kept, [1, 2]);
    assert.equal(emitter.listenerCount, 1);
  });

  it('a listener removed while the value is delivered does not change who receives that value', () => {
    const emitter = new Emitter<number>(recordingLogger());
    const seen: string[] = [];
    let second = { dispose: () => undefined as unknown };
    emitter.event((v) => {
      seen.push(`first:${v}`);
      second.dispose();
    });
    second = emitter.event((v) => seen.push(`second:${v}`));
    emitter.fire(1);
    emitter.fire(2);
    assert.deepEqual(seen, ['first:1', 'second:1', 'first:2']);
  });

  it('a throwing listener is reported with its message and stack, and the next listener still runs', () => {
    const log = recordingLogger();
    const emitter = new Emitter<number>(log);
    const seen: number[] = [];
    emitter.event(() => {
      throw new Error('tree view gone');
    });
    emitter.event((v) => seen.push(v));
    emitter.fire(7);
    assert.deepEqual(seen, [7]);
    assert.equal(log.errors.length, 1);
    assert.match(log.errors[0], /^A topology listener threw: Error: tree view gone\n\s+at /);
  });

  it('a listener throwing a non-Error is reported with that value', () => {
    const log = recordingLogger();
    const emitter = new Emitter<number>(log);
    emitter.event(() => {
      throw 'plain text failure';
    });
    emitter.fire(1);
    assert.equal(log.errors.length, 1);
    assert.match(log.errors[0], /^A topology listener threw: .*plain text failure/);
  });

  it('after dispose nothing is delivered, and a new subscription is inert', () => {
    const emitter = new Emitter<number>(recordingLogger());
    const seen: number[] = [];
    emitter.event((v) => seen.push(v));
    emitter.dispose();
    emitter.fire(1);
    const late = emitter.event((v) => seen.push(v * 10));
    emitter.fire(2);
    assert.equal(emitter.listenerCount, 0, 'the late listener is not kept');
    late.dispose();
    assert.deepEqual(seen, []);
  });
});
