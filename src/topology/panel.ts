/**
 * The topology panel's controller: one panel at a time, hosted by the generic WebviewHost. It feeds the webview
 * the graph and then the patches derived from each model diff, the engine's state and the plan overlay, and turns
 * the webview's messages into actions (the explorer's commands), Mermaid copies and export answers.
 */
import { describeFailure } from '../common/failure';
import * as vscode from 'vscode';
import type { CommandServices } from '../commands/services';
import type { Logger } from '../common/logger';
import type { FeedState, TopologyChange } from '../model/feed';
import { openWebviewPanel, WebviewHost } from '../webviewHost/webviewHost';
import { runNodeAction } from './actions';
import { buildGraph } from './graph/build';
import { DrilledGraph, buildNetworkGraph } from './graph/drill';
import { isEmptyPatch } from './graph/diff';
import { LiveGraph } from './graph/liveGraph';
import { toMermaid } from './mermaid';
import { ObservedPoller, type ObservedActivitySource } from './observedPoller';
import { PlanScheduler } from './planScheduler';
import { webviewStrings } from './webviewStrings';
import {
  isWebviewMessage,
  type ExportFormat,
  type GraphData,
  type HostMessage,
  type PathHighlight,
  type WebviewMessage,
} from './protocol';

export const TOPOLOGY_VIEW_TYPE = 'dockerNetworks.topology';

/** What the panel needs from the extension besides the command services (set once by registerTopology). */
export interface PanelEnvironment {
  extensionUri: vscode.Uri;
  /** The socket activity behind the "Observed connections" layer (the troubleshooting part's observations). */
  observations?: ObservedActivitySource;
}

const t = (message: string, ...args: Array<string | number | boolean>): string => vscode.l10n.t(message, ...args);

export class TopologyPanel implements vscode.Disposable {
  private static current: TopologyPanel | undefined;
  private readonly host: WebviewHost<WebviewMessage, HostMessage>;
  private readonly plan: PlanScheduler;
  readonly observed: ObservedPoller;
  private readonly subscriptions: vscode.Disposable[];
  /** The graph the webview holds, kept current from the model's diffs (undefined until the webview is ready). */
  private live: LiveGraph | undefined;
  /** Set while the webview shows one network's endpoints (drilled down from the networks-only graph). */
  private drilled: DrilledGraph | undefined;
  private pendingFocus: string | undefined;
  private path: PathHighlight | null = null;

  static get instance(): TopologyPanel | undefined {
    return TopologyPanel.current;
  }

  static show(env: PanelEnvironment, services: CommandServices, focusNodeId?: string): TopologyPanel {
    if (TopologyPanel.current) {
      TopologyPanel.current.host.panel.reveal();
      if (focusNodeId) TopologyPanel.current.focus(focusNodeId);
      return TopologyPanel.current;
    }
    // Kept alive while hidden: a large graph's layout is costly to recompute and users expect it to stay put.
    const panel = openWebviewPanel({
      viewType: TOPOLOGY_VIEW_TYPE,
      title: t('Docker Network Topology'),
      extensionUri: env.extensionUri,
      icon: 'network.svg',
      retainContextWhenHidden: true,
    });
    return TopologyPanel.attach(panel, env, services, focusNodeId);
  }

  /** Used both for a new panel and by the serializer after a window reload. */
  static attach(
    panel: vscode.WebviewPanel,
    env: PanelEnvironment,
    services: CommandServices,
    focusNodeId?: string,
  ): TopologyPanel {
    TopologyPanel.current?.dispose();
    TopologyPanel.current = new TopologyPanel(panel, env, services, focusNodeId);
    return TopologyPanel.current;
  }

