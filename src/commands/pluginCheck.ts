/**
 * Before an engine request that goes through a legacy plugin driver (network or IPAM) of a local engine: does the
 * plugin answer now? The engine waits for a legacy plugin without a limit (dockerd 20.10 kept `network create`
 * open for as long as the plugin held its connection), so a plugin that hangs would hang the request and the user
 * would read only a timeout. Instead the request is not sent and the user reads which plugin, why and the fix.
 * Built-in drivers and managed plugins are not asked; nor are a remote engine's plugins, which are not ours to see.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../common/failure';
import type { EngineApi } from '../engine/api';
import { pluginDirectories } from '../explorer/driverDetails';
import { driverStateSentence } from '../explorer/present/driverText';
import type { Translate } from '../explorer/present/text';
import { gatherDriverFacts } from '../hostFacts/driverGathering';
import { silentPlugins } from '../hostFacts/pluginFiles';
import { isBuiltInDriver, legacySocketsAmong, type DriverEntry, type DriverInventory } from '../model/drivers';
import type { Prompter } from './prompter';
import type { CommandServices } from './services';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** The legacy plugins among `drivers` that do not answer, as sentences (why, and what to do); [] when all answer. */
async function silentPluginSentences(
  services: CommandServices,
  engine: EngineApi,
  drivers: readonly string[],
  inventory: DriverInventory | undefined,
): Promise<string[]> {
  let found: Array<{ entry: DriverEntry; reason: string }>;
  if (inventory) {
    // A reading taken earlier (before a wizard): ask again, the plugin may have stopped or come back since.
    found = await silentPlugins(legacySocketsAmong(inventory, drivers));
  } else {
    let fresh: DriverInventory;
    try {
      fresh = (await gatherDriverFacts(engine, pluginDirectories())).inventory;
    } catch (error) {
      // Without the reading the request goes ahead as it would have: the engine still reports its own failure.
      services.log.warn(`The plugin drivers could not be checked before the request: ${errorMessage(error)}`);
      return [];
    }
    // A reading taken now: its answers to Plugin.Activate are current.
    found = legacySocketsAmong(fresh, drivers).flatMap((entry) =>
      entry.unanswered !== undefined ? [{ entry, reason: entry.unanswered }] : [],
    );
  }
  return found.map((s) =>
    driverStateSentence({ state: 'notAnswering', entry: s.entry, reason: s.reason }, pluginDirectories(), t),
  );
}

/**
 * True when the request may go: no legacy plugin among `drivers` or all of them answer. Else the user is told
 * `refusal(sentences)` and the result is false.
 */
export async function pluginsAnswer(
  services: CommandServices,
  prompter: Prompter,
  engine: EngineApi,
  options: { drivers: readonly string[]; inventory?: DriverInventory; refusal: (sentences: string) => string },
): Promise<boolean> {
  // Built-in drivers only (most networks): nothing to ask, no progress shown.
  if (!options.drivers.some((d) => d && !isBuiltInDriver(d))) return true;
  const sentences = await prompter.withProgress(t('Asking the plugin drivers whether they answer...'), () =>
    silentPluginSentences(services, engine, options.drivers, options.inventory),
  );
  if (sentences.length === 0) return true;
  void prompter.notify({ level: 'error', message: options.refusal(sentences.join(' ')) });
  return false;
}
