/** What every network operation shares: its prompter, the nodes it was given, and how a failure is reported. */
export { nodesFrom, problemOf, reasonOf } from './operationArgs';
import * as vscode from 'vscode';
import type { NetworkModel, TopologySnapshot } from '../model/topology';
import { reasonOf } from './operationArgs';
import { isOperationOptions, type Prompter } from './prompter';
import type { CommandServices } from './services';
import { vscodePrompter } from './vscodePrompter';

/** The scripted prompter a test passed as an extra argument, else the real UI. */
export function prompterFrom(args: readonly unknown[]): Prompter {
  const carrier = args.find(isOperationOptions);
  return carrier ? carrier.prompter : vscodePrompter;
}

/** Lets the views resync after a failure (a race usually means the snapshot is stale). */
export function resync(services: CommandServices): void {
  services.feed.refresh().catch((error: unknown) => {
    // The feed reports an unreachable engine through its own state; log for diagnosis only.
    services.log.warn(`Refresh after a failed operation failed: ${reasonOf(error)}`);
  });
}

/** One clear message: what we tried, the engine's reason and what to do; then the views resync. */
export async function reportFailure(
  prompter: Prompter,
  services: CommandServices,
  what: string,
  error: unknown,
  options: { advice?: string; actions?: readonly string[] } = {},
): Promise<string | undefined> {
  resync(services);
  return prompter.notify({
    level: 'error',
    message: vscode.l10n.t('{0} failed: {1}', what, reasonOf(error, options.advice)),
    actions: options.actions,
  });
}

/** Shows an info message without waiting for it to be dismissed. */
export function tell(prompter: Prompter, message: string): void {
  void prompter.notify({ level: 'info', message });
}

/** The network's current version in the live snapshot (tree nodes may be a little stale), by id or name. */
export function currentNetwork(
  snapshot: TopologySnapshot,
  network: Pick<NetworkModel, 'id' | 'name'>,
): NetworkModel | undefined {
  const byId = snapshot.networks.get(network.id);
  if (byId) return byId;
  for (const n of snapshot.networks.values()) if (n.name === network.name) return n;
  return undefined;
}

export function sortedNetworks(snapshot: TopologySnapshot): NetworkModel[] {
  return [...snapshot.networks.values()].sort((a, b) => a.name.localeCompare(b.name));
}
