/** Quick fixes: the fixes the rules attached to their findings, offered on the matching diagnostics. */
import * as vscode from 'vscode';
import type { Fix } from '../rules/types';
import { DIAGNOSTIC_SOURCE, type ComposeDiagnostics } from './diagnostics';

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

export class ComposeCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: ComposeDiagnostics) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const state = this.diagnostics.state(doc);
    if (!state) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      // Diagnostics come back as copies: match them to our findings by rule, range and message.
      const i = state.diagnostics.findIndex(
        (x) => x.range.isEqual(d.range) && x.message === d.message && codeOf(x) === codeOf(d),
      );
      if (i < 0) continue;
      for (const fix of state.findings[i].fixes) actions.push(this.toAction(doc, fix, d));
    }
    return actions;
  }

  private toAction(doc: vscode.TextDocument, fix: Fix, d: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    const edit = new vscode.WorkspaceEdit();
    for (const e of fix.edits)
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.range[0]), doc.positionAt(e.range[1])), e.newText);
    action.edit = edit;
    action.diagnostics = [d];
    action.isPreferred = fix.preferred === true;
    return action;
  }
}
