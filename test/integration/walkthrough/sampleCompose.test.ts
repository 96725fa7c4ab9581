/**
 * The walkthrough's "Lint a compose file" step in the real extension host: the command opens an unsaved
 * compose.sample.yaml in the dockercompose language, and the linter reports its six mistakes there.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'docker-network-explorer.docker-network-explorer';

async function eventually<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('walkthrough: the sample compose file', () => {
  before(async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens unsaved as compose.sample.yaml and shows the six network mistakes', async () => {
    await vscode.commands.executeCommand('dockerNetworks.openSampleComposeFile');
    const doc = await eventually('the sample editor', () => vscode.window.activeTextEditor?.document);
    assert.equal(doc.uri.scheme, 'untitled');
    assert.match(doc.fileName, /compose\.sample\.yaml$/);
    assert.equal(doc.languageId, 'dockercompose');
    const rules = await eventually('six diagnostics', () => {
      const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'docker-net-lint');
      return ours.length >= 6 ? ours.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code))) : undefined;
    });
    assert.deepEqual(rules.sort(), [
      'duplicate-published-port', 'invalid-cidr', 'network-mode-with-networks', 'static-ip-outside-subnet', 'undeclared-network', 'unused-network',
    ]);
  });
});
