/**
 * A generic webview host: what every panel of ours needs, and nothing about what it shows.
 * - lifecycle: `openWebviewPanel` creates a panel (or the serializer hands one back after a reload), the host
 *   sets its options (scripts on, resources from dist/ and media/ only), renders the CSP page and disposes with it;
 * - typed post (a failed delivery is logged) and receive (every message validated; rejects logged by type only);
 * - the ready handshake: `onReady` runs each time the webview's script starts (first load, webview reload);
 * - typed requests: `request()` posts a message carrying a fresh `requestId` and resolves with the webview's
 *   message that carries the same id (or rejects on time-out or when the panel closes).
 *
 * A panel in a few lines (e.g. a connectivity report with its own bundle dist/report.js):
 *
 *     const panel = openWebviewPanel({ viewType: 'dockerNetworks.report', title, extensionUri });
 *     const host = new WebviewHost<ReportWebviewMessage, ReportHostMessage>(panel, {
 *       extensionUri, title, log: services.log, script: ['dist', 'report.js'], style: ['media', 'report.css'],
 *       isMessage: isReportWebviewMessage,
 *       onReady: () => void host.post({ type: 'report', report }),
 *       onMessage: (m) => { if (m.type === 'rerun') rerun(); },
 *     });
 *     registerPanelSerializer('dockerNetworks.report', (restored) => ...) // in the part's register function
 *
 * The webview side posts `{ type: 'ready' }` first and answers a request with a message carrying its requestId.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../common/logger';
import { makeNonce, panelHtml } from './html';
import { describeRejected, isResponseMessage } from './protocol';

type Message = { type: string };

export interface WebviewHostOptions<In extends Message> {
  extensionUri: vscode.Uri;
  title: string;
  /** The bundle and the stylesheet, as path segments under the extension's folder. */
  script: readonly string[];
  style: readonly string[];
  log: Logger;
  /** The protocol's validator for messages from the webview. */
  isMessage(v: unknown): v is In;
  /** Every valid message but the handshake and the answers to requests. */
  onMessage(message: In): void;
  /** What the page reads at start (e.g. `{ strings }`, its translated sentences); rendered as a JSON block. */
  data?: () => unknown;
  /** The webview's script has started (first load or reload): send it what it shows. */
  onReady(): void;
  requestTimeoutMs?: number;
}

export interface PanelOptions {
  viewType: string;
  title: string;
  extensionUri: vscode.Uri;
  /** An icon under media/, e.g. 'network.svg'. */
  icon?: string;
  /** Keep the webview alive while hidden (for views whose state is costly to rebuild). */
  retainContextWhenHidden?: boolean;
}

export function openWebviewPanel(o: PanelOptions): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(o.viewType, o.title, vscode.ViewColumn.Active, {
    retainContextWhenHidden: o.retainContextWhenHidden ?? false,
  });
  if (o.icon) panel.iconPath = vscode.Uri.joinPath(o.extensionUri, 'media', o.icon);
  return panel;
}

/** Restores a panel of `viewType` after a window reload; the returned registration goes to subscriptions. */
export function registerPanelSerializer(
  viewType: string,
  restore: (panel: vscode.WebviewPanel) => void,
): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(viewType, {
    deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => restore(panel),
  });
}

const responseId = (m: unknown): number | undefined => (isResponseMessage(m) ? m.requestId : undefined);

interface Pending<T> {
  resolve(value: T): void;
  reject(err: Error): void;
}

export class WebviewHost<In extends Message, Out extends Message> implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private readonly readyWaiters: Array<Pending<void>> = [];
  private readonly requests = new Map<number, Pending<In>>();
  private nextRequestId = 1;
  private disposed = false;
  private readonly disposeListeners: Array<() => void> = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly options: WebviewHostOptions<In>,
  ) {
    const root = options.extensionUri;
    const roots = [vscode.Uri.joinPath(root, 'dist'), vscode.Uri.joinPath(root, 'media')];
    panel.webview.options = { enableScripts: true, localResourceRoots: roots };
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
    );
  }

  get isReady(): boolean {
    return this.ready;
  }

  private html(): string {
    const { webview } = this.panel;
    const uri = (segments: readonly string[]): string =>
      webview.asWebviewUri(vscode.Uri.joinPath(this.options.extensionUri, ...segments)).toString();
    const page = {
      cspSource: webview.cspSource,
      scriptUri: uri(this.options.script),
      styleUri: uri(this.options.style),
      scriptNonce: makeNonce(randomBytes),
      styleNonce: makeNonce(randomBytes),
      data: this.options.data?.(),
    };
    return panelHtml(page, this.options.title);
  }

  /** Posts a message; resolves false (and logs why) when the webview could not take it. */
  post(message: Out): Thenable<boolean> {
    return this.panel.webview.postMessage(message).then(
      (ok) => ok,
      (err: unknown) => {
        this.options.log.error(
          `${this.options.title}: a message could not be delivered to the webview: ${String(err)}`,
        );
        return false;
      },
    );
  }

  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /**
   * Posts the message `build(requestId)` once the webview is ready and resolves with its answer (the message with
   * the same requestId). Rejects after the time-out or when the panel closes, with a sentence saying which.
   */
  async request(build: (requestId: number) => Out): Promise<In> {
    await this.whenReady();
    const requestId = this.nextRequestId++;
    const timeoutMs = this.options.requestTimeoutMs ?? 30_000;
    return new Promise<In>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.requests.delete(requestId);
        reject(new Error(vscode.l10n.t('the panel did not answer within {0} seconds', Math.round(timeoutMs / 1000))));
      }, timeoutMs);
      const settle =
        <T>(f: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer);
          f(v);
        };
      this.requests.set(requestId, { resolve: settle(resolve), reject: settle(reject) });
      void this.post(build(requestId));
    });
  }

  private receive(raw: unknown): void {
    if (!this.options.isMessage(raw)) {
      this.options.log.warn(`${this.options.title}: ignored a ${describeRejected(raw)} from the webview.`);
      return;
    }
    if (raw.type === 'ready') {
      this.ready = true;
      for (const w of this.readyWaiters.splice(0)) w.resolve();
      this.options.onReady();
      return;
    }
    const requestId = responseId(raw);
    const answered = requestId === undefined ? undefined : this.requests.get(requestId);
    if (requestId !== undefined && answered) {
      this.requests.delete(requestId);
      answered.resolve(raw);
      return;
    }
    this.options.onMessage(raw);
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const closed = new Error(vscode.l10n.t('the panel was closed'));
    for (const p of [...this.requests.values(), ...this.readyWaiters.splice(0)]) p.reject(closed);
    this.requests.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    for (const l of this.disposeListeners.splice(0)) l();
  }
}
