/**
 * Runs a report's fix after the user clicked it, through the explorer's own flows: Connect (with its questions
 * for aliases and addresses), Create Network (the wizard) followed by connecting both containers. Re-check fixes
 * only change the target name. Nothing here runs without the click.
 */
import * as vscode from 'vscode';
import { connect } from '../commands/endpointCommands';
import { createNetwork } from '../commands/createNetwork/createNetworkCommand';
import { reportFailure } from '../commands/operationSupport';
import type { Prompter } from '../commands/prompter';
import type { CommandServices } from '../commands/services';
import type { Fix } from '../diagnose/reachability/types';
import type { TopologySnapshot } from '../model/topology';
import type { CheckRequest } from './connectivityCheck';

/** What the report does after the fix: run the check again, with this request. */
export type FixOutcome = { recheck: CheckRequest } | undefined;

async function connectAll(
  services: CommandServices,
  prompter: Prompter,
  snapshot: TopologySnapshot,
  networkId: string,
  containerIds: readonly string[],
): Promise<boolean> {
  const engine = await services.engine();
  const network = snapshot.networks.get(networkId) ?? { id: networkId, name: networkId };
  for (const id of containerIds) {
    const container = snapshot.containers.get(id);
    const name = container?.name ?? id.slice(0, 12);
    try {
      await prompter.withProgress(vscode.l10n.t('Connecting {0} to {1}...', name, network.name), () =>
        engine.connect(networkId, id),
      );
    } catch (error) {
      await reportFailure(
        prompter,
        services,
        vscode.l10n.t('Connecting container "{0}" to network "{1}"', name, network.name),
        error,
      );
      return false;
    }
  }
  return true;
}

/** `snapshot` is the check's own (fresh) snapshot; `args` reach the Create Network wizard (a test's prompter). */
export async function runFix(
  services: CommandServices,
  prompter: Prompter,
  fix: Fix,
  check: { request: CheckRequest; snapshot: TopologySnapshot },
  args: readonly unknown[],
): Promise<FixOutcome> {
  const { request, snapshot } = check;
  switch (fix.kind) {
    case 'connect': {
      const network = fix.networkId ? snapshot.networks.get(fix.networkId) : undefined;
      const container = snapshot.containers.get(fix.containerIds[0]);
      if (!network || !container) {
        void prompter.notify({
          level: 'error',
          message: vscode.l10n.t('The network or the container of this fix no longer exists. Re-run the check.'),
        });
        return undefined;
      }
      return (await connect(services, prompter, network, container)) ? { recheck: request } : undefined;
    }
    case 'createNetworkAndConnect': {
      const networkId = await createNetwork(services, args);
      if (!networkId) return undefined;
      return (await connectAll(services, prompter, snapshot, networkId, fix.containerIds))
        ? { recheck: request }
        : undefined;
    }
    case 'useName':
    case 'useAddress': {
      const name = fix.kind === 'useName' ? fix.name : fix.address;
      if (!name || request.target.kind !== 'container') return undefined;
      return { recheck: { ...request, target: { ...request.target, name } } };
    }
    default:
      return undefined;
  }
}
