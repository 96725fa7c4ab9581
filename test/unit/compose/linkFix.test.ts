import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { applyFix, lint } from './lintHelpers';

describe('link-without-shared-network fix with a link alias', () => {
  const withAlias = (targetNetworks: string) =>
    `services:\n  a:\n    image: x\n    networks:\n      - front\n    links:\n      - "b:database"\n      - c\n  b:\n    image: x\n    networks:\n${targetNetworks}  c:\n    image: x\n    networks: [front]\nnetworks:\n  front: {}\n  back: {}\n`;

  for (const [label, block] of [
    ['an empty entry', '      back: {}\n'],
    ['an entry with options', '      back:\n        priority: 10 # keep\n'],
  ] as const) {
    it(`keeps the alias as a network alias of the target (${label})`, () => {
      const text = withAlias(block);
      const finding = lint(text).find((f) => f.rule === 'link-without-shared-network');
      assert.ok(finding);
      const fix = finding.fixes[0];
      assert.match(fix.title, /alias "database" kept/);
      const fixed = applyFix(text, fix);
      assert.deepEqual(
        lint(fixed).filter((f) => f.severity === 'error' || f.rule === 'link-without-shared-network'),
        [],
      );
      const doc = parse(fixed) as { services: Record<string, { networks: unknown; links?: string[] }> };
      assert.deepEqual(doc.services.a.networks, ['front', 'back']);
      assert.deepEqual(doc.services.a.links, ['c'], 'only the converted link is dropped');
      assert.deepEqual((doc.services.b.networks as Record<string, { aliases: string[] }>).back.aliases, ['database']);
      if (label === 'an entry with options') assert.match(fixed, /priority: 10 # keep/);
    });
  }

  it('offers no fix when the alias cannot be kept (target in list form)', () => {
    const finding = lint(withAlias('      - back\n')).find((f) => f.rule === 'link-without-shared-network');
    assert.deepEqual(finding?.fixes, []);
  });
});
