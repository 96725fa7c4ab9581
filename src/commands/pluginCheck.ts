/**
 * Before an engine request that goes through a legacy plugin driver (network or IPAM) of a local engine: does the
 * plugin answer now? The engine waits for a legacy plugin without a limit (dockerd 20.10 kept `network create`,
 * `network rm`, `network disconnect` and `network prune` open for as long as the plugin held its connection), so a
 * plugin that hangs would hang the request and the user would read only a timeout. Instead the request is not sent
 * and the user reads which plugin, why and the fix. Built-in drivers and managed plugins are not asked; nor are a
 * remote engine's plugins, which are not ours to see.
 */
import * as vscode from 'vscode';
import { errorMessage } from '../common/failure';
import type { EngineApi } from '../engine/api';
import { pluginDirectories } from '../explorer/driverDetails';
import { driverStateSentence } from '../explorer/present/driverText';
import type { Translate } from '../explorer/present/text';
import { gatherDriverFacts } from '../hostFacts/driverGathering';
import { silentPlugins } from '../hostFacts/pluginFiles';
import {
  findDriver,
  isBuiltInDriver,
  legacySocketsAmong,
  type DriverEntry,
  type DriverInventory,
} from '../model/drivers';
import type { NetworkModel } from '../model/topology';
import type { Prompter } from './prompter';
import type { CommandServices } from './services';

const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** The drivers of an existing network that the engine may ask: its network driver and its IPAM driver. */
export const driversOfNetwork = (network: NetworkModel): string[] => [network.driver, network.ipamDriver];

/** The legacy plugins among `drivers` that do not answer, by name, as sentences (why, and what to do). */
async function silentPluginSentences(
  services: CommandServices,
  engine: EngineApi,
  drivers: readonly string[],
  inventory: DriverInventory | undefined,
): Promise<Map<string, string>> {
  let reading = inventory;
  let found: Array<{ entry: DriverEntry; reason: string }>;
  if (reading) {
    // A reading taken earlier (before a wizard): ask again, the plugin may have stopped or come back since.
    found = await silentPlugins(legacySocketsAmong(reading, drivers));
  } else {
    try {
      reading = (await gatherDriverFacts(engine, pluginDirectories())).inventory;
    } catch (error) {
      // Without the reading the request goes ahead as it would have: the engine still reports its own failure.
      services.log.warn(`The plugin drivers could not be checked before the request: ${errorMessage(error)}`);
      return new Map();
    }
    // A reading taken now: its answers to Plugin.Activate are current.
    found = legacySocketsAmong(reading, drivers).flatMap((entry) =>
      entry.unanswered !== undefined ? [{ entry, reason: entry.unanswered }] : [],
    );
  }
  const known = reading;
  const sentences = new Map<string, string>();
  for (const driver of drivers) {
    const silent = found.find((s) => s.entry === findDriver(known, driver));
    if (silent)
      sentences.set(driver, driverStateSentence({ state: 'notAnswering', ...silent }, pluginDirectories(), t));
  }
  return sentences;
}

/**
 * For each of `items` whose legacy plugin drivers (`driversOf`) do not all answer: the sentences saying which plugin,
 * why and the fix. Items left out may go to the engine. One reading for all items; nothing is asked (and no
 * progress shown) when they use built-in drivers only, as most networks do.
 */
export async function silentPluginsOf<T>(
  services: CommandServices,
  prompter: Prompter,
  engine: EngineApi,
  items: readonly T[],
  options: { driversOf: (item: T) => readonly string[]; inventory?: DriverInventory },
): Promise<Map<T, string>> {
  const drivers = [...new Set(items.flatMap(options.driversOf))].filter((d) => d && !isBuiltInDriver(d));
  if (drivers.length === 0) return new Map();
  const silent = await prompter.withProgress(t('Asking the plugin drivers whether they answer...'), () =>
    silentPluginSentences(services, engine, drivers, options.inventory),
  );
  const refused = new Map<T, string>();
  for (const item of items) {
    const sentences = new Set(options.driversOf(item).flatMap((d) => silent.get(d) ?? []));
    if (sentences.size > 0) refused.set(item, [...sentences].join(' '));
  }
  return refused;
}

/** Tells the user, in one error notice, why each item of `silent` was not sent: `refusal(item, sentences)`. */
export function tellRefused<T>(
  prompter: Prompter,
  silent: ReadonlyMap<T, string>,
  refusal: (item: T, sentences: string) => string,
): void {
  if (silent.size === 0) return;
  const message = [...silent].map(([item, sentences]) => refusal(item, sentences)).join(' ');
  void prompter.notify({ level: 'error', message });
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
  const silent = await silentPluginsOf(services, prompter, engine, [options.drivers], {
    driversOf: (drivers) => drivers,
    ...(options.inventory ? { inventory: options.inventory } : {}),
  });
  tellRefused(prompter, silent, (_, sentences) => options.refusal(sentences));
  return silent.size === 0;
}
