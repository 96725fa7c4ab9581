/**
 * The contributed `$docker-net-lint` problem matcher in a real VS Code task: a shell task running the CLI on a
 * compose file that is not open puts the CLI's findings in the Problems panel (the file's diagnostics).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually } from '../explorer/explorerApi';

const extensionId = 'docker-network-explorer.docker-network-explorer';

describe('compose lint: the $docker-net-lint problem matcher', function () {
  // A shell task starts a terminal and a Node process: slow on a loaded machine.
  this.timeout(180_000);
  let dir = '';
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the findings of a docker-net-lint task in Problems', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, 'extension not loaded');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace has a folder');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-matcher-'));
    const file = path.join(dir, 'compose.yaml');
    fs.writeFileSync(file, 'services:\n  web:\n    image: nginx\n    networks: [frontnet]\n');

    const cli = path.join(ext.extensionPath, 'dist', 'cli.js');
    const execution = new vscode.ShellExecution(`node "${cli}" "${file}"`);
    const task = new vscode.Task(
      { type: 'shell' },
      folder,
      'lint compose networks',
      'docker-net-lint',
      execution,
      '$docker-net-lint',
    );
    await vscode.tasks.executeTask(task);

    const diagnostic = await eventually(
      () => vscode.languages.getDiagnostics(vscode.Uri.file(file)).find((d) => d.code === 'undeclared-network'),
      'the task problem from the matcher',
      150_000,
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /^Service "web" uses network "frontnet"/);
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [3, 15]);
  });
});
