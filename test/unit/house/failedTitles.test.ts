/**
 * The failed-test lines scripts/test.sh prints before its summary: every failed test of a mocha log named with its
 * suite and the first line of its error, so a CI that keeps only the output's tail says what failed.
 */
import { strict as assert } from 'node:assert';
import { failedTitles } from '../../../scripts/lib/failedTitles.mjs';

const log = `
  18 passing (40s)
  2 failing

  1) topology webview: drill-down
       Escape asks for the overview:

      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:
+ actual - expected
      at Context.<anonymous> (test/webview/drillDown.test.ts:101:12)

  2) e2e: the topology panel
       right-click Disconnect:
     locator.waitFor: Timeout 10000ms exceeded.

DNE-SUMMARY suite=webview passed=18 failed=2 pending=0
`;

describe('house: failed test titles for the CI tail', () => {
  it('names each failed test with its suite and the first line of its error', () => {
    assert.deepEqual(failedTitles(log), [
      {
        title: 'topology webview: drill-down > Escape asks for the overview',
        error: 'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
      },
      {
        title: 'e2e: the topology panel > right-click Disconnect',
        error: 'locator.waitFor: Timeout 10000ms exceeded.',
      },
    ]);
  });

  it('reads every failing block of a log holding several mocha runs, and nothing from a green one', () => {
    assert.equal(failedTitles(`${log}\n${log}`).length, 4);
    assert.deepEqual(failedTitles('  3 passing (1s)\n'), []);
  });
});
