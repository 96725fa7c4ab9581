/**
 * The one topology panel: owns the WebviewPanel, feeds it graphs and patches from the live topology, validates
 * every message from the webview and turns actions into the explorer's own commands.
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { CommandServices } from '../commands/services';
import type { FeedState, TopologyChange } from '../model/feed';
import type { EndpointNodeData, ResourceNodeData } from '../explorer/nodeTypes';
import { buildGraph, isEmptyPatch, LiveGraph } from './graphModel';
import { makeNonce, panelHtml } from './html';
import { toMermaid } from './mermaid';
import {
  describeRejected,
  isWebviewMessage,
  type ExportFormat,
  type GraphData,
  type HostMessage,
  type NodeAction,
  type WebviewMessage,
} from './protocol';

export const TOPOLOGY_VIEW_TYPE = 'dockerNetworks.topology';

interface PendingExport {
  resolve(data: string): void;
  reject(err: Error): void;
}

export class TopologyPanel implements vscode.Disposable {
  private static current: TopologyPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The graph the webview holds, kept current from the model's diffs (undefined until the webview is ready). */
  private live: LiveGraph | undefined;
  private ready = false;
  private readonly readyWaiters: PendingExport[] = [];
  private pendingFocus: string | undefined;
  private nextRequestId = 1;
  private readonly exports = new Map<number, PendingExport>();
  private planTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  static get instance(): TopologyPanel | undefined {
    return TopologyPanel.current;
  }

  static show(context: vscode.ExtensionContext, services: CommandServices, log: vscode.LogOutputChannel, focusNodeId?: string): TopologyPanel {
    if (TopologyPanel.current) {
      TopologyPanel.current.panel.reveal();
      if (focusNodeId) TopologyPanel.current.focus(focusNodeId);
      return TopologyPanel.current;
    }
    // Kept alive while hidden: a large graph's layout is costly to recompute and users expect it to stay put.
    const panel = vscode.window.createWebviewPanel(TOPOLOGY_VIEW_TYPE, vscode.l10n.t('Docker Network Topology'), vscode.ViewColumn.Active, {
      retainContextWhenHidden: true,
    });
    return TopologyPanel.attach(panel, context, services, log, focusNodeId);
  }

  /** Used both for a new panel and by the serializer after a window reload. */
  static attach(
    panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    services: CommandServices,
    log: vscode.LogOutputChannel,
    focusNodeId?: string,
  ): TopologyPanel {
    TopologyPanel.current?.dispose();
    TopologyPanel.current = new TopologyPanel(panel, context, services, log, focusNodeId);
    return TopologyPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly services: CommandServices,
    private readonly log: vscode.LogOutputChannel,
    focusNodeId?: string,
  ) {
    this.pendingFocus = focusNodeId;
    const roots = [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')];
    panel.webview.options = { enableScripts: true, localResourceRoots: roots };
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'network.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      services.feed.onDidChange((change) => this.pushGraph(change)),
      services.feed.onDidChangeState((s) => this.postEngineState(s)),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedulePlan()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedulePlan();
      }),
    );
    // The panel needs the engine: connect now if nothing has yet. The user sees a failure as the feed's unreachable
    // state (panel banner and status bar, with the engine's message and what to do); the log keeps it too.
    services.engine().catch((e: unknown) =>
      this.log.warn(`Topology panel: the Docker engine did not open: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  private html(): string {
    const webview = this.panel.webview;
    const uri = (...p: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...p)).toString();
    return panelHtml(
      {
        cspSource: webview.cspSource,
        scriptUri: uri('dist', 'webview.js'),
        styleUri: uri('media', 'topology.css'),
        scriptNonce: makeNonce(randomBytes),
        styleNonce: makeNonce(randomBytes),
      },
      vscode.l10n.t('Docker Network Topology'),
    );
  }

  focus(nodeId: string): void {
    if (this.ready) void this.post({ type: 'focus', nodeId });
    else this.pendingFocus = nodeId;
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message).then(
      (ok) => ok,
      (err: unknown) => {
        this.log.error(`Topology panel: a message could not be delivered to the webview: ${String(err)}`);
        return false;
      },
    );
  }

  private noticeFor(graph: Pick<GraphData, 'mode' | 'counts'>): string | undefined {
    if (graph.mode !== 'aggregate') return undefined;
    return vscode.l10n.t(
      'Showing networks only: {0} containers on {1} networks are more than the graph draws usably. Each network shows its number of endpoints, and a line joins networks that share containers; the Networks view lists the containers.',
      graph.counts.containers,
      graph.counts.networks,
    );
  }

  /**
   * The first graph in full; then the patch derived from each model diff, which costs what the change touches
   * (LiveGraph falls back to a full rebuild and comparison itself when the change is large or the mode flips).
   */
  private pushGraph(change?: TopologyChange): void {
    if (!this.ready) return;
    if (!this.live || !change) {
      this.live = new LiveGraph(this.services.feed.snapshot);
      const graph = this.live.graph;
      void this.post({ type: 'graph', graph, notice: this.noticeFor(graph) });
    } else {
      const patch = this.live.update(change.diff, change.snapshot);
      if (!isEmptyPatch(patch)) void this.post({ type: 'patch', patch, notice: this.noticeFor(patch) });
    }
    this.schedulePlan();
  }

  private postEngineState(state: FeedState): void {
    if (!this.ready) return;
    const message =
      state.kind === 'unreachable'
        ? state.problem.message
        : state.kind === 'connecting'
          ? vscode.l10n.t('Connecting to the Docker engine at {0}...', state.endpoint)
          : vscode.l10n.t('Live from {0}', state.endpoint);
    void this.post({ type: 'engine', state: state.kind, message });
  }

  private schedulePlan(): void {
    if (this.planTimer) clearTimeout(this.planTimer);
    this.planTimer = setTimeout(() => {
      this.pushPlan().catch((e: unknown) => this.log.warn(`Topology panel: plan overlay failed: ${e instanceof Error ? e.message : String(e)}`));
    }, 300);
  }

  private async pushPlan(): Promise<void> {
    if (!this.ready) return;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) return; // keep the last overlay while focus is in the panel itself
    // Loaded on first use: the plan overlay brings the `yaml` parser, which has no place on the activation path.
    const { comparePlan, isComposeFileName } = await import('./planOverlay');
    if (!isComposeFileName(doc.fileName)) {
      void this.post({ type: 'plan', overlay: null });
      return;
    }
    const overlay = comparePlan(doc.getText(), path.basename(doc.fileName), path.basename(path.dirname(doc.fileName)), this.services.feed.snapshot);
    void this.post({ type: 'plan', overlay });
  }

  private receive(raw: unknown): void {
    if (!isWebviewMessage(raw)) {
      this.log.warn(`Topology panel: ignored a ${describeRejected(raw)} from the webview.`);
      return;
    }
    const m: WebviewMessage = raw;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        for (const w of this.readyWaiters.splice(0)) w.resolve('');
        this.live = undefined;
        this.pushGraph();
        this.postEngineState(this.services.feed.state);
        if (this.pendingFocus) {
          void this.post({ type: 'focus', nodeId: this.pendingFocus });
          this.pendingFocus = undefined;
        }
        break;
      case 'action':
        void this.runAction(m.action, m.targetId);
        break;
      case 'exportResult':
        this.exports.get(m.requestId)?.resolve(m.data);
        this.exports.delete(m.requestId);
        break;
      case 'exportFailed':
        this.exports.get(m.requestId)?.reject(new Error(m.message));
        this.exports.delete(m.requestId);
        break;
      case 'copyMermaid':
        this.copyMermaid(new Set(m.visibleNodeIds)).catch((err: unknown) => {
          const why = err instanceof Error ? err.message : String(err);
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not copy the topology as Mermaid: {0}', why));
        });
        break;
      case 'selection':
        break; // the webview keeps its own state (vscode.setState); nothing to do on the host
      case 'problem':
        this.log.error(`Topology webview: ${m.message}`);
        break;
    }
  }

  /** The same commands as the explorer, with the same node data its tree items carry. */
  private async runAction(action: NodeAction, targetId: string): Promise<void> {
    const node = this.nodeData(targetId);
    if (!node) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That item is no longer on the engine; the graph has been updated.'));
      return;
    }
    try {
      switch (action) {
        case 'disconnect': {
          const endpoints = node.kind === 'container' ? await this.pickEndpointsOf(node.container.id) : node.kind === 'endpoint' ? [node] : [];
          // (clicked, selected) as from a multi-selection in the tree: the explorer's command disconnects each
          if (endpoints.length) await vscode.commands.executeCommand('dockerNetworks.disconnectContainer', endpoints[0], endpoints);
          break;
        }
        case 'connect':
          // a network takes a container; a container goes to a network: the explorer's two commands
          await vscode.commands.executeCommand(node.kind === 'container' ? 'dockerNetworks.connectToNetwork' : 'dockerNetworks.connectContainer', node);
          break;
        case 'inspect':
          await vscode.commands.executeCommand('dockerNetworks.inspectNetwork', node.kind === 'endpoint' ? this.nodeData(`n:${node.endpoint.networkId}`) : node);
          break;
        case 'reveal': {
          const networkId = node.kind === 'network' ? node.network.id : node.kind === 'endpoint' ? node.endpoint.networkId : undefined;
          if (networkId) await this.services.revealNetwork(networkId);
          break;
        }
      }
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(vscode.l10n.t('The topology action "{0}" failed: {1}', action, why));
    }
  }

  /** A container's endpoints to disconnect: the only one, or those the user picks. */
  private async pickEndpointsOf(containerId: string): Promise<EndpointNodeData[]> {
    const eps = this.services.feed.snapshot.endpointsByContainer.get(containerId) ?? [];
    if (eps.length <= 1) return eps.map((endpoint) => ({ kind: 'endpoint', endpoint }));
    const picked = await vscode.window.showQuickPick(
      eps.map((e) => ({ label: e.networkName, description: e.ipv4 ?? e.ipv6 ?? '', endpoint: e })),
      { canPickMany: true, title: vscode.l10n.t('Disconnect {0} from', eps[0].containerName) },
    );
    return (picked ?? []).map((p) => ({ kind: 'endpoint', endpoint: p.endpoint }));
  }

  private nodeData(targetId: string): ResourceNodeData | undefined {
    const s = this.services.feed.snapshot;
    if (targetId.startsWith('n:')) {
      const network = s.networks.get(targetId.slice(2));
      return network && { kind: 'network', network };
    }
    if (targetId.startsWith('c:')) {
      const container = s.containers.get(targetId.slice(2));
      return container && { kind: 'container', container };
    }
    if (targetId.startsWith('e:')) {
      const endpoint = s.endpoints.get(targetId.slice(2));
      return endpoint && { kind: 'endpoint', endpoint };
    }
    return undefined;
  }

  async copyMermaid(visible?: ReadonlySet<string>): Promise<void> {
    const graph = this.live?.graph ?? buildGraph(this.services.feed.snapshot);
    await vscode.env.clipboard.writeText(toMermaid(graph, visible && visible.size ? visible : undefined));
    void vscode.window.showInformationMessage(vscode.l10n.t('The topology is on the clipboard as a Mermaid flowchart.'));
  }

  private whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve, reject) => this.readyWaiters.push({ resolve: () => resolve(), reject }));
  }

  /** Asks the webview for the current view as SVG text or a PNG data URL (once it has drawn the graph). */
  async requestExport(format: ExportFormat): Promise<string> {
    await this.whenReady();
    const requestId = this.nextRequestId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.exports.delete(requestId);
        reject(new Error(vscode.l10n.t('the panel did not answer within 30 seconds')));
      }, 30_000);
      this.exports.set(requestId, {
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      void this.post({ type: 'exportRequest', requestId, format });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
    if (this.planTimer) clearTimeout(this.planTimer);
    for (const p of [...this.exports.values(), ...this.readyWaiters.splice(0)]) p.reject(new Error(vscode.l10n.t('the panel was closed')));
    this.exports.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
