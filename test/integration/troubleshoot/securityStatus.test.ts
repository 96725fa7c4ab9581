/**
 * The security status bar item against the real engine. The one high-severity finding this machine can produce
 * (privileged containers cannot start here: "unable to apply caps") is the engine reached over plain tcp://
 * without TLS: the test relays a loopback TCP port to the engine's unix socket and points dockerNetworks.host at
 * it. The shield item appears with the number of high-severity findings, its command opens the security review
 * naming the endpoint, and when the setting goes back to the unix socket the item goes away.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { unescapeMarkdown } from './markdownText';
import { eventually, explorerApi, waitConnected } from '../explorer/explorerApi';

const ENGINE_SOCKET = '/var/run/docker.sock';

async function setHost(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('dockerNetworks').update('host', value, vscode.ConfigurationTarget.Global);
}

describe('troubleshoot: security status item', function () {
  this.timeout(60_000);
  let api: ExplorerApi;
  let relay: net.Server;
  let endpoint = '';
  const sockets = new Set<net.Socket>();

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    relay = net.createServer((client) => {
      const engine = net.connect(ENGINE_SOCKET);
      for (const s of [client, engine]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => (s === client ? engine : client).destroy()); // one side failed: close the other
      }
      client.pipe(engine).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    endpoint = `tcp://127.0.0.1:${(relay.address() as AddressInfo).port}`;
  });

  after(async () => {
    await setHost(undefined);
    await waitConnected(api);
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => relay.close(resolve));
  });

  it('appears for an engine on plain TCP, opens the review naming it, and goes away on the unix socket', async () => {
    await setHost(endpoint);
    await eventually(
      () => (api.feed.state.kind === 'connected' && api.feed.state.endpoint === endpoint ? true : undefined),
      `the feed connected at ${endpoint}`,
      20_000,
    );
    const state = await eventually(() => api.securityStatus.state, 'the shield item to appear', 20_000);
    const shown = /^\$\(shield\) (\d+)$/.exec(state.text);
    assert.ok(shown, `the item shows a shield and a number: ${state.text}`);
    assert.ok(Number(shown[1]) >= 1);
    assert.match(state.tooltip, new RegExp(`^${shown[1]} high-severity network security findings`));
    assert.equal(state.command, 'dockerNetworks.reviewSecurity');

    const report = unescapeMarkdown(await vscode.commands.executeCommand<string>(state.command));
    const finding = report
      .split('\n## ')
      .find((part) => part.startsWith('High: The engine is reached over plain TCP, without TLS'));
    assert.ok(finding?.includes(endpoint), `the review names the plain-TCP endpoint as High:\n${report}`);
    // the Markdown preview of the report's document opens in the editor area (its tab shows a moment later)
    const labels = (): string[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((tab) => tab.label));
    await eventually(
      () => (labels().some((label) => label.includes('Security review')) ? true : undefined),
      'the review open in the editor area',
      10_000,
    ).catch((error: Error) => assert.fail(`${error.message}; tabs: ${JSON.stringify(labels())}`));

    await setHost(undefined);
    await waitConnected(api);
    await eventually(
      () => (api.securityStatus.state === undefined ? true : undefined),
      'the shield item to go away on the unix socket (no privileged container can run on this machine)',
      20_000,
    );
  });
});
