import * as assert from 'node:assert/strict';
import type { EngineApi, EngineProblem } from '../../../src/engine/api';
import type { TopologyChange } from '../../../src/model/feed';
import { SessionFeed, type SessionOpener } from '../../../src/model/sessionFeed';
import { ScriptedFeed } from './scriptedFeed';
import { recordedSnapshot } from '../explorer/fixtureSnapshot';

const problem: EngineProblem = {
  kind: 'unreachable',
  message: 'Cannot reach the Docker engine at tcp://nowhere:2375: connection refused.',
  endpoint: 'tcp://nowhere:2375',
};

function opener(feeds: ScriptedFeed[], failures: unknown[] = []): SessionOpener & { opened: number } {
  const result = {
    opened: 0,
    async open() {
      const failure = failures.shift();
      if (failure) throw failure;
      const feed = new ScriptedFeed();
      feeds.push(feed);
      result.opened++;
      const engine = { dispose() {} } as unknown as EngineApi;
      return { engine, feed };
    },
    toProblem: () => problem,
  };
  return result;
}

describe('explorer: the session feed behind the views', () => {
  it('opens lazily, forwards state and changes, and emits a diff computed from what it showed', async () => {
    const feeds: ScriptedFeed[] = [];
    const open = opener(feeds);
    const session = new SessionFeed(open);
    assert.equal(open.opened, 0, 'nothing opens before start()');
    const states: string[] = [];
    const changes: TopologyChange[] = [];
    session.onDidChangeState((s) => states.push(s.kind));
    session.onDidChange((c) => changes.push(c));
    await session.start();
    assert.equal(feeds.length, 1);
    assert.ok(feeds[0].started);
    feeds[0].setState({ kind: 'connected', endpoint: 'unix:///test.sock', engineVersion: '20.10.24' });
    const full = recordedSnapshot();
    feeds[0].emit(full);
    assert.deepEqual(states, ['connecting', 'connecting', 'connected']);
    assert.equal(session.snapshot, full);
    assert.equal(changes.length, 1);
    assert.equal(changes[0].diff.networks.added.length, full.networks.size);
    assert.equal(changes[0].diff.endpoints.added.length, full.endpoints.size);
  });

  it('reconnect drops the old feed and moves the views to the new one', async () => {
    const feeds: ScriptedFeed[] = [];
    const session = new SessionFeed(opener(feeds));
    await session.start();
    feeds[0].emit(recordedSnapshot('before'));
    const changes: TopologyChange[] = [];
    session.onDidChange((c) => changes.push(c));
    await session.reconnect();
    assert.ok(feeds[0].disposed);
    assert.equal(feeds.length, 2);
    // The new feed starts empty: every network shown before is removed.
    assert.equal(changes.length, 1);
    assert.equal(changes[0].diff.networks.removed.length, recordedSnapshot('before').networks.size);
    feeds[0].emit(recordedSnapshot('after'));
    assert.equal(changes.length, 1, 'a disposed feed no longer reaches the views');
  });

  it('reports a failed open as unreachable with the classified problem; engine() rejects with the failure', async () => {
    const failure = new Error('no such context');
    const session = new SessionFeed(opener([], [failure, failure, failure]));
    await session.start();
    assert.deepEqual(session.state, { kind: 'unreachable', endpoint: 'tcp://nowhere:2375', problem });
    await assert.rejects(session.engine(), failure);
    await assert.rejects(session.refresh(), failure);
  });

  it('waitFor resolves when the snapshot holds, and rejects after its timeout', async () => {
    const feeds: ScriptedFeed[] = [];
    const session = new SessionFeed(opener(feeds));
    await session.start();
    const full = recordedSnapshot();
    const waiting = session.waitFor((s) => s.networks.size > 0, 1000);
    feeds[0].emit(full);
    assert.equal(await waiting, full);
    await assert.rejects(
      session.waitFor((s) => s.networks.size > 1000, 30),
      /within 30 ms/,
    );
  });

  it('dispose disposes the feed and ignores an open still in flight', async () => {
    const feeds: ScriptedFeed[] = [];
    const session = new SessionFeed(opener(feeds));
    const opening = session.start();
    session.dispose();
    await opening;
    assert.equal(feeds.length, 1);
    assert.ok(feeds[0].disposed, 'the late feed is disposed');
    assert.ok(!feeds[0].started, 'and never started');
  });
});
