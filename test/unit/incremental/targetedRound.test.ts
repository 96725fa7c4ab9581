/**
 * targetedRound: the requests one round makes (how many, how containers are split, how networks and containers
 * share `maxRequests`) and what it hands on (updates, early answers, the first failure, objects pending again),
 * against a recording source whose answers the tests write out.
 */
import * as assert from 'node:assert/strict';
import type { EngineContainer, EngineNetwork } from '../../../src/engine/records';
import { PendingWork } from '../../../src/model/incremental/pendingWork';
import { targetedRound, type TargetedSource } from '../../../src/model/incremental/targetedRound';

/** Answers every id it is asked for; records each request; a listed id fails its request. */
class RecordingSource implements TargetedSource {
  readonly containerRequests: string[][] = [];
  readonly networkRequests: string[] = [];
  readonly failing = new Set<string>();
  /** Runs when a request is made (an event arriving while it is in flight). */
  onRequest: (id: string) => void = () => undefined;

  async listContainersById(ids: readonly string[]): Promise<EngineContainer[]> {
    this.containerRequests.push([...ids]);
    ids.forEach((id) => this.onRequest(id));
    if (ids.some((id) => this.failing.has(id))) throw new Error(`listing of ${ids[0]} failed`);
    return ids.map((Id) => containerRecord(Id));
  }

  async inspectNetworkRecord(id: string): Promise<EngineNetwork | undefined> {
    this.networkRequests.push(id);
    this.onRequest(id);
    if (this.failing.has(id)) throw new Error(`inspect of ${id} failed`);
    return network(id);
  }
}

const containerRecord = (Id: string, networkIds: string[] = []): EngineContainer => ({
  Id,
  Names: [`/${Id}`],
  NetworkSettings: { Networks: Object.fromEntries(networkIds.map((id) => [`net-${id}`, { NetworkID: id }])) },
});
const network = (id: string): EngineNetwork => ({ Id: id, Name: `name-${id}`, Scope: 'local', Driver: 'bridge' });
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${100 + i}`);

function pendingWith(containers: string[], networks: string[]): PendingWork {
  const pending = new PendingWork();
  for (const id of containers) pending.note({ kind: 'container', id, gone: false }, 0);
  for (const id of networks) pending.note({ kind: 'network', id, gone: false }, 0);
  return pending;
}

describe('targetedRound: the requests of one round and what it hands on', () => {
  it('networks take at most half the requests when containers wait too; containers share the rest', async () => {
    const source = new RecordingSource();
    const pending = pendingWith(['c1'], ids('n', 5));
    const result = await targetedRound(source, pending, 4, 0);
    assert.deepEqual(source.networkRequests, ['n100', 'n101']);
    assert.deepEqual(source.containerRequests, [['c1']]);
    assert.equal(result.requests, 3);
    assert.deepEqual(pending.askCounts(), { containers: 0, networks: 3 });
  });

  it('with no container waiting, networks take every request', async () => {
    const source = new RecordingSource();
    const pending = pendingWith([], ids('n', 5));
    const result = await targetedRound(source, pending, 4, 0);
    assert.deepEqual(source.networkRequests, ['n100', 'n101', 'n102', 'n103']);
    assert.equal(result.requests, 4);
    assert.deepEqual(
      result.updates.map((update) => [update.kind, update.id]),
      ids('n', 4).map((id) => ['network', id]),
    );
  });

  it('containers go 40 per request; a network waiting leaves the containers the other requests', async () => {
    const source = new RecordingSource();
    const containers = ids('c', 100);
    const pending = pendingWith(containers, ['n1']);
    const result = await targetedRound(source, pending, 2, 0);
    assert.deepEqual(source.containerRequests, [containers.slice(0, 40)]);
    assert.deepEqual(source.networkRequests, ['n1']);
    assert.equal(result.requests, 2);
    assert.deepEqual(pending.askCounts(), { containers: 60, networks: 0 });

    const next = new RecordingSource();
    const second = await targetedRound(next, pending, 3, 0);
    assert.deepEqual(next.containerRequests, [containers.slice(40, 80), containers.slice(80)]);
    assert.equal(second.requests, 2);
    assert.equal(second.updates.length, 60);
  });

  it('gone objects are applied without a request, next to the answers', async () => {
    const source = new RecordingSource();
    const pending = pendingWith(['c1'], ['n1']);
    pending.note({ kind: 'container', id: 'c-gone', gone: true }, 0);
    pending.note({ kind: 'network', id: 'n-gone', gone: true }, 0);
    const result = await targetedRound(source, pending, 4, 0);
    assert.deepEqual(result.updates, [
      { kind: 'network', id: 'n-gone', record: undefined },
      { kind: 'network', id: 'n1', record: network('n1') },
      { kind: 'container', id: 'c-gone', record: undefined },
      { kind: 'container', id: 'c1', record: containerRecord('c1') },
    ]);
    assert.deepEqual([result.requests, result.early, result.failure], [2, 0, undefined]);
  });

  it('a failed request applies nothing for its objects, puts them back, and hands on the first failure', async () => {
    const source = new RecordingSource();
    source.failing.add('n1').add('n2').add('c1');
    const pending = pendingWith(['c1', 'c2'], ['n1', 'n2', 'n3']);
    const result = await targetedRound(source, pending, 6, 0);
    assert.deepEqual(
      result.updates.map((update) => [update.kind, update.id]),
      [['network', 'n3']],
    );
    assert.equal((result.failure as Error).message, 'inspect of n1 failed');
    assert.deepEqual(pending.askCounts(), { containers: 2, networks: 2 });
  });

  it('a failed container listing alone is the failure, its containers pending as containers', async () => {
    const source = new RecordingSource();
    source.failing.add('c1');
    const pending = pendingWith(['c1'], []);
    const result = await targetedRound(source, pending, 2, 0);
    assert.deepEqual(result.updates, []);
    assert.equal((result.failure as Error).message, 'listing of c1 failed');
    assert.deepEqual(pending.askCounts(), { containers: 1, networks: 0 });
  });

  it('an answer about an object an event named while it was asked for is dropped (a newer request follows)', async () => {
    const source = new RecordingSource();
    const pending = pendingWith(['c1', 'c2'], ['n1', 'n2']);
    source.onRequest = (id) => {
      if (id === 'n1' || id === 'c1') pending.note({ kind: id === 'n1' ? 'network' : 'container', id, gone: false }, 1);
    };
    const result = await targetedRound(source, pending, 4, 0);
    assert.deepEqual(
      result.updates.map((update) => [update.kind, update.id]),
      [
        ['network', 'n2'],
        ['container', 'c2'],
      ],
    );
    assert.deepEqual(pending.askCounts(), { containers: 1, networks: 1 });
  });

  it('an answer that does not show a connect yet is early: counted, not applied, asked again', async () => {
    const source = new RecordingSource();
    const pending = pendingWith(['c2'], []);
    pending.note({ kind: 'container', id: 'c1', gone: false, expect: { networkId: 'n1', attached: true } }, 0);
    const result = await targetedRound(source, pending, 2, 0);
    assert.equal(result.early, 1);
    assert.deepEqual(result.updates, [{ kind: 'container', id: 'c2', record: containerRecord('c2') }]);
    assert.deepEqual(pending.askCounts(), { containers: 1, networks: 0 });
  });
});
