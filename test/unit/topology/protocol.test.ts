import { strict as assert } from 'node:assert';
import { isHostMessage, isWebviewMessage, describeRejected } from '../../../src/topology/protocol';
import { buildFullGraph } from '../../../src/topology/graph/build';
import { diffGraphs } from '../../../src/topology/graph/diff';
import { sampleTopology } from './fakeTopology';

describe('topology protocol validators', () => {
  it('accepts every message the host sends', () => {
    const g = buildFullGraph(sampleTopology());
    assert.ok(isHostMessage({ type: 'graph', graph: g }));
    assert.ok(isHostMessage({ type: 'graph', graph: g, notice: 'big' }));
    assert.ok(isHostMessage({ type: 'graph', graph: { ...g, mode: 'network' }, scope: { nodeId: 'n:a', label: 'a' } }));
    assert.ok(isHostMessage({ type: 'patch', patch: diffGraphs(g, g) }));
    assert.ok(isHostMessage({ type: 'focus', nodeId: 'n:x' }));
    assert.ok(isHostMessage({ type: 'plan', overlay: null }));
    assert.ok(
      isHostMessage({
        type: 'plan',
        overlay: {
          file: 'compose.yaml',
          project: 'p',
          items: [{ kind: 'service', name: 'web', status: 'missing', detail: 'x' }],
        },
      }),
    );
    assert.ok(isHostMessage({ type: 'engine', state: 'unreachable', message: 'Cannot reach' }));
    assert.ok(isHostMessage({ type: 'exportRequest', requestId: 3, format: 'png' }));
    assert.ok(isHostMessage({ type: 'path', path: { marks: [{ nodeId: 'c:1', label: 'source' }] } }));
    assert.ok(isHostMessage({ type: 'path', path: null }));
    const edge = {
      id: 'o:1',
      source: 'c:a',
      target: 'c:b',
      port: 80,
      count: 2,
      state: 'attempt',
      label: ':80',
      text: 't',
    };
    const layer = {
      at: 1,
      peers: [{ id: 'o:outside:1.2.3.4@c:a', kind: 'outside', label: 'x' }],
      edges: [edge],
      notes: [],
    };
    assert.ok(isHostMessage({ type: 'observed', layer }));
    assert.ok(!isHostMessage({ type: 'observed', layer: { ...layer, edges: [{ ...edge, state: 'weird' }] } }));
    assert.ok(
      !isHostMessage({ type: 'observed', layer: { ...layer, peers: [{ id: 'p', kind: 'moon', label: 'x' }] } }),
    );
    assert.ok(!isHostMessage({ type: 'observed', layer: { ...layer, notes: [1] } }));
    assert.ok(!isHostMessage({ type: 'observed', layer: null }));
    assert.ok(isWebviewMessage({ type: 'observedLayer', on: true }));
    assert.ok(isWebviewMessage({ type: 'observedRefresh' }));
    assert.ok(!isWebviewMessage({ type: 'observedLayer', on: 'yes' }));
  });

  it('rejects malformed host messages', () => {
    const g = buildFullGraph(sampleTopology());
    const badNode = { ...g, nodes: [{ ...g.nodes[0], role: 'evil' }] };
    const badDetails = { ...g, nodes: [{ ...g.nodes[0], details: [{ label: 'x', value: 1 }] }] };
    for (const m of [
      null,
      'graph',
      { type: 'graph' },
      { type: 'graph', graph: badNode },
      { type: 'graph', graph: badDetails },
      { type: 'graph', graph: { ...g, mode: 'huge' } },
      { type: 'graph', graph: g, scope: { nodeId: 'n:a' } },
      { type: 'patch', patch: { ...diffGraphs(g, g), removeNodes: [1] } },
      { type: 'focus', nodeId: 5 },
      { type: 'plan' },
      { type: 'engine', state: 'weird', message: '' },
      { type: 'exportRequest', requestId: 'a', format: 'svg' },
      { type: 'exportRequest', requestId: 1, format: 'gif' },
      { type: 'path', path: { marks: [{ nodeId: 'c:1' }] } },
      { type: 'exec', code: 'alert(1)' },
    ])
      assert.equal(isHostMessage(m), false, JSON.stringify(m));
  });

  it('accepts the webview messages and rejects malformed or unknown ones', () => {
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'action', action: 'disconnect', targetId: 'e:n/c' }));
    assert.ok(isWebviewMessage({ type: 'exportResult', requestId: 1, format: 'svg', data: '<svg/>' }));
    assert.ok(isWebviewMessage({ type: 'copyMermaid', visibleNodeIds: ['n:a'] }));
    assert.ok(isWebviewMessage({ type: 'selection', nodeId: null }));
    assert.ok(isWebviewMessage({ type: 'drillDown', nodeId: 'n:abc' }));
    assert.ok(isWebviewMessage({ type: 'drillUp' }));
    for (const m of [
      { type: 'action', action: 'remove', targetId: 'n:x' },
      { type: 'action', action: 'disconnect' },
      { type: 'exportResult', requestId: 1, format: 'svg', data: 7 },
      { type: 'copyMermaid', visibleNodeIds: [1] },
      { type: 'drillDown', nodeId: 'c:a-container' },
      { type: 'drillDown' },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      [],
      undefined,
    ])
      assert.equal(isWebviewMessage(m), false, JSON.stringify(m));
  });

  it('describes a rejected message without echoing its content', () => {
    assert.equal(describeRejected({ type: 'x', payload: '<script>' }), 'message of type "x" with an unexpected shape');
    assert.match(describeRejected(42), /number/);
  });
});