  private constructor(
    panel: vscode.WebviewPanel,
    env: PanelEnvironment,
    private readonly services: CommandServices,
    focusNodeId?: string,
  ) {
    this.pendingFocus = focusNodeId;
    const log = services.log;
    this.host = new WebviewHost<WebviewMessage, HostMessage>(panel, {
      extensionUri: env.extensionUri,
      title: t('Docker Network Topology'),
      script: ['dist', 'webview.js'],
      style: ['media', 'topology.css'],
      log,
      isMessage: isWebviewMessage,
      data: () => ({ strings: webviewStrings() }),
      onReady: () => this.onReady(),
      onMessage: (m) => this.receive(m, log),
    });
    this.plan = new PlanScheduler(
      () => services.feed.snapshot,
      (overlay) => this.host.isReady && void this.host.post({ type: 'plan', overlay }),
      log,
    );
    this.observed = new ObservedPoller(
      panel,
      env.observations,
      (layer) => this.host.isReady && void this.host.post({ type: 'observed', layer }),
      log,
    );
    this.subscriptions = [
      services.feed.onDidChange((change) => this.pushGraph(change)),
      services.feed.onDidChangeState((s) => this.postEngineState(s)),
    ];
    this.host.onDidDispose(() => this.dispose());
    // The panel needs the engine: connect now if nothing has yet. The user sees a failure as the feed's unreachable
    // state (panel banner and status bar, with the engine's message and what to do); the log keeps it too.
    services
      .engine()
      .catch((e: unknown) => log.warn(`Topology panel: the Docker engine did not open: ${describeFailure(e)}`));
  }

  /** Marks a connectivity check's path (or clears it with null); kept across webview reloads. */
  showPath(path: PathHighlight | null): void {
    this.path = path;
    if (this.host.isReady) void this.host.post({ type: 'path', path });
  }

  focus(nodeId: string): void {
    // drilled into another network: the node is in the overview, so go back there first
    if (this.host.isReady && this.drilled && !this.drilled.graph.nodes.some((n) => n.id === nodeId))
      this.pushOverview();
    if (this.host.isReady) void this.host.post({ type: 'focus', nodeId });
    else this.pendingFocus = nodeId;
  }

  private onReady(): void {
    this.live = undefined;
    this.drilled = undefined;
    this.pushGraph();
    this.postEngineState(this.services.feed.state);
    if (this.path) void this.host.post({ type: 'path', path: this.path });
    if (this.pendingFocus) {
      void this.host.post({ type: 'focus', nodeId: this.pendingFocus });
      this.pendingFocus = undefined;
    }
  }

  private noticeFor(graph: Pick<GraphData, 'mode' | 'counts'>): string | undefined {
    if (graph.mode !== 'aggregate') return undefined;
    const why = t(
      'Showing networks only: {0} containers on {1} networks are more than the graph draws usably. Each network shows its number of endpoints, and a line joins networks that share containers; the Networks view lists the containers.',
      graph.counts.containers,
      graph.counts.networks,
    );
    return `${why} ${vscode.l10n.t('Double-click a network (or select it and press Enter) to see its containers.')}`;
  }

  /**
   * The first graph in full; then the patch derived from each model diff, which costs what the change touches
   * (LiveGraph falls back to a full rebuild and comparison itself when the change is large or the mode flips).
   */
  private pushGraph(change?: TopologyChange): void {
    if (!this.host.isReady) return;
    if (this.drilled && change) this.pushDrilled(change);
    else if (!this.live || !change) this.pushOverview();
    else {
      const patch = this.live.update(change.diff, change.snapshot);
      if (!isEmptyPatch(patch)) void this.host.post({ type: 'patch', patch, notice: this.noticeFor(patch) });
    }
    this.plan.schedule();
  }

  /** The overview again (the graph the engine's size calls for), with a notice before the usual one. */
  private pushOverview(notice?: string): void {
    this.drilled = undefined;
    this.live = new LiveGraph(this.services.feed.snapshot, { t });
    const graph = this.live.graph;
    const layoutKey = this.services.feed.state.endpoint;
    const all = [notice, this.noticeFor(graph)].filter(Boolean).join(' ') || undefined;
    void this.host.post({ type: 'graph', graph, notice: all, layoutKey });
  }

