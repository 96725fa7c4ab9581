/**
 * Commands of the Getting Started walkthrough: openSampleComposeFile opens the sample compose file (with network
 * mistakes) as an unsaved document named compose.sample.yaml, so the linter treats it as a compose file.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SAMPLE_COMPOSE, SAMPLE_COMPOSE_NAME } from '../compose/sampleCompose';
import type { CommandEntry } from './services';

/** An untitled document in the first workspace folder (or the temp folder): saving it writes it there. */
function sampleUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath ?? os.tmpdir();
  return vscode.Uri.file(path.join(folder, SAMPLE_COMPOSE_NAME)).with({ scheme: 'untitled' });
}

async function openSampleComposeFile(): Promise<void> {
  const uri = sampleUri();
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.getText().length === 0) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), SAMPLE_COMPOSE);
    if (!(await vscode.workspace.applyEdit(edit)))
      throw new Error(vscode.l10n.t('The sample compose file could not be filled in.'));
  }
  await vscode.languages.setTextDocumentLanguage(doc, 'dockercompose');
  await vscode.window.showTextDocument(doc, { preview: false });
}

export const walkthroughCommands: CommandEntry[] = [
  { id: 'dockerNetworks.openSampleComposeFile', run: () => openSampleComposeFile() },
];
