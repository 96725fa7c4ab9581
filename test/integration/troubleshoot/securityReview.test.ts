/**
 * The security review against the real engine, run from the command a user runs: the report lists a port the
 * test published on every interface (a random high port, never connected to) and a host-mode container.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import { unescapeMarkdown } from './markdownText';
import { docker, removeResources, testImage, uniqueName } from '../support/docker';
import { explorerApi, waitConnected, waitForSnapshot } from '../explorer/explorerApi';

/** The report's finding (from its "## " heading to the next) whose heading contains `title` and names `who`. */
function finding(report: string, title: string, who: string): string {
  const part = report.split('\n## ').find((s) => s.split('\n')[0]!.includes(title) && s.includes(who));
  assert.ok(part, `the report has a finding "${title}" about ${who}:\n${report}`);
  return part;
}

describe('troubleshoot: security review', function () {
  this.timeout(60_000);
  let api: ExplorerApi;
  const published = uniqueName('sec-pub');
  const hostMode = uniqueName('sec-host');
  let hostPort = '';

  before(async () => {
    api = await explorerApi();
    await waitConnected(api);
    const publishedId = docker('run', '-d', '--name', published, '-p', '0.0.0.0::7', testImage, 'sleep', '100000');
    const hostId = docker('run', '-d', '--name', hostMode, '--network', 'host', testImage, 'sleep', '100000');
    hostPort = docker('port', published, '7/tcp').split('\n')[0]!.split(':').pop()!;
    await waitForSnapshot(
      api,
      (s) => s.containers.get(publishedId)?.running === true && s.containers.get(hostId)?.running === true,
    );
  });

  after(() => removeResources({ containers: [published, hostMode] }));

  it('lists the port published on all interfaces and the host-mode container, with their fixes', async () => {
    const markdown = await vscode.commands.executeCommand<string>('dockerNetworks.reviewSecurity');
    assert.equal(typeof markdown, 'string', 'the command returns the report');
    const report = unescapeMarkdown(markdown);
    const ports = finding(report, 'Ports published on all interfaces', published);
    assert.ok(ports.split('\n').includes(`- **Containers:** ${published}`), ports);
    assert.ok(ports.includes(`0.0.0.0:${hostPort}->7/tcp`), `the published binding is named:\n${ports}`);
    assert.match(ports, /\*\*Fix:\*\* Publish on 127\.0\.0\.1/);
    assert.match(ports, /^Medium:/);
    const host = finding(report, 'Container in host network mode', hostMode);
    assert.ok(host.split('\n').includes(`- **Containers:** ${hostMode}`), host);
  });

  it('shows the report in a read-only document', async () => {
    const document = await vscode.workspace.openTextDocument(
      vscode.Uri.parse('docker-network-security:/Security review.md'),
    );
    assert.ok(unescapeMarkdown(document.getText()).includes(hostMode));
  });
});
