/**
 * The package manifest as VS Code and the Marketplace read it: compose-only activation, the language association
 * that makes every compose name a `dockercompose` document, trust and virtual-workspace declarations, the
 * walkthrough's commands and media, the icon, localized strings; and the standalone CLI package's manifest.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText } from '../../../src/compose/lint';
import { SAMPLE_COMPOSE } from '../../../src/compose/sampleCompose';
import { COMPOSE_FILE_NAME } from '../../../src/compose/fileNames';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON manifest, checked field by field below
const pkg = JSON.parse(read('package.json')) as any;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;

/** VS Code's filenamePatterns glob (`*` within a name) as a RegExp. */
function globToRegExp(glob: string): RegExp {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'i',
  );
}

describe('package manifest', () => {
  it('activates for compose documents and its own views only, never for every YAML file', () => {
    const events: string[] = pkg.activationEvents;
    assert.ok(events.includes('onLanguage:dockercompose'));
    for (const e of events)
      assert.match(e, /^(onView:dockerNetworks\.|onWebviewPanel:dockerNetworks\.|onLanguage:dockercompose$)/, e);
  });

  it('associates every compose file name the linter knows with the dockercompose language, and no other YAML', () => {
    const patterns: string[] = pkg.contributes.languages.find(
      (l: { id: string }) => l.id === 'dockercompose',
    ).filenamePatterns;
    const matches = (name: string) => patterns.some((p) => globToRegExp(p).test(name));
    for (const name of [
      'compose.yaml',
      'compose.yml',
      'compose-dev.yaml',
      'compose.prod.yml',
      'docker-compose.yml',
      'docker-compose.override.yaml',
    ]) {
      assert.ok(COMPOSE_FILE_NAME.test(name) && matches(name), name);
    }
    for (const name of ['values.yaml', 'k8s-deployment.yml', 'my-compose.yaml', '.gitlab-ci.yml'])
      assert.ok(!matches(name), name);
  });

  it('declares Restricted Mode and virtual workspace support, limiting only existing settings', () => {
    const trust = pkg.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    assert.ok(nls[trust.description.slice(1, -1)].length > 40);
    for (const key of trust.restrictedConfigurations) assert.ok(pkg.contributes.configuration.properties[key], key);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    assert.deepEqual(pkg.extensionKind, ['workspace']);
  });

  it('has a walkthrough whose steps name our commands and ship their media', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    const ids = walkthrough.steps.map((s: { id: string }) => s.id);
    assert.deepEqual(ids, ['connect', 'explore', 'lint', 'topology', 'connectivity', 'security']);
    const contributed = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      const description = nls[step.description.slice(1, -1)];
      for (const [, command] of description.matchAll(/\(command:([\w.]+)\)/g)) {
        // VS Code's own command that opens our view container is the one link that is not ours.
        if (command !== 'workbench.view.extension.dockerNetworks')
          assert.ok(contributed.has(command), `${step.id}: ${command}`);
      }
      const media = step.media.markdown ?? step.media.svg ?? step.media.image;
      assert.ok(fs.existsSync(path.join(ROOT, media)), media);
    }
  });

  it('opens a sample compose file in which the linter finds the six mistakes it promises', () => {
    const rules = lintText(SAMPLE_COMPOSE, { env: new Map() }).findings.map((f) => f.rule);
    assert.deepEqual(rules.sort(), [
      'duplicate-published-port',
      'invalid-cidr',
      'network-mode-with-networks',
      'static-ip-outside-subnet',
      'undeclared-network',
      'unused-network',
    ]);
  });

  it('has a 128x128 PNG icon, repository links and every %key% localized', () => {
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.match(pkg.repository.url, /^https:\/\/github\.com\/.+\.git$/);
    assert.match(pkg.bugs.url, /\/issues$/);
    for (const [, key] of JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g))
      assert.ok(nls[key], `package.nls.json has ${key}`);
  });

  it('contributes a $docker-net-lint problem matcher', () => {
    assert.ok(pkg.contributes.problemMatchers.some((m: { name: string }) => m.name === 'docker-net-lint'));
  });
});

describe('the docker-net-lint npm package', () => {
  const cli = JSON.parse(read('packages/docker-net-lint/package.json')) as Record<string, unknown> & {
    files: string[];
  };

  it('has no runtime dependencies and the extension version', () => {
    for (const key of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies'])
      assert.equal(cli[key], undefined, key);
    assert.equal(cli.version, pkg.version);
    assert.deepEqual(cli.bin, { 'docker-net-lint': 'dist/cli.js' });
  });

  it('ships only the bundled CLI, its engine client and the rule pages', () => {
    assert.deepEqual(cli.files, ['dist/cli.js', 'dist/dockerode.js', 'dist/ssh2.js', 'docs/rules/*.md']);
  });
});
