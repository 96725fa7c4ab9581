import * as assert from 'node:assert/strict';
import type { CheckResult } from '../../../src/troubleshoot/connectivityCheck';
import { pathHighlight } from '../../../src/troubleshoot/pathHighlight';
import { untranslated } from '../../../src/explorer/present/text';
import { ask, id, networkId, snapshot } from './reachFixture';

const l10n = { t: untranslated } as unknown as Parameters<typeof pathHighlight>[0];

function check(from: string, to: string): CheckResult {
  return {
    request: { sourceId: id(from), target: { kind: 'container', containerId: id(to) }, protocol: 'tcp' },
    sourceName: from,
    targetName: to,
    snapshot,
    report: ask({ from, to }),
    explainMs: 0,
    checkedAt: new Date(),
  };
}

describe('topology path highlight of a check', () => {
  it('marks source, the shared network and target of a reachable pair; container:X marks the namespace owner', () => {
    assert.deepEqual(pathHighlight(l10n, check('sidecar', 'db')).marks, [
      { nodeId: `c:${id('api')}`, label: 'source' },
      { nodeId: `n:${networkId('back')}`, label: 'path' },
      { nodeId: `c:${id('db')}`, label: 'target' },
    ]);
  });

  it('marks the missing link when they share no network', () => {
    assert.deepEqual(pathHighlight(l10n, check('web', 'db')).marks, [
      { nodeId: `c:${id('web')}`, label: 'source: no shared network' },
      { nodeId: `c:${id('db')}`, label: 'target: no shared network' },
    ]);
  });

  it('marks the network where the traffic is blocked (ICC disabled)', () => {
    assert.deepEqual(pathHighlight(l10n, check('icc1', 'icc2')).marks, [
      { nodeId: `c:${id('icc1')}`, label: 'source' },
      { nodeId: `n:${networkId('noicc')}`, label: 'blocked here' },
      { nodeId: `c:${id('icc2')}`, label: 'target' },
    ]);
  });
});
