/**
 * Diagnostics for compose documents: debounced per document, linted in the worker, applied only if the document
 * has not changed meanwhile. Keeps the latest findings (with their fixes) and symbol index per document.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../../common/failure';
import type { Finding } from '../lint';
import type { SymbolIndex } from '../symbolIndex';
import type { EngineView } from '../rules/types';
import { isComposeDocument } from './composeDocuments';
import type { LintClient } from './lintClient';
import { readSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'docker-net-lint';

export interface LintState {
  version: number;
  findings: Finding[];
  diagnostics: vscode.Diagnostic[];
  index: SymbolIndex;
  related: string[];
}

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class ComposeDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('docker-compose-networks');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly states = new Map<string, LintState>();

  constructor(
    private readonly client: LintClient,
    private readonly docsRoot: vscode.Uri,
    private readonly engineView: () => EngineView | undefined,
    private readonly log: (m: string) => void,
  ) {}

  state(doc: vscode.TextDocument): LintState | undefined {
    const s = this.states.get(doc.uri.toString());
    return s && s.version === doc.version ? s : undefined;
  }

  /** Resolves once the document's current version has been linted (used by language features). */
  async ensureLinted(doc: vscode.TextDocument): Promise<LintState | undefined> {
    if (this.state(doc)) return this.state(doc);
    if (!isComposeDocument(doc)) return undefined;
    await this.lintNow(doc);
    return this.state(doc);
  }

  schedule(doc: vscode.TextDocument, immediate = false): void {
    if (!isComposeDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const settings = readSettings();
    if (!settings.enable) {
      this.collection.delete(doc.uri);
      return;
    }
    this.timers.set(
      key,
      setTimeout(
        () => {
          this.timers.delete(key);
          this.lintNow(doc).catch((e: unknown) =>
            this.log(`Compose lint of ${doc.fileName} failed: ${errorMessage(e)}`),
          );
        },
        immediate ? 0 : settings.debounceMs,
      ),
    );
  }

  /** Re-lints open compose documents that read `file` as part of their project (override, include). */
  relintDependents(file: string): void {
    for (const doc of vscode.workspace.textDocuments) {
      const s = this.states.get(doc.uri.toString());
      if (s?.related.includes(file)) this.schedule(doc, true);
    }
  }

  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, true);
  }

  forget(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.collection.delete(doc.uri);
  }

  private async lintNow(doc: vscode.TextDocument): Promise<void> {
    const version = doc.version;
    const settings = readSettings();
    const response = await this.client.lint({
      file: doc.uri.scheme === 'file' ? doc.fileName : `/untitled/${doc.fileName}`,
      text: doc.getText(),
      rules: settings.rules,
      engine: settings.engineChecks ? this.engineView() : undefined,
    });
    if (response.error) this.log(`Compose lint of ${doc.fileName} failed: ${response.error}`);
    if (doc.isClosed || doc.version !== version) return; // a newer edit is scheduled already
    const diagnostics = response.findings.map((f) => this.toDiagnostic(doc, f));
    this.states.set(doc.uri.toString(), {
      version,
      findings: response.findings,
      diagnostics,
      index: response.index,
      related: response.related,
    });
    this.collection.set(doc.uri, diagnostics);
  }

  private toDiagnostic(doc: vscode.TextDocument, f: Finding): vscode.Diagnostic {
    const range = new vscode.Range(doc.positionAt(f.range[0]), doc.positionAt(Math.max(f.range[1], f.range[0])));
    const d = new vscode.Diagnostic(range, f.message, SEVERITY[f.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: f.rule, target: vscode.Uri.joinPath(this.docsRoot, `${f.rule}.md`) };
    if (f.rule === 'unused-network') d.tags = [vscode.DiagnosticTag.Unnecessary];
    return d;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
  }
}
