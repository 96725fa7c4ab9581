/**
 * Disconnect (endpoints: tree, palette and topology panel alike): a legacy plugin driver of the network (network or
 * IPAM) is asked first whether it answers (pluginCheck.ts), since the engine would wait for it without a limit; then
 * each endpoint is disconnected, with Force offered for the ones the engine refused.
 */
import * as vscode from 'vscode';
import { acceptsConnections } from '../diagnose/reachability/context';
import type { EngineApi } from '../engine/api';
import { isEndpointNode } from '../explorer/nodeTypes';
import type { EndpointModel } from '../model/topology';
import { nodesFrom, prompterFrom, reportFailure, tell } from './operationSupport';
import { pickEndpoints } from './pickers';
import { driversOfNetwork, silentPluginsOf, tellRefused } from './pluginCheck';
import type { Prompter } from './prompter';
import type { CommandServices } from './services';

/** The endpoints whose network's legacy plugins all answer; the user is told why the others were left alone. */
async function withAnsweringPlugins(
  services: CommandServices,
  prompter: Prompter,
  engine: EngineApi,
  endpoints: EndpointModel[],
): Promise<EndpointModel[]> {
  const snapshot = services.feed.snapshot;
  const silent = await silentPluginsOf(services, prompter, engine, endpoints, {
    driversOf: (e) => {
      const network = snapshot.networks.get(e.networkId);
      return network ? driversOfNetwork(network) : [];
    },
  });
  tellRefused(prompter, silent, (e, sentences) =>
    vscode.l10n.t(
      'Container "{0}" was not disconnected from "{1}": the engine waits for a legacy plugin without a limit, so it would hang. {2} Then disconnect it again.',
      e.containerName,
      e.networkName,
      sentences,
    ),
  );
  return endpoints.filter((e) => !silent.has(e));
}

/** Disconnects each endpoint; when the engine refuses one, offers Force for the ones that failed. */
export async function disconnectEndpoints(
  services: CommandServices,
  args: readonly unknown[],
): Promise<{ disconnected: string[]; failed: string[] }> {
  const prompter = prompterFrom(args);
  const snapshot = services.feed.snapshot;
  // A container in the host or none network mode has no endpoint to take away: the engine always refuses.
  const detachable = (e: EndpointModel): boolean => {
    const network = snapshot.networks.get(e.networkId);
    return !network || acceptsConnections(network);
  };
  const given = nodesFrom(args, isEndpointNode).map((n) => n.endpoint);
  const chosen =
    given.length > 0 ? given : await pickEndpoints(prompter, snapshot, vscode.l10n.t('Disconnect'), detachable);
  const result = { disconnected: [] as string[], failed: [] as string[] };
  const fixed = chosen.filter((e) => !detachable(e));
  if (fixed.length > 0) {
    tell(
      prompter,
      vscode.l10n.t(
        'Left as they are: {0}. A container cannot be disconnected from the host or none network; recreate it with another network instead.',
        fixed.map((e) => `${e.containerName} (${e.networkName})`).join(', '),
      ),
    );
  }
  const endpoints = chosen.filter(detachable);
  if (endpoints.length === 0) return result;
  const engine = await services.engine();
  const describe = (e: EndpointModel): string => vscode.l10n.t('{0} from {1}', e.containerName, e.networkName);
  const going = await withAnsweringPlugins(services, prompter, engine, endpoints);
  result.failed.push(...endpoints.filter((e) => !going.includes(e)).map(describe));
  if (going.length === 0) return result;

  const attempt = async (
    list: EndpointModel[],
    force: boolean,
  ): Promise<Array<{ endpoint: EndpointModel; error: unknown }>> => {
    const failures: Array<{ endpoint: EndpointModel; error: unknown }> = [];
    await prompter.withProgress(vscode.l10n.t('Disconnecting...'), async () => {
      for (const e of list) {
        try {
          await engine.disconnect(e.networkId, e.containerId, force);
          result.disconnected.push(describe(e));
        } catch (error) {
          failures.push({ endpoint: e, error });
        }
      }
    });
    return failures;
  };

  let failures = await attempt(going, false);
  if (failures.length > 0) {
    const forceLabel = vscode.l10n.t('Force Disconnect');
    const what = failures.map((f) => describe(f.endpoint)).join(', ');
    const done =
      result.disconnected.length > 0 ? vscode.l10n.t(' (Disconnected: {0}.)', result.disconnected.join(', ')) : '';
    const choice = await reportFailure(
      prompter,
      services,
      vscode.l10n.t('Disconnecting {0}{1}', what, done),
      failures[0].error,
      {
        advice: vscode.l10n.t(
          'The container may have been removed or disconnected meanwhile. Force Disconnect also removes a stale endpoint the engine still holds.',
        ),
        actions: [forceLabel],
      },
    );
    if (choice === forceLabel) {
      failures = await attempt(
        failures.map((f) => f.endpoint),
        true,
      );
      if (failures.length > 0) {
        await reportFailure(
          prompter,
          services,
          vscode.l10n.t('Force-disconnecting {0}', failures.map((f) => describe(f.endpoint)).join(', ')),
          failures[0].error,
          {
            advice: vscode.l10n.t('The engine holds no such endpoint any more; the views are refreshed.'),
          },
        );
      }
    }
    result.failed.push(...failures.map((f) => describe(f.endpoint)));
  }
  if (failures.length === 0 && result.disconnected.length > 0)
    tell(prompter, vscode.l10n.t('Disconnected {0}.', result.disconnected.join(', ')));
  return result;
}
