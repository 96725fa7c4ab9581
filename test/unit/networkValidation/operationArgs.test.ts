import * as assert from 'node:assert/strict';
import { nodesFrom, reasonOf } from '../../../src/commands/operationArgs';
import { toEngineError, unreachableProblem, EngineError } from '../../../src/engine/errors';
import { isEndpointNode, isNetworkNode } from '../../../src/explorer/nodeTypes';

const net = (name: string) => ({ kind: 'network', network: { id: `id-${name}`, name } });
const ep = (name: string) => ({ kind: 'endpoint', endpoint: { key: name } });

describe('command arguments as VS Code passes them', () => {
  it('a right-click on one node without a selection acts on that node', () => {
    const a = net('a');
    assert.deepEqual(nodesFrom([a, undefined], isNetworkNode), [a]);
    assert.deepEqual(nodesFrom([a, [a]], isNetworkNode), [a]);
  });
  it('a right-click inside a multi-selection acts on the whole selection, of the right kind only', () => {
    const a = net('a');
    const b = net('b');
    const e = ep('e');
    assert.deepEqual(nodesFrom([a, [a, b, e]], isNetworkNode), [a, b]);
    assert.deepEqual(nodesFrom([e, [a, e]], isEndpointNode), [e]);
  });
  it('a right-click outside the selection acts on the clicked node, not the selection', () => {
    const a = net('a');
    const b = net('b');
    assert.deepEqual(nodesFrom([a, [b]], isNetworkNode), [a]);
  });
  it('from the palette (no node, or a test carrier object) it has nothing, so the command picks', () => {
    assert.deepEqual(nodesFrom([], isNetworkNode), []);
    assert.deepEqual(nodesFrom([undefined, undefined, { prompter: {} }], isNetworkNode), []);
  });
});

describe('failure wording', () => {
  const modemError = (statusCode: number, message: string) =>
    Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message} `), { statusCode, json: { message } });

  it('keeps the engine reason and puts the operation advice after it for a refused request', () => {
    const error = toEngineError(modemError(403, 'Address already in use'));
    assert.equal(reasonOf(error, 'Pick another address.'), 'Address already in use. Pick another address.');
  });
  it('uses the classified sentence without advice', () => {
    const error = toEngineError(modemError(404, 'No such container: x'));
    assert.match(reasonOf(error), /^Not found: No such container: x\./);
  });
  it('keeps the endpoint and remedy of an unreachable engine even when advice is given', () => {
    const error = new EngineError(unreachableProblem('unix:///var/run/docker.sock', 'ECONNREFUSED'));
    const text = reasonOf(error, 'Pick another address.');
    assert.match(text, /Cannot connect to the Docker engine at unix:\/\/\/var\/run\/docker\.sock/);
    assert.doesNotMatch(text, /Pick another address/);
  });
  it('words a plain error with its message', () => {
    assert.equal(reasonOf(new Error('boom.'), 'Try again.'), 'boom. Try again.');
    assert.equal(reasonOf('text'), 'text');
  });
});
