/**
 * The graph's memoizing translator: the panel must show the same sentences as the translator it wraps (a French
 * catalogue here, with placeholders moved), while asking that translator once per message.
 */
import { strict as assert } from 'node:assert';
import type { Translate } from '../../../src/explorer/present/text';
import { memoTranslate } from '../../../src/topology/graph/present';

const catalogue: Record<string, string> = {
  '{0} shared': '{0} partagés',
  'On {0}': 'Sur {0}',
  'Option {0}': 'Option {0}',
  '{0} → {1}': 'vers {1} depuis {0}',
  Network: 'Réseau',
  'ten {0}{1}{2}{3}{4}{5}{6}{7}{8}{9}{10}{11}': 'dix {11}{10}{9}{8}{7}{6}{5}{4}{3}{2}{1}{0}',
};

function french(): { t: Translate; asked: string[] } {
  const asked: string[] = [];
  const t: Translate = (message, ...args) => {
    asked.push(message);
    const template = catalogue[message] ?? message;
    return template.replace(/\{(\d+)\}/g, (whole, i: string) =>
      args[Number(i)] === undefined ? whole : String(args[Number(i)]),
    );
  };
  return { t, asked };
}

describe('topology graph: the memoizing translator', () => {
  it('gives the wrapped translator’s sentences, placeholders filled in its order', () => {
    const { t } = french();
    const memo = memoTranslate(t);
    assert.equal(memo('{0} shared', 3), '3 partagés');
    assert.equal(memo('On {0}', 'back'), 'Sur back');
    assert.equal(memo('{0} → {1}', 'a', 'b'), 'vers b depuis a');
    assert.equal(memo('Network'), 'Réseau');
    assert.equal(memo('Not in the catalogue'), 'Not in the catalogue');
  });

  it('fills placeholders past {9}', () => {
    const memo = memoTranslate(french().t);
    const args = Array.from({ length: 12 }, (_, i) => String.fromCharCode(97 + i));
    assert.equal(memo('ten {0}{1}{2}{3}{4}{5}{6}{7}{8}{9}{10}{11}', ...args), 'dix lkjihgfedcba');
  });

  it('keeps a placeholder that has no argument, and reuses a template with new arguments', () => {
    const memo = memoTranslate(french().t);
    assert.equal(memo('{0} → {1}', 'a'), 'vers {1} depuis a');
    assert.equal(memo('{0} → {1}', 'x', 'y'), 'vers y depuis x');
    assert.equal(memo('{0} shared', 0), '0 partagés');
  });

  it('asks the wrapped translator once per message', () => {
    const { t, asked } = french();
    const memo = memoTranslate(t);
    for (let i = 0; i < 3; i++) {
      memo('{0} shared', i);
      memo('Network');
    }
    assert.deepEqual(asked, ['{0} shared', 'Network']);
  });
});
