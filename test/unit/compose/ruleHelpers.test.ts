/**
 * The rule helpers behind several findings' wording: the "Did you mean …?" suggestion (edit distance and its
 * threshold), the kind of a `network_mode`, the engine-side name of a declared network, and where a service's
 * network stack lives when `network_mode: service:` chains are followed (to their owner, never around a loop).
 */
import * as assert from 'node:assert/strict';
import { parseCompose } from '../../../src/compose/model/parseCompose';
import {
  attachmentOf,
  closest,
  effectiveNetworks,
  engineNameOf,
  levenshtein,
  modeKind,
  servicesByName,
} from '../../../src/compose/rules/helpers';

const model = (text: string) => parseCompose(text, new Map());

describe('compose rule helpers', () => {
  it('edit distance: insertions, deletions, substitutions', () => {
    assert.deepEqual(
      [
        levenshtein('', ''),
        levenshtein('abc', ''),
        levenshtein('', 'ab'),
        levenshtein('kitten', 'sitting'),
        levenshtein('front', 'fronted'),
        levenshtein('back', 'bakc'),
        levenshtein('same', 'same'),
      ],
      [0, 3, 2, 3, 2, 2, 0],
    );
  });

  it('suggests the closest name within max(2, a third of its length), case-insensitively, first on a tie', () => {
    assert.equal(closest('fronted', ['backend', 'frontend', 'front']), 'frontend');
    assert.equal(closest('FRONT', ['front-x']), 'front-x');
    assert.equal(closest('db', ['dbxy', 'web']), 'dbxy');
    assert.equal(closest('db', ['dbxyz']), undefined);
    assert.equal(closest('monitoring', ['monitorXYZ']), 'monitorXYZ');
    assert.equal(closest('monitoring', ['monitXYZWV']), undefined);
    assert.equal(closest('ab', ['ax', 'ay']), 'ax');
    assert.equal(closest('x', []), undefined);
  });

  it('tells network modes apart; an unresolved one is unknown', () => {
    const m = model(
      'services:\n  a: {network_mode: host}\n  b: {network_mode: none}\n  c: {network_mode: bridge}\n' +
        '  d: {network_mode: "service:a"}\n  e: {network_mode: "container:x"}\n  f: {network_mode: mynet}\n' +
        '  g: {network_mode: "${MODE}"}\n  h: {image: x}\n',
    );
    assert.deepEqual(
      m.services.map((s) => modeKind(s)),
      ['host', 'none', 'bridge', 'service', 'container', 'other', undefined, undefined],
    );
  });

  it('names networks as the engine does: name:, external key, or project_key', () => {
    const m = model(
      'networks:\n  a: {}\n  b: {external: true}\n  c: {name: custom}\n  d: {external: {name: legacy}}\n',
    );
    assert.deepEqual(
      m.networks.map((n) => engineNameOf(n, 'shop')),
      ['shop_a', 'b', 'custom', 'legacy'],
    );
  });

  it('follows network_mode: service: chains to their owner; a loop (stopped after as many hops as services) or a missing service is unknown', () => {
    const m = model(
      'services:\n  a: {networks: [front]}\n  b: {network_mode: "service:a"}\n  c: {network_mode: "service:b"}\n' +
        '  d: {network_mode: host}\n  e: {network_mode: "service:d"}\n  f: {network_mode: "service:g"}\n' +
        '  g: {network_mode: "service:f"}\n  h: {network_mode: "service:gone"}\n  i: {network_mode: bridge}\n' +
        '  j: {image: x}\n',
    );
    const byName = servicesByName(m);
    const where = (name: string) => {
      const at = attachmentOf(byName.get(name)!, byName);
      return `${at.kind}${at.kind === 'networks' ? `[${at.networks.join(',')}]` : ''} via ${at.owner.name}`;
    };
    assert.deepEqual(['a', 'b', 'c', 'e', 'f', 'h', 'i', 'j'].map(where), [
      'networks[front] via a',
      'networks[front] via a',
      'networks[front] via a',
      'host via d',
      'unknown via g',
      'unknown via h',
      'unknown via i',
      'networks[default] via j',
    ]);
    assert.deepEqual(effectiveNetworks(byName.get('d')!), []);
  });
});
