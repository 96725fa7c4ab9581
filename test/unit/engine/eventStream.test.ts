import * as assert from 'node:assert/strict';
import { PassThrough, type Readable } from 'node:stream';
import type { EngineProblem } from '../../../src/engine/api';
import { toEngineProblem } from '../../../src/engine/errors';
import { EventLineParser } from '../../../src/engine/eventParser';
import { subscribeToEvents, type RetryTimers } from '../../../src/engine/eventStream';
import type { EngineEvent } from '../../../src/engine/records';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `condition` holds, polling; fails after a generous timeout. Tests wait for what they assert on
 * rather than for a fixed time, so a loaded machine (late timers) slows them down but does not fail them.
 */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

describe('EventLineParser', () => {
  it('joins a JSON object split across chunks and keeps the rest for later', () => {
    const bad: string[] = [];
    const parser = new EventLineParser((line) => bad.push(line));
    const a = JSON.stringify({ Type: 'network', Action: 'connect', Actor: { ID: 'n1' } });
    const b = JSON.stringify({ Type: 'container', Action: 'die' });
    assert.deepEqual(parser.push(a.slice(0, 10)), []);
    assert.deepEqual(parser.push(a.slice(10) + '\n' + b.slice(0, 5)), [JSON.parse(a)]);
    assert.deepEqual(parser.push(b.slice(5) + '\n'), [JSON.parse(b)]);
    assert.deepEqual(bad, []);
  });

  it('decodes a UTF-8 character split between two Buffers', () => {
    const parser = new EventLineParser(() => assert.fail('nothing is malformed'));
    const bytes = Buffer.from(JSON.stringify({ Actor: { Attributes: { name: 'café-net' } } }) + '\n');
    const cut = bytes.indexOf(0xc3) + 1; // inside "é"
    assert.deepEqual(parser.push(bytes.subarray(0, cut)), []);
    const [event] = parser.push(bytes.subarray(cut));
    assert.equal(event.Actor?.Attributes?.name, 'café-net');
  });

  it('handles several events in one chunk, blank lines and CRLF', () => {
    const parser = new EventLineParser(() => assert.fail('nothing is malformed'));
    const events = parser.push('{"Action":"a"}\r\n\n{"Action":"b"}\n{"Action":"c"}\n');
    assert.deepEqual(
      events.map((e) => e.Action),
      ['a', 'b', 'c'],
    );
  });

  it('reports a malformed line and carries on', () => {
    const bad: string[] = [];
    const parser = new EventLineParser((line, reason) => bad.push(`${line} | ${reason.length > 0}`));
    const events = parser.push('{"Action":"a"}\n{not json}\n[1]\n{"Action":"b"}\n');
    assert.deepEqual(
      events.map((e) => e.Action),
      ['a', 'b'],
    );
    assert.deepEqual(bad, ['{not json} | true', '[1] | true']);
  });

  it('end() delivers a last line without a newline', () => {
    const parser = new EventLineParser(() => assert.fail('nothing is malformed'));
    assert.deepEqual(parser.push('{"Action":"last"}'), []);
    assert.deepEqual(
      parser.end().map((e) => e.Action),
      ['last'],
    );
  });
});

/** A scripted transport: each open() takes the next outcome (a stream, or an error). */
class FakeTransport {
  readonly openedAt: number[] = [];
  readonly streams: PassThrough[] = [];
  outcomes: Array<'stream' | Error> = [];

  open = (signal: AbortSignal): Promise<Readable> => {
    this.openedAt.push(Date.now());
    const outcome = this.outcomes.shift() ?? 'stream';
    if (outcome instanceof Error) return Promise.reject(outcome);
    const stream = new PassThrough();
    signal.addEventListener('abort', () => stream.destroy());
    this.streams.push(stream);
    return Promise.resolve(stream);
  };
}

function recorder() {
  const log: string[] = [];
  const problems: EngineProblem[] = [];
  const events: EngineEvent[] = [];
  return {
    log,
    problems,
    events,
    handlers: {
      onEvent: (e: EngineEvent) => {
        events.push(e);
        log.push(`event ${e.Action}`);
      },
      onConnected: () => log.push('connected'),
      onDisconnected: (p: EngineProblem) => {
        problems.push(p);
        log.push(`disconnected ${p.kind}`);
      },
    },
  };
}

