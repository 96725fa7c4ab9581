/**
 * What the Networks and Containers views share: the feed subscriptions, the first-show hook (the engine loads when
 * a view is first shown, not at activation), the root that stays empty unless connected (so the welcome view for
 * the engine's state shows), expansion remembered across outages, and firing only the nodes that changed.
 */
import * as vscode from 'vscode';
import type { TopologyChange, TopologyFeed } from '../model/feed';
import { ExpansionMemory, type ExpandableView } from './expansionMemory';
import { withRememberedExpansion } from './treeItems';

export abstract class LiveTreeProvider<T> implements vscode.Disposable {
  protected readonly changeEmitter = new vscode.EventEmitter<T | T[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscriptions: { dispose(): void }[];
  private readonly expansion = new ExpansionMemory();
  private firstShown = false;

  constructor(
    protected readonly feed: TopologyFeed,
    private readonly onFirstShow: () => void,
  ) {
    this.subscriptions = [
      feed.onDidChange((change) => this.applyChange(change)),
      feed.onDidChangeState(() => this.changeEmitter.fire(undefined)),
    ];
  }

  getTreeItem(node: T): vscode.TreeItem {
    return withRememberedExpansion(this.buildItem(node), this.expansion);
  }

  /** Remembers what the user expands and collapses in `view`, so it survives the tree emptying in an outage. */
  trackExpansion(view: ExpandableView<T>): vscode.Disposable {
    return this.expansion.track(view, (node) => this.buildItem(node).id);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changeEmitter.dispose();
  }

  protected abstract buildItem(node: T): vscode.TreeItem;

  /** Updates the kept nodes from the model's diff and fires what changed (see `fireChanges`). */
  protected abstract applyChange(change: TopologyChange): void;

  /** The root's children: runs the first-show hook once; empty unless connected. */
  protected connectedRoot(build: () => T[]): T[] {
    if (!this.firstShown) {
      this.firstShown = true;
      this.onFirstShow();
    }
    return this.feed.state.kind === 'connected' ? build() : [];
  }

  /** The whole tree when its top level changed, else only the nodes that changed (VS Code matches by identity). */
  protected fireChanges(root: boolean, dirty: ReadonlySet<T>): void {
    if (root) this.changeEmitter.fire(undefined);
    else if (dirty.size > 0) this.changeEmitter.fire([...dirty]);
  }
}

/** One node object per key across refreshes, holding the model's latest data. */
export function reuseNode<N>(cache: Map<string, N>, key: string, create: () => N, update?: (node: N) => void): N {
  const node = cache.get(key);
  if (node) {
    update?.(node);
    return node;
  }
  const created = create();
  cache.set(key, created);
  return created;
}
