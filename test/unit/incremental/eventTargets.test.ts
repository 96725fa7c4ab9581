/**
 * eventTarget: which object an engine event names, whether it is gone, and what a connect / disconnect expects,
 * for each event shape the engine sends (and the malformed ones, which fall back to a full listing: undefined).
 */
import * as assert from 'node:assert/strict';
import type { EngineEvent } from '../../../src/engine/records';
import { eventTarget } from '../../../src/model/incremental/eventTargets';

const network = (Action: string, Actor: EngineEvent['Actor']): EngineEvent => ({ Type: 'network', Action, Actor });

describe('eventTarget: what an engine event names', () => {
  it('container events: destroy is gone, kill begins a sequence, start ends it, rename just changes', () => {
    const container = (Action?: string) => eventTarget({ Type: 'container', Action, Actor: { ID: 'c1' } });
    assert.deepEqual(container('destroy'), { kind: 'container', id: 'c1', gone: true, sequence: undefined });
    assert.deepEqual(container('kill'), { kind: 'container', id: 'c1', gone: false, sequence: 'begins' });
    assert.deepEqual(container('start'), { kind: 'container', id: 'c1', gone: false, sequence: 'ends' });
    assert.deepEqual(container('rename'), { kind: 'container', id: 'c1', gone: false, sequence: undefined });
    assert.deepEqual(container(undefined), { kind: 'container', id: 'c1', gone: false, sequence: undefined });
  });

  it('a container event without an id, or without an actor, names nothing (a full listing follows)', () => {
    assert.equal(eventTarget({ Type: 'container', Action: 'start', Actor: {} }), undefined);
    assert.equal(eventTarget({ Type: 'container', Action: 'start', Actor: null }), undefined);
    assert.equal(eventTarget({ Type: 'container', Action: 'start' }), undefined);
  });

  it('network create / update ask for the network; destroy and remove say it is gone', () => {
    assert.deepEqual(eventTarget(network('create', { ID: 'n1' })), { kind: 'network', id: 'n1', gone: false });
    assert.deepEqual(eventTarget(network('update', { ID: 'n1' })), { kind: 'network', id: 'n1', gone: false });
    assert.deepEqual(eventTarget(network('destroy', { ID: 'n1' })), { kind: 'network', id: 'n1', gone: true });
    assert.deepEqual(eventTarget(network('remove', { ID: 'n1' })), { kind: 'network', id: 'n1', gone: true });
  });

  it('a network create without an id, or without an actor, names nothing', () => {
    assert.equal(eventTarget(network('create', {})), undefined);
    assert.equal(eventTarget(network('create', null)), undefined);
    assert.equal(eventTarget({ Type: 'network', Action: 'destroy' }), undefined);
  });

  it('connect / disconnect ask for the container, expecting it on (or off) the network', () => {
    const attributes = { container: 'c1', name: 'front' };
    assert.deepEqual(eventTarget(network('connect', { ID: 'n1', Attributes: attributes })), {
      kind: 'container',
      id: 'c1',
      gone: false,
      expect: { networkId: 'n1', attached: true },
    });
    assert.deepEqual(eventTarget(network('disconnect', { ID: 'n1', Attributes: attributes })), {
      kind: 'container',
      id: 'c1',
      gone: false,
      expect: { networkId: 'n1', attached: false },
    });
    assert.deepEqual(eventTarget(network('connect', { Attributes: attributes })), {
      kind: 'container',
      id: 'c1',
      gone: false,
      expect: undefined,
    });
  });

  it('a connect without its container attribute, attributes or actor names nothing', () => {
    assert.equal(eventTarget(network('connect', { ID: 'n1', Attributes: {} })), undefined);
    assert.equal(eventTarget(network('connect', { ID: 'n1', Attributes: null })), undefined);
    assert.equal(eventTarget(network('disconnect', { ID: 'n1' })), undefined);
    assert.equal(eventTarget(network('disconnect', null)), undefined);
  });

  it('events of other types name nothing', () => {
    assert.equal(eventTarget({ Type: 'volume', Action: 'destroy', Actor: { ID: 'v1' } }), undefined);
    assert.equal(eventTarget({ Action: 'destroy', Actor: { ID: 'x' } }), undefined);
  });
});
