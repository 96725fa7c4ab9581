/**
 * One connectivity report per check: a webview titled "Connectivity: A -> B:port" that shows the verdict, the
 * facts, the probe transcript and the fixes. The check runs with a cancellable progress notification (a cancel
 * stops the probe and removes any helper container). Fix buttons run the explorer's flows, then the check again.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { describeFailure } from '../common/failure';
import type { Prompter } from '../commands/prompter';
import type { CommandServices } from '../commands/services';
import { vscodePrompter } from '../commands/vscodePrompter';
import { runCheck, type CheckRequest, type CheckResult } from './connectivityCheck';
import { runFix } from './fixRunner';
import { pathHighlight } from './pathHighlight';
import { TopologyPanel } from '../topology/panel';
import { isReportToHost, type HostToReport, type ReportToHost, type ReportView } from './protocol';
import { openWebviewPanel, WebviewHost } from '../webviewHost/webviewHost';
import { buildReportView, reportMarkdown, reportTitle } from './reportText';

export const REPORT_VIEW_TYPE = 'dockerNetworks.connectivityReport';
const EXTENSION_ID = 'docker-network-explorer.docker-network-explorer';

export class ConnectivityReport implements vscode.Disposable {
  private static readonly open = new Set<ConnectivityReport>();
  private readonly host: WebviewHost<ReportToHost, HostToReport>;
  result: CheckResult | undefined;
  view: ReportView | undefined;
  private running: Promise<CheckResult | undefined> | undefined;

  /** The reports currently open (integration tests read what they show). */
  static get all(): readonly ConnectivityReport[] {
    return [...ConnectivityReport.open];
  }

  private constructor(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly services: CommandServices,
    private request: CheckRequest,
    private readonly names: { sourceName: string; targetName: string },
  ) {
    ConnectivityReport.open.add(this);
    this.host = new WebviewHost<ReportToHost, HostToReport>(panel, {
      extensionUri,
      title: panel.title,
      script: ['dist', 'connectivityWebview.js'],
      style: ['media', 'connectivity.css'],
      log: services.log,
      isMessage: isReportToHost,
      onReady: () => {
        if (this.view) this.post({ type: 'show', view: this.view });
      },
      onMessage: (message) => void this.receive(message),
    });
    this.host.onDidDispose(() => this.dispose());
  }

  static async show(
    services: CommandServices,
    request: CheckRequest,
    names: { sourceName: string; targetName: string },
    prompter?: Prompter,
  ): Promise<ConnectivityReport> {
    const title = reportTitle(vscode.l10n, names.sourceName, names.targetName, request.port, request.protocol);
    const extensionUri =
      vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri ?? vscode.Uri.file(path.join(__dirname, '..'));
    const panel = openWebviewPanel({ viewType: REPORT_VIEW_TYPE, title, extensionUri, icon: 'network.svg' });
    const report = new ConnectivityReport(panel, extensionUri, services, request, names);
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
      const title = vscode.l10n.t('Checking connectivity: {0}...', this.host.panel.title);
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        (_progress, token) => {
          const abort = new AbortController();
          token.onCancellationRequested(() => abort.abort());
          return runCheck(engine, this.request, { helperImage, signal: abort.signal }, this.names);
        },
      );
      this.result = result;
      this.view = buildReportView(vscode.l10n, result);
      this.host.panel.title = this.view.title;
      this.post({ type: 'show', view: this.view });
      TopologyPanel.instance?.showPath(pathHighlight(vscode.l10n, result));
      return result;
    } catch (error) {
      const message = vscode.l10n.t('The check failed: {0}', describeFailure(error));
      void prompter.notify({ level: 'error', message });
      return undefined;
    } finally {
      this.post({ type: 'busy', busy: false });
    }
  }

  /** Runs fix number `index` of the current result (after the user's click), then checks again. */
  async applyFix(
    index: number,
    prompter: Prompter = vscodePrompter,
    args: readonly unknown[] = [],
  ): Promise<CheckResult | undefined> {
    const result = this.result;
    const fix = result?.report.fixes[index];
    if (!result || !fix) return undefined;
    const outcome = await runFix(this.services, prompter, fix, result, args);
    if (!outcome) return undefined;
    this.request = outcome.recheck;
    if (outcome.recheck.target.kind === 'container' && outcome.recheck.target.name)
      this.names.targetName = outcome.recheck.target.name;
    return this.run(prompter);
  }

  markdown(): string | undefined {
    return this.view ? reportMarkdown(this.view) : undefined;
  }

  private async receive(message: ReportToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'rerun':
        await this.run();
        return;
      case 'fix':
        await this.applyFix(message.index);
        return;
      case 'showTopology':
        await vscode.commands.executeCommand('dockerNetworks.showTopology');
        if (this.result) TopologyPanel.instance?.showPath(pathHighlight(vscode.l10n, this.result));
        return;
      case 'copyMarkdown': {
        const text = this.markdown();
        if (!text) return;
        await vscode.env.clipboard.writeText(text);
        void vscode.window.showInformationMessage(
          vscode.l10n.t('The connectivity report is on the clipboard as Markdown.'),
        );
      }
    }
  }

  private post(message: HostToReport): void {
    void this.host.post(message);
  }

  dispose(): void {
    if (!ConnectivityReport.open.delete(this)) return;
    this.host.dispose();
  }
}
