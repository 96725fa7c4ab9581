/**
 * PendingWork beyond the settle window: how long until the first object is due, what waits for a request,
 * early answers (connect / disconnect not shown yet) and the doubling pause before asking again, objects put
 * back after a failure, and a batch finished while a full listing cleared everything.
 */
import * as assert from 'node:assert/strict';
import { PendingWork } from '../../../src/model/incremental/pendingWork';

const WINDOW = { quietMs: 150, sequenceQuietMs: 600, maxDelayMs: 1000, batchAheadMs: 0 };
const container = (id: string, gone = false) => ({ kind: 'container' as const, id, gone });
const network = (id: string, gone = false) => ({ kind: 'network' as const, id, gone });
const connect = (id: string, networkId: string, attached = true) => ({
  ...container(id),
  expect: { networkId, attached },
});

describe('PendingWork: what waits, early answers and objects put back', () => {
  it('dueIn is the time to the earliest object of all, 0 once one is due (never negative)', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(container('late'), 100); // due 250
    pending.note(container('early'), 0); // due 150
    pending.note(network('middle'), 50); // due 200
    assert.equal(pending.dueIn(0), 150);
    assert.equal(pending.dueIn(150), 0);
    assert.equal(pending.dueIn(400), 0);
  });

  it('counts only the objects that need a request; empty once everything is taken', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(network('only'), 0);
    assert.equal(pending.isEmpty, false, 'a network alone waits');
    pending.note(container('c1'), 0);
    pending.note(container('c-gone', true), 0);
    pending.note(network('n2'), 0);
    pending.note(network('n-gone', true), 0);
    pending.note(network('n-gone-too', true), 0);
    assert.deepEqual(pending.askCounts(), { containers: 1, networks: 2 });
    assert.equal(pending.toAsk, 3);
    pending.take(40, 4, 1000);
    assert.deepEqual([pending.isEmpty, pending.toAsk], [true, 0]);
  });

  it('takes at most the number of objects asked for; the others wait for the next round', () => {
    const pending = new PendingWork(WINDOW);
    for (const id of ['a', 'b', 'c']) pending.note(container(id), 0);
    for (const id of ['x', 'y']) pending.note(network(id), 0);
    const batch = pending.take(2, 1, 200);
    assert.deepEqual([batch.containers, batch.networks], [['a', 'b'], ['x']]);
    assert.deepEqual(pending.askCounts(), { containers: 1, networks: 1 });
  });

  it('an answer is early while any connect or disconnect it should show is missing', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(connect('c1', 'n1'), 0);
    pending.note(connect('c1', 'n2', false), 10);
    assert.equal(pending.isEarly('c1', new Set(['n1', 'n2'])), true, 'still on n2');
    assert.equal(pending.isEarly('c1', new Set([])), true, 'not on n1 yet');
    assert.deepEqual(pending.unconfirmed, ['c1']);
    assert.equal(pending.isEarly('c1', new Set(['n1'])), false, 'shows both');
    assert.deepEqual(pending.unconfirmed, [], 'forgotten once shown');
    assert.equal(pending.isEarly('c1', new Set([])), false, 'nothing expected any more');
  });

  it('a container gone (or answered gone) is never early, and its expectations are dropped', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(connect('answered-gone', 'n1'), 0);
    assert.equal(pending.isEarly('answered-gone', undefined), false);
    pending.note(connect('destroyed', 'n1'), 0);
    pending.note(container('destroyed', true), 5);
    assert.deepEqual(pending.unconfirmed, []);
  });

  it('after early answers a container is asked again after 25, then 50 ms; past six the engine’s word stands', () => {
    const pending = new PendingWork({ ...WINDOW, batchAheadMs: 100 });
    pending.note(connect('c1', 'n1'), 0);
    pending.take(40, 4, 200);
    assert.equal(pending.isEarly('c1', new Set()), true);
    pending.retry('container', 'c1', 1000);
    assert.equal(pending.dueIn(1000), 25);
    assert.deepEqual(pending.take(40, 4, 1000).containers, [], 'the pause is not cut short by batchAheadMs');
    assert.deepEqual(pending.take(40, 4, 1025).containers, ['c1']);
    assert.equal(pending.isEarly('c1', new Set()), true);
    pending.retry('container', 'c1', 2000);
    assert.equal(pending.dueIn(2000), 50);
    pending.take(40, 4, 2050);
    for (let answer = 3; answer <= 6; answer++) assert.equal(pending.isEarly('c1', new Set()), true);
    assert.equal(pending.isEarly('c1', new Set()), false, 'the seventh answer stands');
  });

  it('a network put back is due at once and counted as a network, whatever a container of its id went through', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(connect('same', 'n1'), 0);
    pending.take(40, 4, 200);
    assert.equal(pending.isEarly('same', new Set()), true);
    pending.retry('network', 'same', 1000);
    assert.equal(pending.dueIn(1000), 0);
    assert.deepEqual(pending.askCounts(), { containers: 0, networks: 1 });
  });

  it('an object put back then named again waits its plain quiet time; one already waiting keeps its window', () => {
    const pending = new PendingWork(WINDOW);
    pending.retry('container', 'put-back', 1000);
    pending.note(container('put-back'), 1000);
    assert.equal(pending.dueIn(1000), 150, 'quietMs, not sequenceQuietMs');
    const waiting = new PendingWork(WINDOW);
    waiting.note(container('named'), 1000);
    waiting.retry('container', 'named', 1000);
    assert.equal(waiting.dueIn(1000), 150, 'not due at once');
  });

  it('a network named while asked for keeps the time of its first event: maxDelayMs still counts from it', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(network('n1'), 0);
    const batch = pending.take(40, 4, 150);
    pending.note(network('n1'), 160);
    pending.done(batch);
    pending.note(network('n1'), 900);
    assert.equal(pending.dueIn(900), 100, 'due at 0 + maxDelayMs, not 160 + maxDelayMs');
  });

  it('a batch finished after a full listing cleared everything leaves nothing waiting', () => {
    const pending = new PendingWork(WINDOW);
    pending.note(container('c1'), 0);
    pending.note(network('n1'), 0);
    const batch = pending.take(40, 4, 200);
    pending.clear();
    pending.done(batch);
    assert.deepEqual([pending.isEmpty, pending.dueIn(300)], [true, undefined]);
  });
});
