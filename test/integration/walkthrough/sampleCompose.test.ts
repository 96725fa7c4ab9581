/**
 * The walkthrough's "Lint a compose file" step in the real extension host: the command opens an unsaved
 * compose.sample.yaml in the dockercompose language, and the linter reports its six mistakes there.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually } from '../explorer/explorerApi';

const extensionId = 'docker-network-explorer.docker-network-explorer';

describe('walkthrough: the sample compose file', function () {
  this.timeout(120_000);
  before(async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens unsaved as compose.sample.yaml and shows the six network mistakes', async () => {
    await vscode.commands.executeCommand('dockerNetworks.openSampleComposeFile');
    const doc = await eventually(() => vscode.window.activeTextEditor?.document, 'the sample editor');
    assert.equal(doc.uri.scheme, 'untitled');
    assert.match(doc.fileName, /compose\.sample\.yaml$/);
    assert.equal(doc.languageId, 'dockercompose');
    const rules = await eventually(
      () => {
        const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'docker-net-lint');
        return ours.length >= 6
          ? ours.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)))
          : undefined;
      },
      'six diagnostics',
      90_000,
    );
    // Engine-aware rules may add findings from other networks on the shared engine: the sample's six are the point.
    assert.deepEqual(rules.filter((r) => !r.startsWith('engine-')).sort(), [
      'duplicate-published-port',
      'invalid-cidr',
      'network-mode-with-networks',
      'static-ip-outside-subnet',
      'undeclared-network',
      'unused-network',
    ]);
  });
});