/** Real timers that record the retry delays asked for and which retries were cancelled. */
function recordingTimers() {
  const requested: number[] = [];
  const pending = new Set<ReturnType<typeof setTimeout>>();
  const cleared: Array<ReturnType<typeof setTimeout>> = [];
  const timers: RetryTimers = {
    setTimeout(callback, ms) {
      requested.push(ms);
      const handle = setTimeout(() => {
        pending.delete(handle);
        callback();
      }, ms);
      pending.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      cleared.push(handle);
      pending.delete(handle);
      clearTimeout(handle);
    },
  };
  return { timers, requested, pending, cleared };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' });

describe('subscribeToEvents', () => {
  const options = {
    endpoint: 'unix:///var/run/docker.sock',
    classify: (e: unknown) => toEngineProblem(e, { endpoint: 'unix:///var/run/docker.sock' }),
    initialDelayMs: 20,
    maxDelayMs: 80,
  };

  it('delivers events, and after the engine closes the stream reports it and reconnects (resync signal)', async () => {
    const transport = new FakeTransport();
    const r = recorder();
    const sub = subscribeToEvents(transport.open, r.handlers, options);
    await until(() => r.log.includes('connected'), 'the first connect');
    transport.streams[0].write('{"Type":"network","Action":"create"}\n{"Type":"net');
    transport.streams[0].write('work","Action":"connect"}\n');
    await until(() => r.events.length === 2, 'both events');
    transport.streams[0].end();
    await until(() => r.log.filter((l) => l === 'connected').length === 2, 'the reconnect');
    sub.dispose();
    assert.deepEqual(r.log, ['connected', 'event create', 'event connect', 'disconnected unreachable', 'connected']);
    assert.equal(transport.openedAt.length, 2);
    assert.match(r.problems[0].message, /closed the events stream/);
  });

  it('retries a failing engine with doubling delays up to the maximum, and resets after a connect', async () => {
    const transport = new FakeTransport();
    transport.outcomes = [refused(), refused(), refused(), refused(), refused(), 'stream'];
    const r = recorder();
    const clock = recordingTimers();
    const sub = subscribeToEvents(transport.open, r.handlers, {
      ...options,
      initialDelayMs: 40,
      maxDelayMs: 160,
      timers: clock.timers,
    });
    try {
      await until(() => r.log.at(-1) === 'connected', 'the connect after five refusals');
      assert.equal(transport.openedAt.length, 6);
      // The delays asked for: doubling from 40, capped at 160.
      assert.deepEqual(clock.requested, [40, 80, 160, 160, 160]);
      // And the real waits: timers may fire late under load, never early.
      const gaps = transport.openedAt.slice(1).map((t, i) => t - transport.openedAt[i]);
      clock.requested.forEach((expected, i) =>
        assert.ok(gaps[i] >= expected - 2, `gap ${i}: ${gaps[i]} ms, expected at least ${expected}`),
      );
      assert.deepEqual(
        r.problems.map((p) => p.kind),
        Array(5).fill('unreachable'),
      );

      // After a successful connect, the next failure waits the initial delay again (40 ms, not 160).
      const failedAt = Date.now();
      transport.streams[0].destroy(refused());
      await until(() => transport.openedAt.length === 7, 'the retry after the stream broke');
      assert.deepEqual(clock.requested, [40, 80, 160, 160, 160, 40]);
      assert.ok(transport.openedAt[6] - failedAt >= 38, `waited ${transport.openedAt[6] - failedAt} ms`);
    } finally {
      sub.dispose();
    }
  });

  it('stops for good when disposed: no retry, no more handler calls', async () => {
    const transport = new FakeTransport();
    transport.outcomes = [refused()];
    const r = recorder();
    const clock = recordingTimers();
    const sub = subscribeToEvents(transport.open, r.handlers, { ...options, timers: clock.timers });
    await until(() => clock.requested.length === 1, 'the retry being scheduled');
    sub.dispose();
    assert.equal(clock.pending.size, 0, 'the scheduled retry is cancelled');
    assert.equal(clock.cleared.length, 1);
    await sleep(100); // well past the 20 ms retry delay: nothing may happen any more
    assert.equal(transport.openedAt.length, 1);
    assert.deepEqual(r.log, ['disconnected unreachable']);
  });

  it('disposing aborts the open stream', async () => {
    const transport = new FakeTransport();
    const r = recorder();
    const sub = subscribeToEvents(transport.open, r.handlers, options);
    await until(() => r.log.includes('connected'), 'the connect');
    sub.dispose();
    await until(() => transport.streams[0].destroyed, 'the stream destroyed');
    transport.streams[0].emit('data', '{"Action":"late"}\n');
    assert.deepEqual(r.log, ['connected']);
  });

  it('a throwing handler does not break the stream', async () => {
    const transport = new FakeTransport();
    const seen: string[] = [];
    const reported: string[] = [];
    const log = { info: () => undefined, warn: () => undefined, error: (m: string) => void reported.push(m) };
    let connected = false;
    const sub = subscribeToEvents(
      transport.open,
      {
        onEvent: (e) => {
          seen.push(e.Action ?? '');
          throw new Error('listener bug');
        },
        onConnected: () => (connected = true),
        onDisconnected: () => undefined,
      },
      { ...options, log },
    );
    await until(() => connected, 'the connect');
    transport.streams[0].write('{"Action":"a"}\n{"Action":"b"}\n');
    await until(() => seen.length === 2, 'both events delivered');
    sub.dispose();
    assert.deepEqual(seen, ['a', 'b']);
    assert.equal(reported.length, 2, 'each throw is reported to the log, not swallowed');
    assert.match(reported[0], /Docker events: a handler threw: Error: listener bug/);
  });
});
