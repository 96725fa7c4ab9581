import * as assert from 'node:assert/strict';
import { PendingWork } from '../../../src/model/incremental/pendingWork';

const container = (id: string, gone = false, sequence?: 'begins' | 'ends') => ({
  kind: 'container' as const,
  id,
  gone,
  sequence,
});
const WINDOW = { quietMs: 150, sequenceQuietMs: 600, maxDelayMs: 1000, batchAheadMs: 0 };

describe('PendingWork: the settle window of each object', () => {
  it('asks for an object only once no event named it for quietMs, so one request sees a sequence through', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(container('a'), 0); // kill
    pending.note(container('a'), 60); // die
    assert.equal(pending.dueIn(100), 110);
    assert.deepEqual(pending.take(40, 4, 200).containers, [], 'not due 140 ms after its last event');
    pending.note(container('a'), 200); // network disconnect
    assert.equal(pending.dueIn(300), 50);
    assert.deepEqual(pending.take(40, 4, 350).containers, ['a'], 'due 150 ms after its last event');
    assert.equal(pending.dueIn(350), undefined, 'nothing waits any more');
  });

  it('a destroy within the window: the removal is applied without any request', () => {
    const pending = new PendingWork(WINDOW);
    for (const at of [0, 60, 200]) pending.note(container('a'), at);
    pending.note(container('a', true), 320); // destroy
    assert.equal(pending.dueIn(320), 0, 'a gone object is due at once');
    const batch = pending.take(40, 4, 320);
    assert.deepEqual([batch.containers, batch.goneContainers], [[], ['a']]);
  });

  it('after a kill or a die, waits sequenceQuietMs for the destroy; a stop ends the sequence', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(container('removed', false, 'begins'), 0); // kill
    pending.note(container('removed', false, 'begins'), 50); // die
    pending.note(container('removed'), 150); // network disconnect: the sequence goes on
    pending.note(container('stopped', false, 'begins'), 0); // die
    pending.note(container('stopped', false, 'ends'), 200); // stop
    assert.deepEqual(pending.take(40, 4, 400).containers, ['stopped'], 'the stop: 150 ms after it');
    assert.equal(pending.dueIn(400), 350, 'the removal: 600 ms after its disconnect');
    pending.note(container('removed', true), 700); // destroy, 550 ms after the disconnect
    const batch = pending.take(40, 4, 700);
    assert.deepEqual([batch.containers, batch.goneContainers], [[], ['removed']]);
  });

  it('an object that never falls quiet is asked for maxDelayMs after its first event', () => {
    const pending = new PendingWork(WINDOW);
    for (let at = 0; at < 1000; at += 100) pending.note(container('busy'), at);
    assert.deepEqual(pending.take(40, 4, 999).containers, []);
    assert.equal(pending.dueIn(999), 1);
    assert.deepEqual(pending.take(40, 4, 1000).containers, ['busy']);
  });

  it('takes the due objects only, leaving the others to their own windows', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(container('early'), 0);
    pending.note(container('late'), 100);
    assert.deepEqual(pending.take(40, 4, 160).containers, ['early']);
    assert.equal(pending.dueIn(160), 90);
    assert.deepEqual(pending.take(40, 4, 250).containers, ['late']);
  });

  it('a round takes along the objects due within batchAheadMs: they share its request', () => {
    const pending = new PendingWork({ ...WINDOW, batchAheadMs: 50 });
    pending.note(container('first'), 0);
    pending.note(container('soon'), 40);
    pending.note(container('later'), 60);
    assert.deepEqual(pending.take(40, 4, 150).containers, ['first', 'soon'], 'soon is due at 190, later at 210');
    assert.equal(pending.dueIn(150), 60);
  });

  it('an event after the request was taken makes its answer stale; the object waits for its own window again', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(container('a'), 0);
    const batch = pending.take(40, 4, 150);
    pending.note(container('a'), 170); // came while the request was in flight
    assert.equal(pending.isCurrent('container', 'a', batch), false);
    pending.done(batch);
    assert.equal(pending.dueIn(200), 120);
    const again = pending.take(40, 4, 320);
    for (let at = 330; at < 1000; at += 100) pending.note(container('a'), at); // its answer raced these
    pending.done(again);
    assert.equal(pending.dueIn(1000), 0, 'a second after its first event, asked for again at once');
  });

  it('a failed request puts its objects back, due at once', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(container('a'), 0);
    pending.take(40, 4, 150);
    pending.retry('container', 'a', 160);
    assert.equal(pending.dueIn(160), 0);
    assert.deepEqual(pending.take(40, 4, 160).containers, ['a']);
  });
});
