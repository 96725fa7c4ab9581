import * as assert from 'node:assert/strict';
import { groupItems, networkGroupKey, parseGroupBy, visibleNetworks } from '../../../src/explorer/present/grouping';
import { recordedSnapshot } from './fixtureSnapshot';

describe('explorer: network list and grouping', () => {
  const snapshot = recordedSnapshot();
  const all = [...snapshot.networks.values()];

  it('sorts by name and hides built-in networks when asked', () => {
    const shown = visibleNetworks(all, { groupBy: 'none', showBuiltIn: true }).map((n) => n.name);
    assert.deepEqual(
      shown,
      [...shown].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })),
    );
    assert.ok(shown.includes('bridge') && shown.includes('host') && shown.includes('none'));
    const userDefined = visibleNetworks(all, { groupBy: 'none', showBuiltIn: false }).map((n) => n.name);
    for (const builtIn of ['bridge', 'host', 'none', 'ingress', 'docker_gwbridge']) {
      assert.ok(!userDefined.includes(builtIn), builtIn);
    }
    assert.ok(userDefined.includes('dne-model-v6'));
  });

  it('groups by driver, scope and compose project (no-project group last)', () => {
    const byDriver = groupItems(all, (n) => networkGroupKey(n, 'driver') ?? '');
    assert.deepEqual(
      byDriver.map((g) => g.key),
      ['bridge', 'host', 'macvlan', 'null', 'overlay'],
    );
    const byScope = groupItems(all, (n) => networkGroupKey(n, 'scope') ?? '');
    assert.deepEqual(
      byScope.map((g) => g.key),
      ['local', 'swarm'],
    );
    const byProject = groupItems(all, (n) => networkGroupKey(n, 'composeProject') ?? '');
    assert.deepEqual(
      byProject.map((g) => g.key),
      ['dne-model', ''],
    );
    assert.deepEqual(
      byProject[0].items.map((n) => n.name),
      ['dne-model_default'],
    );
  });

  it('reads the groupBy setting defensively', () => {
    assert.equal(parseGroupBy('driver'), 'driver');
    assert.equal(parseGroupBy('composeProject'), 'composeProject');
    assert.equal(parseGroupBy('bogus'), 'none');
    assert.equal(parseGroupBy(undefined), 'none');
  });
});
