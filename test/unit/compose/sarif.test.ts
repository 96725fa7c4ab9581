/** SARIF as code scanning accepts it: relative percent-encoded URIs, rule pages, yaml-syntax, failed inputs. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/compose/cli';
import { RULES } from '../../../src/compose/rules';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
}
interface SarifLog {
  runs: {
    tool: { driver: { informationUri: string; version: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
    results: {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
    }[];
  }[];
}

const PKG = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  repository: { url: string };
};
const REPO = PKG.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

describe('docker-net-lint SARIF output', () => {
  let dir: string;
  let sarif: SarifLog;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-sarif-'));
    const file = path.join(dir, 'my app#1', 'compose.yaml');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, 'services:\n  web:\n    image: nginx\n    networks: [front]\n');
    let out = '';
    const code = await main(
      ['--format', 'sarif', 'my app#1', 'gone/compose.yaml'],
      (s) => (out += s),
      () => undefined,
      { cwd: dir, env: {} },
    );
    assert.equal(code, 2, 'an unreadable input makes the run exit 2');
    sarif = JSON.parse(out) as SarifLog;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('locates results relative to %SRCROOT%, percent-encoded, with the base given', () => {
    const run = sarif.runs[0];
    const location = run.results[0].locations[0].physicalLocation.artifactLocation;
    assert.deepEqual(location, { uri: 'my%20app%231/compose.yaml', uriBaseId: '%SRCROOT%' });
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);
  });

  it('describes every rule, yaml-syntax included, with its full description and page', () => {
    const rules = sarif.runs[0].tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id).sort(), ['yaml-syntax', ...RULES.map((r) => r.id)].sort());
    for (const r of rules) {
      assert.equal(r.helpUri, `${REPO}/blob/main/docs/rules/${r.id}.md`);
      assert.ok(
        fs.existsSync(path.resolve(__dirname, '../../../docs/rules', `${r.id}.md`)),
        `docs/rules/${r.id}.md exists`,
      );
      assert.ok(r.fullDescription.text.length > 0);
    }
    const cidr = rules.find((r) => r.id === 'invalid-cidr');
    assert.match(cidr?.fullDescription.text ?? '', /^An IPAM `subnet` or `ip_range` is not a valid CIDR block/);
  });

  it('takes informationUri from the repository field', () => {
    assert.equal(sarif.runs[0].tool.driver.informationUri, REPO);
  });

  it('reports the unreadable input as a failed execution notification', () => {
    const invocation = sarif.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /cannot read gone\/compose\.yaml: ENOENT/);
  });
});
