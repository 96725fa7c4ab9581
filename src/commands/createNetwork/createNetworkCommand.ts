/**
 * dockerNetworks.createNetwork: the wizard, then the engine call with progress, then the new network revealed. A
 * legacy plugin driver (network or IPAM) is asked first whether it answers (pluginCheck.ts).
 */
import * as vscode from 'vscode';
import { errorMessage } from '../../common/failure';
import type { CreateNetworkRequest } from '../../engine/api';
import { pluginDirectories } from '../../explorer/driverDetails';
import { gatherDriverFacts } from '../../hostFacts/driverGathering';
import { pluginsAnswer } from '../pluginCheck';
import { prompterFrom, reportFailure, sortedNetworks } from '../operationSupport';
import type { CommandEntry, CommandServices } from '../services';
import { runCreateNetworkWizard } from './wizard';

/** Resolves the new network's id, or undefined when cancelled or failed (the failure was reported). */
export async function createNetwork(services: CommandServices, args: readonly unknown[]): Promise<string | undefined> {
  const prompter = prompterFrom(args);
  const engine = await services.engine();
  const [info, drivers] = await Promise.all([
    engine.info(),
    // The plugin drivers are a bonus: without them the wizard still offers what /info names.
    gatherDriverFacts(engine, pluginDirectories()).then(
      (facts) => facts.inventory,
      (error: unknown) => {
        services.log.warn(`Create Network: the engine's plugin drivers could not be listed: ${errorMessage(error)}`);
        return undefined;
      },
    ),
  ]);
  const request = await runCreateNetworkWizard({
    prompter,
    networks: sortedNetworks(services.feed.snapshot),
    info,
    ...(drivers ? { drivers } : {}),
  });
  if (!request) return undefined;
  const mayGo = await pluginsAnswer(services, prompter, engine, {
    drivers: [request.driver, request.ipamDriver ?? ''],
    ...(drivers ? { inventory: drivers } : {}),
    refusal: (sentences) =>
      vscode.l10n.t(
        'Network "{0}" was not created: the engine waits for a legacy plugin without a limit, so it would hang. {1} Then run Create Network again.',
        request.name,
        sentences,
      ),
  });
  if (!mayGo) return undefined;
  let created: { id: string; warning?: string };
  try {
    created = await prompter.withProgress(vscode.l10n.t('Creating network "{0}"...', request.name), () =>
      engine.createNetwork(request),
    );
  } catch (error) {
    await reportFailure(
      prompter,
      services,
      vscode.l10n.t('Creating network "{0}" ({1})', request.name, describeRequest(request)),
      error,
      {
        advice: vscode.l10n.t(
          'Nothing was created. Run Create Network again with another name, subnet or driver option.',
        ),
      },
    );
    return undefined;
  }
  if (created.warning)
    void prompter.notify({
      level: 'warning',
      message: vscode.l10n.t('The engine created "{0}" with a warning: {1}', request.name, created.warning),
    });
  // The network exists whether or not it can be shown: a reveal that times out (the model lags on a busy engine) is
  // logged, not reported as a failed creation; the tree shows the network once the model has it.
  await services.revealNetwork(created.id).catch((error: unknown) => {
    services.log.warn(`Created network "${request.name}" but could not reveal it in the tree: ${errorMessage(error)}`);
  });
  return created.id;
}

function describeRequest(r: CreateNetworkRequest): string {
  const subnets = (r.ipam ?? []).map((i) => i.subnet).filter((x): x is string => !!x);
  return subnets.length > 0 ? `${r.driver}, ${subnets.join(', ')}` : r.driver;
}

export const createNetworkCommands: CommandEntry[] = [
  { id: 'dockerNetworks.createNetwork', run: (services, ...args) => createNetwork(services, args) },
];
