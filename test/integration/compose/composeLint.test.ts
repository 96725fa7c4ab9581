/**
 * Compose lint inside the real extension host: diagnostics appear for a compose file, a quick fix applies through
 * the code action provider, rename works, and an engine-aware check names a real engine network.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { docker, removeResources, uniqueName } from '../support/docker';

const extensionId = 'docker-network-explorer.docker-network-explorer';

function fixture(name: string): string {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, 'extension not loaded');
  return path.join(ext.extensionPath, 'test/fixtures/compose', name);
}

const tempDirs: string[] = [];

/** A fresh copy under a temp folder named compose.yaml: edits never touch the checked-in fixture. */
function copyToTemp(source: string, content?: string): vscode.Uri {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dne-compose-'));
  tempDirs.push(dir);
  const file = path.join(dir, 'compose.yaml');
  fs.writeFileSync(file, content ?? fs.readFileSync(source, 'utf8'));
  return vscode.Uri.file(file);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'docker-net-lint');
}

function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('compose lint in the extension host', () => {
  before(async () => {
    await vscode.extensions.getExtension(extensionId)?.activate();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
  after(() => {
    for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('shows a diagnostic with its rule, doc link and message for an undeclared network', async () => {
    const uri = copyToTemp(fixture('integration/compose.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.ok(['dockercompose', 'yaml'].includes(doc.languageId), doc.languageId);
    const diag = await waitFor('the undeclared-network diagnostic', () =>
      ours(uri).find((d) => ruleOf(d) === 'undeclared-network'),
    );
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diag.message, /network "bakend", which is not declared.* Did you mean "backend"\?/);
    assert.equal(doc.getText(diag.range), 'bakend');
    const target = (diag.code as { target: vscode.Uri }).target;
    assert.ok(target.path.endsWith('/docs/rules/undeclared-network.md'), target.toString());
    assert.ok(fs.existsSync(target.fsPath), `doc page missing: ${target.fsPath}`);
    // The unused `legacy` declaration is reported too, as a warning.
    assert.ok(
      ours(uri).some((d) => ruleOf(d) === 'unused-network' && d.severity === vscode.DiagnosticSeverity.Warning),
    );
  });

  it('applies the quick fix from the code action provider and the problem is gone', async () => {
    const uri = copyToTemp(fixture('integration/compose.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diag = await waitFor('the undeclared-network diagnostic', () =>
      ours(uri).find((d) => ruleOf(d) === 'undeclared-network'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const rename = actions.find((a) => a.title === 'Change to "backend"');
    assert.ok(rename?.edit, `no "Change to" fix among: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Declare network "bakend"'), titles.join(' | '));
    assert.equal(await vscode.workspace.applyEdit(rename.edit), true);
    assert.match(doc.getText(), /- backend\n/);
    assert.match(doc.getText(), /- frontend {3}# the front door/, 'the comment next to the fix is kept');
    await waitFor('the undeclared-network diagnostic to clear', () =>
      ours(uri).some((d) => ruleOf(d) === 'undeclared-network') ? undefined : true,
    );
    assert.deepEqual(ours(uri).map(ruleOf), ['unused-network']);
  });

  it('renames a network across the file through the rename provider', async () => {
    const uri = copyToTemp(fixture('integration/compose.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor('the first lint', () => (ours(uri).length > 0 ? true : undefined));
    const at = doc.positionAt(doc.getText().indexOf('frontend') + 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      uri,
      at,
      'public',
    );
    assert.ok(edit, 'no rename edit');
    assert.equal(edit.get(uri).length, 2, 'one reference and one declaration');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal((doc.getText().match(/\bpublic\b/g) ?? []).length, 2);
    assert.equal(doc.getText().includes('frontend'), false);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      uri,
      doc.positionAt(doc.getText().indexOf('public') + 1),
    );
    const def = defs[0] as vscode.Location;
    assert.equal(
      def.range.start.line,
      doc.positionAt(doc.getText().lastIndexOf('public')).line,
      'definition is the declaration',
    );
    // Still only the original problems: the rename introduced none.
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual(ours(uri).map(ruleOf).sort(), ['undeclared-network', 'unused-network']);
  });

  it('completes declared network names inside a service networks list', async () => {
    const uri = copyToTemp(fixture('integration/compose.yaml'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(doc.getText().lastIndexOf('- backend') + 2);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      at,
    );
    const ours = list.items
      .filter((i) => i.detail === 'declared network')
      .map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(ours.sort(), ['backend', 'frontend', 'legacy']);
  });

  describe('with a real engine', () => {
    const network = uniqueName('compose');
    const octet = 1 + Math.floor(Math.random() * 250);
    after(() => removeResources({ networks: [network] }));

    it('names an existing engine network whose subnet overlaps the file', async () => {
      docker('network', 'create', '--subnet', `10.232.${octet}.0/24`, network);
      const text = `services:\n  web:\n    image: x\n    networks: [mine]\nnetworks:\n  mine:\n    ipam:\n      config:\n        - subnet: 10.232.${octet}.128/25\n`;
      const uri = copyToTemp('', text);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      const diag = await waitFor(
        'the engine-subnet-overlap diagnostic',
        () => ours(uri).find((d) => ruleOf(d) === 'engine-subnet-overlap'),
        40_000,
      );
      assert.match(
        diag.message,
        new RegExp(`overlaps the engine's network "${network}" \\(10\\.232\\.${octet}\\.0/24\\)`),
      );
      const hover = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        doc.positionAt(doc.getText().indexOf('[mine]') + 2),
      );
      const shown = hover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(shown, /subnet: 10\.232/);
    });
  });
});
