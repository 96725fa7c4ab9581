import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../src/compose/rules';
import { applyFix, assertFindings, lint, summary } from './lintHelpers';
import { CASES } from './ruleCases';

describe('compose rules', () => {
  it('has one case per rule', () => {
    assert.deepEqual(CASES.map((c) => c.rule).sort(), RULES.map((r) => r.id).sort());
  });

  for (const c of CASES) {
    describe(c.rule, () => {
      it(`reports ${c.findings.length} finding(s) on the triggering file, each on its line and saying why`, () => {
        assertFindings(lint(c.bad, { engine: c.engine }), c.rule, c.findings);
      });

      it('stays silent on the near miss (no finding from any default rule, nor from this one)', () => {
        assert.deepEqual(summary(lint(c.good, { engine: c.engine, rules: { [c.rule]: 'warning' } })), []);
      });

      it('offers the expected fixes', () => {
        const first = lint(c.bad, { engine: c.engine }).find((f) => f.rule === c.rule);
        assert.deepEqual(
          first?.fixes.map((x) => x.title),
          c.fixes,
        );
      });

      if (c.fixes.length > 0) {
        it('every fix, applied, leaves valid YAML and removes that finding', () => {
          const before = lint(c.bad, { engine: c.engine });
          const target = before.find((f) => f.rule === c.rule)!;
          for (const fix of target.fixes) {
            const fixed = applyFix(c.bad, fix);
            const after = lint(fixed, { engine: c.engine });
            assert.equal(after.filter((f) => f.rule === 'yaml-syntax').length, 0, `${fix.title}:\n${fixed}`);
            const sameSpot = after.filter((f) => f.rule === c.rule && f.message === target.message);
            assert.equal(sameSpot.length, 0, `${fix.title} left: ${target.message}\n${fixed}`);
            assert.ok(
              after.filter((f) => f.rule === c.rule).length < before.filter((f) => f.rule === c.rule).length,
              `${fix.title}\n${fixed}`,
            );
          }
        });
      }
    });
  }
});

describe('compose rule docs', () => {
  it('every rule has a page under docs/rules/ with what, why, example and fix (diagnostics link to it)', () => {
    for (const r of RULES) {
      const page = fs.readFileSync(path.resolve(__dirname, '../../../docs/rules', `${r.id}.md`), 'utf8');
      for (const h of ['## What', '## Why', '## Example', '## Fix']) assert.ok(page.includes(h), `${r.id}: ${h}`);
    }
  });
});
