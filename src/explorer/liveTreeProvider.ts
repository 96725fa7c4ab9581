/**
 * What the Networks and Containers views share: the feed subscriptions, the first-show hook (the engine loads when
 * a view is first shown, not at activation), the root that stays empty unless connected (so the welcome view for
 * the engine's state shows), expansion remembered across outages, and firing only the nodes that changed: both
 * views hang endpoints under an owner (a network, or a container), so one `applyOwnedChange` serves them both.
 */
import * as vscode from 'vscode';
import type { TopologyChange, TopologyFeed } from '../model/feed';
import type { EndpointModel, EntityDiff, SnapshotDiff } from '../model/topology';
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

  /** Updates the kept nodes from the model's diff and fires what changed (see `applyOwnedChange`). */
  protected abstract applyChange(change: TopologyChange): void;

  /**
   * The kept nodes take the diff's new models, then fire: the root when owners come or go or move at the top
   * level; otherwise each changed node, and an owner whose endpoint list changed (added, removed, re-sorted).
   */
  protected applyOwnedChange<O extends T, E extends T & { endpoint: EndpointModel }, M extends { id: string }>(
    diff: SnapshotDiff,
    tree: OwnerTree<T, O, E, M>,
  ): void {
    const owners = tree.ownerDiff(diff);
    let root = owners.added.length > 0 || owners.removed.length > 0;
    const dirty = new Set<T>();
    for (const owner of owners.changed) {
      const node = tree.ownerNodes.get(owner.id);
      if (!node) continue;
      if (tree.movesOwner(node, owner)) root = true;
      for (const updated of tree.updateOwner(node, owner)) dirty.add(updated);
    }
    for (const owner of owners.removed) tree.forgetOwner(owner.id);
    for (const endpoint of [...diff.endpoints.added, ...diff.endpoints.removed]) {
      const parent = tree.ownerNodes.get(tree.ownerIdOf(endpoint));
      if (parent) dirty.add(parent);
    }
    for (const endpoint of diff.endpoints.removed) tree.endpointNodes.delete(endpoint.key);
    for (const endpoint of diff.endpoints.changed) {
      const node = tree.endpointNodes.get(endpoint.key);
      if (!node) continue;
      const parent = tree.ownerNodes.get(tree.ownerIdOf(endpoint));
      // Endpoints are sorted by this name under their owner: a rename moves it in the owner's list.
      if (tree.endpointSortName(node.endpoint) !== tree.endpointSortName(endpoint) && parent) dirty.add(parent);
      node.endpoint = endpoint;
      dirty.add(node);
    }
    this.fireChanges(root, dirty);
  }

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

/**
 * How a view hangs its nodes on the model: owner nodes (networks, or containers) by id, with endpoint nodes below
 * them by endpoint key. T is any node of the view, O an owner node, E an endpoint node, M the owner's model.
 */
export interface OwnerTree<T, O extends T, E extends T & { endpoint: EndpointModel }, M extends { id: string }> {
  readonly ownerNodes: ReadonlyMap<string, O>;
  readonly endpointNodes: Map<string, E>;
  /** The owners' part of the diff: diff.networks, or diff.containers. */
  ownerDiff(diff: SnapshotDiff): EntityDiff<M>;
  ownerIdOf(endpoint: EndpointModel): string;
  /** The name endpoints are sorted by under their owner. */
  endpointSortName(endpoint: EndpointModel): string;
  /** Whether the change moves the owner at the top level (renamed, regrouped): the root then refreshes. */
  movesOwner(node: O, next: M): boolean;
  /** Stores the new model in the owner's node and in any other node showing it; returns them all, to fire. */
  updateOwner(node: O, next: M): T[];
  /** Drops the nodes kept for a removed owner. */
  forgetOwner(id: string): void;
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
