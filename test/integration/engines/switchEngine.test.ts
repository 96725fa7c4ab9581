/**
 * Switch Docker Engine against two real engines: the shared one and a second dockerd in its own network namespace
 * (scripts/second-engine.sh), reached through a Docker context in a temporary DOCKER_CONFIG. The tree, the feed and
 * the status follow the switch without a window reload.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { explorerApi, labelOf, waitConnected } from '../explorer/explorerApi';
import { ScriptedPrompter } from '../operations/scriptedPrompter';
import { run, until } from '../operations/support';
import { docker, removeResources, uniqueName } from '../support/docker';

const SECOND = 'dne-e2';
const SECOND_SOCKET = `unix:///run/${SECOND}.sock`;

describe('engines: Switch Docker Engine', function () {
  this.timeout(120_000);
  const onShared = uniqueName('e1');
  const onSecond = uniqueName('e2');
  const secondContext = uniqueName('ctx');
  const deadContext = uniqueName('dead');
  const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-switch-config-'));
  const savedDockerConfig = process.env.DOCKER_CONFIG;
  let script = '';

  const secondDocker = (...args: string[]): string =>
    execFileSync('docker', ['-H', SECOND_SOCKET, ...args], { encoding: 'utf8', timeout: 60_000 }).trim();
  let api: Awaited<ReturnType<typeof explorerApi>>;
  /** The Networks view's rows, as the user reads them. */
  const names = (): string[] =>
    api.networksProvider.getChildren().map((n) => labelOf(api.networksProvider.getTreeItem(n)));

  before(async () => {
    api = await explorerApi();
    script = path.join(
      vscode.extensions.all.find((e) => e.id.endsWith('docker-network-explorer'))!.extensionPath,
      'scripts',
      'second-engine.sh',
    );
    execFileSync('bash', [script, 'start', SECOND], { encoding: 'utf8', timeout: 110_000 });
    secondDocker('network', 'create', onSecond);
    docker('network', 'create', onShared);
    // The contexts as the Docker CLI writes them, in a config folder of this test's own.
    docker('--config', configDir, 'context', 'create', secondContext, '--docker', `host=${SECOND_SOCKET}`);
    docker(
      '--config',
      configDir,
      'context',
      'create',
      deadContext,
      '--docker',
      'host=unix:///run/dne-nothing-here.sock',
    );
    process.env.DOCKER_CONFIG = configDir;
    await waitConnected(api);
    await until((s) => [...s.networks.values()].some((n) => n.name === onShared), `network ${onShared}`);
  });

  after(async () => {
    const config = vscode.workspace.getConfiguration('dockerNetworks');
    await config.update('context', undefined, vscode.ConfigurationTarget.Global);
    await config.update('host', undefined, vscode.ConfigurationTarget.Global);
    if (savedDockerConfig === undefined) delete process.env.DOCKER_CONFIG;
    else process.env.DOCKER_CONFIG = savedDockerConfig;
    removeResources({ networks: [onShared] });
    if (script) execFileSync('bash', [script, 'stop', SECOND], { encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(configDir, { recursive: true, force: true });
  });

  it('lists the contexts; picking one shows that engine in the tree, the feed and the setting', async () => {
    const prompter = new ScriptedPrompter([{ id: 'engine', reply: secondContext }]);
    const started = Date.now();
    await run('switchEngine', prompter);
    await until((s) => [...s.networks.values()].some((n) => n.name === onSecond), `the second engine's ${onSecond}`);
    const elapsed = Date.now() - started;
    const offered = prompter.seen.offered.get('engine') ?? [];
    assert.ok(offered.includes(secondContext) && offered.includes(deadContext), `offered: ${offered.join(', ')}`);
    assert.ok(
      offered.some((l) => l.startsWith('$(check)')),
      'the engine in use is marked',
    );
    assert.ok(names().includes(onSecond), `the tree shows ${onSecond}: ${names().join(', ')}`);
    assert.ok(!names().includes(onShared), `the tree no longer shows the shared engine's ${onShared}`);
    assert.equal(api.feed.state.endpoint, SECOND_SOCKET);
    assert.equal(vscode.workspace.getConfiguration('dockerNetworks').get('context'), secondContext);
    assert.match(prompter.noticesText('info'), new RegExp(`now shows the engine at ${SECOND_SOCKET}`));
    console.log(`switch to the second engine: ${elapsed} ms until its network was in the tree`);
  });

  it('an engine that does not answer: the user reads why, and switching back recovers', async () => {
    const dead = new ScriptedPrompter([{ id: 'engine', reply: deadContext }]);
    await run('switchEngine', dead);
    assert.equal(api.feed.state.kind, 'unreachable');
    assert.match(dead.noticesText('error'), /dne-nothing-here\.sock/);
    assert.deepEqual(names(), []);

    await run('switchEngine', new ScriptedPrompter([{ id: 'engine', reply: 'Follow the environment' }]));
    await until((s) => [...s.networks.values()].some((n) => n.name === onShared), `the shared engine's ${onShared}`);
    assert.ok(!names().includes(onSecond));
    assert.equal(vscode.workspace.getConfiguration('dockerNetworks').get('context'), '');
  });
});