  /** Shows one network's containers; a network the engine no longer holds leaves the overview with a notice. */
  private drillDown(nodeId: string): void {
    const networkId = nodeId.slice(2);
    if (!buildNetworkGraph(this.services.feed.snapshot, networkId)) {
      this.pushOverview(vscode.l10n.t('That network is gone from the engine; showing all networks.'));
      return;
    }
    this.live = undefined; // the overview is rebuilt on the way back: it does not follow changes meanwhile
    this.drilled = new DrilledGraph(networkId, this.services.feed.snapshot, t);
    const { graph, scope } = this.drilled;
    void this.host.post({ type: 'graph', graph, layoutKey: this.services.feed.state.endpoint, scope });
  }

  /** A change while drilled in: the network's part of it, or back to the overview when the network went away. */
  private pushDrilled(change: TopologyChange): void {
    const drilled = this.drilled!;
    const patch = drilled.update(change.diff, change.snapshot);
    if (!patch) {
      const name = drilled.scope.label;
      this.pushOverview(vscode.l10n.t('The network {0} was removed; showing all networks again.', name));
    } else if (!isEmptyPatch(patch)) void this.host.post({ type: 'patch', patch });
  }

  private postEngineState(state: FeedState): void {
    if (!this.host.isReady) return;
    const message =
      state.kind === 'unreachable'
        ? state.problem.message
        : state.kind === 'connecting'
          ? t('Connecting to the Docker engine at {0}...', state.endpoint)
          : t('Live from {0}', state.endpoint);
    void this.host.post({ type: 'engine', state: state.kind, message });
  }

  private receive(m: WebviewMessage, log: Logger): void {
    switch (m.type) {
      case 'action':
        void runNodeAction(this.services, m.action, m.targetId);
        break;
      case 'copyMermaid':
        this.copyMermaid(new Set(m.visibleNodeIds)).catch((err: unknown) => {
          const why = describeFailure(err);
          void vscode.window.showErrorMessage(t('Could not copy the topology as Mermaid: {0}', why));
        });
        break;
      case 'problem':
        log.error(`Topology webview: ${m.message}`);
        break;
      case 'drillDown':
        this.drillDown(m.nodeId);
        break;
      case 'drillUp':
        this.pushOverview();
        break;
      case 'observedLayer':
        this.observed.setOn(m.on);
        break;
      case 'observedRefresh':
        this.observed.refresh();
        break;
      default:
        break; // selection: the webview keeps its own state (vscode.setState); answers are the host's
    }
  }

  async copyMermaid(visible?: ReadonlySet<string>): Promise<void> {
    const graph = this.drilled?.graph ?? this.live?.graph ?? buildGraph(this.services.feed.snapshot, { t });
    const shown = visible && visible.size ? visible : undefined;
    await vscode.env.clipboard.writeText(toMermaid(graph, shown, this.observed.shown));
    void vscode.window.showInformationMessage(t('The topology is on the clipboard as a Mermaid flowchart.'));
  }

  /** Asks the webview for the current view as SVG text or a PNG data URL (once it has drawn the graph). */
  async requestExport(format: ExportFormat): Promise<string> {
    const answer = await this.host.request((requestId) => ({ type: 'exportRequest', requestId, format }));
    if (answer.type === 'exportResult') return answer.data;
    if (answer.type === 'exportFailed') throw new Error(answer.message);
    throw new Error(t('the panel answered the export with "{0}"', answer.type));
  }

  dispose(): void {
    if (TopologyPanel.current === this) TopologyPanel.current = undefined;
    this.plan.dispose();
    this.observed.dispose();
    for (const d of this.subscriptions.splice(0)) d.dispose();
    this.host.dispose();
  }
}
