/** The one failure formatter: what users and the log read for an EngineError, an Error and anything else thrown. */
import * as assert from 'node:assert/strict';
import { describeFailure, errorMessage } from '../../../src/common/failure';

describe('failure formatter', () => {
  it('gives an Error its message and any other thrown value its text', () => {
    assert.equal(errorMessage(new Error('socket hang up')), 'socket hang up');
    assert.equal(errorMessage('plain text'), 'plain text');
    assert.equal(errorMessage(undefined), 'undefined');
  });

  it('prefers the classified sentence of an EngineError (what, why, what to do)', () => {
    const problem = { kind: 'conflict' as const, message: 'The engine refused: network is in use. Disconnect first.' };
    // As the engine layer throws it: the raw message, and the problem classified from it.
    const error = Object.assign(new Error('(HTTP code 409) unexpected - network is in use'), { problem });
    assert.equal(describeFailure(error), problem.message);
    assert.equal(describeFailure(new Error('boom')), 'boom');
    assert.equal(describeFailure(null), 'null');
  });
});
