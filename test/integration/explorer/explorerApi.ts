/** Gets the activated extension's API (the real providers and feed) and small helpers over it. */
import * as vscode from 'vscode';
import type { ExplorerApi } from '../../../src/extension';
import type { NetworksTreeNode } from '../../../src/explorer/networksProvider';
import type { TopologySnapshot } from '../../../src/model/topology';

export const extensionId = 'docker-network-explorer.docker-network-explorer';

export async function explorerApi(): Promise<ExplorerApi> {
  const ext = vscode.extensions.getExtension<ExplorerApi>(extensionId);
  if (!ext) throw new Error(`${extensionId} is not loaded in this extension host`);
  const api = await ext.activate();
  if (!api?.feed) throw new Error('activate() returned no explorer API');
  // Activation connects to nothing; the views start the feed when shown. These tests drive the API, so start it.
  void api.feed.start();
  return api;
}

/** Resolves when the feed is connected; rejects with the feed's state after `timeoutMs`. */
export async function waitConnected(api: ExplorerApi, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (api.feed.state.kind !== 'connected') {
    if (Date.now() > deadline) throw new Error(`engine not connected: ${JSON.stringify(api.feed.state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function waitForSnapshot(
  api: ExplorerApi,
  predicate: (s: TopologySnapshot) => boolean,
  timeoutMs = 10_000,
): Promise<TopologySnapshot> {
  return api.feed.waitFor(predicate, timeoutMs);
}

/** Polls until `check` returns a value (not undefined); for state the tree derives from the feed. */
export async function eventually<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A tree item's label as text. */
export function labelOf(item: vscode.TreeItem): string {
  const label = item.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export interface TreeRow {
  node: NetworksTreeNode;
  label: string;
  description: string;
}

/** The Networks view's rows under `node` (the top level without it), as the user reads them. */
export function treeRows(api: ExplorerApi, node?: NetworksTreeNode): TreeRow[] {
  return api.networksProvider.getChildren(node).map((child) => {
    const item = api.networksProvider.getTreeItem(child);
    return { node: child, label: labelOf(item), description: String(item.description ?? '') };
  });
}

/** The rows under the network named `name`; none while the feed does not list it. */
export function networkRows(api: ExplorerApi, name: string): TreeRow[] {
  const id = [...api.feed.snapshot.networks.values()].find((n) => n.name === name)?.id;
  const node = id ? api.networksProvider.nodeForNetwork(id) : undefined;
  return node ? treeRows(api, node) : [];
}

/** A random /24 in 10.<second>.0.0/16 so parallel runs (and other helpers) rarely ask for the same subnet. */
export function randomSubnet(second: number): { subnet: string; ip: (host: number) => string } {
  const third = 1 + Math.floor(Math.random() * 250);
  return { subnet: `10.${second}.${third}.0/24`, ip: (host) => `10.${second}.${third}.${host}` };
}
