/**
 * One connectivity report per check: a webview titled "Connectivity: A -> B:port" that shows the verdict, the
 * facts, the probe transcript and the fixes. The check runs with a cancellable progress notification (a cancel
 * stops the probe and removes any helper container). Fix buttons run the explorer's flows, then the check again.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { reasonOf } from '../commands/operationArgs';
import type { Prompter } from '../commands/prompter';
import type { CommandServices } from '../commands/services';
import { vscodePrompter } from '../commands/vscodePrompter';
import { runCheck, type CheckRequest, type CheckResult } from './connectivityCheck';
import { runFix } from './fixRunner';
import { makeNonce, reportHtml } from './reportHtml';
import { isReportToHost, type HostToReport, type ReportView } from './reportProtocol';
import { buildReportView, reportMarkdown, reportTitle } from './reportText';

export const REPORT_VIEW_TYPE = 'dockerNetworks.connectivityReport';
const EXTENSION_ID = 'docker-network-explorer.docker-network-explorer';

export class ConnectivityReport implements vscode.Disposable {
  private static readonly open = new Set<ConnectivityReport>();
  private readonly disposables: vscode.Disposable[] = [];
  result: CheckResult | undefined;
  view: ReportView | undefined;
  private running: Promise<CheckResult | undefined> | undefined;

  /** The reports currently open (integration tests read what they show). */
  static get all(): readonly ConnectivityReport[] {
    return [...ConnectivityReport.open];
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly services: CommandServices,
    private request: CheckRequest,
    private readonly names: { sourceName: string; targetName: string },
  ) {
    ConnectivityReport.open.add(this);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
    const webview = panel.webview;
    const base = extension ?? vscode.Uri.file(__dirname);
    const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(base, ...parts)).toString();
    webview.html = reportHtml(
      { cspSource: webview.cspSource, nonce: makeNonce(randomBytes), scriptUri: asset('dist', 'connectivityWebview.js'), styleUri: asset('media', 'connectivity.css') },
      panel.title,
    );
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  static async show(services: CommandServices, request: CheckRequest, names: { sourceName: string; targetName: string }, prompter?: Prompter): Promise<ConnectivityReport> {
    const l10n = vscode.l10n;
    const title = reportTitle(l10n, names.sourceName, names.targetName, request.port, request.protocol);
    const extension = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: extension ? [vscode.Uri.joinPath(extension, 'dist'), vscode.Uri.joinPath(extension, 'media')] : [],
    });
    const report = new ConnectivityReport(panel, services, request, names);
    await report.run(prompter);
    return report;
  }

  /** Runs the check (explain + probe) with progress; a failure becomes the report's headline, never a rejection. */
  run(prompter: Prompter = vscodePrompter): Promise<CheckResult | undefined> {
    this.running ??= this.check(prompter).finally(() => (this.running = undefined));
    return this.running;
  }

  private async check(prompter: Prompter): Promise<CheckResult | undefined> {
    this.post({ type: 'busy', busy: true });
    const helperImage = vscode.workspace.getConfiguration('dockerNetworks').get<string>('diagnostics.helperImage', '');
    try {
      const engine = await this.services.engine();
      const title = vscode.l10n.t('Checking connectivity: {0}...', this.panel.title);
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return runCheck(engine, this.request, { helperImage, signal: abort.signal }, this.names);
      });
      this.result = result;
      this.view = buildReportView(vscode.l10n, result);
      this.panel.title = this.view.title;
      this.post({ type: 'show', view: this.view });
      return result;
    } catch (error) {
      const message = vscode.l10n.t('The check failed: {0}', reasonOf(error));
      void prompter.notify({ level: 'error', message });
      return undefined;
    } finally {
      this.post({ type: 'busy', busy: false });
    }
  }

  /** Runs fix number `index` of the current result (after the user's click), then checks again. */
  async applyFix(index: number, prompter: Prompter = vscodePrompter, args: readonly unknown[] = []): Promise<CheckResult | undefined> {
    const result = this.result;
    const fix = result?.report.fixes[index];
    if (!result || !fix) return undefined;
    const outcome = await runFix(this.services, prompter, fix, result, args);
    if (!outcome) return undefined;
    this.request = outcome.recheck;
    if (outcome.recheck.target.kind === 'container' && outcome.recheck.target.name) this.names.targetName = outcome.recheck.target.name;
    return this.run(prompter);
  }

  markdown(): string | undefined {
    return this.view ? reportMarkdown(this.view) : undefined;
  }

  private async receive(message: unknown): Promise<void> {
    if (!isReportToHost(message)) return;
    switch (message.type) {
      case 'ready':
        if (this.view) this.post({ type: 'show', view: this.view });
        return;
      case 'rerun':
        await this.run();
        return;
      case 'fix':
        await this.applyFix(message.index);
        return;
      case 'copyMarkdown': {
        const text = this.markdown();
        if (!text) return;
        await vscode.env.clipboard.writeText(text);
        void vscode.window.showInformationMessage(vscode.l10n.t('The connectivity report is on the clipboard as Markdown.'));
      }
    }
  }

  private post(message: HostToReport): void {
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (!ConnectivityReport.open.delete(this)) return;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
