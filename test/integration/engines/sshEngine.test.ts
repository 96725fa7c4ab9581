/**
 * An ssh:// engine without ssh-agent: a real sshd of this test's own on a loopback port, reached through a host
 * alias in ~/.ssh/config (HostName, Port, User, IdentityFile); the remote end runs `docker system dial-stdio`
 * against the shared engine, as the Docker CLI's ssh transport does.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, explorerApi } from '../explorer/explorerApi';
import { until } from '../operations/support';
import { docker, removeResources, uniqueName } from '../support/docker';

const ALIAS = 'dne-ssh-engine';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function waitListening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`sshd did not listen on 127.0.0.1:${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

describe('engines: an ssh:// engine through ~/.ssh/config and a key file', function () {
  this.timeout(90_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-ssh-'));
  const home = path.join(dir, 'home');
  const network = uniqueName('ssh');
  const saved = { HOME: process.env.HOME, SSH_AUTH_SOCK: process.env.SSH_AUTH_SOCK };
  let sshd: ChildProcess | undefined;
  let knownHostsLine = '';

  before(async () => {
    const port = await freePort();
    fs.mkdirSync(path.join(home, '.ssh'), { recursive: true });
    fs.mkdirSync('/run/sshd', { recursive: true }); // sshd's privilege-separation folder
    const key = path.join(home, '.ssh', 'engine_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, 'host_key')]);
    fs.copyFileSync(`${key}.pub`, path.join(dir, 'authorized_keys'));
    fs.writeFileSync(
      path.join(dir, 'sshd_config'),
      [
        `ListenAddress 127.0.0.1:${port}`,
        `HostKey ${dir}/host_key`,
        `AuthorizedKeysFile ${dir}/authorized_keys`,
        `PidFile ${dir}/sshd.pid`,
        'PermitRootLogin prohibit-password',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'StrictModes no',
        'SetEnv PATH=/usr/local/bin:/usr/bin:/bin',
      ].join('\n') + '\n',
    );
    fs.writeFileSync(
      path.join(home, '.ssh', 'config'),
      `Host ${ALIAS}\n  HostName 127.0.0.1\n  Port ${port}\n  User ${os.userInfo().username}\n  IdentityFile ~/.ssh/engine_key\n`,
    );
    const hostKey = fs.readFileSync(path.join(dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
    knownHostsLine = `[127.0.0.1]:${port} ${hostKey}\n`;
    // -D: stays in the foreground as our child, so after() can stop exactly this sshd.
    sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: 'ignore' });
    await waitListening(port, 15_000);
    docker('network', 'create', network);
    // Resolution reads ~/.ssh from HOME; no agent, so only the key file can authenticate.
    process.env.HOME = home;
    delete process.env.SSH_AUTH_SOCK;
  });

  after(async () => {
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', undefined, vscode.ConfigurationTarget.Global);
    process.env.HOME = saved.HOME;
    if (saved.SSH_AUTH_SOCK !== undefined) process.env.SSH_AUTH_SOCK = saved.SSH_AUTH_SOCK;
    sshd?.kill('SIGTERM');
    removeResources({ networks: [network] });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a host whose key is not in known_hosts, saying how to accept it', async () => {
    const api = await explorerApi();
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', `ssh://${ALIAS}`, vscode.ConfigurationTarget.Global);
    const state = await eventually(
      () => (api.feed.state.kind === 'unreachable' ? api.feed.state : undefined),
      'refusal',
      30_000,
    );
    assert.match(state.problem.message, /ssh host key of \[127\.0\.0\.1\]:\d+ is not in ~\/\.ssh\/known_hosts/);
    assert.match(state.problem.message, /ssh -p \d+ root@127\.0\.0\.1|ssh -p \d+ \S+@127\.0\.0\.1/);
  });

  it('with its key in known_hosts, connects over ssh with the alias, and the tree shows the engine behind it', async () => {
    const api = await explorerApi();
    fs.writeFileSync(path.join(home, '.ssh', 'known_hosts'), knownHostsLine);
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace
      .getConfiguration('dockerNetworks')
      .update('host', `ssh://${ALIAS}`, vscode.ConfigurationTarget.Global);
    // The shared engine holds the network too: wait for the ssh endpoint's own connected state first.
    await eventually(
      () => (api.feed.state.kind === 'connected' && api.feed.state.endpoint === `ssh://${ALIAS}` ? true : undefined),
      'connected over ssh',
      45_000,
    );
    await until((s) => [...s.networks.values()].some((n) => n.name === network), `${network} over ssh`, 20_000);
  });
});
