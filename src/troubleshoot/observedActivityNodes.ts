/**
 * The "Observed activity" node under each running container (Containers view): its listening sockets and its
 * connections as seen in its socket tables, read when the node is expanded (or refreshed) and never on the
 * tree's event path. The container's tooltip adds a summary from the last reading.
 */
import * as vscode from 'vscode';
import { activityRows, activityTooltipLines, type ActivityRow } from '../explorer/present/activityText';
import type { Translate } from '../explorer/present/text';
import type { ContainerActivitySource, ContributedNodeData } from '../explorer/observedSources';
import type { ContainerModel } from '../model/topology';
import type { NetworkObservations } from './networkObservations';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** How old a reading may be when a node is expanded before it is read again. */
const MAX_AGE_MS = 2_000;

class ActivityNode implements ContributedNodeData {
  readonly kind = 'contributed';
  constructor(readonly containerId: string) {}
}

class ActivityRowNode implements ContributedNodeData {
  readonly kind = 'contributed';
  constructor(
    readonly parent: ActivityNode,
    readonly index: number,
    readonly row: ActivityRow,
  ) {}
  get containerId(): string {
    return this.parent.containerId;
  }
}

const ROW_ICONS: Record<ActivityRow['kind'], () => vscode.ThemeIcon> = {
  listening: () => new vscode.ThemeIcon('radio-tower'),
  outgoing: () => new vscode.ThemeIcon('arrow-right', new vscode.ThemeColor('charts.green')),
  incoming: () => new vscode.ThemeIcon('arrow-left', new vscode.ThemeColor('charts.blue')),
  attempt: () => new vscode.ThemeIcon('error', new vscode.ThemeColor('charts.red')),
  note: () => new vscode.ThemeIcon('info'),
};

export class ObservedActivityNodes implements ContainerActivitySource, vscode.Disposable {
  private readonly nodes = new Map<string, ActivityNode>();
  /** Containers whose "Observed activity" children were asked for: the scope of the next read. */
  private readonly open = new Set<string>();
  private readonly changed = new vscode.EventEmitter<ContributedNodeData[] | undefined>();
  readonly onDidChange = this.changed.event;
  private failure: string | undefined;
  private readonly subscription: { dispose(): void };

  constructor(private readonly observations: NetworkObservations) {
    this.subscription = observations.onDidObserveActivity(() => {
      this.failure = undefined;
      this.changed.fire([...this.nodes.values()]);
    });
  }

  childrenOf(container: ContainerModel): ContributedNodeData[] {
    if (!container.running) {
      this.nodes.delete(container.id);
      this.open.delete(container.id);
      return [];
    }
    let node = this.nodes.get(container.id);
    if (!node) this.nodes.set(container.id, (node = new ActivityNode(container.id)));
    return [node];
  }

  children(node: ContributedNodeData): ContributedNodeData[] {
    if (!(node instanceof ActivityNode)) return [];
    this.open.add(node.containerId);
    const latest = this.observations.latestActivity;
    const covered = latest && (latest.scope === undefined || latest.scope.has(node.containerId));
    if (!latest || !covered || Date.now() - latest.at > MAX_AGE_MS) this.read();
    if (latest && !covered)
      return [
        new ActivityRowNode(node, 0, { kind: 'note', label: vscode.l10n.t('Reading sockets...'), description: '' }),
      ];
    if (this.failure !== undefined)
      return [
        new ActivityRowNode(node, 0, { kind: 'note', label: vscode.l10n.t('Not read'), description: this.failure }),
      ];
    if (!latest)
      return [
        new ActivityRowNode(node, 0, { kind: 'note', label: vscode.l10n.t('Reading sockets...'), description: '' }),
      ];
    return activityRows(node.containerId, latest.activity, latest.snapshot, t).map(
      (row, i) => new ActivityRowNode(node, i, row),
    );
  }

  item(node: ContributedNodeData): vscode.TreeItem {
    if (node instanceof ActivityRowNode) {
      const item = new vscode.TreeItem(node.row.label, vscode.TreeItemCollapsibleState.None);
      item.id = `observed:${node.containerId}:${node.index}`;
      item.description = node.row.description;
      item.tooltip = node.row.description ? `${node.row.label}: ${node.row.description}` : node.row.label;
      item.iconPath = ROW_ICONS[node.row.kind]();
      item.contextValue = `observedRow:${node.row.kind}`;
      return item;
    }
    const item = new vscode.TreeItem(vscode.l10n.t('Observed activity'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `observed:${node.containerId}`;
    item.tooltip = vscode.l10n.t(
      "Listening sockets and connections read from the container's socket tables (/proc/net/tcp).",
    );
    item.iconPath = new vscode.ThemeIcon('pulse');
    item.contextValue = 'observedActivity';
    return item;
  }

  tooltipLines(containerId: string): string[] {
    const latest = this.observations.latestActivity;
    return latest ? activityTooltipLines(containerId, latest.activity, t) : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** Reads the containers whose node was opened (and still exist), not every container of the engine. */
  private read(): void {
    for (const id of this.open) if (!this.nodes.has(id)) this.open.delete(id);
    const scope = new Set(this.open);
    void this.observations.observeActivity(MAX_AGE_MS, scope).catch((error: unknown) => this.fail(error));
  }

  private fail(error: unknown): void {
    const problem = (error as { problem?: { message?: unknown } } | undefined)?.problem;
    this.failure =
      typeof problem?.message === 'string' ? problem.message : error instanceof Error ? error.message : String(error);
    this.changed.fire([...this.nodes.values()]);
  }
}
