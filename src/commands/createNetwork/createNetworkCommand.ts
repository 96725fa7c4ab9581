/**
 * dockerNetworks.createNetwork: the wizard, then the engine call with progress, then the new network revealed. A
 * legacy plugin driver (network or IPAM) of a local engine is asked first whether it answers: the engine waits for
 * a legacy plugin without a limit, so a hung one would hang the creation; instead the user reads why and the fix.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../../common/failure';
import type { CreateNetworkRequest } from '../../engine/api';
import { pluginDirectories } from '../../explorer/driverDetails';
import { driverStateSentence } from '../../explorer/present/driverText';
import { gatherDriverFacts } from '../../hostFacts/driverGathering';
import { silentPlugins } from '../../hostFacts/pluginFiles';
import { legacySocketsAmong, type DriverInventory } from '../../model/drivers';
import type { Prompter } from '../prompter';
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
  if (drivers && !(await pluginsAnswer(prompter, request, drivers))) return undefined;
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

/** False, with the reason told, when a legacy plugin the request uses does not answer now. */
async function pluginsAnswer(
  prompter: Prompter,
  request: CreateNetworkRequest,
  drivers: DriverInventory,
): Promise<boolean> {
  const plugins = legacySocketsAmong(drivers, [request.driver, request.ipamDriver ?? '']);
  if (plugins.length === 0) return true;
  const silent = await prompter.withProgress(vscode.l10n.t('Asking the plugin drivers whether they answer...'), () =>
    silentPlugins(plugins),
  );
  if (silent.length === 0) return true;
  const t = (message: string, ...args: Array<string | number | boolean>) => vscode.l10n.t(message, ...args);
  const reasons = silent.map((s) =>
    driverStateSentence({ state: 'notAnswering', entry: s.entry, reason: s.reason }, pluginDirectories(), t),
  );
  void prompter.notify({
    level: 'error',
    message: vscode.l10n.t(
      'Network "{0}" was not created: the engine waits for a legacy plugin without a limit, so it would hang. {1} Then run Create Network again.',
      request.name,
      reasons.join(' '),
    ),
  });
  return false;
}

function describeRequest(r: CreateNetworkRequest): string {
  const subnets = (r.ipam ?? []).map((i) => i.subnet).filter((x): x is string => !!x);
  return subnets.length > 0 ? `${r.driver}, ${subnets.join(', ')}` : r.driver;
}

export const createNetworkCommands: CommandEntry[] = [
  { id: 'dockerNetworks.createNetwork', run: (services, ...args) => createNetwork(services, args) },
];
