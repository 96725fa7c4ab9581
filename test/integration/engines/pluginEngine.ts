/**
 * What the third-party driver tests share: a second dockerd of their own (scripts/second-engine.sh with
 * DNE_E2_PRIVATE_PLUGINS=1: its own network namespace and its own /run/docker/plugins, so the shared engine never
 * sees the test plugins), the fixture plugins of test/fixtures/networkDriver started for it, the extension pointed at
 * that engine and its plugin directory, and a network's rows as the Networks view shows them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { eventually, explorerApi, labelOf, waitConnected } from '../explorer/explorerApi';

export interface NetworkRows {
  /** The network's description in the tree ("bridge · local · ⚠ driver unavailable"). */
  description: string;
  /** Its Details rows as "name: value". */
  details: string[];
}

export class PluginEngine {
  readonly socket: string;
  /** Where the engine finds its legacy plugins, as the host sees it. */
  readonly pluginDir: string;
  private extensionPath = '';
  private apiValue: ExplorerApi | undefined;
  private readonly plugins = new Set<ChildProcess>();

  /** `name`: the engine's name (its socket /run/<name>.sock); `net`: the a.b.c of its own /30. */
  constructor(
    readonly name: string,
    private readonly net: string,
  ) {
    this.socket = `unix:///run/${name}.sock`;
    this.pluginDir = `/run/${name}/plugins`;
  }

  get api(): ExplorerApi {
    if (!this.apiValue) throw new Error('PluginEngine.start() has not run');
    return this.apiValue;
  }

  /** `docker` against this engine; throws with the CLI's message. */
  docker(...args: string[]): string {
    return execFileSync('docker', ['-H', this.socket, ...args], { encoding: 'utf8', timeout: 60_000 }).trim();
  }

  private script(action: 'start' | 'stop'): void {
    execFileSync('bash', [path.join(this.extensionPath, 'scripts', 'second-engine.sh'), action, this.name], {
      encoding: 'utf8',
      timeout: 110_000,
      env: { ...process.env, DNE_E2_NET: this.net, DNE_E2_PRIVATE_PLUGINS: '1' },
    });
  }

  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('dockerNetworks');
  }

  /** Starts the engine and points the extension at it and at its plugin directory. */
  async start(): Promise<void> {
    this.apiValue = await explorerApi();
    this.extensionPath = vscode.extensions.all.find((e) => e.id.endsWith('docker-network-explorer'))!.extensionPath;
    this.script('start');
    await this.config.update('pluginDirectories', [this.pluginDir], vscode.ConfigurationTarget.Global);
    await this.config.update('host', this.socket, vscode.ConfigurationTarget.Global);
    await eventually(
      () => (this.api.feed.state.endpoint === this.socket ? true : undefined),
      `the feed on ${this.socket}`,
      20_000,
    );
    await waitConnected(this.api);
  }

  /**
   * Starts a fixture plugin (`script` in test/fixtures/networkDriver) with `args`, its output in the test log; with
   * `inNamespace` it runs in the engine's network namespace (a network driver makes its links there).
   */
  startPlugin(script: string, args: readonly string[], inNamespace = false): ChildProcess {
    const command = [process.execPath, path.join(this.extensionPath, 'test/fixtures/networkDriver', script), ...args];
    const child = inNamespace
      ? spawn('nsenter', [`--net=/var/run/netns/${this.name}`, ...command], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    const tag = `[${path.basename(script, '.mjs')}]`;
    child.stdout?.on('data', (d: Buffer) => console.log(`${tag} ${d.toString().trim()}`));
    child.stderr?.on('data', (d: Buffer) => console.log(`${tag} ${d.toString().trim()}`));
    this.plugins.add(child);
    child.once('exit', () => this.plugins.delete(child));
    return child;
  }

  /** Stops a plugin with `signal` and resolves once it has exited. */
  async stopPlugin(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /**
   * Removes the containers (while the plugins still answer the engine's release calls), kills the plugins still
   * running, points the extension back at its default engine, then stops and removes ours.
   */
  async stop(containers: readonly string[]): Promise<void> {
    if (this.extensionPath && containers.length) {
      try {
        this.docker('rm', '-f', ...containers);
      } catch (error) {
        console.log(`cleanup: ${String(error)}`);
      }
    }
    for (const child of this.plugins) child.kill('SIGKILL');
    await this.config.update('host', undefined, vscode.ConfigurationTarget.Global);
    await this.config.update('pluginDirectories', undefined, vscode.ConfigurationTarget.Global);
    // Stopping the engine removes its namespace, its data (the networks) and the plugins' links with them.
    if (this.extensionPath) this.script('stop');
  }

  /** The network's row and its Details rows, as the Networks view shows them; undefined while it is not listed. */
  treeRows(network: string): NetworkRows | undefined {
    const provider = this.api.networksProvider;
    const node = provider.getChildren().find((n) => labelOf(provider.getTreeItem(n)) === network);
    if (!node) return undefined;
    const details = provider.getChildren(node).find((n) => n.kind === 'details');
    const rows = details ? provider.getChildren(details) : [];
    return {
      description: String(provider.getTreeItem(node).description ?? ''),
      details: rows.map((r) => {
        const item = provider.getTreeItem(r);
        return `${labelOf(item)}: ${String(item.description ?? '')}`;
      }),
    };
  }
}
