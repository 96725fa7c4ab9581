/** What every network operation shares: its prompter, the nodes it was given, and how a failure is reported. */
import * as vscode from 'vscode';
import type { EngineProblem } from '../engine/api';
import type { NetworkModel, TopologySnapshot } from '../model/topology';
import { isOperationOptions, type Prompter } from './prompter';
import type { CommandServices } from './services';
import { vscodePrompter } from './vscodePrompter';

/** The scripted prompter a test passed as an extra argument, else the real UI. */
export function prompterFrom(args: readonly unknown[]): Prompter {
  const carrier = args.find(isOperationOptions);
  return carrier ? carrier.prompter : vscodePrompter;
}

/**
 * The nodes a command acts on. From a tree menu VS Code passes (clickedNode, selectedNodes); the selection wins
 * when it holds the clicked node (multi-select), otherwise the clicked node alone.
 */
export function nodesFrom<T>(args: readonly unknown[], guard: (n: unknown) => n is T): T[] {
  const [clicked, selected] = args;
  if (Array.isArray(selected) && selected.length > 0 && (clicked === undefined || selected.includes(clicked))) {
    return selected.filter(guard);
  }
  if (Array.isArray(clicked)) return clicked.filter(guard);
  return guard(clicked) ? [clicked] : [];
}

export function problemOf(error: unknown): EngineProblem | undefined {
  const problem = (error as { problem?: unknown } | undefined)?.problem;
  if (typeof problem === 'object' && problem !== null && typeof (problem as EngineProblem).message === 'string') {
    return problem as EngineProblem;
  }
  return undefined;
}

/** Problems the engine answered about the request itself: the operation knows best what to do about them. */
const REQUEST_PROBLEMS = new Set(['notFound', 'conflict', 'forbidden', 'badRequest']);

/**
 * Why it failed and what to do. For refusals of the request (not found, conflict, forbidden, bad request) the
 * engine's own words plus the operation's advice, which fits better than a generic hint; for everything else
 * (unreachable, permissions, timeouts, API version) the classified sentence, which names the endpoint and remedy.
 */
export function reasonOf(error: unknown, advice?: string): string {
  const problem = problemOf(error);
  if (problem) {
    if (advice && problem.engineMessage && REQUEST_PROBLEMS.has(problem.kind)) {
      return `${problem.engineMessage.replace(/[.\s]+$/, '')}. ${advice}`;
    }
    return problem.message;
  }
  const text = error instanceof Error ? error.message : String(error);
  return advice ? `${text.replace(/[.\s]+$/, '')}. ${advice}` : text;
}

/** Lets the views resync after a failure (a race usually means the snapshot is stale). */
export function resync(services: CommandServices): void {
  services.feed.refresh().catch((error: unknown) => {
    // The feed reports an unreachable engine through its own state; log for diagnosis only.
    console.warn(`Docker Network Explorer: refresh after a failed operation failed: ${reasonOf(error)}`);
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
  return prompter.notify({ level: 'error', message: vscode.l10n.t('{0} failed: {1}', what, reasonOf(error, options.advice)), actions: options.actions });
}

/** Shows an info message without waiting for it to be dismissed. */
export function tell(prompter: Prompter, message: string): void {
  void prompter.notify({ level: 'info', message });
}

/** The network's current version in the live snapshot (tree nodes may be a little stale), by id or name. */
export function currentNetwork(snapshot: TopologySnapshot, network: Pick<NetworkModel, 'id' | 'name'>): NetworkModel | undefined {
  const byId = snapshot.networks.get(network.id);
  if (byId) return byId;
  for (const n of snapshot.networks.values()) if (n.name === network.name) return n;
  return undefined;
}

export function sortedNetworks(snapshot: TopologySnapshot): NetworkModel[] {
  return [...snapshot.networks.values()].sort((a, b) => a.name.localeCompare(b.name));
}
