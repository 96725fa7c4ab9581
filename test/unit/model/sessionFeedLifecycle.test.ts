/**
 * The session feed's lifecycle as the views and commands meet it (src/model/sessionFeed.ts): one engine opened
 * however many callers ask at once, the engine and the refresh reaching the opened feed, a reconnect that
 * supersedes an open still in flight (its late success or failure shown nowhere), a failure cleared by a later
 * successful open, the connecting state keeping the endpoint last shown, and nothing opened after dispose.
 */
import * as assert from 'node:assert/strict';
import type { EngineApi, EngineProblem } from '../../../src/engine/api';
import type { FeedState, TopologyChange } from '../../../src/model/feed';
import { SessionFeed, type SessionOpener } from '../../../src/model/sessionFeed';
import { ScriptedFeed } from './scriptedFeed';
import { recordedSnapshot } from '../explorer/fixtureSnapshot';

const problem: EngineProblem = {
  kind: 'unreachable',
  message: 'Cannot reach the Docker engine at tcp://nowhere:2375: connection refused.',
  endpoint: 'tcp://nowhere:2375',
};

/** An opener whose open() calls the test settles one by one (resolve with a new feed, or reject). */
function manualOpener() {
  const pending: Array<{ resolve: () => ScriptedFeed; reject: (e: unknown) => void }> = [];
  const engines: Array<{ disposed: boolean }> = [];
  const opener: SessionOpener = {
    open: () =>
      new Promise((resolve, reject) => {
        pending.push({
          resolve: () => {
            const feed = new ScriptedFeed();
            const engine = { disposed: false, dispose: () => (engine.disposed = true) };
            engines.push(engine);
            resolve({ engine: engine as unknown as EngineApi, feed });
            return feed;
          },
          reject,
        });
      }),
    toProblem: () => problem,
  };
  return { opener, pending, engines };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('explorer: the session feed lifecycle', () => {
  it('opens one engine however many callers start it at once; engine() and refresh() reach the opened one', async () => {
    const { opener, pending, engines } = manualOpener();
    const session = new SessionFeed(opener);
    assert.deepEqual(session.state, { kind: 'connecting', endpoint: '' }, 'before anything is opened');
    assert.equal(session.started, false);
    assert.equal(session.stats, undefined);
    const first = session.start();
    const second = session.start();
    const engine = session.engine();
    await tick();
    assert.equal(pending.length, 1, 'one open for three callers');
    assert.equal(session.started, true);
    const feed = pending[0].resolve();
    await Promise.all([first, second]);
    assert.equal(await engine, engines[0]);
    await session.refresh();
    assert.equal(feed.refreshes, 1);
    assert.deepEqual(session.stats, { fullListings: 3 });
    await session.start();
    assert.equal(pending.length, 1, 'an open engine is not opened again');
  });

  it('a reconnect supersedes an open in flight: its late feed is disposed unseen, the new one is shown', async () => {
    const { opener, pending, engines } = manualOpener();
    const session = new SessionFeed(opener);
    const changes: TopologyChange[] = [];
    session.onDidChange((c) => changes.push(c));
    void session.start();
    const reconnecting = session.reconnect();
    await tick();
    assert.equal(pending.length, 2);
    const late = pending[0].resolve();
    const current = pending[1].resolve();
    await reconnecting;
    assert.ok(late.disposed && !late.started, 'the superseded feed is disposed and never started');
    assert.equal(engines[0].disposed, true);
    assert.ok(current.started && !current.disposed);
    current.emit(recordedSnapshot('before'));
    late.emit(recordedSnapshot('after'));
    assert.equal(changes.length, 1);
    assert.equal(session.snapshot, current.snapshot);
  });

  it('a superseded open that fails shows no problem; a later successful open clears an earlier failure', async () => {
    const { opener, pending } = manualOpener();
    const session = new SessionFeed(opener);
    const states: FeedState[] = [];
    session.onDidChangeState((s) => states.push(s));
    void session.start();
    const reconnecting = session.reconnect();
    await tick();
    pending[0].reject(new Error('superseded'));
    await tick();
    assert.deepEqual(
      states.map((s) => s.kind),
      ['connecting', 'connecting'],
      'the superseded failure is not shown',
    );
    pending[1].reject(new Error('refused'));
    await reconnecting;
    assert.deepEqual(session.state, { kind: 'unreachable', endpoint: 'tcp://nowhere:2375', problem });
    // Asking for the engine again tries to open it again, and rejects with that attempt's failure.
    const asked = session.engine();
    await tick();
    assert.equal(pending.length, 3);
    assert.deepEqual(session.state, { kind: 'connecting', endpoint: 'tcp://nowhere:2375' }, 'keeps the endpoint');
    pending[2].reject(new Error('still refused'));
    await assert.rejects(asked, /still refused/);
    const retry = session.reconnect();
    await tick();
    pending[3].resolve();
    await retry;
    assert.deepEqual(session.state, { kind: 'connecting', endpoint: 'unix:///test.sock' }, "the new feed's own state");
    assert.ok(await session.engine());
    assert.equal(pending.length, 4, 'an open engine is used as it is');
  });

  it('after dispose nothing opens and the engine is refused with a sentence saying the connection was closed', async () => {
    const { opener, pending } = manualOpener();
    const session = new SessionFeed(opener);
    session.dispose();
    await session.reconnect();
    assert.equal(pending.length, 0);
    await assert.rejects(session.engine(), /The Docker engine connection was closed\./);
    await assert.rejects(session.refresh(), /The Docker engine connection was closed\./);
  });

  it('waitFor resolves at once with the snapshot shown when it already holds; an unchanged snapshot fires nothing', async () => {
    const { opener, pending } = manualOpener();
    const session = new SessionFeed(opener);
    const changes: TopologyChange[] = [];
    session.onDidChange((c) => changes.push(c));
    const starting = session.start();
    await tick();
    const feed = pending[0].resolve();
    await starting;
    assert.equal(await session.waitFor(() => true, 10), session.snapshot);
    const after = recordedSnapshot('after');
    const waiting = session.waitFor((s) => s === after, 1000);
    feed.emit(recordedSnapshot('before'));
    feed.emit(after);
    assert.equal(await waiting, after, 'a change that does not satisfy the predicate is not awaited');
    changes.length = 0;
    const before = recordedSnapshot('before');
    feed.emit(before);
    feed.emit(before);
    feed.emit(recordedSnapshot('before'));
    assert.equal(changes.length, 1, 'the same content again shows no change');
  });
});
