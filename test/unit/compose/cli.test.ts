import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../src/compose/cli';

const FIX = path.resolve(__dirname, '../../fixtures/compose');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    args,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
  );
  return { code, out, err };
}

describe('docker-net-lint CLI', () => {
  it('exits 1 with file:line:col text lines when errors are found', async () => {
    const r = await run([path.join(FIX, 'invalid/compose.yaml')]);
    assert.equal(r.code, 1);
    assert.match(
      r.out,
      /compose\.yaml:4:16: error Service "web" uses network "frontnet", which is not declared.* \[undeclared-network\]/,
    );
  });

  it('prints the JSON array with 1-based positions', async () => {
    const r = await run(['--format', 'json', path.join(FIX, 'invalid/compose.yaml')]);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    assert.deepEqual(Object.keys(rows[0]).sort(), [
      'column',
      'endColumn',
      'endLine',
      'file',
      'line',
      'message',
      'rule',
      'severity',
    ]);
    assert.deepEqual(
      [rows[0].line, rows[0].column, rows[0].endLine, rows[0].endColumn, rows[0].rule],
      [4, 16, 4, 24, 'undeclared-network'],
    );
  });

  it('prints SARIF 2.1.0 with rule metadata', async () => {
    const r = await run(['--format=sarif', path.join(FIX, 'invalid/compose.yaml')]);
    const sarif = JSON.parse(r.out) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].tool.driver.rules.some((x) => x.id === 'invalid-cidr'));
    assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 4);
  });

  it('exits 0 on a clean project', async () => {
    const r = await run([path.join(FIX, 'valid/override-project/compose.yaml'), path.join(FIX, 'valid/ipv6.yaml')]);
    assert.deepEqual([r.code, r.out], [0, '']);
  });

  it('exits 2 on bad usage or an unreadable file', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['--format', 'xml', 'x.yaml'])).code, 2);
    const missing = await run([path.join(FIX, 'nope.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*nope\.yaml/);
  });
});
