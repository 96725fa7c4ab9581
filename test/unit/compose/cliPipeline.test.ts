/**
 * docker-net-lint as CI pipelines use it: help and version, directories, stdin, unreadable inputs, rule settings,
 * engine failures, terminal-safe text, nesting too deep for the parser. Real files in a temporary folder; no engine.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main, type CliIo } from '../../../src/compose/cli';
import { endpointOrigin, loadEngineView } from '../../../src/compose/cliEngine';
import * as dockerEngine from '../../../src/engine/dockerEngine';

const ROOT_PACKAGE = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  version: string;
};

const UNDECLARED = 'services:\n  web:\n    image: nginx\n    networks: [front]\n';
const CLEAN = 'services:\n  web:\n    image: nginx\n';

let dir: string;

function write(rel: string, text: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

async function run(args: string[], io: Partial<CliIo> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  // The real engine client, loaded statically: the CLI's dynamic import() is for the bundle, not for mocha's tsx.
  const engine = (host?: string) => loadEngineView(host, async () => dockerEngine);
  const code = await main(
    args,
    (s) => (out += s + '\n'),
    (s) => (err += s + '\n'),
    { cwd: dir, env: {}, loadEngineView: engine, ...io },
  );
  return { code, out, err };
}

describe('docker-net-lint in pipelines', () => {
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the full usage on stdout with --help and exits 0', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    for (const option of [
      '--format',
      '--stdin-filename',
      '--rule',
      '--security',
      '--engine',
      '--host',
      '--version',
      'Exit status',
    ]) {
      assert.ok(r.out.includes(option), `usage names ${option}`);
    }
  });

  it('prints the package version with --version', async () => {
    const r = await run(['--version']);
    assert.deepEqual([r.code, r.out.trim()], [0, ROOT_PACKAGE.version]);
  });

  it('searches directories for compose files, skipping node_modules, dot-folders and other YAML', async () => {
    write('compose.yaml', UNDECLARED);
    write('svc/docker-compose.prod.yml', UNDECLARED);
    write('node_modules/x/compose.yaml', UNDECLARED);
    write('.git/compose.yaml', UNDECLARED);
    write('svc/values.yaml', UNDECLARED);
    const r = await run(['.']);
    assert.equal(r.code, 1);
    const files = r.out
      .trim()
      .split('\n')
      .map((l) => l.split(':')[0]);
    assert.deepEqual(files, ['compose.yaml', path.join('svc', 'docker-compose.prod.yml')]);
  });

  it('reports a directory without compose files (exit 2)', async () => {
    write('docs/readme.md', '# none');
    const r = await run(['docs']);
    assert.equal(r.code, 2);
    assert.match(r.err, /no compose files .* under docs/);
  });

  it('reads stdin for -, shown under --stdin-filename, with the .env of that folder', async () => {
    write('app/.env', 'NET=front\n');
    const stdin = 'services:\n  web:\n    image: nginx\n    networks:\n      - ${NET}\nnetworks:\n  back:\n';
    const r = await run(['--stdin-filename', 'app/compose.yaml', '-'], { readStdin: async () => stdin });
    assert.equal(r.code, 1);
    assert.match(r.out, /^app\/compose\.yaml:5:9: error Service "web" uses network "front"/m);
    const unnamed = await run(['-'], { readStdin: async () => UNDECLARED });
    assert.match(unnamed.out, /^<stdin>:4:16: error /m);
  });

  it('reports an unreadable file, still lints the others, and exits 2 at the end', async () => {
    write('a/compose.yaml', UNDECLARED);
    const r = await run(['missing/compose.yaml', 'a/compose.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read missing\/compose\.yaml: ENOENT/);
    assert.match(r.out, /^a\/compose\.yaml:4:16: error .*\[undeclared-network\]$/m);
  });

  it('sets rule levels with --rule id=level and turns on the security rules with --security', async () => {
    write('compose.yaml', UNDECLARED + '    ports: ["8080:80"]\n');
    const off = await run(['--rule', 'undeclared-network=off', 'compose.yaml']);
    assert.deepEqual([off.code, off.out], [0, '']);
    const warning = await run(['--rule=undeclared-network=warning', 'compose.yaml']);
    assert.deepEqual([warning.code, /warning .*\[undeclared-network\]/.test(warning.out)], [0, true]);
    const security = await run(['--security', 'compose.yaml']);
    assert.match(security.out, /\[port-all-interfaces\]/);
    assert.doesNotMatch((await run(['compose.yaml'])).out, /port-all-interfaces/);
  });

  it('refuses an unknown rule, an unknown level and --host without --engine (exit 2)', async () => {
    write('compose.yaml', CLEAN);
    const unknown = await run(['--rule', 'no-such-rule=off', 'compose.yaml']);
    assert.deepEqual([unknown.code, /unknown rule "no-such-rule"/.test(unknown.err)], [2, true]);
    const level = await run(['--rule', 'invalid-cidr=loud', 'compose.yaml']);
    assert.deepEqual([level.code, /expected error, warning, info or off/.test(level.err)], [2, true]);
    const host = await run(['--host', 'unix:///x.sock', 'compose.yaml']);
    assert.deepEqual([host.code, /--host is used only with --engine/.test(host.err)], [2, true]);
  });

  it('names --host or DOCKER_HOST when the engine does not answer', async () => {
    write('compose.yaml', CLEAN);
    const socket = path.join(dir, 'no-engine.sock');
    const viaHost = await run(['--engine', '--host', `unix://${socket}`, 'compose.yaml']);
    assert.equal(viaHost.code, 2);
    assert.match(viaHost.err, new RegExp(`engine at unix://${socket} \\(from --host\\) did not answer: .*ENOENT`));
    assert.match(viaHost.err, /DOCKER_HOST environment variable, or `docker context use NAME`/);
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = `unix://${socket}`;
    try {
      const viaEnv = await run(['--engine', 'compose.yaml']);
      assert.match(viaEnv.err, /\(from DOCKER_HOST\) did not answer/);
      assert.doesNotMatch(viaEnv.err, /dockerNetworks\.host/);
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });

  it('names the Docker context an endpoint came from', () => {
    assert.equal(endpointOrigin({ source: 'context', contextName: 'staging' }), 'the Docker context "staging"');
    assert.match(
      endpointOrigin({ source: 'default' }),
      /default socket \(no --host, DOCKER_HOST or Docker context set\)/,
    );
  });

  it('escapes control characters from the file in text output', async () => {
    write('compose.yaml', 'services:\n  "web\\e]0;pwned\\a\\e[31m":\n    image: nginx\n    networks: [front]\n');
    const r = await run(['compose.yaml']);
    assert.equal(r.code, 1);
    assert.ok(!r.out.includes('\u001b') && !r.out.includes('\u0007'), 'no raw ESC or BEL reaches the terminal');
    assert.match(r.out, /Service "web\\x1b\]0;pwned\\x07\\x1b\[31m" uses network "front"/);
  });

  it('reports nesting too deep for the parser as such, not as a stack overflow', async () => {
    const depth = 20_000; // 200,000 behaves the same; this keeps the test near one second
    write('compose.yaml', 'services:\n  web:\n    x: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n');
    const r = await run(['compose.yaml']);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.equal(lines.length, 1, 'one finding for the one problem');
    assert.match(lines[0], /^compose\.yaml:\d+:\d+: error The YAML nests too deeply .*\[yaml-syntax\]$/);
    assert.doesNotMatch(r.out + r.err, /Maximum call stack/);
  });

  it('contributes a problem matcher that reads the text output', async () => {
    write('compose.yaml', UNDECLARED);
    const r = await run(['compose.yaml']);
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: {
        problemMatchers: {
          name: string;
          pattern: {
            regexp: string;
            file: number;
            line: number;
            column: number;
            severity: number;
            message: number;
            code: number;
          };
        }[];
      };
    };
    const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'docker-net-lint');
    assert.ok(matcher, 'a problem matcher named docker-net-lint');
    const m = new RegExp(matcher.pattern.regexp).exec(r.out.trim().split('\n')[0]);
    assert.ok(m, 'the matcher matches a finding line');
    const p = matcher.pattern;
    assert.deepEqual(
      [m[p.file], m[p.line], m[p.column], m[p.severity], m[p.code]],
      ['compose.yaml', '4', '16', 'error', 'undeclared-network'],
    );
    assert.match(m[p.message], /^Service "web" uses network "front"/);
  });
});
